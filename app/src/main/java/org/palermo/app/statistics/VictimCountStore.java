package org.palermo.app.statistics;

import java.util.Arrays;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts the detected victims of a view in PostgreSQL, one scan with grouping sets: no victim is
 * loaded into the heap, only the counts of each dimension.
 *
 * <p>Detected victims of trafficking only (SDG 16.2.2; issue #13 §6): the person's derived
 * trafficking status ({@code cases.TraffickingStatus#detected}, fed by {@code
 * TraffickingStatusChanged}) is indicated by a screening, reasonable grounds, or identified.
 * Smuggled migrants with no trafficking indication, persons whose reasonable-grounds threshold was
 * not met and persons not identified by a conclusive-grounds decision are not counted. Children are
 * counted by their age when the exploitation began where it is known, else by their age at
 * registration.
 */
@Repository
class VictimCountStore {
  private static final String[] KNOWN_FORMS =
      Arrays.stream(Exploitation.values()).map(Exploitation::htcds).toArray(String[]::new);

  private final JdbcClient jdbc;

  VictimCountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The counts of the victims registered in the filter's period, region and agency type. */
  VictimCounts count(Indicators.Filter f) {
    // No wait for events still on their way (issue 12 §3): the page says "figures as of".
    VictimCounts out = VictimCounts.empty();
    jdbc.sql(
            """
            WITH v AS (
              SELECT gender, coalesce(minor_at_exploitation, minor_at_registration) AS minor,
                btrim(citizenship) AS citizenship, btrim(country_of_exploitation) AS country,
                ARRAY(SELECT DISTINCT x FROM unnest(exploitation_types) x
                      WHERE x = ANY(CAST(? AS TEXT[]))) AS forms,
                migration_status, protection_status
              FROM statistics_victim v
              WHERE (SELECT s.status FROM statistics_trafficking_status s
                     WHERE s.case_id = v.case_id)
                      IN ('INDICATED', 'REASONABLE_GROUNDS', 'IDENTIFIED')
                AND (CAST(? AS DATE) IS NULL OR registered_on >= ?)
                AND (CAST(? AS DATE) IS NULL OR registered_on <= ?)
                AND (CAST(? AS TEXT) IS NULL OR country_of_exploitation = ?)
                AND (CAST(? AS TEXT) IS NULL OR owner_agency_type = ?)),
            k AS (
              SELECT
                CASE WHEN minor IS NULL OR gender IS NULL
                          OR gender NOT IN ('Feminine', 'Masculine') THEN 4
                     ELSE (CASE WHEN minor THEN 2 ELSE 0 END)
                        + (CASE WHEN gender = 'Feminine' THEN 0 ELSE 1 END) END AS sex_age,
                CASE WHEN cardinality(forms) = 0 THEN 3
                     WHEN forms && ARRAY['SexualExploitation']
                          AND forms && ARRAY['ForcedLabour', 'ChildLabour'] THEN 2
                     WHEN NOT forms <@ ARRAY['SexualExploitation', 'ForcedLabour', 'ChildLabour']
                       THEN 2
                     WHEN forms && ARRAY['SexualExploitation'] THEN 0
                     ELSE 1 END AS form_column,
                citizenship, country,
                CASE WHEN citizenship IS NULL OR country IS NULL THEN 'unknown'
                     WHEN citizenship = country THEN 'domestic' ELSE 'foreign' END AS origin,
                CASE WHEN cardinality(forms) = 0 THEN 'notRecorded'
                     WHEN cardinality(forms) > 1 THEN 'mixed' ELSE forms[1] END AS form,
                migration_status AS migration, protection_status AS protection
              FROM v)
            SELECT
              CASE WHEN GROUPING(sex_age) = 0 THEN 'sdg'
                   WHEN GROUPING(citizenship) = 0 THEN 'citizenship'
                   WHEN GROUPING(country) = 0 THEN 'country'
                   WHEN GROUPING(origin) = 0 THEN 'origin'
                   WHEN GROUPING(form) = 0 THEN 'forms'
                   WHEN GROUPING(migration) = 0 THEN 'migration'
                   ELSE 'protection' END AS dimension,
              sex_age, form_column,
              coalesce(citizenship, country, origin, form, migration, protection) AS value,
              count(*)
            FROM k
            GROUP BY GROUPING SETS ((sex_age, form_column), (citizenship), (country), (origin),
                                    (form), (migration), (protection))""")
        .params(
            KNOWN_FORMS,
            f.from(),
            f.from(),
            f.to(),
            f.to(),
            f.region(),
            f.region(),
            f.agencyType(),
            f.agencyType())
        .query(
            rs -> {
              String dimension = rs.getString(1);
              long n = rs.getLong(5);
              if (dimension.equals("sdg")) {
                out.sexAgeByForm()[rs.getInt(2)][rs.getInt(3)] += n;
              } else {
                out.dimension(dimension).merge(rs.getString(4), n, Long::sum);
              }
            });
    return out;
  }
}

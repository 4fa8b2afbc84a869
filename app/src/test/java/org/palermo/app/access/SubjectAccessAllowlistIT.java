package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subject-access export is an allowlist (issue 12 §2): every table of the migrated schema that
 * holds a {@code person_id} or a {@code case_id} is declared by exactly one module, and every
 * column of a declared table is either given or withheld with a reason; the export gives nothing
 * else.
 */
@PalermoIntegrationTest
class SubjectAccessAllowlistIT {
  @Autowired SubjectAccess subjectAccess;
  @Autowired JdbcClient jdbc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;

  @Test
  void everyTableHoldingAPersonOrACaseIsDeclaredOnceWithEveryColumnClassified() {
    Map<String, Set<String>> schema = new TreeMap<>();
    jdbc.sql(
            """
            SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = current_schema()
               AND table_name IN (SELECT table_name FROM information_schema.columns
                                   WHERE table_schema = current_schema()
                                     AND column_name IN ('person_id', 'case_id')
                                  UNION SELECT 'person')
            """)
        .query(
            rs -> {
              schema.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            });

    List<String> declaredTables = new ArrayList<>();
    Map<String, String> problems = new TreeMap<>();
    for (SubjectTable t : subjectAccess.declarations()) {
      declaredTables.add(t.table());
      Set<String> columns = schema.get(t.table());
      if (columns == null) {
        problems.put(t.table(), "declared but not in the schema (or holds no person_id/case_id)");
        continue;
      }
      Set<String> classified = new LinkedHashSet<>(t.given());
      Set<String> both = new HashSet<>(t.given());
      both.retainAll(t.withheld().keySet());
      if (!both.isEmpty()) {
        problems.put(t.table(), "both given and withheld: " + both);
      }
      classified.addAll(t.withheld().keySet());
      Set<String> unclassified = new TreeSet<>(columns);
      unclassified.removeAll(classified);
      Set<String> unknown = new TreeSet<>(classified);
      unknown.removeAll(columns);
      if (!unclassified.isEmpty() || !unknown.isEmpty()) {
        problems.put(
            t.table(),
            "columns not classified: " + unclassified + "; not in the table: " + unknown);
      }
    }
    assertThat(problems).as("declarations that disagree with the schema").isEmpty();
    assertThat(declaredTables).as("each table declared by one module only").doesNotHaveDuplicates();
    assertThat(new TreeSet<>(declaredTables))
        .as(
            "tables with a person_id or case_id that no module declares for the subject-access"
                + " export (SubjectRecords)")
        .containsAll(schema.keySet());
  }

  @Test
  void theExportGivesTheDeclaredColumnsOpenedAndNamesWhatIsWithheld() {
    Actor caseworker =
        fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    UUID caseId = fixtures.adultCase(caseworker.agency(), "en");
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();

    JsonNode export =
        JsonMapper.builder().build().readTree(subjectAccess.exportPerson(person, "cli"));

    JsonNode record = export.get("person");
    assertThat(record.get("family_name").asString()).isEqualTo("Testperson");
    assertThat(record.has("version")).as("bookkeeping is not given").isFalse();
    assertThat(record.has("birth_date_sealed")).as("sealed values are given opened").isFalse();
    JsonNode caseFile = export.get("recordsOfThePerson").get("case_file").get(0);
    assertThat(caseFile.get("id").asString()).isEqualTo(caseId.toString());
    assertThat(caseFile.has("version")).isFalse();
    assertThat(export.get("withheld").get("person_name_token.token").asString())
        .isEqualTo("KEY_MATERIAL");
    assertThat(export.get("withheld").get("care_attachment.content").asString())
        .isEqualTo("ENCRYPTED_FILE");
    assertThat(export.get("recordsOfThePerson").has("person_name_token")).isFalse();
  }
}

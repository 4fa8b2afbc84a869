package org.palermo.app.statistics;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.TraffickingStatus;
import org.palermo.app.platform.TableExport;
import org.palermo.privacy.ctdc.AgeBroad;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Case data in the HTCDS 2.0 tabular layout, for authorised data sharing: one row per registered
 * victim, built from the statistics read model (never the case tables), so it holds no names, no
 * dates of birth, no contact details. Columns with an HTCDS prefix ({@code prs_}, {@code vic_})
 * carry the standard's field names and value names (HTCDS Field Standards 2.0); columns prefixed
 * {@code ext_} are ours, for what HTCDS has no field for. A case is named by a pseudonymous id: a
 * keyed hash (HMAC-SHA-256) of its id with a key kept in the database and never exported, so the
 * same case has the same id in every export of this instance and cannot be traced back without the
 * key. Every export is audited.
 */
@Service
public class HtcdsExport {
  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "ext_PseudonymousId",
          "ext_RegistrationYear",
          "prs_Gender",
          "ext_AgeBroad",
          "ext_MajorityStatus",
          "prs_Citizenship",
          "vic_LocationOfExploitation",
          "vic_TypeOfExploitation",
          "vic_TraffickingStatus",
          "vic_TraffickingStatusDecisionMakingOrg",
          "ext_TraffickingStatus",
          "ext_MigrationStatus",
          "ext_ProtectionStatus",
          "ext_Synthetic");

  private static final String KEY = "htcds-pseudonym-key";

  private final JdbcClient jdbc;
  private final VictimReadModel victims;
  private final AuditLog audit;
  private final Actors actors;

  HtcdsExport(JdbcClient jdbc, VictimReadModel victims, AuditLog audit, Actors actors) {
    this.jdbc = jdbc;
    this.victims = victims;
    this.audit = audit;
    this.actors = actors;
  }

  /** Writes the export from the user interface; statisticians only. */
  public long write(PalermoPrincipal who, TableExport.Format format, OutputStream out) {
    StatisticsAccess.requireStatistician(who);
    return write(who.username(), format, out);
  }

  /**
   * Writes every victim of the read model as HTCDS rows; {@code by} is {@code cli} or an enabled
   * account's username. Returns the number of rows.
   */
  public long write(String by, TableExport.Format format, OutputStream out) {
    String actor = actors.require(by);
    TableExport.Table table = table();
    TableExport.write(table, format, out);
    audit.record(
        new AuditEntry(
            actor,
            "-",
            "statistics.export.htcds",
            "dataset:" + VictimReadModel.DATASET,
            Outcome.SUCCESS,
            "format=" + format.extension() + " rows=" + table.rows().size()));
    return table.rows().size();
  }

  TableExport.Table table() {
    Mac mac = mac();
    List<List<Object>> rows =
        jdbc.sql(
                """
                SELECT v.case_id, v.registration_year, v.gender, v.age_at_registration,
                  v.minor_at_registration, v.citizenship, v.country_of_exploitation,
                  v.exploitation_types, v.migration_status, v.protection_status, v.synthetic,
                  (SELECT s.status FROM statistics_trafficking_status s
                   WHERE s.case_id = v.case_id) AS status,
                  (SELECT d.decided_by_org FROM statistics_decision d WHERE d.case_id = v.case_id
                   ORDER BY d.decided_at DESC LIMIT 1) AS org
                FROM statistics_victim v ORDER BY v.registered_on, v.case_id""")
            .query(
                (rs, n) -> {
                  Integer age = (Integer) rs.getObject("age_at_registration");
                  Boolean minor = (Boolean) rs.getObject("minor_at_registration");
                  Set<Exploitation> forms =
                      VictimReadModel.exploitation(rs.getArray("exploitation_types"));
                  List<Object> row = new ArrayList<>();
                  row.add(pseudonym(mac, rs.getObject("case_id", UUID.class)));
                  row.add(rs.getInt("registration_year"));
                  row.add(rs.getString("gender"));
                  row.add(age == null ? null : AgeBroad.ofAge(age).label());
                  row.add(minor == null ? null : minor ? "Minor" : "Adult");
                  row.add(trim(rs.getString("citizenship")));
                  row.add(trim(rs.getString("country_of_exploitation")));
                  row.add(types(forms));
                  TraffickingStatus status = status(rs.getString("status"));
                  row.add(status.htcds());
                  row.add(rs.getString("org"));
                  row.add(status.name());
                  row.add(rs.getString("migration_status"));
                  row.add(rs.getString("protection_status"));
                  row.add(rs.getBoolean("synthetic") ? "true" : "false");
                  return row;
                })
            .list();
    return new TableExport.Table("HTCDS", COLUMNS, new ArrayList<List<?>>(rows));
  }

  /**
   * The derived status of a case ({@code NOT_ASSESSED} when none was reported). Its HTCDS {@code
   * vic_TraffickingStatus} is {@link TraffickingStatus#htcds}: a negative reasonable-grounds
   * decision is exported empty, not as {@code NotAVictimOfTrafficking} (the threshold of suspicion
   * was not met; that is no finding that the person is not a victim); only a negative
   * conclusive-grounds decision is. {@code ext_TraffickingStatus} carries our own value so that the
   * difference is not lost (docs/statistics.md).
   */
  static TraffickingStatus status(String name) {
    return name == null ? TraffickingStatus.NOT_ASSESSED : TraffickingStatus.valueOf(name);
  }

  /**
   * The HTCDS multi-select value: value names joined by {@code ;}. Forced criminality, which HTCDS
   * has no value for, is exported as {@code Other}.
   */
  static String types(Set<Exploitation> forms) {
    if (forms.isEmpty()) {
      return null;
    }
    return forms.stream()
        .map(e -> e == Exploitation.FORCED_CRIMINALITY ? "Other" : e.htcds())
        .distinct()
        .reduce((a, b) -> a + ";" + b)
        .orElse(null);
  }

  private static String trim(String s) {
    return s == null ? null : s.strip();
  }

  private static String pseudonym(Mac mac, UUID caseId) {
    byte[] hash = mac.doFinal(caseId.toString().getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(hash, 0, 12);
  }

  private Mac mac() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    jdbc.sql("INSERT INTO statistics_secret (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .params(KEY, fresh)
        .update();
    byte[] key =
        jdbc.sql("SELECT value FROM statistics_secret WHERE name = ?")
            .param(KEY)
            .query(byte[].class)
            .single();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}

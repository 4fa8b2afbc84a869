package org.palermo.app.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The V17 upgrade of a deployment that stored case free text in plaintext: a fresh database is
 * migrated to V16, filled the way the application wrote it then, migrated to V17, and the start-up
 * step ({@link PlaintextSealing}) run on it. Afterwards every text opens from its sealed column, no
 * plaintext is left in any table, and a second run has nothing to do.
 */
@PalermoIntegrationTest
class CaseTextMigrationIT {
  @Autowired JdbcClient jdbc;
  @Autowired HikariDataSource dataSource;
  @Autowired KeyRing ring;
  @Autowired List<SealedColumn> columns;
  @Autowired org.palermo.app.platform.DatabaseServer server;

  /** Creating a database needs the owner: the application's runtime role may not. */
  JdbcClient owner() {
    return JdbcClient.create(server.ownerDataSource());
  }

  String database;

  @AfterEach
  void drop() {
    if (database != null) {
      owner().sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
    }
  }

  @Test
  void plaintext_rows_of_v16_are_sealed_after_v17_and_nothing_is_lost() throws Exception {
    database = "pre17_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    owner().sql("CREATE DATABASE " + database).update();
    String url = dataSource.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    DriverManagerDataSource old =
        new DriverManagerDataSource(url, server.owner().username(), server.owner().password());
    Flyway.configure()
        .dataSource(old)
        .locations("classpath:db/migration")
        .target(lastBefore17())
        .load()
        .migrate();
    JdbcClient db = JdbcClient.create(old);

    UUID agency = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    UUID person = UUID.randomUUID();
    UUID caseId = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    db.sql("INSERT INTO agency (id, name, type, created_at) VALUES (?, 'A', 'CHILD_PROTECTION', ?)")
        .params(agency, now)
        .update();
    db.sql("INSERT INTO agency (id, name, type, created_at) VALUES (?, 'B', 'SERVICE_PROVIDER', ?)")
        .params(other, now)
        .update();
    // person.purpose is sealed too since V19_41 (issue #11 item 12).
    String oldPurpose = "Oldqzv purpose of processing";
    db.sql(
            "INSERT INTO person (id, given_name, legal_basis, purpose, owner_agency_id,"
                + " created_at) VALUES (?, 'pal1:x', 'CONSENT', ?, ?, ?)")
        .params(person, oldPurpose, agency, now)
        .update();
    db.sql(
            "INSERT INTO case_file (id, reference, person_id, owner_agency_id, status, opened_at)"
                + " VALUES (?, 'OLD-1', ?, ?, 'OPEN', ?)")
        .params(caseId, person, agency, now)
        .update();

    // What V12/V13/V11 rows looked like: every free text in plaintext.
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("person.purpose:" + person, oldPurpose);
    UUID note = UUID.randomUUID();
    texts.put("care_note.body:" + note, "Oldqzx note of the crossing");
    db.sql(
            "INSERT INTO care_note (id, case_id, body, author, author_agency, written_at)"
                + " VALUES (?, ?, ?, 'cw', 'A', ?)")
        .params(note, caseId, texts.get("care_note.body:" + note), now)
        .update();
    UUID assessment = UUID.randomUUID();
    texts.put("care_assessment.summary:" + assessment, "Oldqzy assessment summary");
    db.sql(
            "INSERT INTO care_assessment (id, case_id, level, assessed_on, summary, recorded_by,"
                + " recorded_agency, recorded_at) VALUES (?, ?, 'INDIVIDUAL', CURRENT_DATE, ?,"
                + " 'cw', 'A', ?)")
        .params(assessment, caseId, texts.get("care_assessment.summary:" + assessment), now)
        .update();
    String factorKey = assessment + ":INCOME_AND_DEBT";
    texts.put("care_assessment_factor.note:" + factorKey, "Oldqzw recruitment debt");
    db.sql(
            "INSERT INTO care_assessment_factor (assessment_id, factor, rating, note)"
                + " VALUES (?, 'INCOME_AND_DEBT', 'RISK', ?)")
        .params(assessment, texts.get("care_assessment_factor.note:" + factorKey))
        .update();
    UUID objective = UUID.randomUUID();
    texts.put("care_plan_objective.objective:" + objective, "Oldqzv housing");
    texts.put("care_plan_objective.action_plan:" + objective, "Oldqzu steps");
    db.sql(
            "INSERT INTO care_plan_objective (id, case_id, type, objective, action_plan, status,"
                + " recorded_by, recorded_agency, recorded_at)"
                + " VALUES (?, ?, 'Health', ?, ?, 'OPEN', 'cw', 'A', ?)")
        .params(
            objective,
            caseId,
            texts.get("care_plan_objective.objective:" + objective),
            texts.get("care_plan_objective.action_plan:" + objective),
            now)
        .update();
    UUID service = UUID.randomUUID();
    texts.put("care_service.note:" + service, "Oldqzt clinic");
    db.sql(
            "INSERT INTO care_service (id, case_id, service_type, delivered_on, provider_name,"
                + " note, recorded_by, recorded_agency, recorded_at)"
                + " VALUES (?, ?, 'MEDICAL', CURRENT_DATE, 'Clinic', ?, 'cw', 'A', ?)")
        .params(service, caseId, texts.get("care_service.note:" + service), now)
        .update();
    UUID referral = UUID.randomUUID();
    texts.put("referral.note:" + referral, "Oldqzs bed tonight");
    texts.put("referral.override_reason:" + referral, "Oldqzr life at risk");
    texts.put("referral.decline_text:" + referral, "Oldqzp no place");
    db.sql(
            "INSERT INTO referral (id, case_id, from_agency_id, to_agency_id, service_type, child,"
                + " note, status, basis, override_reason, created_by, created_at, due_at,"
                + " decline_code, decline_text)"
                + " VALUES (?, ?, ?, ?, 'SHELTER', FALSE, ?, 'DECLINED', 'OVERRIDE', ?, 'cw', ?,"
                + " ?, 'OTHER', ?)")
        .params(
            referral,
            caseId,
            agency,
            other,
            texts.get("referral.note:" + referral),
            texts.get("referral.override_reason:" + referral),
            now,
            now,
            texts.get("referral.decline_text:" + referral))
        .update();
    UUID guardian = UUID.randomUUID();
    texts.put("child_guardian.guardian_name:" + guardian, "Oldqzn Guardianname");
    db.sql(
            "INSERT INTO child_guardian (id, case_id, guardian_name, authority, appointed_on,"
                + " recorded_by, recorded_at) VALUES (?, ?, ?, 'Court', CURRENT_DATE, 'cw', ?)")
        .params(guardian, caseId, texts.get("child_guardian.guardian_name:" + guardian), now)
        .update();
    UUID bia = UUID.randomUUID();
    texts.put("child_best_interests.summary:" + bia, "Oldqzm child heard");
    db.sql(
            "INSERT INTO child_best_interests (id, case_id, kind, done_on, conducted_by,"
                + " child_heard, summary, recorded_by, recorded_at)"
                + " VALUES (?, ?, 'ASSESSMENT', CURRENT_DATE, 'x', TRUE, ?, 'cw', ?)")
        .params(bia, caseId, texts.get("child_best_interests.summary:" + bia), now)
        .update();
    UUID risk = UUID.randomUUID();
    texts.put("return_risk_assessment.sources:" + risk, "Oldqzk country report");
    db.sql(
            "INSERT INTO return_risk_assessment (id, case_id, destination_country, assessed_on,"
                + " risk_to_life_or_freedom, risk_of_torture, risk_of_serious_harm,"
                + " risk_of_retrafficking, sources, recorded_by, recorded_at)"
                + " VALUES (?, ?, 'XA', CURRENT_DATE, FALSE, FALSE, FALSE, FALSE, ?, 'cw', ?)")
        .params(risk, caseId, texts.get("return_risk_assessment.sources:" + risk), now)
        .update();
    UUID followUp = UUID.randomUUID();
    texts.put("reintegration_followup.description:" + followUp, "Oldqzj school visit");
    db.sql(
            "INSERT INTO reintegration_followup (id, case_id, description, due_on, recorded_by,"
                + " recorded_at) VALUES (?, ?, ?, CURRENT_DATE, 'cw', ?)")
        .params(followUp, caseId, texts.get("reintegration_followup.description:" + followUp), now)
        .update();
    UUID event = UUID.randomUUID();
    texts.put("journey_event.description:" + event, "Oldqzh recruited at the market");
    db.sql(
            "INSERT INTO journey_event (id, person_id, position, type, description)"
                + " VALUES (?, ?, 0, 'RECRUITMENT', ?)")
        .params(event, person, texts.get("journey_event.description:" + event))
        .update();

    // The upgrade: V17, then the start-up step with the deployment's key ring.
    Flyway.configure().dataSource(old).locations("classpath:db/migration").load().migrate();
    DataKeys keys = new DataKeys(db, ring);
    SealedText sealed = new SealedText(new FieldCipher(keys), keys);
    PlaintextSealing step = new PlaintextSealing(db, sealed, columns);
    assertThat(step.plaintextLeft()).isEqualTo(texts.size());
    assertThat(step.sealAll()).isEqualTo(texts.size());
    assertThat(step.plaintextLeft()).isZero();
    assertThat(step.sealAll()).isZero();

    String dump = String.join("\n", dump(db));
    for (Map.Entry<String, String> e : texts.entrySet()) {
      assertThat(dump).doesNotContain(e.getValue());
      String[] at = e.getKey().split("[.:]", 3);
      String table = at[0];
      String column = at[1];
      String rowKey = at[2];
      UUID record = table.equals("journey_event") || table.equals("person") ? person : caseId;
      String where =
          table.equals("care_assessment_factor")
              ? "assessment_id::text || ':' || factor = ?"
              : "id::text = ?";
      Map<String, Object> row =
          db.sql(
                  "SELECT "
                      + column
                      + " AS plain, "
                      + column
                      + "_sealed AS sealed FROM "
                      + table
                      + " WHERE "
                      + where)
              .param(rowKey)
              .query()
              .singleRow();
      assertThat(row.get("plain")).as(e.getKey()).isNull();
      assertThat(sealed.open(record, table, column, rowKey, (byte[]) row.get("sealed"), null))
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
    // Erasing the case's and the person's data keys shreds them all.
    keys.erase(caseId);
    keys.erase(person);
    byte[] body =
        db.sql("SELECT body_sealed FROM care_note WHERE id = ?")
            .param(note)
            .query(byte[].class)
            .single();
    assertThat(sealed.open(caseId, "care_note", "body", note, body, null))
        .isEqualTo(SealedText.ERASED);
  }

  /** The last migration before V17 (V16 if there is one, else V15). */
  static String lastBefore17() throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
      return String.valueOf(
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.+\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .filter(v -> v < 17)
              .max()
              .orElseThrow());
    }
  }

  static List<String> dump(JdbcClient db) {
    List<String> rows = new ArrayList<>();
    for (String t :
        db.sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list()) {
      rows.addAll(db.sql("SELECT t::text FROM \"" + t + "\" t").query(String.class).list());
    }
    return rows;
  }
}

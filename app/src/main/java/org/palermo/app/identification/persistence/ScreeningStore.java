package org.palermo.app.identification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.screening.Answers;
import org.palermo.app.identification.screening.Basis;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningStatus;
import org.palermo.app.identification.screening.Step;
import org.palermo.app.platform.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Screenings and their stored assessments, with SQL written out (JdbcClient). */
@Repository
public class ScreeningStore {
  private static final String SUMMARY =
      """
      SELECT s.id, s.case_id, s.status, s.step, s.created_at, s.updated_at,
        u.display_name AS updated_by_name,
        c.reference AS case_reference, a.trafficking_finding, a.smuggling_finding, p.stage
      FROM screening s
      JOIN app_user u ON u.id = s.updated_by
      LEFT JOIN case_file c ON c.id = s.case_id
      LEFT JOIN screening_assessment a ON a.screening_id = s.id
      LEFT JOIN identification_procedure p ON p.screening_id = s.id
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final FieldCipher cipher;

  ScreeningStore(JdbcClient jdbc, JsonMapper json, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.json = json;
    this.cipher = cipher;
  }

  /** One row of a list of screenings: no answers, nothing about the person. */
  public record Summary(
      UUID id,
      ScreeningStatus status,
      Step step,
      Instant createdAt,
      Instant updatedAt,
      String updatedByName,
      String caseReference,
      String traffickingFinding,
      String smugglingFinding,
      String procedureStage,
      UUID caseId) {}

  /** The stored assessment of a completed screening, as JSON documents. */
  public record StoredAssessment(
      String ruleSet,
      String catalogueVersion,
      String facts,
      String assessment,
      String traffickingFinding,
      String smugglingFinding,
      UUID assessedBy,
      Instant assessedAt) {}

  public void insert(Screening screening) {
    Screening.Snapshot s = screening.snapshot();
    jdbc.sql(
            """
            INSERT INTO screening (id, owner_agency_id, created_by, created_at, updated_by,
              updated_at, legal_basis, consent_given, interview_language, interpreter_present,
              answers, step, status, case_id, completed_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 0)""")
        .params(
            s.id(),
            s.ownerAgencyId(),
            s.createdBy(),
            Timestamp.from(s.createdAt()),
            s.updatedBy(),
            Timestamp.from(s.updatedAt()),
            s.basis().legalBasis().name(),
            s.basis().consentGiven(),
            s.basis().interviewLanguage(),
            s.basis().interpreterPresent(),
            answers(s.id(), s.answers()),
            s.step().name(),
            s.status().name(),
            s.caseId(),
            s.completedAt() == null ? null : Timestamp.from(s.completedAt()))
        .update();
  }

  /** Saves changes; false when someone else saved first (the version moved on). */
  public boolean update(Screening screening) {
    Screening.Snapshot s = screening.snapshot();
    return jdbc.sql(
                """
                UPDATE screening SET updated_by = ?, updated_at = ?, legal_basis = ?,
                  consent_given = ?, interview_language = ?, interpreter_present = ?,
                  answers = ?::jsonb, step = ?, status = ?, case_id = ?, completed_at = ?,
                  version = version + 1
                WHERE id = ? AND version = ?""")
            .params(
                s.updatedBy(),
                Timestamp.from(s.updatedAt()),
                s.basis().legalBasis().name(),
                s.basis().consentGiven(),
                s.basis().interviewLanguage(),
                s.basis().interpreterPresent(),
                answers(s.id(), s.answers()),
                s.step().name(),
                s.status().name(),
                s.caseId(),
                s.completedAt() == null ? null : Timestamp.from(s.completedAt()),
                s.id(),
                s.version())
            .update()
        == 1;
  }

  public Optional<Screening> find(UUID id) {
    return jdbc.sql("SELECT * FROM screening WHERE id = ?")
        .param(id)
        .query((rs, n) -> Screening.restore(snapshot(rs)))
        .optional();
  }

  /**
   * Which screenings an agency holds: those not linked to a case that its users started, and those
   * linked to a case it owns (a transfer moves the screening with the case; issue 11 item 3).
   */
  private static final String HELD_BY =
      " ((s.case_id IS NULL AND s.owner_agency_id = ?)"
          + " OR (s.case_id IS NOT NULL AND c.owner_agency_id = ?))";

  /** The agency's screenings of one status, most recently changed first. */
  public List<Summary> list(UUID agencyId, ScreeningStatus status, int limit, int offset) {
    return jdbc.sql(
            SUMMARY
                + " WHERE"
                + HELD_BY
                + " AND s.status = ?"
                + " ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?")
        .params(agencyId, agencyId, status.name(), limit, offset)
        .query(ScreeningStore::summary)
        .list();
  }

  public long count(UUID agencyId, ScreeningStatus status) {
    return jdbc.sql(
            "SELECT count(*) FROM screening s LEFT JOIN case_file c ON c.id = s.case_id WHERE"
                + HELD_BY
                + " AND s.status = ?")
        .params(agencyId, agencyId, status.name())
        .query(Long.class)
        .single();
  }

  /** The screenings linked to one case, newest first (the caller asks the access policy). */
  public List<Summary> byCase(UUID caseId) {
    return jdbc.sql(SUMMARY + " WHERE s.case_id = ? ORDER BY s.created_at DESC, s.id")
        .param(caseId)
        .query(ScreeningStore::summary)
        .list();
  }

  /** The cases of the screenings that have one, in one query (for the audit of a list). */
  public List<UUID> caseIds(java.util.Collection<UUID> screeningIds) {
    if (screeningIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT DISTINCT case_id FROM screening WHERE case_id IS NOT NULL"
                + " AND id = ANY(CAST(? AS uuid[]))")
        .param(screeningIds.stream().distinct().map(UUID::toString).toArray(String[]::new))
        .query(UUID.class)
        .list();
  }

  public Optional<Summary> summary(UUID id) {
    return jdbc.sql(SUMMARY + " WHERE s.id = ?")
        .param(id)
        .query(ScreeningStore::summary)
        .optional();
  }

  public void saveAssessment(UUID screeningId, StoredAssessment a) {
    jdbc.sql(
            """
            INSERT INTO screening_assessment (screening_id, rule_set, catalogue_version, facts,
              assessment, trafficking_finding, smuggling_finding, assessed_by, assessed_at)
            VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""")
        .params(
            screeningId,
            a.ruleSet(),
            a.catalogueVersion(),
            sealedJson(screeningId, a.facts()),
            a.assessment(),
            a.traffickingFinding(),
            a.smugglingFinding(),
            a.assessedBy(),
            Timestamp.from(a.assessedAt()))
        .update();
  }

  public Optional<StoredAssessment> assessment(UUID screeningId) {
    return jdbc.sql("SELECT * FROM screening_assessment WHERE screening_id = ?")
        .param(screeningId)
        .query(
            (rs, n) ->
                new StoredAssessment(
                    rs.getString("rule_set"),
                    rs.getString("catalogue_version"),
                    openJson(screeningId, rs.getString("facts")),
                    rs.getString("assessment"),
                    rs.getString("trafficking_finding"),
                    rs.getString("smuggling_finding"),
                    rs.getObject("assessed_by", UUID.class),
                    rs.getTimestamp("assessed_at").toInstant()))
        .optional();
  }

  /**
   * The answers, sealed with the screening's data key (SECURITY.md rule 6): the JSONB column holds
   * {@code {"sealed": "pal1:..."}}, never the answers themselves.
   */
  private String answers(java.util.UUID screeningId, Answers answers) {
    if (answers.values().isEmpty()) {
      return "{}";
    }
    ObjectNode out = json.createObjectNode();
    answers.values().forEach(out::put);
    return sealedJson(screeningId, json.writeValueAsString(out));
  }

  private String sealedJson(java.util.UUID recordId, String plainJson) {
    ObjectNode sealed = json.createObjectNode();
    sealed.put(SEALED, cipher.seal(recordId, plainJson));
    return json.writeValueAsString(sealed);
  }

  /** The JSON sealed by {@link #sealedJson}; JSON stored before sealing is returned as it is. */
  private String openJson(java.util.UUID recordId, String stored) {
    JsonNode node = json.readTree(stored);
    if (node.isObject() && node.size() == 1 && node.has(SEALED)) {
      return cipher.open(recordId, node.get(SEALED).stringValue());
    }
    return stored;
  }

  private static final String SEALED = "sealed";

  private Screening.Snapshot snapshot(ResultSet rs) throws SQLException {
    Map<String, String> values = new TreeMap<>();
    JsonNode node =
        json.readTree(openJson(rs.getObject("id", UUID.class), rs.getString("answers")));
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      values.put(e.getKey(), e.getValue().stringValue());
    }
    Timestamp completed = rs.getTimestamp("completed_at");
    return new Screening.Snapshot(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_agency_id", UUID.class),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getObject("updated_by", UUID.class),
        rs.getTimestamp("updated_at").toInstant(),
        new Basis(
            LegalBasis.valueOf(rs.getString("legal_basis")),
            rs.getBoolean("consent_given"),
            rs.getString("interview_language"),
            (Boolean) rs.getObject("interpreter_present")),
        new Answers(values),
        Step.valueOf(rs.getString("step")),
        ScreeningStatus.valueOf(rs.getString("status")),
        rs.getObject("case_id", UUID.class),
        completed == null ? null : completed.toInstant(),
        rs.getInt("version"));
  }

  private static Summary summary(ResultSet rs, int n) throws SQLException {
    return new Summary(
        rs.getObject("id", UUID.class),
        ScreeningStatus.valueOf(rs.getString("status")),
        Step.valueOf(rs.getString("step")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("updated_by_name"),
        rs.getString("case_reference"),
        rs.getString("trafficking_finding"),
        rs.getString("smuggling_finding"),
        rs.getString("stage"),
        rs.getObject("case_id", UUID.class));
  }
}

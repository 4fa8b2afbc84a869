package org.palermo.app.cases.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk and vulnerability assessments of a case at one of four levels (IOM determinants of migrant
 * vulnerability; HTCDS 2.0 "Assessment and Planning", which expects the assessment to be repeated
 * during a case). Every assessment is kept; the newest is shown first.
 */
@Service
public class Assessments {
  static final int NOTE_MAX = 2000;

  private final JdbcClient jdbc;
  private final CareGuard guard;
  private final Clock clock;
  private final SealedText sealed;

  Assessments(JdbcClient jdbc, CareGuard guard, Clock clock, SealedText sealed) {
    this.jdbc = jdbc;
    this.guard = guard;
    this.clock = clock;
    this.sealed = sealed;
  }

  /** One rated factor. */
  public record Rated(Factor factor, Rating rating, String note) {}

  /** An assessment to record; factors left out count as not assessed. */
  public record NewAssessment(
      AssessmentLevel level, LocalDate assessedOn, String summary, Map<Factor, Rated> ratings) {}

  /** A recorded assessment. */
  public record Assessment(
      UUID id,
      AssessmentLevel level,
      LocalDate assessedOn,
      String summary,
      List<Rated> factors,
      String recordedBy,
      String recordedAgency,
      Instant recordedAt) {

    public long risks() {
      return factors.stream().filter(f -> f.rating() == Rating.RISK).count();
    }
  }

  /** Records one assessment of one level. */
  @Transactional
  public UUID record(PalermoPrincipal who, UUID caseId, NewAssessment cmd) {
    guard.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    if (cmd.level() == null) {
      throw CareGuard.invalid("level", CareRefusal.REQUIRED, "'level' is required.");
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate on = cmd.assessedOn() == null ? today : cmd.assessedOn();
    if (on.isAfter(today)) {
      throw CareGuard.invalid("assessedOn", CareRefusal.FUTURE, "'assessedOn' is in the future.");
    }
    String summary = CareGuard.text(cmd.summary(), "summary", NOTE_MAX, false);
    Map<Factor, Rated> ratings = new EnumMap<>(Factor.class);
    Map<Factor, Rated> given = cmd.ratings() == null ? Map.of() : cmd.ratings();
    for (Map.Entry<Factor, Rated> e : given.entrySet()) {
      if (e.getKey().level() != cmd.level()) {
        throw CareGuard.invalid(
            "factors",
            CareRefusal.WRONG_LEVEL,
            "Factor " + e.getKey() + " is not of level " + cmd.level());
      }
    }
    for (Factor f : Factor.of(cmd.level())) {
      Rated r = given.get(f);
      Rating rating = r == null || r.rating() == null ? Rating.NOT_ASSESSED : r.rating();
      String note = CareGuard.text(r == null ? null : r.note(), "note." + f, NOTE_MAX, false);
      ratings.put(f, new Rated(f, rating, note));
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO care_assessment (id, case_id, level, assessed_on, summary_sealed,"
                + " recorded_by, recorded_agency, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            caseId,
            cmd.level().name(),
            on,
            sealed.seal(caseId, "care_assessment", "summary", id, summary),
            who.username(),
            who.agencyName(),
            Timestamp.from(clock.instant()))
        .update();
    for (Rated r : ratings.values()) {
      jdbc.sql(
              "INSERT INTO care_assessment_factor (assessment_id, factor, rating, note_sealed)"
                  + " VALUES (?, ?, ?, ?)")
          .params(
              id,
              r.factor().name(),
              r.rating().name(),
              sealed.seal(
                  caseId, "care_assessment_factor", "note", factorKey(id, r.factor()), r.note()))
          .update();
    }
    long risks = ratings.values().stream().filter(r -> r.rating() == Rating.RISK).count();
    guard.wrote(
        who,
        caseId,
        "care.assessment.recorded",
        "care.assessment.record",
        "level=" + cmd.level() + " risks=" + risks);
    return id;
  }

  /** The row key of a factor's note in the associated data (see {@link CareSealedColumns}). */
  static String factorKey(UUID assessmentId, Factor factor) {
    return assessmentId + ":" + factor.name();
  }

  /** The case's assessments, newest first. */
  public List<Assessment> list(PalermoPrincipal who, UUID caseId) {
    guard.read(who, caseId, FieldGroup.CASE_NARRATIVE, "care.assessments.read");
    Map<UUID, List<Rated>> factors = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT f.assessment_id, f.factor, f.rating, f.note, f.note_sealed"
                + " FROM care_assessment_factor f"
                + " JOIN care_assessment a ON a.id = f.assessment_id WHERE a.case_id = ?")
        .param(caseId)
        .query(
            rs -> {
              UUID assessment = rs.getObject(1, UUID.class);
              Factor factor = Factor.valueOf(rs.getString(2));
              factors
                  .computeIfAbsent(assessment, k -> new ArrayList<>())
                  .add(
                      new Rated(
                          factor,
                          Rating.valueOf(rs.getString(3)),
                          sealed.open(
                              caseId,
                              "care_assessment_factor",
                              "note",
                              factorKey(assessment, factor),
                              rs.getBytes(5),
                              rs.getString(4))));
            });
    factors.values().forEach(l -> l.sort((a, b) -> a.factor().compareTo(b.factor())));
    return jdbc.sql(
            "SELECT id, level, assessed_on, summary, summary_sealed, recorded_by, recorded_agency,"
                + " recorded_at"
                + " FROM care_assessment WHERE case_id = ?"
                + " ORDER BY assessed_on DESC, recorded_at DESC")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Assessment(
                  id,
                  AssessmentLevel.valueOf(rs.getString("level")),
                  rs.getObject("assessed_on", LocalDate.class),
                  sealed.open(
                      caseId,
                      "care_assessment",
                      "summary",
                      id,
                      rs.getBytes("summary_sealed"),
                      rs.getString("summary")),
                  factors.getOrDefault(id, List.of()),
                  rs.getString("recorded_by"),
                  rs.getString("recorded_agency"),
                  rs.getTimestamp("recorded_at").toInstant());
            })
        .list();
  }
}

package org.palermo.app.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.TraffickingStatus.Evidence;
import org.palermo.app.cases.TraffickingStatus.Source;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one trafficking status of a person (issue 13 §1; issue 12 §2), kept in table {@code
 * trafficking_status_evidence}: the identification module tells it each screening classified and
 * each decision taken for a case, and the status is derived from them ({@link
 * TraffickingStatus#derive}); nobody types it. A change is put on the timeline of each case of the
 * person (status and source only) and published as {@link TraffickingStatusChanged}.
 *
 * <p>Callers have already passed the access policy for the screening or decision they report;
 * readers ({@code PersonRecords}, {@code NonPunishment}) read it within their own access check.
 */
@Service
public class TraffickingStatuses {
  private final JdbcClient jdbc;
  private final CaseTimeline timeline;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TraffickingStatuses(
      JdbcClient jdbc, CaseTimeline timeline, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The person's status now and where it came from; {@code source} and {@code on} are {@code null}
   * for {@link TraffickingStatus#NOT_ASSESSED}.
   */
  public record Current(TraffickingStatus status, Source source, LocalDate on) {
    static final Current NONE = new Current(TraffickingStatus.NOT_ASSESSED, null, null);
  }

  /** A screening linked to the case was classified (its two findings, when it was assessed). */
  @Transactional
  public void screened(
      PalermoPrincipal who,
      UUID caseId,
      UUID screeningId,
      String traffickingFinding,
      String smugglingFinding,
      Instant assessedAt) {
    add(
        who,
        caseId,
        screeningId,
        Source.SCREENING,
        TraffickingStatus.ofScreening(traffickingFinding, smugglingFinding),
        assessedAt);
  }

  /** A formal decision was taken on a screening linked to the case. */
  @Transactional
  public void decided(
      PalermoPrincipal who,
      UUID caseId,
      UUID decisionId,
      Source kind,
      boolean positive,
      Instant decidedAt) {
    add(who, caseId, decisionId, kind, TraffickingStatus.ofDecision(kind, positive), decidedAt);
  }

  /**
   * Synthetic demo data only: records, in one statement, that the persons of the cases named by
   * {@code references} have the given statuses (each from a screening or a decision that the
   * evidence names by a synthetic id), and publishes one {@link TraffickingStatusChanged} per
   * status. No timeline steps: nobody took them.
   */
  @Transactional
  public void synthetic(List<String> references, List<TraffickingStatus> says) {
    Instant at = clock.instant();
    if (references.isEmpty()) {
      return;
    }
    String[] names = says.stream().map(Enum::name).toArray(String[]::new);
    List<Object[]> rows =
        jdbc.sql(
                """
                INSERT INTO trafficking_status_evidence (source_id, person_id, case_id, source,
                  says, at, recorded_at)
                SELECT md5('demo:' || c.reference)::uuid, c.person_id, c.id,
                  CASE v.says WHEN 'INDICATED' THEN 'SCREENING'
                    WHEN 'REASONABLE_GROUNDS' THEN 'REASONABLE_GROUNDS'
                    ELSE 'CONCLUSIVE_GROUNDS' END,
                  v.says, ?, ?
                FROM unnest(?::text[], ?::text[]) AS v(reference, says)
                JOIN case_file c ON c.reference = v.reference
                ON CONFLICT (source_id) DO NOTHING
                RETURNING case_id, says""")
            .params(
                Timestamp.from(at), Timestamp.from(at), references.toArray(String[]::new), names)
            .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
            .list();
    java.util.Map<TraffickingStatus, List<UUID>> byStatus =
        new java.util.EnumMap<>(TraffickingStatus.class);
    for (Object[] r : rows) {
      byStatus
          .computeIfAbsent(
              TraffickingStatus.valueOf((String) r[1]), s -> new java.util.ArrayList<>())
          .add((UUID) r[0]);
    }
    byStatus.forEach(
        (status, cases) ->
            events.publishEvent(new TraffickingStatusChanged(cases, status, clock.instant())));
  }

  /**
   * A screening was linked to another case (issue 13 §1: the status is the person's): the evidence
   * of the screening and of its decisions ({@code sourceIds}) moves to the person of {@code
   * caseId}, so the person it was first linked to no longer carries it, in one statement. Both
   * persons' statuses are derived again, and a change is put on their timelines and published.
   */
  @Transactional
  public void relinked(PalermoPrincipal who, UUID caseId, UUID screeningId, List<UUID> sourceIds) {
    Optional<UUID> person = personOf(caseId);
    if (person.isEmpty() || sourceIds.isEmpty()) {
      return;
    }
    String[] sources = sourceIds.stream().map(UUID::toString).toArray(String[]::new);
    List<UUID> before =
        jdbc.sql(
                "SELECT DISTINCT person_id FROM trafficking_status_evidence"
                    + " WHERE source_id = ANY(CAST(? AS uuid[])) AND person_id <> ?")
            .params(sources, person.get())
            .query(UUID.class)
            .list();
    if (before.isEmpty()) {
      return;
    }
    java.util.Map<UUID, Current> was = new java.util.LinkedHashMap<>();
    was.put(person.get(), ofPerson(person.get()));
    before.forEach(p -> was.put(p, ofPerson(p)));
    jdbc.sql(
            "UPDATE trafficking_status_evidence SET person_id = ?, case_id = ?"
                + " WHERE source_id = ANY(CAST(? AS uuid[])) AND person_id <> ?")
        .params(person.get(), caseId, sources, person.get())
        .update();
    was.forEach((p, current) -> changed(who, p, current, screeningId));
  }

  private Optional<UUID> personOf(UUID caseId) {
    return jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
        .param(caseId)
        .query(UUID.class)
        .optional();
  }

  /** The status of the person of the case. */
  public Current ofCase(UUID caseId) {
    return personOf(caseId).map(this::ofPerson).orElse(Current.NONE);
  }

  /** The status of the person. */
  public Current ofPerson(UUID personId) {
    return derive(evidence(personId));
  }

  private void add(
      PalermoPrincipal who,
      UUID caseId,
      UUID sourceId,
      Source source,
      TraffickingStatus says,
      Instant at) {
    if (caseId == null || sourceId == null) {
      return;
    }
    Optional<UUID> person = personOf(caseId);
    if (person.isEmpty()) {
      return;
    }
    Current before = ofPerson(person.get());
    int added =
        jdbc.sql(
                """
                INSERT INTO trafficking_status_evidence (source_id, person_id, case_id, source,
                  says, at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_id) DO NOTHING""")
            .params(
                sourceId,
                person.get(),
                caseId,
                source.name(),
                says.name(),
                Timestamp.from(at),
                Timestamp.from(clock.instant()))
            .update();
    if (added == 0) {
      return;
    }
    changed(who, person.get(), before, sourceId);
  }

  /**
   * A decision no longer stands: a request for reconsideration reopened the procedure (issue 13
   * §2), so the status falls back to what the remaining screenings and decisions say until the new
   * decision is taken. Kept, with the time it was withdrawn, for the history.
   */
  @Transactional
  public void withdrawn(PalermoPrincipal who, UUID caseId, UUID sourceId) {
    if (caseId == null || sourceId == null) {
      return;
    }
    Optional<UUID> person = personOf(caseId);
    if (person.isEmpty()) {
      return;
    }
    Current before = ofPerson(person.get());
    int withdrawn =
        jdbc.sql(
                "UPDATE trafficking_status_evidence SET withdrawn_at = ?"
                    + " WHERE source_id = ? AND person_id = ? AND withdrawn_at IS NULL")
            .params(Timestamp.from(clock.instant()), sourceId, person.get())
            .update();
    if (withdrawn > 0) {
      changed(who, person.get(), before, sourceId);
    }
  }

  private void changed(PalermoPrincipal who, UUID personId, Current before, UUID sourceId) {
    Current after = ofPerson(personId);
    if (after.equals(before)) {
      return;
    }
    List<UUID> cases =
        jdbc.sql("SELECT id FROM case_file WHERE person_id = ? ORDER BY id")
            .param(personId)
            .query(UUID.class)
            .list();
    for (UUID c : cases) {
      timeline.append(
          c,
          who,
          "cases.traffickingStatusDerived",
          "status:" + after.status() + " source:" + after.source() + ":" + sourceId);
    }
    events.publishEvent(new TraffickingStatusChanged(cases, after.status(), clock.instant()));
  }

  private List<Evidence> evidence(UUID personId) {
    return jdbc.sql(
            "SELECT source, says, at FROM trafficking_status_evidence"
                + " WHERE person_id = ? AND withdrawn_at IS NULL")
        .param(personId)
        .query(
            (rs, n) ->
                new Evidence(
                    Source.valueOf(rs.getString("source")),
                    TraffickingStatus.valueOf(rs.getString("says")),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  private Current derive(List<Evidence> evidence) {
    return TraffickingStatus.derive(evidence)
        .map(e -> new Current(e.says(), e.source(), LocalDate.ofInstant(e.at(), zone())))
        .orElse(Current.NONE);
  }

  private java.time.ZoneId zone() {
    return clock.getZone() == null ? ZoneOffset.UTC : clock.getZone();
  }
}

package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.Notifications;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.persistence.CaseStore;
import org.palermo.app.cases.protection.PersonProtection.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where the identification module tells the case where a formal identification of its person
 * stands, so that the person's one protection status ({@link ReturnGate}) sees it whichever
 * screening or case it came from. Dates and stages only.
 *
 * <p>A positive reasonable-grounds decision starts, by itself, the recovery and reflection period
 * on the case (CETS 197 art. 13(1)), opens the assistance tasks of art. 12(1)–(2) and notifies the
 * agency that owns the case; a positive conclusive-grounds decision opens the residence
 * consideration (art. 14), information on compensation (art. 15) and move-on planning.
 */
@Service
public class IdentificationProgress {
  /** Assistance due from reasonable grounds on: CETS 197 art. 12(1)(a)–(e), 12(2). */
  static final List<String> ASSISTANCE_TASKS =
      List.of(
          "Safe accommodation (CETS 197 art. 12(1)(a))",
          "Medical and psychological care (CETS 197 art. 12(1)(a)-(b))",
          "Legal information in a language the person understands (CETS 197 art. 12(1)(d))",
          "Interpretation and translation (CETS 197 art. 12(1)(c))");

  /** What follows identification as a victim: CETS 197 arts. 14, 15; Directive 2011/36 art. 11. */
  static final List<String> IDENTIFIED_TASKS =
      List.of(
          "Consider a residence permit (CETS 197 art. 14)",
          "Inform the person on compensation and legal redress (CETS 197 art. 15)",
          "Plan move-on support (Directive 2011/36/EU art. 11)");

  private final JdbcClient jdbc;
  private final CaseLookup cases;
  private final CaseStore store;
  private final CaseTimeline timeline;
  private final Notifications notifications;
  private final Clock clock;
  private final ProtectionProperties properties;

  IdentificationProgress(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseStore store,
      CaseTimeline timeline,
      Notifications notifications,
      Clock clock,
      ProtectionProperties properties) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.cases = cases;
    this.store = store;
    this.timeline = timeline;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * How many days after a negative decision the person may ask for reconsideration or review; no
   * removal in that window and support continues through it (the decision letter says until when).
   */
  public int reviewWindowDays() {
    return properties.reviewWindowDays();
  }

  /**
   * One procedure as it stands now.
   *
   * @param reflectionStarts first day of the recovery and reflection period, or null
   * @param reflectionEnds its last day, included, or null
   * @param negativeOn the day of a negative decision, or null
   * @param identified a positive conclusive-grounds decision was taken
   */
  public record Report(
      UUID procedureId,
      UUID caseId,
      Stage stage,
      LocalDate reflectionStarts,
      LocalDate reflectionEnds,
      LocalDate negativeOn,
      boolean identified) {}

  /** What just happened, for the steps it starts on the case. */
  public enum Step {
    REFERRED,
    REASONABLE_GROUNDS_POSITIVE,
    CONCLUSIVE_GROUNDS_POSITIVE,
    NEGATIVE,
    LINKED
  }

  /**
   * Records where the procedure stands for the case, and starts what {@code step} starts. Runs in
   * the caller's transaction.
   */
  public void report(PalermoPrincipal by, Report r, Step step) {
    CaseFacts c = cases.facts(r.caseId()).orElse(null);
    if (c == null) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            INSERT INTO person_identification (procedure_id, case_id, stage, reflection_starts,
              reflection_ends, negative_on, identified, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (procedure_id) DO UPDATE SET case_id = EXCLUDED.case_id,
              stage = EXCLUDED.stage, reflection_starts = EXCLUDED.reflection_starts,
              reflection_ends = EXCLUDED.reflection_ends, negative_on = EXCLUDED.negative_on,
              identified = EXCLUDED.identified, updated_at = EXCLUDED.updated_at""")
        .params(
            r.procedureId(),
            r.caseId(),
            r.stage().name(),
            r.reflectionStarts(),
            r.reflectionEnds(),
            r.negativeOn(),
            r.identified(),
            now)
        .update();
    switch (step) {
      case REASONABLE_GROUNDS_POSITIVE -> {
        startReflection(by, c, r, now);
        tasks(by, c, ASSISTANCE_TASKS);
        notifications.notify(
            c.ownerAgencyId(), "reasonableGrounds", c.id(), "until:" + r.reflectionEnds());
      }
      case CONCLUSIVE_GROUNDS_POSITIVE -> {
        tasks(by, c, IDENTIFIED_TASKS);
        notifications.notify(c.ownerAgencyId(), "conclusiveGrounds", c.id(), "");
      }
      case NEGATIVE ->
          notifications.notify(
              c.ownerAgencyId(), "negativeDecision", c.id(), "on:" + r.negativeOn());
      case REFERRED, LINKED -> {}
    }
  }

  /** The recovery and reflection period on the case, exactly as the decision set it. */
  private void startReflection(PalermoPrincipal by, CaseFacts c, Report r, Timestamp now) {
    if (r.reflectionStarts() == null || r.reflectionEnds() == null) {
      return;
    }
    jdbc.sql(
            "INSERT INTO residence_permit (id, case_id, kind, valid_from, valid_to, recorded_by,"
                + " recorded_at) VALUES (?, ?, 'REFLECTION_PERIOD', ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(), c.id(), r.reflectionStarts(), r.reflectionEnds(), by.username(), now)
        .update();
    timeline.append(c.id(), by, "protection.reflectionStarted", "to:" + r.reflectionEnds());
  }

  private void tasks(PalermoPrincipal by, CaseFacts c, List<String> titles) {
    LocalDate today = LocalDate.now(clock);
    for (String title : titles) {
      store.addTask(
          UUID.randomUUID(), c.id(), title, today.plusDays(7), null, by.userId(), clock.instant());
    }
    timeline.append(c.id(), by, "task.created", "count=" + titles.size());
  }
}

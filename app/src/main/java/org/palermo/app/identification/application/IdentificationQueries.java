package org.palermo.app.identification.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The competent authority's work lists (decisions past their deadline, and all awaiting one),
 * computed against the injected clock, and decision letters. Every read is audited.
 */
@Service
public class IdentificationQueries {
  private final Screenings screenings;
  private final ScreeningStore screeningStore;
  private final ProcedureStore procedures;
  private final IdentificationAudit audit;
  private final Clock clock;
  private final org.palermo.app.cases.CaseLookup cases;

  IdentificationQueries(
      Screenings screenings,
      ScreeningStore screeningStore,
      ProcedureStore procedures,
      IdentificationAudit audit,
      Clock clock,
      org.palermo.app.cases.CaseLookup cases) {
    this.screenings = screenings;
    this.screeningStore = screeningStore;
    this.procedures = procedures;
    this.audit = audit;
    this.clock = clock;
    this.cases = cases;
  }

  /** The authority's lists on {@code today}: overdue decisions, and every decision awaited. */
  public record AuthorityLists(
      LocalDate today, List<ProcedureStore.Item> overdue, List<ProcedureStore.Item> open) {}

  /** A decision with what its letter needs; nothing about the person beyond the references. */
  public record Letter(
      UUID screeningId,
      String caseReference,
      IdentificationProcedure procedure,
      Decision decision) {}

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  @Transactional(readOnly = true)
  public AuthorityLists forAuthority(PalermoPrincipal who) {
    if (!IdentificationAccess.authorityOfficer(who)) {
      audit.agency(who, "identification.overdue.list", Outcome.DENIED, "");
      throw new PalermoException(
          ErrorCode.FORBIDDEN, "Only competent-authority officers have identification lists.");
    }
    LocalDate today = today();
    List<ProcedureStore.Item> overdue = procedures.overdue(who.agencyId(), today);
    List<ProcedureStore.Item> open = procedures.open(who.agencyId());
    audit.agency(
        who,
        "identification.overdue.list",
        Outcome.SUCCESS,
        "today=" + today + " overdue=" + overdue.size() + " open=" + open.size());
    return new AuthorityLists(today, overdue, open);
  }

  /**
   * The authority's work list (issue 14 item 12): its own procedures awaiting a decision (the same
   * rows as {@link #forAuthority}), each with the case reference and the child and age-disputed
   * flags of its screening (which the authority reads as the referral's recipient), filtered and
   * sorted as {@code filter} says. Audited as one agency read naming each person shown.
   */
  @Transactional(readOnly = true)
  public AuthorityWorkList.Shown workList(PalermoPrincipal who, AuthorityWorkList.Filter filter) {
    if (!IdentificationAccess.authorityOfficer(who)) {
      audit.agency(who, "identification.worklist.read", Outcome.DENIED, "");
      throw new PalermoException(
          ErrorCode.FORBIDDEN, "Only competent-authority officers have identification lists.");
    }
    LocalDate today = today();
    org.palermo.app.platform.calendar.WorkingCalendar calendar =
        org.palermo.app.platform.calendar.WorkingCalendar.current();
    List<AuthorityWorkList.Row> rows =
        procedures.open(who.agencyId()).stream()
            .map(i -> AuthorityWorkList.row(i, facts(i.screeningId()), today, calendar))
            .toList();
    AuthorityWorkList.Shown shown = AuthorityWorkList.shown(today, filter, rows);
    // Which persons the list showed, not only how many (SECURITY.md: every read of personal data
    // is audited per subject): one entry naming each, indexed in one statement.
    audit.agencyShown(
        who,
        "identification.worklist.read",
        "rows="
            + shown.rows().size()
            + " of="
            + shown.total()
            + " screenings="
            + String.join(",", shown.rows().stream().map(r -> r.screeningId().toString()).toList()),
        cases.persons(
            screeningStore.caseIds(
                shown.rows().stream().map(AuthorityWorkList.Row::screeningId).toList())));
    return shown;
  }

  private AuthorityWorkList.Facts facts(UUID screeningId) {
    String reference =
        screeningStore.summary(screeningId).map(ScreeningStore.Summary::caseReference).orElse(null);
    return screeningStore
        .find(screeningId)
        .map(
            s ->
                new AuthorityWorkList.Facts(
                    reference,
                    s.variant() == org.palermo.app.identification.screening.Variant.CHILD,
                    s.answers()
                        .is(
                            org.palermo.app.identification.screening.Questionnaire.AGE_DISPUTED,
                            org.palermo.app.identification.screening.Answer.YES)))
        .orElse(new AuthorityWorkList.Facts(reference, false, false));
  }

  @Transactional(readOnly = true)
  public Letter letter(PalermoPrincipal who, UUID screeningId, UUID decisionId) {
    Screenings.Loaded loaded = screenings.readable(who, screeningId, "identification.letter.read");
    Decision decision =
        loaded.procedure() == null
            ? null
            : loaded.procedure().decisions().stream()
                // A proposed or returned decision was never issued: it has no letter.
                .filter(d -> d.id().equals(decisionId) && d.issued())
                .findFirst()
                .orElse(null);
    if (decision == null) {
      audit.failure(who, "identification.letter.read", screeningId, "no such decision");
      throw new PalermoException(ErrorCode.NOT_FOUND, "No such decision.");
    }
    String caseReference =
        screeningStore.summary(screeningId).map(ScreeningStore.Summary::caseReference).orElse(null);
    audit.success(who, "identification.letter.read", screeningId, "decision:" + decisionId);
    return new Letter(screeningId, caseReference, loaded.procedure(), decision);
  }
}

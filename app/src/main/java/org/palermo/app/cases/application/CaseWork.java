package org.palermo.app.cases.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.care.CaseNotes;
import org.palermo.app.cases.domain.CaseFile;
import org.palermo.app.cases.domain.CaseRefused;
import org.palermo.app.cases.domain.ClosureReason;
import org.palermo.app.cases.domain.Transition;
import org.palermo.app.cases.persistence.CaseStore;
import org.palermo.app.cases.persistence.CaseStore.StoredCase;
import org.palermo.app.cases.persistence.Colleagues;
import org.palermo.app.cases.persistence.Colleagues.Colleague;
import org.palermo.app.cases.persistence.PersonStore;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case work: the case overview, lifecycle transitions with supervisor approval where configured
 * ({@code palermo.cases.approval-required}), assignment to a caseworker, focal points, and opening
 * another case for a known person. Reads need a readable group on the case, writes the
 * case-narrative write right; every step goes on the timeline and into the audit log.
 */
@Service
public class CaseWork {
  private final CaseStore cases;
  private final PersonStore persons;
  private final PersonRecords personRecords;
  private final Colleagues colleagues;
  private final CaseTimeline timeline;
  private final AccessPolicy policy;
  private final CaseAudit audit;
  private final CasesProperties properties;
  private final CaseNotes notes;
  private final Clock clock;

  CaseWork(
      CaseStore cases,
      PersonStore persons,
      PersonRecords personRecords,
      Colleagues colleagues,
      CaseTimeline timeline,
      AccessPolicy policy,
      CaseAudit audit,
      CasesProperties properties,
      CaseNotes notes,
      Clock clock) {
    this.cases = cases;
    this.persons = persons;
    this.personRecords = personRecords;
    this.colleagues = colleagues;
    this.timeline = timeline;
    this.policy = policy;
    this.audit = audit;
    this.properties = properties;
    this.notes = notes;
    this.clock = clock;
  }

  /** A case as one user sees it, with the person's permitted fields. */
  public record CaseView(
      UUID id,
      String reference,
      CaseStatus status,
      int version,
      Instant openedAt,
      Instant closedAt,
      Colleague assignedTo,
      List<Colleague> focalPoints,
      Transition pending,
      Colleague pendingBy,
      List<Transition> transitions,
      Set<Transition> needApproval,
      boolean mayWrite,
      boolean mayDecide,
      PersonView person,
      ClosureReason closureReason) {
    /** Whether the user may close the case now (through its confirmation page). */
    public boolean closable() {
      return mayWrite && transitions.contains(Transition.CLOSE);
    }
  }

  public CaseView view(PalermoPrincipal who, UUID caseId) {
    PersonView person = personRecords.personOfCase(who, caseId);
    StoredCase c = cases.find(caseId).orElseThrow(CaseErrors::notFound);
    boolean write = policy.allows(who, caseId, FieldGroup.CASE_NARRATIVE, Access.WRITE);
    CaseFile f = c.file();
    return new CaseView(
        caseId,
        c.reference(),
        f.status(),
        f.version(),
        c.openedAt(),
        f.closedAt(),
        c.assignedTo() == null ? null : colleagues.byId(c.assignedTo()).orElse(null),
        cases.focalPoints(caseId).stream()
            .map(u -> colleagues.byId(u).orElse(null))
            .filter(x -> x != null)
            .toList(),
        f.pending(),
        f.pendingBy() == null ? null : colleagues.byId(f.pendingBy()).orElse(null),
        f.pending() == null ? Transition.from(f.status()) : List.of(),
        properties.approvalRequired(),
        write,
        write && who.hasRole(Role.CASE_SUPERVISOR) && f.pending() != null,
        person,
        // Why a case was closed is case narrative (it may say the person went home).
        policy.allows(who, caseId, FieldGroup.CASE_NARRATIVE, Access.READ)
            ? cases.closureReason(caseId).orElse(null)
            : null);
  }

  /** The users who may be assigned to, or be focal points of, the case. */
  public List<Colleague> colleagues(PalermoPrincipal who, UUID caseId) {
    StoredCase c = writable(who, caseId);
    return colleagues.of(c.ownerAgencyId());
  }

  /**
   * The names of the case's agency staff by id, for readers of the case, so that a task list shows
   * whom each task is for (issue #14 item 19). Staff names only: nothing of the person.
   */
  public java.util.Map<UUID, String> staffNames(PalermoPrincipal who, UUID caseId) {
    StoredCase c = readable(who, caseId);
    java.util.Map<UUID, String> names = new java.util.HashMap<>();
    for (Colleague colleague : colleagues.of(c.ownerAgencyId())) {
      names.putIfAbsent(colleague.id(), colleague.displayName());
    }
    return names;
  }

  /** What a transition request did. */
  public record Moved(CaseStatus status, Transition pending, int version) {}

  /**
   * Asks for a lifecycle transition. It happens now, or waits for a case supervisor when the
   * transition is configured to need approval. Cooperation with the authorities is not read here or
   * anywhere on this path (Trafficking Protocol art. 6; CoE Convention art. 12(6)).
   */
  @Transactional
  public Moved transition(PalermoPrincipal who, UUID caseId, Transition t, int expectedVersion) {
    if (t == Transition.CLOSE) {
      throw refused("closureReason", "required", "Closing a case needs a reason.");
    }
    return move(who, caseId, t, expectedVersion);
  }

  /**
   * Closes the case (or asks a supervisor to, where closing needs approval) for {@code reason},
   * recorded in the case and on its timeline (issue 14 item 10). The optional {@code note} is kept
   * as a sealed case note, never on the timeline. Whatever the reason, the person may leave the
   * programme at any time and nothing here reads their cooperation with the authorities
   * (Trafficking Protocol art. 6(3); CoE Convention art. 12(6)).
   */
  @Transactional
  public Moved close(
      PalermoPrincipal who, UUID caseId, ClosureReason reason, String note, int expectedVersion) {
    // Who may write and whether the version is current come first (403/404, 412), then the form.
    fresh(writable(who, caseId), expectedVersion);
    if (reason == null) {
      throw refused("closureReason", "required", "Choose why the case is closed.");
    }
    boolean noNote = note == null || note.isBlank();
    if (reason == ClosureReason.OTHER && noNote) {
      throw refused("note", "closureNote", "Say in the note why the case is closed.");
    }
    Moved m = move(who, caseId, Transition.CLOSE, expectedVersion);
    cases.closureReason(caseId, reason);
    timeline.append(caseId, who, "case.closureReason", reason.name());
    if (!noNote) {
      notes.add(who, caseId, note, false);
    }
    audit.caseAction(who, "cases.close.reason", caseId, reason.name());
    return m;
  }

  private Moved move(PalermoPrincipal who, UUID caseId, Transition t, int expectedVersion) {
    StoredCase c = writable(who, caseId);
    fresh(c, expectedVersion);
    Instant now = clock.instant();
    CaseFile.Outcome out;
    try {
      out = c.file().request(t, who.userId(), properties.approvalRequired(), now);
    } catch (CaseRefused e) {
      throw CaseErrors.of(e);
    }
    save(out.file(), now);
    if (t == Transition.REOPEN && out.moved()) {
      cases.closureReason(caseId, null);
    }
    if (out.moved()) {
      timeline.append(caseId, who, statusKind(out.file().status()), t.name());
      audit.caseAction(who, "cases.transition", caseId, t + " to=" + out.file().status());
    } else {
      timeline.append(caseId, who, "case.approvalRequested", t.name());
      audit.caseAction(who, "cases.transition.requested", caseId, t.name());
    }
    return new Moved(out.file().status(), out.file().pending(), expectedVersion + 1);
  }

  /** A case supervisor of the owning agency approves or rejects the pending transition. */
  @Transactional
  public Moved decide(PalermoPrincipal who, UUID caseId, boolean approve, int expectedVersion) {
    StoredCase c = writable(who, caseId);
    if (!who.hasRole(Role.CASE_SUPERVISOR)) {
      throw new PalermoException(ErrorCode.FORBIDDEN, "Only a case supervisor decides.");
    }
    fresh(c, expectedVersion);
    Instant now = clock.instant();
    Transition asked = c.file().pending();
    CaseFile next;
    try {
      next = approve ? c.file().approve(who.userId(), now) : c.file().reject(who.userId());
    } catch (CaseRefused e) {
      throw CaseErrors.of(e);
    }
    save(next, now);
    if (asked == Transition.CLOSE && !approve || asked == Transition.REOPEN && approve) {
      cases.closureReason(caseId, null);
    }
    String kind = approve ? "case.approved" : "case.rejected";
    timeline.append(caseId, who, kind, asked.name());
    if (approve) {
      timeline.append(caseId, who, statusKind(next.status()), asked.name());
    }
    audit.caseAction(
        who, "cases.transition." + (approve ? "approved" : "rejected"), caseId, asked.name());
    return new Moved(next.status(), next.pending(), expectedVersion + 1);
  }

  /** Assigns the case to a case worker of the owning agency ({@code null} to unassign). */
  @Transactional
  public int assign(PalermoPrincipal who, UUID caseId, UUID userId, int expectedVersion) {
    StoredCase c = writable(who, caseId);
    fresh(c, expectedVersion);
    if (userId != null && colleagues.in(c.ownerAgencyId(), userId).isEmpty()) {
      throw CaseErrors.invalid("assignedTo", "Assign a case worker of the agency that owns it.");
    }
    if (!cases.assign(caseId, userId, expectedVersion, clock.instant())) {
      throw CaseErrors.stale();
    }
    timeline.append(
        caseId,
        who,
        userId == null ? "case.unassigned" : "case.assigned",
        userId == null ? "" : "user:" + userId);
    audit.caseAction(who, "cases.assign", caseId, userId == null ? "none" : "user:" + userId);
    return expectedVersion + 1;
  }

  /** Names a focal point: a user of the owning agency to contact about the case. */
  @Transactional
  public void addFocalPoint(PalermoPrincipal who, UUID caseId, UUID userId) {
    StoredCase c = writable(who, caseId);
    if (colleagues.in(c.ownerAgencyId(), userId).isEmpty()) {
      throw CaseErrors.invalid("userId", "A focal point is a case worker of the owning agency.");
    }
    if (cases.addFocalPoint(caseId, userId, clock.instant())) {
      timeline.append(caseId, who, "case.focalPointAdded", "user:" + userId);
      audit.caseAction(who, "cases.focalPoint.add", caseId, "user:" + userId);
    }
  }

  @Transactional
  public void removeFocalPoint(PalermoPrincipal who, UUID caseId, UUID userId) {
    writable(who, caseId);
    if (cases.removeFocalPoint(caseId, userId)) {
      timeline.append(caseId, who, "case.focalPointRemoved", "user:" + userId);
      audit.caseAction(who, "cases.focalPoint.remove", caseId, "user:" + userId);
    }
  }

  /**
   * Opens another case, owned by the user's agency, for a person the user may already write (a
   * match found by search-before-create, for instance), instead of registering them twice.
   */
  @Transactional
  public PersonRecords.Registered openFor(PalermoPrincipal who, UUID personId) {
    UUID existing = personRecords.bestCase(who, personId, Access.WRITE);
    policy.require(who, existing, FieldGroup.IDENTITY, Access.WRITE);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String reference = cases.newReference(now.atZone(clock.getZone()).getYear());
    cases.insert(id, reference, personId, who.agencyId(), CaseStatus.IDENTIFIED, now);
    policy.require(who, id, FieldGroup.CASE_NARRATIVE, Access.WRITE);
    timeline.append(id, who, "case.registered", "person-known");
    audit.caseAction(who, "cases.open", id, "person:" + personId);
    return new PersonRecords.Registered(personId, id, reference);
  }

  /** The case, if {@code who} may write its case narrative; NOT_FOUND or FORBIDDEN otherwise. */
  StoredCase writable(PalermoPrincipal who, UUID caseId) {
    policy.require(who, caseId, FieldGroup.CASE_NARRATIVE, Access.WRITE);
    return cases.find(caseId).orElseThrow(CaseErrors::notFound);
  }

  /** The case, if {@code who} may read its case narrative. */
  StoredCase readable(PalermoPrincipal who, UUID caseId) {
    policy.require(who, caseId, FieldGroup.CASE_NARRATIVE, Access.READ);
    return cases.find(caseId).orElseThrow(CaseErrors::notFound);
  }

  /** The timeline kind of reaching {@code s}: {@code case.status.supportPlan} and so on. */
  static String statusKind(CaseStatus s) {
    String[] parts = s.name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder b = new StringBuilder("case.status.").append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return b.toString();
  }

  private static PalermoException refused(String field, String reason, String detail) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED,
        detail,
        java.util.Map.<String, Object>of("field", field, "reason", reason));
  }

  private static void fresh(StoredCase c, int expectedVersion) {
    if (c.file().version() != expectedVersion) {
      throw CaseErrors.stale();
    }
  }

  private void save(CaseFile next, Instant now) {
    if (!cases.save(next, now)) {
      throw CaseErrors.stale();
    }
  }

  /** Unused by callers that only need the person id. */
  UUID personOf(UUID caseId) {
    return persons.personOf(caseId).orElseThrow(CaseErrors::notFound);
  }
}

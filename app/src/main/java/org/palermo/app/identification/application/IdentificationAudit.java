package org.palermo.app.identification.application;

import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Audits every read and write of screenings and identification decisions. Targets are record ids;
 * details hold steps, kinds and counts, never answers, findings or anything about the person.
 */
@Component
class IdentificationAudit {
  private final AuditLog log;
  private final org.palermo.app.audit.AuditSubjects subjects;

  IdentificationAudit(AuditLog log, org.palermo.app.audit.AuditSubjects subjects) {
    this.log = log;
    this.subjects = subjects;
  }

  /**
   * An agency-level read that shows several persons: one entry naming each person shown, indexed
   * under each in one statement (SECURITY.md: every read of personal data is audited per subject).
   */
  void agencyShown(
      PalermoPrincipal who, String action, String detail, java.util.Collection<UUID> persons) {
    subjects.recordShown(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            action,
            "agency:" + who.agencyId(),
            Outcome.SUCCESS,
            detail),
        persons);
  }

  void success(PalermoPrincipal who, String action, UUID screeningId, String detail) {
    record(who, action, target(screeningId), Outcome.SUCCESS, detail);
  }

  void denied(PalermoPrincipal who, String action, UUID screeningId, String detail) {
    record(who, action, target(screeningId), Outcome.DENIED, detail);
  }

  void failure(PalermoPrincipal who, String action, UUID screeningId, String detail) {
    record(who, action, target(screeningId), Outcome.FAILURE, detail);
  }

  void agency(PalermoPrincipal who, String action, Outcome outcome, String detail) {
    record(who, action, "agency:" + who.agencyId(), outcome, detail);
  }

  private void record(
      PalermoPrincipal who, String action, String target, Outcome outcome, String detail) {
    log.record(new AuditEntry(who.username(), who.agencyName(), action, target, outcome, detail));
  }

  private static String target(UUID screeningId) {
    return screeningId == null ? "-" : "screening:" + screeningId;
  }
}

package org.palermo.app.cases.application;

import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.springframework.stereotype.Component;

/** Audit entries of case work: identifiers and codes only, never personal data. */
@Component
class CaseAudit {
  private final AuditLog log;
  private final org.palermo.app.audit.AuditSubjects subjects;

  CaseAudit(AuditLog log, org.palermo.app.audit.AuditSubjects subjects) {
    this.log = log;
    this.subjects = subjects;
  }

  /** An agency-level entry naming every person shown (issue #11 item 17; ASVS 7.1). */
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

  void caseAction(PalermoPrincipal who, String action, UUID caseId, String detail) {
    log.record(
        new AuditEntry(
            who.username(), who.agencyName(), action, "case:" + caseId, Outcome.SUCCESS, detail));
  }

  void personAction(PalermoPrincipal who, String action, UUID personId, String detail) {
    log.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            action,
            "person:" + personId,
            Outcome.SUCCESS,
            detail));
  }

  void agencyAction(PalermoPrincipal who, String action, Outcome outcome, String detail) {
    log.record(
        new AuditEntry(
            who.username(), who.agencyName(), action, "agency:" + who.agencyId(), outcome, detail));
  }
}

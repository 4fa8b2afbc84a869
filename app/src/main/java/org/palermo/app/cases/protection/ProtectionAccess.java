package org.palermo.app.cases.protection;

import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Component;

/** Asks the access policy and writes the audit trail for every protection record read or write. */
@Component
class ProtectionAccess {
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final org.palermo.app.audit.AuditSubjects subjects;

  ProtectionAccess(
      AccessPolicy policy, AuditLog audit, org.palermo.app.audit.AuditSubjects subjects) {
    this.policy = policy;
    this.audit = audit;
    this.subjects = subjects;
  }

  /**
   * An agency-level read that shows several persons: one entry naming every person shown, indexed
   * under each (one statement), so that "who saw my record" finds it (SECURITY.md, audit of every
   * read of personal data; GDPR art. 15; ASVS 7.1).
   */
  void recordShown(
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

  /** Refuses unless {@code who} may read {@code group}; audits the read. */
  void read(PalermoPrincipal who, UUID caseId, FieldGroup group, String action) {
    policy.require(who, caseId, group, Access.READ);
    record(who, caseId, action, Outcome.SUCCESS, "");
  }

  /** Refuses unless {@code who} may write {@code group}. */
  void write(PalermoPrincipal who, UUID caseId, FieldGroup group) {
    policy.require(who, caseId, group, Access.WRITE);
  }

  void record(PalermoPrincipal who, UUID caseId, String action, Outcome outcome, String detail) {
    record(who, "case:" + caseId, action, outcome, detail);
  }

  void record(PalermoPrincipal who, String target, String action, Outcome outcome, String detail) {
    audit.record(new AuditEntry(who.username(), who.agencyName(), action, target, outcome, detail));
  }

  /** A refused step: audited as a failure, thrown as {@code CONFLICT} with its typed reason. */
  PalermoException refuse(
      PalermoPrincipal who, UUID caseId, String action, ProtectionRefusal reason, String detail) {
    record(who, caseId, action, Outcome.FAILURE, "reason=" + reason.code());
    return new PalermoException(ErrorCode.CONFLICT, reason, detail);
  }

  static PalermoException invalid(String field, String detail) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field, "reason", "INVALID_" + field));
  }

  static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "The field " + field + " is required.");
    }
    if (value.strip().length() > max) {
      throw invalid(field, "The field " + field + " is too long.");
    }
    return value.strip();
  }

  static String optional(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return "";
    }
    return required(value, field, max);
  }
}

package org.palermo.app.cases.care;

import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.RefusalReason;
import org.springframework.stereotype.Component;

/**
 * The one gate of the care sections: asks the access policy (SECURITY.md rule 2, below the web
 * layer), audits every read and write (rule 7), and puts every write on the case timeline. Audit
 * details and timeline details carry identifiers and codes only, never personal data.
 */
@Component
class CareGuard {
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final CaseLookup cases;
  private final CaseTimeline timeline;

  CareGuard(AccessPolicy policy, AuditLog audit, CaseLookup cases, CaseTimeline timeline) {
    this.policy = policy;
    this.audit = audit;
    this.cases = cases;
    this.timeline = timeline;
  }

  /** Refuses unless {@code who} may read {@code group}; audits the read; gives the case facts. */
  CaseFacts read(PalermoPrincipal who, UUID caseId, FieldGroup group, String action) {
    policy.require(who, caseId, group, Access.READ);
    CaseFacts facts = facts(caseId);
    record(who, action, "case:" + caseId, Outcome.SUCCESS, "");
    return facts;
  }

  /** Refuses unless {@code who} may write {@code group}; gives the case facts. */
  CaseFacts write(PalermoPrincipal who, UUID caseId, FieldGroup group) {
    policy.require(who, caseId, group, Access.WRITE);
    return facts(caseId);
  }

  /** Whether {@code who} may also read {@code group} (for health notes, for instance). */
  boolean allows(PalermoPrincipal who, UUID caseId, FieldGroup group, Access access) {
    return policy.allows(who, caseId, group, access);
  }

  /** Records a write: timeline entry {@code kind} and audit entry {@code action}. */
  void wrote(PalermoPrincipal who, UUID caseId, String kind, String action, String detail) {
    timeline.append(caseId, who, kind, detail);
    record(who, action, "case:" + caseId, Outcome.SUCCESS, detail);
  }

  void record(PalermoPrincipal who, String action, String target, Outcome outcome, String detail) {
    audit.record(new AuditEntry(who.username(), who.agencyName(), action, target, outcome, detail));
  }

  private CaseFacts facts(UUID caseId) {
    return cases
        .facts(caseId)
        .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
  }

  /** A validation failure naming the field and a reason code the pages translate. */
  static PalermoException invalid(String field, RefusalReason reason, String detail) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED, reason, detail, Map.of("field", field));
  }

  /** A required text of at most {@code max} characters, stripped. */
  static String text(String value, String field, int max, boolean required) {
    String v = value == null ? "" : value.strip();
    if (required && v.isEmpty()) {
      throw invalid(field, CareRefusal.REQUIRED, "'" + field + "' is required.");
    }
    if (v.length() > max) {
      throw invalid(
          field, CareRefusal.TOO_LONG, "'" + field + "' is longer than " + max + " characters.");
    }
    return v;
  }
}

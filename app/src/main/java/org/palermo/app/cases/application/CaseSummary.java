package org.palermo.app.cases.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseIdentificationDecisions;
import org.palermo.app.cases.CaseReferrals;
import org.palermo.app.cases.care.Assessments;
import org.palermo.app.cases.care.CaseNotes;
import org.palermo.app.cases.care.ServicesDelivered;
import org.palermo.app.cases.care.ServicesDelivered.Delivered;
import org.palermo.app.cases.care.SupportPlan;
import org.springframework.stereotype.Service;

/**
 * The protection-and-assistance sections of the printable case summary: the services delivered, the
 * referrals (to whom, service type, status, dates), assessments, support plan, notes, and the
 * identification decisions (date, decision, authority; {@link FieldGroup#LEGAL_PROCEEDINGS}). Each
 * is filled only when the access policy lets the user read its field group, {@link
 * FieldGroup#CASE_NARRATIVE} (SECURITY.md rule 2; the grouping of {@link FieldGroup}); otherwise it
 * is {@code null} and the page leaves it out. Reads are audited (rule 7): the services by {@link
 * ServicesDelivered}, the referrals here.
 */
@Service
public class CaseSummary {
  private final AccessPolicy policy;
  private final ServicesDelivered services;
  private final Assessments assessments;
  private final SupportPlan plan;
  private final CaseNotes notes;
  private final List<CaseReferrals> referrals;
  private final List<CaseIdentificationDecisions> decisions;
  private final CaseAudit audit;

  CaseSummary(
      AccessPolicy policy,
      ServicesDelivered services,
      Assessments assessments,
      SupportPlan plan,
      CaseNotes notes,
      List<CaseReferrals> referrals,
      List<CaseIdentificationDecisions> decisions,
      CaseAudit audit) {
    this.decisions = decisions;
    this.policy = policy;
    this.services = services;
    this.assessments = assessments;
    this.plan = plan;
    this.notes = notes;
    this.referrals = referrals;
    this.audit = audit;
  }

  /**
   * The sections; a {@code null} list is a section the user may not see. Notes are the ones the
   * user may read (health notes only with the health field group, as on the notes page).
   */
  public record Sections(
      List<Delivered> services,
      List<CaseReferrals.Line> referrals,
      List<Assessments.Assessment> assessments,
      List<SupportPlan.Objective> objectives,
      List<CaseNotes.Note> notes,
      List<CaseIdentificationDecisions.Line> decisions) {}

  public Sections of(PalermoPrincipal who, UUID caseId) {
    Set<FieldGroup> readable = policy.groups(who, caseId, Access.READ);
    // Identification decisions are legal-proceedings data (FieldGroup), shown to whoever may read
    // that group, independently of the narrative (issue #14 item 19).
    List<CaseIdentificationDecisions.Line> decided = null;
    if (readable.contains(FieldGroup.LEGAL_PROCEEDINGS)) {
      decided = decisions.stream().flatMap(d -> d.ofCase(caseId).stream()).toList();
      audit.caseAction(who, "cases.summary.decisions.read", caseId, "count=" + decided.size());
    }
    if (!readable.contains(FieldGroup.CASE_NARRATIVE)) {
      return new Sections(null, null, null, null, null, decided);
    }
    List<Delivered> delivered = services.list(who, caseId);
    List<CaseReferrals.Line> lines =
        referrals.stream().flatMap(r -> r.ofCase(caseId).stream()).toList();
    audit.caseAction(who, "cases.summary.referrals.read", caseId, "count=" + lines.size());
    // Each read below asks the policy itself and is audited by its owner (issue #14 item 19).
    return new Sections(
        delivered,
        lines,
        assessments.list(who, caseId),
        plan.list(who, caseId),
        notes.list(who, caseId).notes(),
        decided);
  }
}

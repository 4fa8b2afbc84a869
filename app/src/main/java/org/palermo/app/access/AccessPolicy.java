package org.palermo.app.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Service;

/**
 * The one access policy (SECURITY.md rules 2–5): role × agency type × relationship to the case ×
 * field group. Every path that reads or writes personal data — API, UI, search, export, CLI,
 * attachments — asks it, below the web layer.
 *
 * <p>A user with no relationship to a case is told it does not exist ({@code NOT_FOUND}), so that
 * the answer never reveals whether a person is known (firewall rule: no existence oracle).
 */
@Service
public class AccessPolicy {
  /** What a referral recipient sees (SECURITY.md rule 4). */
  public static final Set<FieldGroup> REFERRAL_VIEW =
      Collections.unmodifiableSet(EnumSet.of(FieldGroup.IDENTITY, FieldGroup.CONTACT));

  /** Whether a decision is about reading or writing. */
  public enum Access {
    READ,
    WRITE
  }

  private static final Set<Role> CASE_WRITERS =
      EnumSet.of(Role.CASEWORKER, Role.CASE_SUPERVISOR, Role.CHILD_PROTECTION_OFFICER);
  private static final Set<Role> CASE_READERS =
      EnumSet.of(
          Role.CASEWORKER,
          Role.CASE_SUPERVISOR,
          Role.CHILD_PROTECTION_OFFICER,
          Role.FRONTLINE_OFFICER,
          Role.COMPETENT_AUTHORITY_OFFICER);

  private final List<RelationshipSource> sources;
  private final AuditLog audit;

  AccessPolicy(List<RelationshipSource> sources, AuditLog audit) {
    this.sources = sources;
    this.audit = audit;
  }

  /** Every relationship {@code who} has to the case, gathered from all sources. */
  public Set<Relationship> relationships(PalermoPrincipal who, UUID caseId) {
    EnumSet<Relationship> all = EnumSet.noneOf(Relationship.class);
    for (RelationshipSource s : sources) {
      all.addAll(s.relationships(who, caseId));
    }
    return all;
  }

  /** The field groups {@code who} may read (or write) on the case; empty when none. */
  public Set<FieldGroup> groups(PalermoPrincipal who, UUID caseId, Access access) {
    return groups(who, relationships(who, caseId), access);
  }

  /** Whether {@code who} may read or write {@code group} on the case. */
  public boolean allows(PalermoPrincipal who, UUID caseId, FieldGroup group, Access access) {
    return groups(who, caseId, access).contains(group);
  }

  /**
   * Refuses unless {@code who} may read or write {@code group} on the case: {@code NOT_FOUND} when
   * the user has no relationship to the case at all (existence is not revealed), {@code FORBIDDEN}
   * when they have one but not this right. A refusal is audited.
   */
  public void require(PalermoPrincipal who, UUID caseId, FieldGroup group, Access access) {
    Set<Relationship> rel = relationships(who, caseId);
    if (groups(who, rel, access).contains(group)) {
      return;
    }
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access." + access.name().toLowerCase(),
            "case:" + caseId,
            Outcome.DENIED,
            "group=" + group));
    if (rel.isEmpty() || who.agencyType().isEnforcement()) {
      throw new PalermoException(ErrorCode.NOT_FOUND, "No such case.");
    }
    throw new PalermoException(ErrorCode.FORBIDDEN, "You may not see or change this part.");
  }

  /** The rule table. Issue 5 refines it (purpose, disclosures, break-the-glass). */
  Set<FieldGroup> groups(PalermoPrincipal who, Set<Relationship> rel, Access access) {
    EnumSet<FieldGroup> out = EnumSet.noneOf(FieldGroup.class);
    boolean enforcement = who.agencyType().isEnforcement();
    if (!enforcement
        && (rel.contains(Relationship.OWNER) || rel.contains(Relationship.SUPERVISOR))) {
      Set<Role> roles = access == Access.READ ? CASE_READERS : CASE_WRITERS;
      if (who.roles().stream().anyMatch(roles::contains)) {
        out.addAll(EnumSet.allOf(FieldGroup.class));
      }
    }
    if (!enforcement
        && access == Access.READ
        && rel.contains(Relationship.REFERRAL_RECIPIENT)
        && who.roles().stream().anyMatch(CASE_READERS::contains)) {
      out.addAll(REFERRAL_VIEW);
    }
    return out;
  }
}

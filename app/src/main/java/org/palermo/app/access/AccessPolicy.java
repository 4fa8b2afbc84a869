package org.palermo.app.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * field group × purpose. Every path that reads or writes personal data — API, UI, search, export,
 * CLI, attachments — asks it, below the web layer.
 *
 * <p>The decision, in order (docs/security/authorisation-matrix.md is generated from it):
 *
 * <ol>
 *   <li>{@link Purpose#OVERSIGHT}: only a {@link Role#DATA_PROTECTION_OFFICER} of the owning agency
 *       reads, every group; nobody writes.
 *   <li>{@link Relationship#OWNER}/{@link Relationship#SUPERVISOR}: each role's row of {@link
 *       AccessRules#ownAgency(Role)} (the DPO's row applies only for oversight).
 *   <li>{@link Relationship#REFERRAL_RECIPIENT} (not enforcement): reads {@link #REFERRAL_VIEW}
 *       intersected with the consent scope of its referrals in force ({@link Standing}).
 *   <li>{@link Relationship#DISCLOSURE_RECIPIENT} (not immigration enforcement): reads exactly the
 *       groups the person consented to disclose, never writes.
 *   <li>{@link Relationship#BREAK_THE_GLASS} (not enforcement, roles of {@link
 *       AccessRules#BREAK_THE_GLASS_ROLES}): reads the role's own-agency groups while it lasts.
 *   <li>An owner of a case that came to it by a transfer under a consent reads and writes only the
 *       groups that consent covers: its role's row intersected with the transfer's scope.
 *   <li>{@link Purpose#STATISTICS} keeps only {@link FieldGroup#STATISTICS_ONLY}; {@link
 *       Purpose#CRIMINAL_JUSTICE} keeps only what a disclosure grants.
 * </ol>
 *
 * <p><b>The firewall</b> (SECURITY.md rule 3; UN A/HRC/26/37 "firewall"): an agency is placed by
 * its function ({@link PalermoPrincipal#function()}), so a competent authority that sits in the
 * police or immigration is enforcement here. An agency whose function is IMMIGRATION_ENFORCEMENT
 * gets no individual data of cases other agencies own, not even by disclosure; LAW_ENFORCEMENT only
 * by a disclosure. Refusals to them are always {@code NOT_FOUND} with the same body as a case that
 * does not exist, and the decision does the same work whether the case exists or not: every
 * relationship source and the disclosure grants are always queried (one indexed query each, no
 * "does it exist" query first) and every refusal writes one audit entry.
 */
@Service
public class AccessPolicy {
  /** What a referral recipient sees (SECURITY.md rule 4). */
  public static final Set<FieldGroup> REFERRAL_VIEW =
      Collections.unmodifiableSet(EnumSet.of(FieldGroup.IDENTITY, FieldGroup.CONTACT));

  /** The message of every "no such case" refusal, so that refusals cannot be told apart. */
  public static final String NO_SUCH_CASE = "No such case.";

  /** Whether a decision is about reading or writing. */
  public enum Access {
    READ,
    WRITE
  }

  private final List<RelationshipSource> sources;
  private final DisclosureStore disclosures;
  private final AuditLog audit;

  AccessPolicy(List<RelationshipSource> sources, DisclosureStore disclosures, AuditLog audit) {
    this.sources = sources;
    this.disclosures = disclosures;
    this.audit = audit;
  }

  /** Every relationship {@code who} has to the case, gathered from all sources. */
  public Set<Relationship> relationships(PalermoPrincipal who, UUID caseId) {
    Set<Relationship> rel = standing(who, caseId).relationships();
    return rel.isEmpty() ? EnumSet.noneOf(Relationship.class) : EnumSet.copyOf(rel);
  }

  /** How {@code who} stands to the case: relationships and consent scopes, from all sources. */
  public Standing standing(PalermoPrincipal who, UUID caseId) {
    Standing all = Standing.none();
    for (RelationshipSource s : sources) {
      all = all.and(s.standing(who, caseId));
    }
    return all;
  }

  /** The field groups {@code who} may read (or write) on the case for assistance. */
  public Set<FieldGroup> groups(PalermoPrincipal who, UUID caseId, Access access) {
    return groups(who, caseId, access, Purpose.ASSISTANCE);
  }

  /** The field groups {@code who} may read (or write) on the case for {@code purpose}. */
  public Set<FieldGroup> groups(PalermoPrincipal who, UUID caseId, Access access, Purpose purpose) {
    return decide(
        who, standing(who, caseId), disclosures.groups(who.agencyId(), caseId), access, purpose);
  }

  /** Whether {@code who} may read or write {@code group} on the case, for assistance. */
  public boolean allows(PalermoPrincipal who, UUID caseId, FieldGroup group, Access access) {
    return allows(who, caseId, group, access, Purpose.ASSISTANCE);
  }

  /** Whether {@code who} may read or write {@code group} on the case for {@code purpose}. */
  public boolean allows(
      PalermoPrincipal who, UUID caseId, FieldGroup group, Access access, Purpose purpose) {
    return groups(who, caseId, access, purpose).contains(group);
  }

  /** {@link #require(PalermoPrincipal, UUID, FieldGroup, Access, Purpose)} for assistance. */
  public void require(PalermoPrincipal who, UUID caseId, FieldGroup group, Access access) {
    require(who, caseId, group, access, Purpose.ASSISTANCE);
  }

  /**
   * Refuses unless {@code who} may read or write {@code group} on the case for {@code purpose}:
   * {@code NOT_FOUND} when the user has no relationship to the case at all or is behind the
   * firewall (existence is not revealed), {@code FORBIDDEN} when they have one but not this right.
   * A refusal is audited.
   */
  public void require(
      PalermoPrincipal who, UUID caseId, FieldGroup group, Access access, Purpose purpose) {
    Standing standing = standing(who, caseId);
    Set<Relationship> rel = standing.relationships();
    Set<FieldGroup> granted = disclosures.groups(who.agencyId(), caseId);
    if (decide(who, standing, granted, access, purpose).contains(group)) {
      return;
    }
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access." + access.name().toLowerCase(),
            "case:" + caseId,
            Outcome.DENIED,
            "group=" + group + " purpose=" + purpose));
    if (hidden(who, rel)) {
      throw new PalermoException(ErrorCode.NOT_FOUND, NO_SUCH_CASE);
    }
    throw new PalermoException(ErrorCode.FORBIDDEN, "You may not see or change this part.");
  }

  /**
   * Whether a refusal on the case must look like a case that does not exist (the user has no
   * relationship to it, is behind the firewall, or holds only a disclosure): the test {@link
   * #require} applies, without auditing, for a caller that audits its own refusal the same way for
   * a hidden record and an absent one (issue #11 item 9). Asked about an id that is no case, it
   * does the same work and answers true.
   */
  public boolean hides(PalermoPrincipal who, UUID caseId) {
    return hidden(who, standing(who, caseId).relationships());
  }

  private static boolean hidden(PalermoPrincipal who, Set<Relationship> rel) {
    return rel.isEmpty()
        || who.function().isEnforcement()
        || rel.equals(EnumSet.of(Relationship.DISCLOSURE_RECIPIENT));
  }

  /**
   * The cases of other agencies that {@code who} could ever be allowed to read: for a user of an
   * enforcement agency, only the cases disclosed to it and still in force (none for immigration
   * enforcement: nothing is disclosed to it); for any other agency, the cases referred to it, the
   * glass its user broke and the disclosures to it. A search uses it to leave every other case out
   * in its query, so that it takes the same time whether a hidden person exists or not, for every
   * user (issue #11 item 9: the service-provider path used to open every candidate's name); each
   * row it keeps is still decided by {@link #allows}. Always present.
   */
  public Optional<Set<UUID>> reachBeyondOwnAgency(PalermoPrincipal who) {
    if (who.function() == AgencyType.IMMIGRATION_ENFORCEMENT) {
      return Optional.of(Set.of());
    }
    if (who.function().isEnforcement()) {
      return Optional.of(disclosures.casesDisclosedTo(who.agencyId()));
    }
    java.util.HashSet<UUID> reach = new java.util.HashSet<>();
    for (RelationshipSource s : sources) {
      reach.addAll(s.casesBeyondOwnAgency(who));
    }
    return Optional.of(Set.copyOf(reach));
  }

  /**
   * The groups {@code who} may read or write on a case their own agency owns, for lists that select
   * only such cases: the same rule table as {@link #groups}, without asking the relationship
   * sources row by row, for a case that did not come to the agency by a transfer under a consent (a
   * case with a consent scope must be asked about with {@link #allows}). Other relationships (a
   * disclosure, break-the-glass) only ever add groups, so a list may use this as each row's answer
   * and ask {@link #allows} only for a group it leaves out.
   */
  public Set<FieldGroup> groupsOnOwnCases(PalermoPrincipal who, Access access) {
    EnumSet<Relationship> rel = EnumSet.of(Relationship.OWNER);
    if (who.hasRole(Role.CASE_SUPERVISOR)) {
      rel.add(Relationship.SUPERVISOR);
    }
    return decide(who, rel, Set.of(), access, Purpose.ASSISTANCE);
  }

  /**
   * The rule table for relationships none of which carries a consent scope of its own; a referral
   * recipient is taken to have been given the whole {@link #REFERRAL_VIEW}. For the generated
   * documentation and tests of the table.
   */
  static Set<FieldGroup> decide(
      PalermoPrincipal who,
      Set<Relationship> rel,
      Set<FieldGroup> disclosed,
      Access access,
      Purpose purpose) {
    Map<Relationship, Set<FieldGroup>> scopes = new EnumMap<>(Relationship.class);
    if (rel.contains(Relationship.REFERRAL_RECIPIENT)) {
      scopes.put(Relationship.REFERRAL_RECIPIENT, REFERRAL_VIEW);
    }
    return decide(who, new Standing(rel, scopes), disclosed, access, purpose);
  }

  /**
   * The rule table applied to how one user stands to a case. {@code disclosed} is what disclosures
   * in force give the user's agency on this case. Each relationship's grant is intersected with its
   * consent scope (SECURITY.md rule 4): a referral recipient without a scope reads nothing, an
   * owner without one is not limited.
   */
  static Set<FieldGroup> decide(
      PalermoPrincipal who,
      Standing standing,
      Set<FieldGroup> disclosed,
      Access access,
      Purpose purpose) {
    Set<Relationship> rel = standing.relationships();
    EnumSet<FieldGroup> out = EnumSet.noneOf(FieldGroup.class);
    boolean read = access == Access.READ;
    boolean owner = rel.contains(Relationship.OWNER) || rel.contains(Relationship.SUPERVISOR);
    // A case transferred under a consent: the new owner holds only what the person consented to
    // hand over (CETS 197 art. 11(1); GDPR art. 5(1)(b)-(c)), for every purpose, oversight
    // included.
    Set<FieldGroup> ownerScope = ownerScope(standing);
    if (purpose == Purpose.OVERSIGHT) {
      if (read && owner && who.hasRole(Role.DATA_PROTECTION_OFFICER)) {
        out.addAll(ownerScope);
      }
      return out;
    }
    AgencyType type = who.function();
    boolean enforcement = type.isEnforcement();
    if (owner) {
      for (Role role : who.roles()) {
        if (role == Role.DATA_PROTECTION_OFFICER) {
          continue;
        }
        AccessRules.Grant g = AccessRules.ownAgency(role);
        for (FieldGroup f : read ? g.read() : g.write()) {
          if (ownerScope.contains(f)) {
            out.add(f);
          }
        }
      }
    }
    Set<FieldGroup> referralScope =
        standing.scopes().getOrDefault(Relationship.REFERRAL_RECIPIENT, Set.of());
    if (!enforcement && read && rel.contains(Relationship.REFERRAL_RECIPIENT)) {
      for (Role role : who.roles()) {
        for (FieldGroup g : AccessRules.ownAgency(role).read()) {
          if (REFERRAL_VIEW.contains(g)
              && referralScope.contains(g)
              && role != Role.DATA_PROTECTION_OFFICER) {
            out.add(g);
          }
        }
      }
    }
    EnumSet<FieldGroup> byDisclosure = EnumSet.noneOf(FieldGroup.class);
    if (read
        && type != AgencyType.IMMIGRATION_ENFORCEMENT
        && rel.contains(Relationship.DISCLOSURE_RECIPIENT)
        && who.roles().stream().anyMatch(AccessRules.DISCLOSURE_READERS::contains)) {
      byDisclosure.addAll(disclosed);
    }
    out.addAll(byDisclosure);
    if (!enforcement && read && rel.contains(Relationship.BREAK_THE_GLASS)) {
      for (Role role : who.roles()) {
        if (AccessRules.BREAK_THE_GLASS_ROLES.contains(role)) {
          out.addAll(AccessRules.ownAgency(role).read());
        }
      }
    }
    if (purpose == Purpose.STATISTICS) {
      out.retainAll(EnumSet.of(FieldGroup.STATISTICS_ONLY));
    } else if (purpose == Purpose.CRIMINAL_JUSTICE) {
      out.retainAll(byDisclosure);
    }
    return out;
  }

  /** What an owner may hold: every group, or the consent scope its ownership came with. */
  private static Set<FieldGroup> ownerScope(Standing standing) {
    EnumSet<FieldGroup> scope = EnumSet.allOf(FieldGroup.class);
    for (Relationship r : EnumSet.of(Relationship.OWNER, Relationship.SUPERVISOR)) {
      Set<FieldGroup> s = standing.scopes().get(r);
      if (s != null) {
        scope.retainAll(s);
      }
    }
    return scope;
  }
}

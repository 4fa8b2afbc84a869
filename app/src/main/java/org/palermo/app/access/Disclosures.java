package org.palermo.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consented disclosures of a person's data to another agency (SECURITY.md rule 3; GDPR Art. 6, 9;
 * IOM Data Protection Principle 5, "Confidentiality"; ICRC Handbook ch. 2.8, "Data sharing"). Only
 * a caseworker, supervisor or child-protection officer of the owning agency records or revokes one,
 * always with the reference of the person's consent; each is audited and listed on the case. A
 * disclosure grants reading of exactly its field groups until it expires or is revoked. Nothing is
 * ever disclosed to immigration enforcement (the firewall).
 */
@Service
public class Disclosures {
  /** The longest a disclosure may last. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(366);

  private final DisclosureStore store;
  private final AccessPolicy policy;
  private final Accounts accounts;
  private final AuditLog audit;
  private final Clock clock;
  // Looked up when used: the owner of persons (cases) depends on the access policy.
  private final ObjectProvider<InternationalProtection> protection;

  Disclosures(
      DisclosureStore store,
      AccessPolicy policy,
      Accounts accounts,
      AuditLog audit,
      Clock clock,
      ObjectProvider<InternationalProtection> protection) {
    this.protection = protection;
    this.store = store;
    this.policy = policy;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /** One disclosure as the case shows it. */
  public record Disclosure(
      UUID id,
      UUID caseId,
      UUID toAgencyId,
      String toAgencyName,
      Set<FieldGroup> groups,
      Purpose purpose,
      String purposeDetail,
      String consentReference,
      String disclosedBy,
      Instant disclosedAt,
      Instant expiresAt,
      Instant revokedAt) {
    /** Whether it grants access at {@code now}. */
    public boolean inForce(Instant now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }
  }

  /** What to disclose, to whom, why, with which consent and until when. */
  public record NewDisclosure(
      UUID toAgencyId,
      Set<FieldGroup> groups,
      Purpose purpose,
      String purposeDetail,
      String consentReference,
      Instant expiresAt) {}

  /**
   * Whether no consulate may receive a disclosure of the case: the person is an asylum seeker, a
   * refugee or a beneficiary of complementary protection (Directive 2013/32/EU art. 30). For the
   * page's list of agencies, after the access policy was asked.
   */
  boolean noConsulate(UUID caseId) {
    return protection.getObject().seeksOrHasInternationalProtection(caseId);
  }

  /** Records a disclosure for the case. */
  @Transactional
  public Disclosure create(PalermoPrincipal who, UUID caseId, NewDisclosure d) {
    requireDiscloser(who, caseId);
    Instant now = clock.instant();
    if (d.groups() == null || d.groups().isEmpty()) {
      throw invalid("groups", "Choose at least one field group to disclose.");
    }
    if (d.purpose() == null
        || d.purpose() == Purpose.OVERSIGHT
        || d.purpose() == Purpose.STATISTICS) {
      throw invalid("purpose", "Choose the purpose of the disclosure.");
    }
    String consent = d.consentReference() == null ? "" : d.consentReference().strip();
    if (consent.isEmpty() || consent.length() > 200) {
      throw invalid("consentReference", "The reference of the person’s consent is required.");
    }
    String detail = d.purposeDetail() == null ? "" : d.purposeDetail().strip();
    if (detail.length() > 500) {
      throw invalid("purposeDetail", "The purpose detail is at most 500 characters.");
    }
    if (d.expiresAt() == null
        || !d.expiresAt().isAfter(now)
        || d.expiresAt().isAfter(now.plus(MAX_VALIDITY))) {
      throw invalid("expiresAt", "The expiry must be in the future and within a year.");
    }
    Agency to =
        accounts.agencies().stream()
            .filter(a -> a.id().equals(d.toAgencyId()))
            .findFirst()
            .orElseThrow(() -> invalid("toAgencyId", "No such agency."));
    if (to.function() == AgencyType.IMMIGRATION_ENFORCEMENT) {
      throw invalid(
          "toAgencyId", "Nothing is disclosed to immigration enforcement (the firewall).");
    }
    if (to.id().equals(who.agencyId())) {
      throw invalid("toAgencyId", "Your own agency already holds the case.");
    }
    if (to.type() == AgencyType.CONSULATE
        && protection.getObject().seeksOrHasInternationalProtection(caseId)) {
      // No information to the alleged actor of persecution: a consulate may represent the state
      // the person fled, and the directory does not record which state it represents (Directive
      // 2013/32/EU art. 30; 1951 Convention art. 33).
      audit.record(
          new AuditEntry(
              who.username(),
              who.agencyName(),
              "access.disclosure.create",
              "case:" + caseId,
              Outcome.FAILURE,
              "reason=RECIPIENT_CONSULAR to=agency:" + to.id()));
      throw new PalermoException(
          ErrorCode.CONFLICT,
          AccessRefusal.RECIPIENT_CONSULAR,
          "This person seeks or has international protection: nothing about them is disclosed to"
              + " a consulate or embassy, which may represent the state they fled (Directive"
              + " 2013/32/EU art. 30; 1951 Convention art. 33).",
          Map.of("field", "consular"));
    }
    Disclosure created =
        new Disclosure(
            UUID.randomUUID(),
            caseId,
            to.id(),
            to.name(),
            EnumSet.copyOf(d.groups()),
            d.purpose(),
            detail,
            consent,
            who.username(),
            now,
            d.expiresAt(),
            null);
    store.insert(created, who.userId());
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access.disclosure.create",
            "case:" + caseId,
            Outcome.SUCCESS,
            "disclosure:"
                + created.id()
                + " to=agency:"
                + to.id()
                + " groups="
                + created.groups()
                + " purpose="
                + d.purpose()
                + " expires="
                + d.expiresAt()));
    return created;
  }

  /** Revokes a disclosure (the person withdrew consent, or it is no longer needed). */
  @Transactional
  public void revoke(PalermoPrincipal who, UUID caseId, UUID disclosureId, String consentRef) {
    requireDiscloser(who, caseId);
    String consent = consentRef == null ? "" : consentRef.strip();
    if (consent.isEmpty() || consent.length() > 200) {
      throw invalid("consentReference", "The reference of the person’s consent is required.");
    }
    if (!store.revoke(caseId, disclosureId, who.userId(), consent)) {
      throw new PalermoException(ErrorCode.NOT_FOUND, "No such disclosure in force.");
    }
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access.disclosure.revoke",
            "case:" + caseId,
            Outcome.SUCCESS,
            "disclosure:" + disclosureId));
  }

  /** The disclosures of the case, newest first: for its owning agency (and its DPO). */
  public List<Disclosure> list(PalermoPrincipal who, UUID caseId) {
    Set<Relationship> rel = policy.relationships(who, caseId);
    boolean owner = rel.contains(Relationship.OWNER) || rel.contains(Relationship.SUPERVISOR);
    boolean reads =
        policy.allows(who, caseId, FieldGroup.CASE_NARRATIVE, Access.READ)
            || policy.allows(
                who, caseId, FieldGroup.CASE_NARRATIVE, Access.READ, Purpose.OVERSIGHT);
    if (!reads) {
      policy.require(who, caseId, FieldGroup.CASE_NARRATIVE, Access.READ);
    }
    if (!owner) {
      // A recipient (by disclosure or break-the-glass) does not see the case's disclosure log.
      audit.record(
          new AuditEntry(
              who.username(),
              who.agencyName(),
              "access.disclosure.list",
              "case:" + caseId,
              Outcome.DENIED,
              "not the owner"));
      throw new PalermoException(ErrorCode.NOT_FOUND, AccessPolicy.NO_SUCH_CASE);
    }
    List<Disclosure> all = store.byCase(caseId);
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access.disclosure.list",
            "case:" + caseId,
            Outcome.SUCCESS,
            "count=" + all.size()));
    return all;
  }

  /** Whether {@code who} may record disclosures on the case (for showing the form). */
  public boolean mayDisclose(PalermoPrincipal who, UUID caseId) {
    return who.roles().stream().anyMatch(AccessRules.DISCLOSERS::contains)
        && policy.relationships(who, caseId).contains(Relationship.OWNER)
        && !who.function().isEnforcement();
  }

  private void requireDiscloser(PalermoPrincipal who, UUID caseId) {
    policy.require(who, caseId, FieldGroup.IDENTITY, Access.WRITE);
    if (!mayDisclose(who, caseId)) {
      audit.record(
          new AuditEntry(
              who.username(),
              who.agencyName(),
              "access.disclosure",
              "case:" + caseId,
              Outcome.DENIED,
              "role"));
      throw new PalermoException(ErrorCode.FORBIDDEN, "Your role does not record disclosures.");
    }
  }

  private static PalermoException invalid(String field, String message) {
    return new PalermoException(ErrorCode.VALIDATION_FAILED, message, Map.of("field", field));
  }
}

package org.palermo.app.cases.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.domain.ContactDetails;
import org.palermo.app.cases.persistence.ContactStore;
import org.palermo.app.cases.persistence.PersonStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact details of the person of a case (issue #14 item 13), read and written through the one
 * access policy as the CONTACT field group: the owner's roles by their row, a referral recipient
 * only when the person's consent covers CONTACT (SECURITY.md rule 4; CETS 197 art. 11(1)),
 * enforcement never without a disclosure (rule 3). Every read and write is audited by case, never
 * with the details themselves.
 */
@Service
public class PersonContacts {
  private final AccessPolicy policy;
  private final PersonStore persons;
  private final ContactStore store;
  private final CaseAudit audit;
  private final CaseTimeline timeline;
  private final Clock clock;

  PersonContacts(
      AccessPolicy policy,
      PersonStore persons,
      ContactStore store,
      CaseAudit audit,
      CaseTimeline timeline,
      Clock clock) {
    this.timeline = timeline;
    this.policy = policy;
    this.persons = persons;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The contact details as one user sees them.
   *
   * @param details what is recorded ({@link ContactDetails#NONE} when nothing is)
   * @param updatedBy who changed them last, null when never recorded
   * @param updatedAt when, null when never recorded
   * @param mayWrite whether the user may change them
   */
  public record ContactView(
      ContactDetails details, String updatedBy, Instant updatedAt, boolean mayWrite) {}

  /** The contact details; NOT_FOUND or FORBIDDEN (audited) when the user may not read them. */
  public ContactView read(PalermoPrincipal who, UUID caseId) {
    policy.require(who, caseId, FieldGroup.CONTACT, Access.READ);
    UUID personId = persons.personOf(caseId).orElseThrow(CaseErrors::notFound);
    ContactStore.Stored s = store.find(personId).orElse(null);
    audit.caseAction(who, "cases.contact.read", caseId, "person:" + personId);
    boolean write = policy.allows(who, caseId, FieldGroup.CONTACT, Access.WRITE);
    return s == null
        ? new ContactView(ContactDetails.NONE, null, null, write)
        : new ContactView(s.details(), s.updatedBy(), s.updatedAt(), write);
  }

  /** Refuses (audited) unless {@code who} may change the contact details of the case. */
  public void requireWrite(PalermoPrincipal who, UUID caseId) {
    policy.require(who, caseId, FieldGroup.CONTACT, Access.WRITE);
  }

  /**
   * Replaces the contact details. The access decision comes before any check of the values, so a
   * hidden case answers the same whatever is sent; invalid values are refused with every field's
   * reason (VALIDATION_FAILED, {@code errors}).
   */
  @Transactional
  public ContactView write(PalermoPrincipal who, UUID caseId, ContactDetails details) {
    policy.require(who, caseId, FieldGroup.CONTACT, Access.WRITE);
    Map<String, String> problems = details.problems();
    if (!problems.isEmpty()) {
      throw CaseErrors.invalid(problems);
    }
    UUID personId = persons.personOf(caseId).orElseThrow(CaseErrors::notFound);
    store.save(personId, details, who.username(), clock.instant());
    // The timeline says that they changed, never what they are.
    timeline.append(caseId, who, "contact.updated", "");
    audit.caseAction(who, "cases.contact.update", caseId, "person:" + personId);
    return read(who, caseId);
  }
}

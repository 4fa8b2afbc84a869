package org.palermo.app.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.CaseRecords.NewPersonCase;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.TraffickingStatuses;
import org.palermo.app.cases.domain.ChildFlag;
import org.palermo.app.cases.domain.PersonDetails;
import org.palermo.app.cases.domain.PersonField;
import org.palermo.app.cases.persistence.CaseStore;
import org.palermo.app.cases.persistence.PersonStore;
import org.palermo.app.cases.persistence.PersonStore.StoredPerson;
import org.palermo.app.cases.protection.ChildFactsChanged;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, reading and changing a person. Every call asks the access policy first (SECURITY.md
 * rule 2); a person is reached through their cases, so the user's field groups are those of the
 * case that gives them the most.
 */
@Service
public class PersonRecords {
  /** Statuses that editing the person cannot change: an asylum decision does (issue 13 §2). */
  private static final java.util.Set<org.palermo.app.cases.ProtectionStatus> LOCKED_PROTECTION =
      java.util.EnumSet.of(
          org.palermo.app.cases.ProtectionStatus.ASYLUM_SEEKER,
          org.palermo.app.cases.ProtectionStatus.REFUGEE,
          org.palermo.app.cases.ProtectionStatus.COMPLEMENTARY_PROTECTION);

  private final PersonStore persons;
  private final CaseStore cases;
  private final CaseRecords records;
  private final CaseTimeline timeline;
  private final AccessPolicy policy;
  private final CaseAudit audit;
  private final Clock clock;
  private final TraffickingStatuses statuses;
  private final ApplicationEventPublisher events;

  PersonRecords(
      PersonStore persons,
      CaseStore cases,
      CaseRecords records,
      CaseTimeline timeline,
      AccessPolicy policy,
      CaseAudit audit,
      Clock clock,
      TraffickingStatuses statuses,
      ApplicationEventPublisher events) {
    this.events = events;
    this.persons = persons;
    this.cases = cases;
    this.records = records;
    this.timeline = timeline;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.statuses = statuses;
  }

  /** What registration created. */
  public record Registered(UUID personId, UUID caseId, String reference) {}

  /**
   * Registers a person and opens a case for them with status {@code IDENTIFIED}, owned by the
   * user's agency. The user must then be allowed to write the identity group of the new case, or
   * nothing is stored.
   */
  @Transactional
  public Registered register(PalermoPrincipal who, PersonDetails d) {
    Map<String, String> problems = d.problems(LocalDate.now(clock));
    if (!problems.isEmpty()) {
      throw CaseErrors.invalid(problems);
    }
    String reference =
        records.register(
            new NewPersonCase(
                d.givenName(),
                d.familyName(),
                d.birthDate(),
                d.birthDateEstimated(),
                d.gender() == null ? null : d.gender().name(),
                d.citizenships(),
                d.languages(),
                d.legalBasis(),
                d.purpose(),
                who.agencyId(),
                CaseStatus.IDENTIFIED,
                clock.instant(),
                false,
                d.journey().stream()
                    .filter(
                        e -> e.type() == org.palermo.app.cases.domain.JourneyEventType.EXPLOITATION)
                    .map(e -> e.country())
                    .filter(c -> c != null)
                    .findFirst()
                    .orElse(null),
                d.exploitationTypes(),
                d.migrationStatus(),
                d.protectionStatus(),
                d.journey().stream()
                    .filter(
                        e -> e.type() == org.palermo.app.cases.domain.JourneyEventType.EXPLOITATION)
                    .map(e -> e.date())
                    .filter(day -> day != null)
                    .min(java.util.Comparator.naturalOrder())
                    .orElse(null)));
    UUID caseId = cases.idByReference(reference).orElseThrow();
    policy.require(who, caseId, FieldGroup.IDENTITY, Access.WRITE);
    UUID personId = persons.personOf(caseId).orElseThrow();
    persons.update(personId, d, 0, clock.instant());
    timeline.append(caseId, who, "case.registered", "");
    audit.caseAction(who, "cases.register", caseId, "person:" + personId);
    // A child who needs a guardian gets the "appoint a guardian" task at once (GuardianDuty).
    events.publishEvent(new ChildFactsChanged(caseId, who));
    return new Registered(personId, caseId, reference);
  }

  /** The person as {@code who} may see them; NOT_FOUND when the user has no case of theirs. */
  public PersonView person(PalermoPrincipal who, UUID personId) {
    // The policy first, the sealed record only once it allows: a hidden person and an id that
    // exists nowhere then cost the same work and write the same DENIED entry (issue #11 item 9).
    Set<FieldGroup> groups = readable(who, personId);
    StoredPerson p = persons.find(personId).orElseThrow(CaseErrors::notFound);
    audit.personAction(who, "cases.person.read", personId, "groups=" + groups);
    return view(p, groups);
  }

  /** The person of a case as {@code who} may see them, through that case only. */
  public PersonView personOfCase(PalermoPrincipal who, UUID caseId) {
    Set<FieldGroup> groups = policy.groups(who, caseId, Access.READ);
    if (groups.isEmpty()) {
      policy.require(who, caseId, FieldGroup.IDENTITY, Access.READ);
    }
    UUID personId = persons.personOf(caseId).orElseThrow(CaseErrors::notFound);
    StoredPerson p = persons.find(personId).orElseThrow(CaseErrors::notFound);
    audit.caseAction(who, "cases.person.read", caseId, "groups=" + groups);
    return view(p, groups);
  }

  /**
   * Replaces the person's fields if the stored version is still {@code expectedVersion}. The user
   * must be allowed to write every group whose fields change.
   */
  @Transactional
  public PersonView update(
      PalermoPrincipal who, UUID personId, PersonDetails d, int expectedVersion) {
    UUID caseId = bestCase(who, personId, Access.WRITE);
    if (persons.anonymised(personId)) {
      // An erased identity is never written back by an old page or a kept submission (GDPR
      // art. 17(1)): nothing is sealed again under a new key.
      throw new PalermoException(
          ErrorCode.CONFLICT,
          PersonRefusal.PERSON_ERASED,
          "This person's identity was erased; it cannot be edited.",
          Map.of());
    }
    StoredPerson p = persons.find(personId).orElseThrow(CaseErrors::notFound);
    Map<String, String> problems = d.problems(LocalDate.now(clock));
    if (!problems.isEmpty()) {
      throw CaseErrors.invalid(problems);
    }
    for (FieldGroup g : changedGroups(p.details(), d)) {
      policy.require(who, caseId, g, Access.WRITE);
    }
    if (p.version() != expectedVersion) {
      throw CaseErrors.stale();
    }
    if (p.details().ageDisputed() && !d.ageDisputed()) {
      // The presumption of minority holds until an age assessment concludes otherwise (CoE
      // Convention art. 10(3); Directive 2011/36/EU art. 13(2)): editing the identity cannot end
      // it.
      throw new PalermoException(
          ErrorCode.CONFLICT,
          PersonRefusal.AGE_DISPUTE_NEEDS_ASSESSMENT,
          "The age stays disputed until an age assessment concludes it; record the assessment on"
              + " the child page.",
          Map.of("field", "ageDisputed"));
    }
    if (LOCKED_PROTECTION.contains(p.details().protectionStatus())
        && d.protectionStatus() != p.details().protectionStatus()) {
      // Non-refoulement while a claim is pending or protection is granted (1951 Convention art.
      // 33(1); Directive 2013/32/EU art. 46(5)): only a recorded asylum decision changes it.
      throw new PalermoException(
          ErrorCode.CONFLICT,
          PersonRefusal.PROTECTION_STATUS_NEEDS_DECISION,
          "The protection status changes only by an asylum decision recorded on the case.",
          Map.of("field", "protectionStatus"));
    }
    if (p.version() != expectedVersion
        || !persons.update(personId, d, expectedVersion, clock.instant())) {
      throw CaseErrors.stale();
    }
    // The statistics follow corrections (issue 12 §3): version after this update.
    records.personChanged(personId, d, expectedVersion + 1L);
    timeline.append(caseId, who, "person.updated", "");
    audit.personAction(who, "cases.person.update", personId, "case:" + caseId);
    // The person may have become a (presumed) child who needs a guardian (GuardianDuty): the
    // task is opened on the case edited through, never on another agency's case.
    events.publishEvent(new ChildFactsChanged(caseId, who));
    return person(who, personId);
  }

  /** The groups {@code who} may read on any case of the person; NOT_FOUND (audited) when none. */
  Set<FieldGroup> readable(PalermoPrincipal who, UUID personId) {
    List<UUID> ids = persons.casesOf(personId);
    if (ids.isEmpty()) {
      // No such person: ask the policy about an id that is no case (a fresh one, so that the
      // entry names a case id as for a hidden person), doing the same queries and writing the
      // same audit entry.
      ids = List.of(UUID.randomUUID());
    }
    EnumSet<FieldGroup> all = EnumSet.noneOf(FieldGroup.class);
    for (UUID c : ids) {
      all.addAll(policy.groups(who, c, Access.READ));
    }
    if (all.isEmpty()) {
      policy.require(who, ids.get(0), FieldGroup.IDENTITY, Access.READ);
    }
    return all;
  }

  /** The person's case on which {@code who} holds the most groups; refuses when none. */
  UUID bestCase(PalermoPrincipal who, UUID personId, Access access) {
    List<UUID> ids = persons.casesOf(personId);
    if (ids.isEmpty()) {
      throw CaseErrors.notFound();
    }
    UUID best = null;
    int most = 0;
    for (UUID c : ids) {
      int n = policy.groups(who, c, access).size();
      if (n > most) {
        most = n;
        best = c;
      }
    }
    if (best == null) {
      policy.require(who, ids.get(0), FieldGroup.IDENTITY, access);
    }
    return best;
  }

  private PersonView view(StoredPerson p, Set<FieldGroup> groups) {
    PersonDetails d = p.details();
    boolean child = ChildFlag.of(d.birthDate(), d.ageDisputed(), LocalDate.now(clock));
    return PersonView.of(p.id(), p.version(), d, statuses.ofPerson(p.id()), groups, child);
  }

  private static Set<FieldGroup> changedGroups(PersonDetails a, PersonDetails b) {
    EnumSet<FieldGroup> out = EnumSet.noneOf(FieldGroup.class);
    for (PersonField f : PersonField.values()) {
      if (!java.util.Objects.equals(value(a, f), value(b, f))) {
        out.add(f.group());
      }
    }
    return out;
  }

  private static Object value(PersonDetails d, PersonField f) {
    return switch (f) {
      case NAMES -> List.of(String.valueOf(d.givenName()), String.valueOf(d.familyName()));
      case BIRTH_DATE -> String.valueOf(d.birthDate()) + d.birthDateEstimated();
      case AGE_DISPUTED -> d.ageDisputed();
      case SEX -> d.sex();
      case GENDER -> d.gender();
      case CITIZENSHIPS -> d.citizenships();
      case LANGUAGES -> d.languages();
      case MIGRATION_STATUS -> d.migrationStatus();
      case PROTECTION_STATUS -> d.protectionStatus();
      case TRAFFICKING_STATUS -> null; // derived, never edited (TraffickingStatuses)
      case CONTROL_METHODS -> d.controlMethods();
      case EXPLOITATION_TYPES -> d.exploitationTypes();
      case INDUSTRY -> d.industry();
      case RECRUITMENT_METHODS -> d.recruitmentMethods();
      case RECRUITMENT_PLACE -> String.valueOf(d.recruitmentCity()) + d.recruitmentCountry();
      case JOURNEY -> d.journey();
      case PURPOSE_AND_LEGAL_BASIS -> String.valueOf(d.purpose()) + d.legalBasis();
    };
  }
}

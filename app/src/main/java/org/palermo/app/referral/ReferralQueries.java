package org.palermo.app.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.directory.Providers;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.ProviderRanking.Place;
import org.palermo.app.referral.ProviderRanking.Ranked;
import org.palermo.law.ProtectionNeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What users see of referrals: the agency's inbox (incoming, outgoing, overdue), a case's
 * referrals, one referral with the person's data limited to the referral view and the consented
 * scope, and the ranked providers for a new referral. Every read asks the access policy and is
 * audited.
 */
@Service
class ReferralQueries {
  private final ReferralStore store;
  private final AccessPolicy policy;
  private final CaseLookup cases;
  private final Providers providers;
  private final Accounts accounts;
  private final ReferralEvents events;
  private final ReferralProperties properties;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Pathways pathways = Pathways.load();

  ReferralQueries(
      ReferralStore store,
      AccessPolicy policy,
      CaseLookup cases,
      Providers providers,
      Accounts accounts,
      ReferralEvents events,
      ReferralProperties properties,
      JdbcClient jdbc,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.cases = cases;
    this.providers = providers;
    this.accounts = accounts;
    this.events = events;
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One referral in a list. */
  record Item(
      UUID id,
      UUID caseId,
      String caseReference,
      String serviceType,
      String fromAgency,
      String toAgency,
      ReferralStatus status,
      boolean transfer,
      boolean child,
      Instant createdAt,
      Instant dueAt,
      boolean overdue) {}

  /** The agency's inbox. */
  record Inbox(
      List<Item> incoming,
      List<Item> outgoing,
      List<Item> overdue,
      int page,
      int size,
      long totalIncoming,
      long totalOutgoing) {}

  /** The person as the referral view shows them; groups outside the view are never filled. */
  record PersonView(
      Set<FieldGroup> groups,
      String givenName,
      String familyName,
      LocalDate birthDate,
      Boolean birthDateEstimated,
      String gender,
      List<String> citizenships,
      List<String> languages) {
    /** The name as written ({@link org.palermo.app.cases.PersonName}), null outside the view. */
    public String fullName() {
      return givenName == null
          ? null
          : org.palermo.app.cases.PersonName.full(givenName, familyName);
    }
  }

  /** One referral as its sender or recipient sees it. */
  record Detail(
      Referral referral,
      String caseReference,
      String fromAgency,
      String toAgency,
      boolean overdue,
      boolean recipient,
      boolean sender,
      PersonView person,
      Instant keptUntil,
      Instant now,
      boolean mayWithdraw) {}

  Inbox inbox(PalermoPrincipal who, int page, int size) {
    CaseRoles.require(who);
    int p = Math.max(0, page);
    int s = Math.min(Math.max(1, size), 100);
    Instant now = clock.instant();
    List<Item> in = items(store.incoming(who.agencyId(), p * s, s), now);
    List<Item> out = items(store.outgoing(who.agencyId(), p * s, s), now);
    List<Item> late = items(store.overdue(who.agencyId(), now), now);
    events.audit(who, null, "referral.inbox", Outcome.SUCCESS, "page=" + p);
    return new Inbox(
        in,
        out,
        late,
        p,
        s,
        store.count("to", who.agencyId()),
        store.count("from", who.agencyId()));
  }

  List<Item> overdue(PalermoPrincipal who) {
    CaseRoles.require(who);
    Instant now = clock.instant();
    return items(store.overdue(who.agencyId(), now), now);
  }

  /** The referrals of a case, for those who may read its case narrative (the owner). */
  List<Item> ofCase(PalermoPrincipal who, UUID caseId) {
    policy.require(who, caseId, FieldGroup.CASE_NARRATIVE, Access.READ);
    events.audit(who, caseId, "referral.case.list", Outcome.SUCCESS, "");
    return items(store.ofCase(caseId), clock.instant());
  }

  Detail detail(PalermoPrincipal who, UUID referralId) {
    // Only a referral the user's agency sent or received is loaded (and its sealed text opened):
    // another agency's referral and an id that exists nowhere cost the same work and write the
    // same DENIED entry (issue #11 item 9).
    // The case's current owner also reads the referrals of its case, those sent before the case
    // came to it included: it answers for what the recipient still keeps (#14 item 15).
    Referral r =
        store
            .findFor(referralId, who.agencyId())
            .or(
                () ->
                    store
                        .find(referralId)
                        .filter(
                            x ->
                                policy.allows(
                                    who, x.caseId(), FieldGroup.CASE_NARRATIVE, Access.WRITE)))
            .orElse(null);
    if (r == null) {
      events.audit(who, null, "referral.read", Outcome.DENIED, "referral:" + referralId);
      throw ReferralSteps.notFound();
    }
    boolean recipient = r.toAgencyId().equals(who.agencyId());
    boolean sender = r.fromAgencyId().equals(who.agencyId());
    Set<FieldGroup> groups = EnumSet.noneOf(FieldGroup.class);
    groups.addAll(policy.groups(who, r.caseId(), Access.READ));
    groups.retainAll(AccessPolicy.REFERRAL_VIEW);
    groups.retainAll(r.scope());
    if (!CaseRoles.has(who)) {
      events.audit(who, r.caseId(), "referral.read", Outcome.DENIED, "referral:" + r.id());
      throw new PalermoException(ErrorCode.FORBIDDEN, "Your role cannot read referrals.");
    }
    Instant now = clock.instant();
    String reference = cases.facts(r.caseId()).map(CaseFacts::reference).orElse(null);
    PersonView person = person(who, r.caseId(), groups);
    events.audit(
        who,
        r.caseId(),
        "referral.read",
        Outcome.SUCCESS,
        "referral:" + r.id() + " groups=" + groups);
    return new Detail(
        r,
        reference,
        agencyName(r.fromAgencyId()),
        agencyName(r.toAgencyId()),
        r.overdue(now),
        recipient,
        sender,
        person,
        store.keptUntil(r.id()).orElse(null),
        now,
        r.status() == ReferralStatus.COMPLETED
            && ReferralPolicy.mayWithdraw(
                false, policy.allows(who, r.caseId(), FieldGroup.CASE_NARRATIVE, Access.WRITE)));
  }

  private PersonView person(PalermoPrincipal who, UUID caseId, Set<FieldGroup> groups) {
    if (!groups.contains(FieldGroup.IDENTITY)) {
      return new PersonView(Set.copyOf(groups), null, null, null, null, null, null, null);
    }
    // Opened by cases, the owner, which asks the access policy for the identity group on behalf of
    // the user and audits the read.
    CaseLookup.PersonView p = cases.person(who, caseId).orElseThrow();
    return new PersonView(
        Set.copyOf(groups),
        p.givenName(),
        p.familyName(),
        p.birthDate(),
        p.birthDateEstimated(),
        p.gender(),
        p.citizenships(),
        p.languages());
  }

  /** Everything the "make a referral" form needs. */
  record Options(
      UUID caseId,
      String caseReference,
      boolean child,
      ProtectionNeed need,
      List<ServiceType> pathwayTypes,
      ServiceType serviceType,
      List<ServiceType> fallenBackFrom,
      List<Ranked> ranked,
      boolean originKnown,
      List<Agency> agencies,
      boolean mayOverride) {}

  /**
   * The ranked providers for a case and a need or service type. The origin is the given place, or
   * else the referring agency's own location in the directory.
   */
  Options options(
      PalermoPrincipal who,
      UUID caseId,
      ProtectionNeed need,
      ServiceType type,
      Double latitude,
      Double longitude) {
    policy.require(who, caseId, FieldGroup.CASE_NARRATIVE, Access.WRITE);
    CaseFacts facts =
        cases
            .facts(caseId)
            .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
    List<ServiceType> pathway =
        need == null ? List.of() : pathways.serviceTypes(need, facts.child());
    Place origin =
        latitude != null && longitude != null
            ? new Place(latitude, longitude)
            : agencyPlace(who.agencyId()).orElse(null);
    List<Agency> all = accounts.agencies();
    Set<UUID> childAgencies =
        all.stream()
            .filter(a -> a.type() == AgencyType.CHILD_PROTECTION)
            .map(Agency::id)
            .collect(Collectors.toSet());
    // No consulate is offered for an asylum seeker or refugee (Directive 2013/32/EU art. 30).
    boolean noConsulate = cases.seeksOrHasInternationalProtection(caseId);
    Set<UUID> consulates =
        all.stream().filter(ConsularBar::consular).map(Agency::id).collect(Collectors.toSet());
    java.util.function.Function<ServiceType, List<Providers.Provider>> offered =
        t ->
            providers.offering(t).stream()
                .filter(p -> p.agencyId() == null || !p.agencyId().equals(who.agencyId()))
                .filter(p -> !noConsulate || !consulates.contains(p.agencyId()))
                .toList();
    // The pathway falls back, never to a dead end: when no provider of a type can receive the
    // referral through Palermo (none but the user's own agency, say), the next type of the pathway
    // is offered, and the page says which were passed over (issue #14 item 16).
    ServiceType chosen = type;
    List<Providers.Provider> candidates = type == null ? List.of() : offered.apply(type);
    List<ServiceType> fallenBackFrom = new java.util.ArrayList<>();
    if (type == null && !pathway.isEmpty()) {
      for (ServiceType t : pathway) {
        List<Providers.Provider> ps = offered.apply(t);
        if (ps.stream().anyMatch(p -> p.agencyId() != null)) {
          chosen = t;
          candidates = ps;
          break;
        }
        fallenBackFrom.add(t);
      }
      if (chosen == null) {
        // Nothing on the whole pathway: show its first type (with whatever the directory lists)
        // and the agencies a referral can go to straight.
        chosen = pathway.get(0);
        candidates = offered.apply(chosen);
        fallenBackFrom.clear();
      }
    }
    // Eligibility by age and sex from the directory (HSDS). A disputed age is not used against the
    // person: they are a child until assessed (CoE Convention art. 10(3)), and no age limit ranks a
    // provider down for them.
    // Age and sex are identity: used only when the user may read it (a case transferred under a
    // scope without IDENTITY ranks without them, never showing "not eligible: women only").
    boolean eligibilityRead = policy.allows(who, caseId, FieldGroup.IDENTITY, Access.READ);
    CaseLookup.Eligibility person =
        eligibilityRead
            ? cases.eligibility(caseId).orElse(new CaseLookup.Eligibility(null, false, null))
            : new CaseLookup.Eligibility(null, false, null);
    Integer age = person.ageDisputed() ? null : person.age();
    List<Ranked> ranked =
        chosen == null
            ? List.of()
            : ProviderRanking.rank(
                candidates,
                new ProviderRanking.Query(
                    languages(caseId),
                    origin,
                    LocalDateTime.now(clock),
                    properties.opensSoon(),
                    facts.child(),
                    childAgencies,
                    age,
                    person.sex()));
    List<Agency> agencies =
        all.stream()
            .filter(a -> !a.function().isEnforcement() && !a.id().equals(who.agencyId()))
            .filter(a -> !noConsulate || !ConsularBar.consular(a))
            .toList();
    // The person's age and sex were read to rank by eligibility: the entry names the case (its
    // subject) and says so (SECURITY.md: every read of personal data audited per subject).
    events.audit(
        who,
        caseId,
        "referral.options",
        Outcome.SUCCESS,
        "type=" + chosen + (eligibilityRead ? " read=IDENTITY(age,sex)" : ""));
    return new Options(
        caseId,
        facts.reference(),
        facts.child(),
        need,
        pathway,
        chosen,
        List.copyOf(fallenBackFrom),
        ranked,
        origin != null,
        agencies,
        who.roles().stream().anyMatch(r -> r.name().equals(properties.overrideRole())));
  }

  List<String> languages(UUID caseId) {
    return cases.languages(caseId);
  }

  /** Where the agency is, from its directory entry (public data). */
  Optional<Place> agencyPlace(UUID agencyId) {
    return jdbc.sql(
            """
            SELECT l.latitude, l.longitude FROM directory_location l
            JOIN directory_organization o ON o.id = l.organization_id
            WHERE o.agency_id = ? AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL
            ORDER BY l.name LIMIT 1""")
        .param(agencyId)
        .query((rs, n) -> new Place(rs.getDouble(1), rs.getDouble(2)))
        .optional();
  }

  /** The list items, with the cases' references read in one query (not one per referral). */
  private List<Item> items(List<Referral> referrals, Instant now) {
    Map<UUID, String> references =
        cases.references(referrals.stream().map(Referral::caseId).toList());
    return referrals.stream()
        .map(
            r ->
                new Item(
                    r.id(),
                    r.caseId(),
                    references.get(r.caseId()),
                    r.serviceType(),
                    agencyName(r.fromAgencyId()),
                    agencyName(r.toAgencyId()),
                    r.status(),
                    r.transfer(),
                    r.child(),
                    r.createdAt(),
                    r.dueAt(),
                    r.overdue(now)))
        .toList();
  }

  private String agencyName(UUID id) {
    Agency a = events.agency(id);
    return a == null ? "-" : a.name();
  }
}

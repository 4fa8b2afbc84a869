package org.palermo.app.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.platform.Idempotency;
import org.palermo.app.referral.Referral.Basis;
import org.palermo.app.referral.Referral.Consent;
import org.palermo.app.referral.Referral.ConsentGiver;
import org.palermo.app.referral.Referral.DeclineReason;
import org.palermo.app.referral.Referral.InformedHow;
import org.palermo.app.referral.ReferralQueries.Detail;
import org.palermo.app.referral.ReferralQueries.Item;
import org.palermo.app.referral.ReferralQueries.PersonView;
import org.palermo.law.ProtectionNeed;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/referrals}: make a referral (with an {@code Idempotency-Key}), the incoming and
 * outgoing lists with paging, the overdue list, one referral in the referral view, and its steps.
 * The same use cases, checks and audit as the pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Referrals")
@SecurityRequirement(name = "token")
class ReferralApi {
  private final ReferToProvider refer;
  private final ReferralSteps steps;
  private final ReferralQueries queries;
  private final ReferralMessages messages;
  private final Idempotency idempotency;

  ReferralApi(
      ReferToProvider refer,
      ReferralSteps steps,
      ReferralQueries queries,
      ReferralMessages messages,
      Idempotency idempotency) {
    this.messages = messages;
    this.idempotency = idempotency;
    this.refer = refer;
    this.steps = steps;
    this.queries = queries;
  }

  /** The consent behind a referral. */
  record ConsentBody(
      ConsentGiver givenBy, Instant givenAt, InformedHow informedHow, Boolean interpreterUsed) {}

  /** A referral to make: {@code serviceId}, or {@code toAgencyId} with {@code serviceType}. */
  record CreateRequest(
      UUID caseId,
      UUID serviceId,
      UUID toAgencyId,
      ServiceType serviceType,
      ProtectionNeed need,
      Boolean transfer,
      String note,
      ConsentBody consent,
      Set<FieldGroup> scope,
      String overrideReason,
      String bestInterestsConsideration) {}

  /** A decline: a reason code and, for OTHER, a text. */
  record DeclineRequest(DeclineReason reason, String text) {}

  record AgencyRef(UUID id, String name) {}

  record DeclineBody(DeclineReason reason, String text) {}

  /** A referral as sender and recipient see it; {@code person} holds the referral view only. */
  record ReferralResponse(
      UUID id,
      UUID caseId,
      String caseReference,
      UUID serviceId,
      String serviceType,
      String need,
      boolean transfer,
      boolean child,
      String note,
      ReferralStatus status,
      Basis basis,
      ConsentBody consent,
      Set<FieldGroup> scope,
      boolean consentOverridden,
      AgencyRef from,
      AgencyRef to,
      Instant createdAt,
      Instant dueAt,
      boolean overdue,
      Instant answeredAt,
      DeclineBody decline,
      Instant closedAt,
      PersonView person) {}

  /** One page of a list. */
  record Page(String box, List<Item> items, int page, int size, long totalItems) {}

  @PostMapping("/referrals")
  @Operation(
      summary = "Refer a case to a service or agency",
      description =
          "Needs recorded consent, or for a child the guardian's best-interests determination"
              + " (for a child's child protection, shelter or medical care: a"
              + " bestInterestsConsideration instead), or (with the override permission) an"
              + " overrideReason. Send an Idempotency-Key to"
              + " make retries safe.")
  ResponseEntity<ReferralResponse> create(
      @RequestBody CreateRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    PalermoPrincipal me = CurrentUser.get();
    ConsentBody c = body.consent();
    UUID id =
        idempotency.runForId(
            me.userId(),
            key,
            Idempotency.fingerprint("POST", "/api/v1/referrals", canonical(body)),
            () ->
                refer
                    .refer(
                        me,
                        new ReferToProvider.Command(
                            body.caseId(),
                            body.serviceId(),
                            body.toAgencyId(),
                            body.serviceType(),
                            body.need(),
                            Boolean.TRUE.equals(body.transfer()),
                            body.note(),
                            c == null
                                ? null
                                : new Consent(
                                    c.givenBy(), c.givenAt(), c.informedHow(), c.interpreterUsed()),
                            body.scope(),
                            body.overrideReason(),
                            body.bestInterestsConsideration()))
                    .id());
    return ResponseEntity.status(HttpStatus.CREATED).body(response(queries.detail(me, id)));
  }

  /** The request with its scope in a fixed order, so that a retry has the same fingerprint. */
  private static CreateRequest canonical(CreateRequest b) {
    return new CreateRequest(
        b.caseId(),
        b.serviceId(),
        b.toAgencyId(),
        b.serviceType(),
        b.need(),
        b.transfer(),
        b.note(),
        b.consent(),
        b.scope() == null ? null : new TreeSet<>(b.scope()),
        b.overrideReason(),
        b.bestInterestsConsideration());
  }

  @GetMapping("/referrals")
  @Operation(summary = "List the agency's incoming (default) or outgoing referrals, newest first")
  Page list(
      @RequestParam(defaultValue = "incoming") String box,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    ReferralQueries.Inbox inbox = queries.inbox(CurrentUser.get(), page, size);
    boolean out = "outgoing".equals(box);
    return new Page(
        out ? "outgoing" : "incoming",
        out ? inbox.outgoing() : inbox.incoming(),
        inbox.page(),
        inbox.size(),
        out ? inbox.totalOutgoing() : inbox.totalIncoming());
  }

  @GetMapping("/referrals/overdue")
  @Operation(summary = "Pending referrals sent or received by the agency past their deadline")
  List<Item> overdue() {
    return queries.overdue(CurrentUser.get());
  }

  @GetMapping("/referrals/{id}")
  @Operation(summary = "One referral, with the person limited to the referral view")
  ReferralResponse get(@PathVariable UUID id) {
    return response(queries.detail(CurrentUser.get(), id));
  }

  @PostMapping("/referrals/{id}/accept")
  @Operation(summary = "Accept a pending referral (a transfer moves the case)")
  ReferralResponse accept(@PathVariable UUID id) {
    PalermoPrincipal me = CurrentUser.get();
    steps.accept(me, id);
    return response(queries.detail(me, id));
  }

  @PostMapping("/referrals/{id}/decline")
  @Operation(summary = "Decline a pending referral with a reason code (and text for OTHER)")
  ReferralResponse decline(@PathVariable UUID id, @RequestBody DeclineRequest body) {
    PalermoPrincipal me = CurrentUser.get();
    steps.decline(me, id, body == null ? null : body.reason(), body == null ? null : body.text());
    return response(queries.detail(me, id));
  }

  @PostMapping("/referrals/{id}/complete")
  @Operation(summary = "Mark an accepted referral completed (the service was delivered)")
  ReferralResponse complete(@PathVariable UUID id) {
    PalermoPrincipal me = CurrentUser.get();
    steps.complete(me, id);
    return response(queries.detail(me, id));
  }

  @PostMapping("/referrals/{id}/revoke")
  @Operation(
      summary =
          "Revoke a pending or accepted referral (sender only); on a completed service referral,"
              + " withdraw what the recipient keeps (the case's current owner or the national"
              + " coordinator; 204 for a coordinator, who reads no referral)")
  ResponseEntity<ReferralResponse> revoke(@PathVariable UUID id) {
    PalermoPrincipal me = CurrentUser.get();
    steps.revoke(me, id);
    if (!CaseRoles.has(me)) {
      return ResponseEntity.noContent().build();
    }
    return ResponseEntity.ok(response(queries.detail(me, id)));
  }

  /** A message to the other agency of a referral. */
  record MessageRequest(String text) {}

  /** One message of a referral's thread. */
  record MessageResponse(
      UUID id, UUID authorId, AgencyRef authorAgency, Instant createdAt, String text) {}

  /** The messages of a referral, oldest first, and whether the caller may add one now. */
  record ThreadResponse(UUID referralId, List<MessageResponse> messages, boolean writable) {}

  @GetMapping("/referrals/{id}/messages")
  @Operation(
      summary = "The messages between the sender and the recipient of a referral, oldest first",
      description =
          "Only users of the two agencies who may see the referral (404 for any other agency).")
  ThreadResponse messages(@PathVariable UUID id) {
    return thread(messages.thread(CurrentUser.get(), id));
  }

  @PostMapping("/referrals/{id}/messages")
  @Operation(
      summary = "Write to the other agency of a referral",
      description =
          "At most 2000 characters; while the referral is pending or accepted, or completed and"
              + " still kept by the recipient (409 otherwise). The other agency is notified. Send"
              + " an Idempotency-Key to make retries safe.")
  ResponseEntity<ThreadResponse> message(
      @PathVariable UUID id,
      @RequestBody MessageRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    PalermoPrincipal me = CurrentUser.get();
    String text = body == null ? null : body.text();
    idempotency.runForId(
        me.userId(),
        key,
        Idempotency.fingerprint(
            "POST", "/api/v1/referrals/" + id + "/messages", text == null ? "" : text),
        () -> messages.write(me, id, text));
    return ResponseEntity.status(HttpStatus.CREATED).body(thread(messages.thread(me, id)));
  }

  private static ThreadResponse thread(ReferralMessages.MessageThread t) {
    return new ThreadResponse(
        t.referralId(),
        t.messages().stream()
            .map(
                m ->
                    new MessageResponse(
                        m.id(),
                        m.authorId(),
                        new AgencyRef(m.authorAgencyId(), m.authorAgency()),
                        m.createdAt(),
                        m.text()))
            .toList(),
        t.writable());
  }

  @GetMapping("/cases/{caseId}/referrals")
  @Operation(summary = "The referrals of a case (the owning agency)")
  List<Item> ofCase(@PathVariable UUID caseId) {
    return queries.ofCase(CurrentUser.get(), caseId);
  }

  /** One ranked provider and the reasons for its place. */
  record RankedProvider(
      int rank,
      UUID serviceId,
      String serviceName,
      String organizationName,
      UUID agencyId,
      String city,
      String capacity,
      Integer capacityAvailable,
      List<String> sharedLanguages,
      String hours,
      Double distanceKm,
      List<String> reasons) {}

  @GetMapping("/cases/{caseId}/referrals/providers")
  @Operation(
      summary = "Providers ranked for a new referral",
      description =
          "By protection need (the pathway) or service type; ranked by capacity, child-protection"
              + " agency for a child, language, opening hours and distance from lat/lon or the"
              + " agency's own location.")
  List<RankedProvider> providers(
      @PathVariable UUID caseId,
      @RequestParam(required = false) ProtectionNeed need,
      @RequestParam(required = false) ServiceType serviceType,
      @RequestParam(required = false) Double lat,
      @RequestParam(required = false) Double lon) {
    return queries.options(CurrentUser.get(), caseId, need, serviceType, lat, lon).ranked().stream()
        .map(
            r ->
                new RankedProvider(
                    r.rank(),
                    r.provider().serviceId(),
                    r.provider().serviceName(),
                    r.provider().organizationName(),
                    r.provider().agencyId(),
                    r.provider().city(),
                    r.capacity().name(),
                    r.provider().capacityAvailable(),
                    r.sharedLanguages(),
                    r.hours().name(),
                    r.distanceKm() == null ? null : Math.round(r.distanceKm() * 10) / 10.0,
                    r.reasons().stream().map(ProviderRanking.Reason::key).toList()))
        .toList();
  }

  static ReferralResponse response(Detail d) {
    Referral r = d.referral();
    Consent c = r.consent();
    return new ReferralResponse(
        r.id(),
        r.caseId(),
        d.caseReference(),
        r.serviceId(),
        r.serviceType(),
        r.need(),
        r.transfer(),
        r.child(),
        r.note(),
        r.status(),
        r.basis(),
        c == null
            ? null
            : new ConsentBody(c.givenBy(), c.givenAt(), c.informedHow(), c.interpreterUsed()),
        r.scope(),
        r.basis() == Basis.OVERRIDE,
        new AgencyRef(r.fromAgencyId(), d.fromAgency()),
        new AgencyRef(r.toAgencyId(), d.toAgency()),
        r.createdAt(),
        r.dueAt(),
        d.overdue(),
        r.answeredAt(),
        r.declineCode() == null ? null : new DeclineBody(r.declineCode(), r.declineText()),
        r.closedAt(),
        d.person());
  }
}

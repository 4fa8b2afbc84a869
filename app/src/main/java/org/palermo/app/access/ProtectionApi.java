package org.palermo.app.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cases/{caseId}/disclosures}, {@code /api/v1/cases/{caseId}/break-glass} and {@code
 * /api/v1/notifications}. The services decide access; this class only translates.
 */
@RestController("dataProtectionApi")
@Tag(name = "Data protection")
@SecurityRequirement(name = "token")
class ProtectionApi {
  private final Disclosures disclosures;
  private final BreakTheGlass breakTheGlass;
  private final Notifications notifications;

  ProtectionApi(Disclosures disclosures, BreakTheGlass breakTheGlass, Notifications notifications) {
    this.disclosures = disclosures;
    this.breakTheGlass = breakTheGlass;
    this.notifications = notifications;
  }

  @GetMapping("/api/v1/cases/{caseId}/disclosures")
  @Operation(summary = "The disclosures recorded for a case, newest first")
  List<DisclosureResponse> list(@PathVariable UUID caseId) {
    return disclosures.list(CurrentUser.get(), caseId).stream()
        .map(DisclosureResponse::of)
        .toList();
  }

  @PostMapping("/api/v1/cases/{caseId}/disclosures")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a disclosure the person consented to")
  DisclosureResponse create(@PathVariable UUID caseId, @RequestBody DisclosureRequest r) {
    return DisclosureResponse.of(
        disclosures.create(
            CurrentUser.get(),
            caseId,
            new Disclosures.NewDisclosure(
                r.toAgencyId(),
                r.groups(),
                r.purpose(),
                r.purposeDetail(),
                r.consentReference(),
                r.expiresAt())));
  }

  @PostMapping("/api/v1/cases/{caseId}/disclosures/{id}/revoke")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke a disclosure")
  void revoke(@PathVariable UUID caseId, @PathVariable UUID id, @RequestBody RevokeRequest r) {
    disclosures.revoke(CurrentUser.get(), caseId, id, r.consentReference());
  }

  @PostMapping("/api/v1/cases/{caseId}/break-glass")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Break the glass: emergency, time-limited read access to a case")
  BreakGlassResponse breakGlass(@PathVariable UUID caseId, @RequestBody BreakGlassRequest r) {
    BreakTheGlass.Grant g = breakTheGlass.open(CurrentUser.get(), caseId, r.reason());
    return new BreakGlassResponse(g.id(), g.caseId(), g.expiresAt());
  }

  @GetMapping("/api/v1/notifications")
  @Operation(summary = "The newest notifications of your agency")
  List<NotificationResponse> notifications() {
    return notifications.forAgency(CurrentUser.get(), 50).stream()
        .map(n -> new NotificationResponse(n.id(), n.kind(), n.caseId(), n.detail(), n.createdAt()))
        .toList();
  }

  record DisclosureRequest(
      UUID toAgencyId,
      Set<FieldGroup> groups,
      Purpose purpose,
      String purposeDetail,
      String consentReference,
      Instant expiresAt) {}

  record RevokeRequest(String consentReference) {}

  record BreakGlassRequest(String reason) {}

  record BreakGlassResponse(UUID id, UUID caseId, Instant expiresAt) {}

  record NotificationResponse(
      UUID id, String kind, UUID caseId, String detail, Instant createdAt) {}

  record DisclosureResponse(
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
    static DisclosureResponse of(Disclosures.Disclosure d) {
      return new DisclosureResponse(
          d.id(),
          d.caseId(),
          d.toAgencyId(),
          d.toAgencyName(),
          d.groups(),
          d.purpose(),
          d.purposeDetail(),
          d.consentReference(),
          d.disclosedBy(),
          d.disclosedAt(),
          d.expiresAt(),
          d.revokedAt());
    }
  }
}

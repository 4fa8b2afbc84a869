package org.palermo.app.cases.protection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.cases.protection.NonPunishment.NonPunishmentRecord;
import org.palermo.app.cases.protection.NonPunishment.Notice;
import org.palermo.app.cases.protection.NonPunishment.NoticeCommand;
import org.palermo.app.cases.protection.NonPunishment.ProceedingCommand;
import org.palermo.app.cases.protection.PersonLinks.Link;
import org.palermo.app.cases.protection.PersonLinks.LinkCommand;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cases/{id}/links} and {@code /non-punishment}: links between persons and the
 * non-punishment record, through the same services, access policy and audit as the pages.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@Tag(name = "Child protection, return and residence")
@SecurityRequirement(name = "token")
class SafeguardsApi {
  private final PersonLinks links;
  private final NonPunishment nonPunishment;
  private final MissingChildren missing;
  private final FamilyTracing tracing;

  SafeguardsApi(
      PersonLinks links,
      NonPunishment nonPunishment,
      MissingChildren missing,
      FamilyTracing tracing) {
    this.tracing = tracing;
    this.links = links;
    this.nonPunishment = nonPunishment;
    this.missing = missing;
  }

  /**
   * The alert raised, the agencies notified, and how the guardian is told ({@code NOTIFICATION},
   * {@code IN_PERSON_OR_PHONE}: a task is open until someone records it done; null: no guardian).
   */
  record Raised(java.util.Set<UUID> notifiedAgencies, String guardianChannel) {}

  @GetMapping("/missing-alerts")
  @Operation(summary = "Missing-child alerts of the case")
  List<MissingChildren.Alert> missingAlerts(@PathVariable UUID id) {
    return missing.view(CurrentUser.get(), id);
  }

  @PostMapping("/missing-alerts")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "A child left care without notice: raise the alert",
      description =
          "Recorded on the case and escalated at once (notifications) to the case's agency and"
              + " every agency the case is referred to.")
  Raised raiseMissing(@PathVariable UUID id, @RequestBody MissingChildren.AlertCommand body) {
    java.util.Set<UUID> notified = missing.raise(CurrentUser.get(), id, body);
    List<MissingChildren.Alert> alerts = missing.alerts(id);
    return new Raised(notified, alerts.get(alerts.size() - 1).guardianChannel());
  }

  @PostMapping("/missing-alerts/guardian-informed")
  @Operation(
      summary = "The guardian was told of the missing-child alert in person or by phone",
      description =
          "Who informed the guardian (informedBy), how (IN_PERSON, PHONE) and when (informedAt);"
              + " closes the task the alert opened. 409 NO_GUARDIAN_TO_INFORM otherwise.")
  void guardianInformed(@PathVariable UUID id, @RequestBody MissingChildren.InformedCommand body) {
    missing.guardianInformed(CurrentUser.get(), id, body);
  }

  @GetMapping("/family-tracing")
  @Operation(
      summary = "Family tracing for the child, with the safety checks",
      description = "CRC GC 6 §§ 80–83.")
  List<FamilyTracing.Tracing> tracings(@PathVariable UUID id) {
    return tracing.view(CurrentUser.get(), id);
  }

  @PostMapping("/family-tracing")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Request family tracing: who is sought, relationship, through whom")
  Created requestTracing(@PathVariable UUID id, @RequestBody FamilyTracing.TracingCommand body) {
    return new Created(tracing.request(CurrentUser.get(), id, body));
  }

  @PostMapping("/family-tracing/{tracingId}/safety-check")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record the safety check that comes before any contact",
      description =
          "Risk to the child, risk to the family, link to a suspected exploiter, the child's views"
              + " and the best-interests consideration.")
  Created safetyCheck(
      @PathVariable UUID id,
      @PathVariable UUID tracingId,
      @RequestBody FamilyTracing.SafetyCheckCommand body) {
    return new Created(tracing.safetyCheck(CurrentUser.get(), id, tracingId, body));
  }

  @PostMapping("/family-tracing/{tracingId}/status")
  @Operation(
      summary = "Move the tracing on",
      description =
          "CONTACT_MADE and REUNIFICATION_CONSIDERED are refused (409) without a safety check"
              + " finding no risk (SAFETY_CHECK_REQUIRED, CONTACT_NOT_SAFE) and whenever the person"
              + " sought is linked as a suspected exploiter (LINKED_SUSPECTED_EXPLOITER).")
  void tracingStatus(
      @PathVariable UUID id,
      @PathVariable UUID tracingId,
      @RequestBody FamilyTracing.StatusCommand body) {
    tracing.status(CurrentUser.get(), id, tracingId, body);
  }

  @PostMapping("/missing-alerts/found")
  @Operation(summary = "The child is found: close the open alert")
  void found(@PathVariable UUID id) {
    missing.found(CurrentUser.get(), id);
  }

  record Created(UUID id) {}

  @GetMapping("/links")
  @Operation(summary = "Links to related persons (parent, child, sibling, co-victim, suspect)")
  List<Link> links(@PathVariable UUID id) {
    return links.view(CurrentUser.get(), id);
  }

  @PostMapping("/links")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a link to another case or to a named person")
  Created link(@PathVariable UUID id, @RequestBody LinkCommand body) {
    return new Created(links.link(CurrentUser.get(), id, body));
  }

  @GetMapping("/non-punishment")
  @Operation(
      summary = "The non-punishment flag and the proceedings against the person",
      description = "CoE Convention art. 26; Directive 2011/36/EU art. 8.")
  NonPunishmentRecord nonPunishment(@PathVariable UUID id) {
    return nonPunishment.view(CurrentUser.get(), id);
  }

  @PostMapping("/non-punishment/proceedings")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record an offence charged or a proceeding against the person",
      description = "The case owner only, with the person's consent (consent: true).")
  Created proceeding(@PathVariable UUID id, @RequestBody ProceedingCommand body) {
    return new Created(nonPunishment.recordProceeding(CurrentUser.get(), id, body));
  }

  @PostMapping("/non-punishment/notice")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Produce a non-punishment notice for a prosecutor or defence lawyer",
      description =
          "Refused (409) without the flag or without consentBy. The printable page is POST"
              + " /cases/{id}/non-punishment/notice.")
  Notice notice(@PathVariable UUID id, @RequestBody NoticeCommand body) {
    return nonPunishment.notice(CurrentUser.get(), id, body);
  }
}

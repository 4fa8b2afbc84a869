package org.palermo.app.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.cases.application.PersonContacts;
import org.palermo.app.cases.application.PersonContacts.ContactView;
import org.palermo.app.cases.domain.ContactDetails;
import org.palermo.app.cases.domain.ContactDetails.ContactMethod;
import org.palermo.app.cases.domain.ContactDetails.MessagingApp;
import org.palermo.app.cases.domain.ContactDetails.SafeToContact;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/cases/{id}/contact}: the contact details of the case's person (issue #14 item 13),
 * in the CONTACT field group: a referral recipient reads them only under a consent covering
 * CONTACT, enforcement never (404 like a case that does not exist).
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/contact")
@Tag(name = "Cases")
@SecurityRequirement(name = "token")
class ContactApi {
  private final PersonContacts contacts;
  private final JsonMapper json;

  ContactApi(PersonContacts contacts, JsonMapper json) {
    this.contacts = contacts;
    this.json = json;
  }

  /** What is written: every field optional; an absent {@code safeToContact} is UNKNOWN. */
  record ContactBody(
      String phone,
      MessagingApp messagingApp,
      String messagingHandle,
      String address,
      String location,
      ContactMethod preferredMethod,
      String safeTimes,
      SafeToContact safeToContact,
      String safetyNote) {
    ContactDetails details() {
      return new ContactDetails(
          phone,
          messagingApp,
          messagingHandle,
          address,
          location,
          preferredMethod,
          safeTimes,
          safeToContact,
          safetyNote);
    }
  }

  /** What is read; {@code updatedAt} is null when nothing was ever recorded. */
  record Contact(
      String phone,
      MessagingApp messagingApp,
      String messagingHandle,
      String address,
      String location,
      ContactMethod preferredMethod,
      String safeTimes,
      SafeToContact safeToContact,
      String safetyNote,
      Instant updatedAt) {
    static Contact of(ContactView v) {
      ContactDetails d = v.details();
      return new Contact(
          d.phone(),
          d.messagingApp(),
          d.messagingHandle(),
          d.address(),
          d.location(),
          d.preferredMethod(),
          d.safeTimes(),
          d.safeToContact(),
          d.safetyNote(),
          v.updatedAt());
    }
  }

  @GetMapping
  @Operation(
      summary = "The person's contact details (CONTACT field group)",
      description =
          "A referral recipient reads them only when the person's consent covers CONTACT."
              + " When safeToContact is NO, do not contact the person directly: see safetyNote.")
  Contact get(@PathVariable UUID id) {
    return Contact.of(contacts.read(CurrentUser.get(), id));
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Replace the person's contact details",
      description =
          "Texts are sealed at rest; an invalid value gets 400 (VALIDATION_FAILED) with each field's reason.")
  Contact put(@PathVariable UUID id, @RequestBody String body) {
    ContactBody b;
    try {
      b = json.readValue(body, ContactBody.class);
    } catch (JacksonException e) {
      b = null;
    }
    if (b == null) {
      throw new PalermoException(ErrorCode.MALFORMED_REQUEST, "The request body is not valid.");
    }
    return Contact.of(contacts.write(CurrentUser.get(), id, b.details()));
  }
}

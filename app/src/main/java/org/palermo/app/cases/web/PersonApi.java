package org.palermo.app.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseList;
import org.palermo.app.cases.CaseList.Filter;
import org.palermo.app.cases.CaseList.Listing;
import org.palermo.app.cases.application.PersonMatches;
import org.palermo.app.cases.application.PersonRecords;
import org.palermo.app.cases.application.PersonRefusal;
import org.palermo.app.cases.application.PersonView;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.Idempotency;
import org.palermo.app.platform.PalermoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/persons}: register (with {@code Idempotency-Key}), search-before-create matches,
 * read and replace (with {@code If-Match}). Fields of groups the caller may not read are {@code
 * null}.
 */
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons")
@SecurityRequirement(name = "token")
class PersonApi {
  private final PersonRecords persons;
  private final PersonMatches matches;
  private final CaseList list;
  private final Idempotency idempotency;
  private final JsonMapper json;

  PersonApi(
      PersonRecords persons,
      PersonMatches matches,
      CaseList list,
      Idempotency idempotency,
      JsonMapper json) {
    this.persons = persons;
    this.matches = matches;
    this.list = list;
    this.idempotency = idempotency;
    this.json = json;
  }

  /** What registration created. */
  record Created(UUID personId, UUID caseId, String reference) {}

  /** One page of persons (one row per case of the agency). */
  record PersonPage(List<PersonItem> items, int page, int size, long totalItems, long totalPages) {}

  /** One person in a list; names are null when the caller may not read them. */
  record PersonItem(
      UUID personId,
      UUID caseId,
      String reference,
      String givenName,
      String familyName,
      LocalDate birthDate,
      List<String> citizenships,
      boolean child) {}

  /** The likely existing records of a person about to be registered. */
  record MatchList(List<PersonMatches.Match> items) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Register a person and open a case (status IDENTIFIED) owned by your agency",
      description = "Idempotency-Key: a retry with the same key and body returns the first result.")
  ResponseEntity<String> register(
      @RequestBody String body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    PalermoPrincipal who = CurrentUser.get();
    PersonBody person = parse(body);
    Idempotency.Reply r =
        idempotency.run(
            who.userId(),
            key,
            Idempotency.fingerprint("POST", "/api/v1/persons", body),
            () -> {
              PersonRecords.Registered reg = persons.register(who, person.details());
              return new Idempotency.Reply(
                  201,
                  "/api/v1/persons/" + reg.personId(),
                  json.writeValueAsString(
                      new Created(reg.personId(), reg.caseId(), reg.reference())));
            });
    return Replies.of(r);
  }

  @GetMapping("/matches")
  @Operation(summary = "Search before create: likely existing records you may read")
  MatchList matches(
      @RequestParam String name,
      @RequestParam(required = false) LocalDate birthDate,
      @RequestParam(defaultValue = "false") boolean birthDateEstimated,
      @RequestParam(required = false) List<String> citizenship) {
    return new MatchList(
        matches.find(
            CurrentUser.get(),
            new PersonMatches.Query(name, birthDate, birthDateEstimated, citizenship)));
  }

  @GetMapping
  @Operation(summary = "The persons of your agency's cases, newest case first; filter by name")
  PersonPage list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) Boolean child) {
    Listing l =
        list.search(CurrentUser.get(), new Filter(null, child, false, false, name), page, size);
    return new PersonPage(
        l.items().stream()
            .map(
                r ->
                    new PersonItem(
                        r.personId(),
                        r.id(),
                        r.reference(),
                        r.givenName(),
                        r.familyName(),
                        r.birthDate(),
                        r.citizenships(),
                        r.child()))
            .toList(),
        l.page(),
        l.size(),
        l.totalItems(),
        l.totalPages());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One person; the ETag is the version to send back in If-Match")
  ResponseEntity<PersonView> get(@PathVariable UUID id) {
    PersonView p = persons.person(CurrentUser.get(), id);
    return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Replace a person's fields",
      description = "If-Match is required: a stale or missing one gets 412.")
  ResponseEntity<PersonView> put(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody String body) {
    int version = ETags.required(ifMatch);
    PersonView p = persons.update(CurrentUser.get(), id, parse(body).details(), version);
    return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
  }

  private PersonBody parse(String body) {
    try {
      PersonBody person = json.readValue(body, PersonBody.class);
      if (person.traffickingStatus() != null) {
        throw new PalermoException(
            ErrorCode.VALIDATION_FAILED,
            PersonRefusal.TRAFFICKING_STATUS_DERIVED,
            "The trafficking status is derived from the screenings and the identification"
                + " decisions; it cannot be set.",
            java.util.Map.of("field", "traffickingStatus"));
      }
      if (person.cooperation() != null) {
        // One cooperation record, kept per case with its history (issue #12 §2): it is recorded
        // with POST /api/v1/cases/{id}/cooperation, never as a field of the person.
        throw new PalermoException(
            ErrorCode.VALIDATION_FAILED,
            PersonRefusal.COOPERATION_RECORDED_ON_CASE,
            "Cooperation with the authorities is recorded on the case"
                + " (POST /api/v1/cases/{id}/cooperation), not on the person.",
            java.util.Map.of("field", "cooperation"));
      }
      return person;
    } catch (JacksonException e) {
      throw new PalermoException(ErrorCode.MALFORMED_REQUEST, "The request body is not valid.");
    }
  }
}

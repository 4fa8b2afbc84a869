package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.palermo.app.referral.ReferralFixtures.consentJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.protection.BestInterestsOutcome;
import org.palermo.app.cases.protection.ChildSafeguards;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Referrals through the real API and database: consent or a child's best-interests determination or
 * an audited override; the recipient's referral view; accept, decline, complete, revoke; transfer
 * of ownership; the published events.
 */
@PalermoIntegrationTest
@RecordApplicationEvents
class ReferralIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired ChildSafeguards children;
  @Autowired ApplicationEvents events;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired ReferralSteps steps;

  Actor caseworker;
  Actor shelterWorker;
  Actor stranger;
  UUID shelter;
  UUID caseId;

  @BeforeEach
  void aCaseAndAShelter() {
    caseworker = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    shelterWorker = fixtures.actor(shelterAgency, Role.CASEWORKER);
    stranger = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    shelter =
        fixtures.service(
            shelterAgency, "Test shelter", ServiceType.SHELTER, List.of("en", "fr"), 45.0, 12.0);
    caseId = fixtures.adultCase(caseworker.agency(), "fr");
  }

  ResultActions create(Actor who, String body) throws Exception {
    return mvc.perform(
        post("/api/v1/referrals")
            .header("Authorization", who.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  String body(UUID caseId, String extra) {
    return """
        {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
         "scope": ["IDENTITY", "CONTACT"], "note": "Needs a bed tonight"%s}"""
        .formatted(caseId, shelter, extra.isEmpty() ? "" : ", " + extra);
  }

  UUID referWithConsent(String extra) throws Exception {
    String json =
        create(caseworker, body(caseId, consentJson() + (extra.isEmpty() ? "" : ", " + extra)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(JsonPath.read(json, "$.id"));
  }

  ResultActions step(Actor who, UUID referral, String step, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/referrals/" + referral + "/" + step)
            .header("Authorization", who.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  ResultActions read(Actor who, String path) throws Exception {
    return mvc.perform(get(path).header("Authorization", who.bearer()));
  }

  @Test
  void a_referral_without_consent_is_refused_and_nothing_is_stored() throws Exception {
    create(caseworker, body(caseId, ""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("CONSENT_REQUIRED"));
    // Consent without saying how the person was informed is not consent either.
    create(
            caseworker,
            body(
                caseId,
                """
                "consent": {"givenBy": "THE_PERSON", "givenAt": "2026-01-01T10:00:00Z",
                  "interpreterUsed": false}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("CONSENT_REQUIRED"));
    assertThat(fixtures.referrals(caseId)).isZero();
    assertThat(fixtures.audits("referral.create", caseId, "FAILURE")).isEqualTo(2);
  }

  @Test
  void a_child_referral_needs_the_guardians_best_interests_determination() throws Exception {
    UUID child = fixtures.childCase(caseworker.agency(), true);
    // Legal aid is not emergency care (child protection, shelter and medical care are: those go
    // with the referrer's best-interests consideration, ChildrenFirstIT).
    shelter =
        fixtures.service(
            accounts.agency(AgencyType.SERVICE_PROVIDER),
            "Test legal clinic",
            ServiceType.LEGAL_AID,
            List.of("fr"),
            45.0,
            12.0);
    // The child's own consent does not stand in for the best-interests determination.
    create(caseworker, body(child, consentJson()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("BEST_INTERESTS_REQUIRED"));
    assertThat(fixtures.referrals(child)).isZero();

    LocalDate today = LocalDate.now();
    children.appointGuardian(
        caseworker.principal(),
        child,
        new ChildSafeguards.GuardianCommand(
            "G. Guardian", "Guardianship NGO", "Juvenile court", today));
    children.recordBestInterests(
        caseworker.principal(),
        child,
        new ChildSafeguards.BestInterestsCommand(
            ChildSafeguards.Kind.ASSESSMENT, today, "Child protection officer", true, null, ""));
    children.recordBestInterests(
        caseworker.principal(),
        child,
        new ChildSafeguards.BestInterestsCommand(
            ChildSafeguards.Kind.DETERMINATION,
            today,
            "BID panel",
            true,
            BestInterestsOutcome.INTERIM_CARE_AND_SERVICES,
            ""));
    create(caseworker, body(child, ""))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.basis").value("BEST_INTERESTS"))
        .andExpect(jsonPath("$.child").value(true));
  }

  @Test
  void a_supervisor_may_override_consent_with_a_reason_and_the_override_is_logged()
      throws Exception {
    Actor supervisor = fixtures.actor(caseworker.agency(), Role.CASEWORKER, Role.CASE_SUPERVISOR);
    create(caseworker, body(caseId, "\"overrideReason\": \"unconscious, vital interest\""))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.reason").value("OVERRIDE_NOT_ALLOWED"));
    assertThat(fixtures.referrals(caseId)).isZero();
    assertThat(fixtures.audits("referral.consent.override", caseId, "DENIED")).isEqualTo(1);

    create(supervisor, body(caseId, "\"overrideReason\": \"unconscious, vital interest\""))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.basis").value("OVERRIDE"))
        .andExpect(jsonPath("$.consentOverridden").value(true));
    assertThat(fixtures.audits("referral.consent.override", caseId, "SUCCESS")).isEqualTo(1);
    assertThat(fixtures.timeline(caseId))
        .contains("referral.consentOverridden", "referral.created");
  }

  @Test
  void the_recipient_reads_only_the_referral_view_and_a_stranger_gets_404() throws Exception {
    UUID referral = referWithConsent("");
    read(shelterWorker, "/api/v1/referrals/" + referral)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.person.givenName").value("Amina"))
        .andExpect(jsonPath("$.person.groups", hasItem("IDENTITY")))
        .andExpect(jsonPath("$.note").value("Needs a bed tonight"))
        .andExpect(jsonPath("$.scope", hasItem("CONTACT")));
    // Outside the referral view: case narrative (the case's referrals and child record), legal
    // proceedings (return, residence).
    for (String path :
        List.of("/referrals", "/returns", "/residence", "/guardian", "/best-interests")) {
      read(shelterWorker, "/api/v1/cases/" + caseId + path).andExpect(status().isForbidden());
    }
    // An agency without a referral learns nothing, not even that the case exists.
    read(stranger, "/api/v1/referrals/" + referral).andExpect(status().isNotFound());
    for (String path : List.of("/referrals", "/returns", "/residence", "/guardian")) {
      read(stranger, "/api/v1/cases/" + caseId + path).andExpect(status().isNotFound());
    }
    // Once declined, the recipient loses even the referral view.
    step(shelterWorker, referral, "decline", "{\"reason\": \"NO_CAPACITY\"}")
        .andExpect(status().isOk());
    read(shelterWorker, "/api/v1/referrals/" + referral)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.person.givenName").value(nullValue()));
    read(shelterWorker, "/api/v1/cases/" + caseId + "/residence").andExpect(status().isNotFound());
  }

  @Test
  void a_statistician_of_the_recipient_agency_sees_and_answers_no_referral() throws Exception {
    UUID referral = referWithConsent("");
    Actor statistician = fixtures.actor(shelterWorker.agency(), Role.STATISTICIAN);
    read(statistician, "/api/v1/referrals/" + referral).andExpect(status().isForbidden());
    read(statistician, "/api/v1/referrals").andExpect(status().isForbidden());
    step(statistician, referral, "accept", "{}").andExpect(status().isForbidden());
    read(shelterWorker, "/api/v1/referrals/" + referral)
        .andExpect(jsonPath("$.status").value("PENDING"));
  }

  @Test
  void the_scope_limits_the_view_to_what_the_person_agreed_to_share() throws Exception {
    String json =
        create(
                caseworker,
                body(caseId, consentJson()).replace("[\"IDENTITY\", \"CONTACT\"]", "[\"CONTACT\"]"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID referral = UUID.fromString(JsonPath.read(json, "$.id"));
    read(shelterWorker, "/api/v1/referrals/" + referral)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.person.givenName").value(nullValue()))
        .andExpect(jsonPath("$.person.groups", not(hasItem("IDENTITY"))));
    create(caseworker, body(caseId, consentJson()).replace("\"CONTACT\"]", "\"HEALTH\"]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("SCOPE_INVALID"));
  }

  @Test
  void accepted_then_completed_with_timeline_audit_and_events() throws Exception {
    UUID referral = referWithConsent("");
    step(shelterWorker, referral, "complete", "{}").andExpect(status().isConflict());
    step(shelterWorker, referral, "accept", "{}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACCEPTED"));
    step(shelterWorker, referral, "accept", "{}").andExpect(status().isConflict());
    step(shelterWorker, referral, "complete", "{}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("COMPLETED"));
    assertThat(fixtures.timeline(caseId))
        .containsSubsequence("referral.created", "referral.accepted", "referral.completed");
    assertThat(fixtures.audits("referral.completed", caseId, "SUCCESS")).isEqualTo(1);
    // The answers reach the case owner's notifications (issue 14 item 9).
    assertThat(
            jdbc.sql(
                    "SELECT kind FROM notification WHERE case_id = ? AND agency_id = ?"
                        + " ORDER BY created_at, kind")
                .params(caseId, fixtures.owner(caseId))
                .query(String.class)
                .list())
        .contains("referralAccepted", "referralCompleted");
    assertThat(
            events.stream(ReferralStatusChanged.class)
                .filter(e -> e.referralId().equals(referral))
                .map(ReferralStatusChanged::status))
        .containsExactly(ReferralStatus.PENDING, ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED);
    ReferralStatusChanged first =
        events.stream(ReferralStatusChanged.class)
            .filter(e -> e.referralId().equals(referral))
            .findFirst()
            .orElseThrow();
    assertThat(first.serviceType()).isEqualTo("SHELTER");
    assertThat(first.toAgencyId()).isEqualTo(shelterWorker.agency().id());
    assertThat(first.toAgencyType()).isEqualTo("SERVICE_PROVIDER");
    assertThat(first.child()).isFalse();
    // The recipient sees it as incoming, the sender as outgoing.
    read(shelterWorker, "/api/v1/referrals?box=incoming")
        .andExpect(jsonPath("$.items[0].id").value(referral.toString()));
    read(caseworker, "/api/v1/referrals?box=outgoing&size=5")
        .andExpect(jsonPath("$.items[0].id").value(referral.toString()))
        .andExpect(jsonPath("$.size").value(5));
  }

  @Test
  void declining_needs_a_reason() throws Exception {
    UUID referral = referWithConsent("");
    step(shelterWorker, referral, "decline", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("DECLINE_REASON_REQUIRED"));
    step(shelterWorker, referral, "decline", "{\"reason\": \"OTHER\"}")
        .andExpect(status().isBadRequest());
    step(
            shelterWorker,
            referral,
            "decline",
            "{\"reason\": \"OTHER\", \"text\": \"Closed for works\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DECLINED"))
        .andExpect(jsonPath("$.decline.reason").value("OTHER"))
        .andExpect(jsonPath("$.decline.text").value("Closed for works"));
    assertThat(fixtures.timeline(caseId)).contains("referral.declined");
  }

  @Test
  void only_the_sender_revokes() throws Exception {
    UUID referral = referWithConsent("");
    step(shelterWorker, referral, "revoke", "{}").andExpect(status().isNotFound());
    step(stranger, referral, "accept", "{}").andExpect(status().isNotFound());
    step(caseworker, referral, "revoke", "{}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REVOKED"));
    step(shelterWorker, referral, "accept", "{}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("STATUS_REVOKED"));
    assertThat(fixtures.timeline(caseId)).contains("referral.revoked");
    // A revoked referral no longer gives the recipient any access to the case.
    read(shelterWorker, "/api/v1/referrals/" + referral)
        .andExpect(jsonPath("$.person.givenName").value(nullValue()));
  }

  @Test
  void an_accepted_transfer_moves_ownership_of_the_case() throws Exception {
    // The person consented to hand over every group (a narrower scope: ConsentScopeIT).
    String json =
        create(
                caseworker,
                """
                {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                 "transfer": true, "note": "Moves", %s,
                 "scope": ["IDENTITY", "CONTACT", "LOCATION", "HEALTH", "CASE_NARRATIVE",
                   "LEGAL_PROCEEDINGS", "STATISTICS_ONLY"]}"""
                    .formatted(caseId, shelter, consentJson()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID referral = UUID.fromString(JsonPath.read(json, "$.id"));
    assertThat(fixtures.owner(caseId)).isEqualTo(caseworker.agency().id());
    step(shelterWorker, referral, "accept", "{}").andExpect(status().isOk());
    assertThat(fixtures.owner(caseId)).isEqualTo(shelterWorker.agency().id());
    assertThat(fixtures.timeline(caseId)).contains("referral.accepted", "case.transferred");
    // The new owner reads the whole case; the former owner no longer does.
    read(shelterWorker, "/api/v1/cases/" + caseId + "/residence").andExpect(status().isOk());
    read(caseworker, "/api/v1/cases/" + caseId + "/residence").andExpect(status().isNotFound());
    step(caseworker, referral, "revoke", "{}").andExpect(status().isConflict());
    // The transfer gives no recipient's way of writing into the case: the new owner records
    // services through the guarded care pages, and after a transfer onwards it keeps nothing.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                steps.delivered(
                    shelterWorker.principal(), referral, java.time.LocalDate.now(), "Bed"))
        .isInstanceOf(org.palermo.app.platform.PalermoException.class)
        .satisfies(
            e ->
                assertThat(((org.palermo.app.platform.PalermoException) e).properties())
                    .containsEntry("reason", "TRANSFER"));
  }

  @Test
  void the_same_idempotency_key_creates_one_referral() throws Exception {
    String same = body(caseId, consentJson());
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              post("/api/v1/referrals")
                  .header("Authorization", caseworker.bearer())
                  .header("Idempotency-Key", "retry-1")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(same))
          .andExpect(status().isCreated());
    }
    // The same key with another body (here another note) is refused, and creates nothing.
    mvc.perform(
            post("/api/v1/referrals")
                .header("Authorization", caseworker.bearer())
                .header("Idempotency-Key", "retry-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(same.replace("a bed tonight", "a lawyer")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.reason").value("IDEMPOTENCY_KEY_REUSED"));
    assertThat(fixtures.referrals(caseId)).isEqualTo(1);
  }

  @Test
  void no_referral_to_an_enforcement_agency() throws Exception {
    Agency police = accounts.agency(AgencyType.LAW_ENFORCEMENT);
    create(
            caseworker,
            """
            {"caseId": "%s", "toAgencyId": "%s", "serviceType": "LEGAL_AID",
             "scope": ["IDENTITY"], %s}"""
                .formatted(caseId, police.id(), consentJson()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("RECIPIENT_ENFORCEMENT"));
  }

  @Test
  void nothing_of_an_asylum_seeker_or_refugee_goes_to_a_consulate() throws Exception {
    // The person is a citizen of XA (the fixture); the consulate may represent XA.
    Agency consulate = accounts.agency(AgencyType.CONSULATE);
    String toConsulate =
        """
        {"caseId": "%s", "toAgencyId": "%s", "serviceType": "LEGAL_AID",
         "scope": ["IDENTITY", "CONTACT"], "transfer": %s, %s}""";
    for (String status : List.of("ASYLUM_SEEKER", "REFUGEE", "COMPLEMENTARY_PROTECTION")) {
      UUID protectedCase = fixtures.adultCase(caseworker.agency(), "fr");
      fixtures.protectionStatus(protectedCase, status);
      for (boolean transfer : List.of(false, true)) {
        create(
                caseworker,
                toConsulate.formatted(protectedCase, consulate.id(), transfer, consentJson()))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.reason").value("RECIPIENT_CONSULAR"))
            .andExpect(jsonPath("$.detail").value(containsString("2013/32/EU art. 30")));
      }
      assertThat(fixtures.referrals(protectedCase)).isZero();
      assertThat(fixtures.audits("referral.create", protectedCase, "FAILURE")).isEqualTo(2);
    }
    // A person who seeks no protection may be referred to their consulate with their consent.
    create(caseworker, toConsulate.formatted(caseId, consulate.id(), false, consentJson()))
        .andExpect(status().isCreated());
  }

  @Test
  void a_consulate_run_service_is_not_offered_for_a_refugee() throws Exception {
    Agency consulate = accounts.agency(AgencyType.CONSULATE);
    fixtures.service(
        consulate, "Consular welfare desk", ServiceType.LEGAL_AID, List.of("fr"), 45.0, 12.0);
    String options = "/api/v1/cases/%s/referrals/providers?serviceType=LEGAL_AID";
    read(caseworker, options.formatted(caseId))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(consulate.id().toString())));
    fixtures.protectionStatus(caseId, "REFUGEE");
    read(caseworker, options.formatted(caseId))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(consulate.id().toString()))))
        .andExpect(content().string(not(containsString("Consular welfare desk"))));
  }

  @Test
  void providers_are_ranked_for_the_case() throws Exception {
    Agency other = accounts.agency(AgencyType.SERVICE_PROVIDER);
    UUID spanish =
        fixtures.service(other, "Spanish shelter", ServiceType.SHELTER, List.of("es"), 45.0, 12.0);
    String json =
        read(
                caseworker,
                "/api/v1/cases/"
                    + caseId
                    + "/referrals/providers?need=SAFE_ACCOMMODATION&lat=45&lon=12")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> ids = JsonPath.read(json, "$[*].serviceId");
    // The French-speaking person: the shelter that speaks French comes before the Spanish one.
    assertThat(ids.indexOf(shelter.toString())).isLessThan(ids.indexOf(spanish.toString()));
  }
}

package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.palermo.app.referral.ReferralFixtures.consentJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.care.CareServiceType;
import org.palermo.app.cases.care.ServicesDelivered;
import org.palermo.app.directory.DirectoryRecords;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.ProviderRanking.Ranked;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.palermo.law.ProtectionNeed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue #14 items 15 and 16: the recipient keeps the referral view after completion until the
 * sender withdraws it or the period ends; a pathway whose first service type nobody can receive
 * falls back to the next; providers the person is not eligible for (HSDS age limits, one-sex
 * services) are not ranked first.
 */
@PalermoIntegrationTest
class ReferralFollowUpIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired ReferralQueries queries;
  @Autowired ReferralSteps steps;
  @Autowired DirectoryRecords directory;
  @Autowired JdbcClient jdbc;
  @Autowired ServicesDelivered services;

  UUID refer(Actor sender, UUID caseId, UUID serviceId) throws Exception {
    MvcResult r =
        mvc.perform(
                post("/api/v1/referrals")
                    .header("Authorization", sender.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                         "scope": ["IDENTITY", "CONTACT"], "note": "Needs a bed", %s}"""
                            .formatted(caseId, serviceId, consentJson())))
            .andReturn();
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
    return UUID.fromString(JsonPath.read(r.getResponse().getContentAsString(), "$.id"));
  }

  int caseStatusFor(Actor who, UUID caseId) throws Exception {
    return mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", who.bearer()))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  @Test
  void after_completion_the_recipient_keeps_the_person_until_the_sender_withdraws_it()
      throws Exception {
    Actor sender = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor shelterWorker = fixtures.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Kept shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    UUID caseId = fixtures.adultCase(sender.agency(), "fr");
    UUID id = refer(sender, caseId, shelter);
    steps.accept(shelterWorker.principal(), id);
    steps.complete(shelterWorker.principal(), id);

    // Completed, the recipient still sees the person within the consent scope, on every route.
    ReferralQueries.Detail kept = queries.detail(shelterWorker.principal(), id);
    assertThat(kept.referral().status()).isEqualTo(ReferralStatus.COMPLETED);
    assertThat(kept.person().givenName()).isEqualTo("Amina");
    assertThat(kept.keptUntil()).isAfter(kept.now());
    assertThat(caseStatusFor(shelterWorker, caseId)).isEqualTo(200);
    MockHttpSession recipientPage = ScreeningFixtures.signIn(mvc, shelterWorker.user());
    mvc.perform(get("/referrals/" + id).session(recipientPage))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Amina")))
        .andExpect(content().string(containsString("id=\"kept\"")));

    // The sender withdraws it: the referral stays completed, the person goes.
    MockHttpSession senderPage = ScreeningFixtures.signIn(mvc, sender.user());
    mvc.perform(get("/referrals/" + id).session(senderPage))
        .andExpect(content().string(containsString("Withdraw what the recipient keeps")));
    mvc.perform(
            post("/referrals/" + id + "/revoke")
                .session(senderPage)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().is3xxRedirection());
    ReferralQueries.Detail withdrawn = queries.detail(shelterWorker.principal(), id);
    assertThat(withdrawn.referral().status()).isEqualTo(ReferralStatus.COMPLETED);
    assertThat(withdrawn.person().givenName()).isNull();
    assertThat(caseStatusFor(shelterWorker, caseId)).isNotEqualTo(200);
    assertThat(fixtures.timeline(caseId)).contains("referral.withdrawn");
    assertThat(fixtures.audits("referral.withdrawn", caseId, "SUCCESS")).isEqualTo(1);
    assertThatThrownBy(() -> steps.revoke(sender.principal(), id))
        .isInstanceOf(PalermoException.class)
        .hasMessageContaining("keeps nothing");
  }

  @Test
  void after_the_case_moved_away_its_new_owner_or_the_coordinator_withdraws_what_is_kept()
      throws Exception {
    Actor sender = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor shelterWorker = fixtures.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Kept shelter 2", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    Agency nextAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor nextOwner = fixtures.actor(nextAgency, Role.CASEWORKER);
    UUID nextShelter =
        fixtures.service(
            nextAgency, "Next owner shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    Actor coordinator =
        fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.NATIONAL_COORDINATOR);

    UUID caseId = fixtures.adultCase(sender.agency(), "fr");
    UUID kept = refer(sender, caseId, shelter);
    steps.accept(shelterWorker.principal(), kept);
    steps.complete(shelterWorker.principal(), kept);
    UUID kept2 = refer(sender, caseId, shelter);
    steps.accept(shelterWorker.principal(), kept2);
    steps.complete(shelterWorker.principal(), kept2);
    // The case moves to another agency, which now answers for it.
    MvcResult t =
        mvc.perform(
                post("/api/v1/referrals")
                    .header("Authorization", sender.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                         "transfer": true, "note": "Moves", %s,
                         "scope": ["IDENTITY", "CONTACT", "LOCATION", "HEALTH", "CASE_NARRATIVE",
                           "LEGAL_PROCEEDINGS", "STATISTICS_ONLY"]}"""
                            .formatted(caseId, nextShelter, consentJson())))
            .andReturn();
    assertThat(t.getResponse().getStatus()).as(t.getResponse().getContentAsString()).isEqualTo(201);
    steps.accept(
        nextOwner.principal(),
        UUID.fromString(JsonPath.read(t.getResponse().getContentAsString(), "$.id")));
    assertThat(fixtures.owner(caseId)).isEqualTo(nextAgency.id());
    assertThat(queries.detail(shelterWorker.principal(), kept).person().givenName())
        .isEqualTo("Amina");

    // The former owner no longer answers for the case; the recipient never withdraws.
    assertThatThrownBy(() -> steps.revoke(sender.principal(), kept))
        .isInstanceOf(PalermoException.class);
    assertThatThrownBy(() -> steps.revoke(shelterWorker.principal(), kept))
        .isInstanceOf(PalermoException.class);
    // The new owner sees the referral and the button, and withdraws it.
    MockHttpSession ownerPage = ScreeningFixtures.signIn(mvc, nextOwner.user());
    mvc.perform(get("/referrals/" + kept).session(ownerPage))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Withdraw what the recipient keeps")));
    mvc.perform(
            post("/api/v1/referrals/" + kept + "/revoke")
                .header("Authorization", nextOwner.bearer()))
        .andExpect(status().isOk());
    ReferralQueries.Detail ended = queries.detail(shelterWorker.principal(), kept);
    assertThat(ended.keptUntil()).isBeforeOrEqualTo(ended.now());
    // The national coordinator withdraws the other one: the recipient keeps nothing of the person.
    mvc.perform(
            post("/api/v1/referrals/" + kept2 + "/revoke")
                .header("Authorization", coordinator.bearer()))
        .andExpect(status().isNoContent());
    assertThat(queries.detail(shelterWorker.principal(), kept2).person().givenName()).isNull();
    assertThat(caseStatusFor(shelterWorker, caseId)).isNotEqualTo(200);
    assertThat(fixtures.audits("referral.withdrawn", caseId, "SUCCESS")).isEqualTo(2);
  }

  @Test
  void the_recipient_records_the_service_delivered_and_it_reaches_the_cases_services()
      throws Exception {
    Actor sender = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor shelterWorker = fixtures.actor(shelterAgency, Role.CASEWORKER);
    Actor stranger = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Delivering shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    UUID caseId = fixtures.adultCase(sender.agency(), "fr");
    UUID id = refer(sender, caseId, shelter);
    steps.accept(shelterWorker.principal(), id);
    MockHttpSession page = ScreeningFixtures.signIn(mvc, shelterWorker.user());
    var csrf =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .csrf();

    // A future date is refused at its field, the note kept.
    mvc.perform(
            post("/referrals/" + id + "/delivered")
                .session(page)
                .with(csrf)
                .param("deliveredOn", java.time.LocalDate.now().plusDays(3).toString())
                .param("note", "Bed allocated, arrived 10:00"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Bed allocated, arrived 10:00")));
    mvc.perform(
            post("/referrals/" + id + "/delivered")
                .session(page)
                .with(csrf)
                .param("deliveredOn", java.time.LocalDate.now().toString())
                .param("note", "Bed allocated, arrived 10:00"))
        .andExpect(status().is3xxRedirection());

    List<ServicesDelivered.Delivered> services = this.services.list(sender.principal(), caseId);
    assertThat(services)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.serviceType()).isEqualTo(CareServiceType.SHELTER);
              assertThat(d.providerAgencyId()).isEqualTo(shelterAgency.id());
              assertThat(d.note()).isEqualTo("Bed allocated, arrived 10:00");
            });
    // The statistics hear of it: the ServiceDelivered event is published.
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM event_publication WHERE event_type LIKE ?"
                        + " AND serialized_event LIKE ?")
                .params("%ServiceDelivered", "%" + caseId + "%")
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(fixtures.audits("referral.delivered", caseId, "SUCCESS")).isEqualTo(1);
    // Another agency cannot record on it.
    mvc.perform(
            post("/referrals/" + id + "/delivered")
                .session(ScreeningFixtures.signIn(mvc, stranger.user()))
                .with(csrf)
                .param("deliveredOn", java.time.LocalDate.now().toString()))
        .andExpect(status().isNotFound());
    assertThat(this.services.list(sender.principal(), caseId)).hasSize(1);
  }

  @Test
  void what_is_kept_ends_with_the_period_of_the_service() throws Exception {
    Actor sender = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor shelterWorker = fixtures.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Period shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    UUID caseId = fixtures.adultCase(sender.agency(), "fr");
    UUID id = refer(sender, caseId, shelter);
    steps.accept(shelterWorker.principal(), id);
    steps.complete(shelterWorker.principal(), id);
    assertThat(caseStatusFor(shelterWorker, caseId)).isEqualTo(200);
    // The period has run out.
    jdbc.sql("UPDATE referral SET kept_until = now() - interval '1 minute' WHERE id = ?")
        .param(id)
        .update();
    assertThat(queries.detail(shelterWorker.principal(), id).person().givenName()).isNull();
    assertThat(caseStatusFor(shelterWorker, caseId)).isNotEqualTo(200);
  }

  @Test
  void a_childs_pathway_falls_back_to_shelter_when_no_other_child_protection_exists()
      throws Exception {
    Agency ownCp = accounts.agency(AgencyType.CHILD_PROTECTION);
    Actor officer = fixtures.actor(ownCp, Role.CHILD_PROTECTION_OFFICER);
    fixtures.service(
        ownCp, "Own child protection", ServiceType.CHILD_PROTECTION, List.of("fr"), 45.0, 12.0);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Fallback shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    UUID caseId = fixtures.childCase(ownCp, true);
    // No child-protection service but the user's own agency's: the others (of other tests) are
    // set aside for the time of this test, and put back.
    List<UUID> others =
        jdbc.sql(
                """
                SELECT s.id FROM directory_service s
                JOIN directory_organization o ON o.id = s.organization_id
                WHERE s.service_type = 'CHILD_PROTECTION' AND s.status = 'active'
                  AND o.agency_id IS DISTINCT FROM ?""")
            .param(ownCp.id())
            .query(UUID.class)
            .list();
    setStatus(others, "inactive");
    try {
      ReferralQueries.Options o =
          queries.options(
              officer.principal(), caseId, ProtectionNeed.SAFE_ACCOMMODATION, null, null, null);
      assertThat(o.pathwayTypes())
          .containsExactly(ServiceType.CHILD_PROTECTION, ServiceType.SHELTER);
      assertThat(o.serviceType()).isEqualTo(ServiceType.SHELTER);
      assertThat(o.fallenBackFrom()).containsExactly(ServiceType.CHILD_PROTECTION);
      assertThat(o.ranked()).extracting(r -> r.provider().serviceId()).contains(shelter);

      MockHttpSession s = ScreeningFixtures.signIn(mvc, officer.user());
      mvc.perform(
              get("/cases/" + caseId + "/referrals").param("need", "SAFE_ACCOMMODATION").session(s))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("id=\"fell-back\"")))
          .andExpect(content().string(containsString("The next service of the pathway")))
          .andExpect(content().string(containsString("value=\"" + shelter + "\"")));
      // Chosen by hand, a type is shown as chosen, without falling back.
      assertThat(
              queries
                  .options(
                      officer.principal(),
                      caseId,
                      ProtectionNeed.SAFE_ACCOMMODATION,
                      ServiceType.CHILD_PROTECTION,
                      null,
                      null)
                  .fallenBackFrom())
          .isEmpty();
    } finally {
      setStatus(others, "active");
    }
  }

  private void setStatus(List<UUID> services, String status) {
    for (UUID id : services) {
      jdbc.sql("UPDATE directory_service SET status = ? WHERE id = ?").params(status, id).update();
    }
  }

  @Test
  void a_childrens_shelter_or_a_mens_shelter_is_not_ranked_first_for_an_adult_woman() {
    Actor caseworker =
        fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    UUID caseId = fixtures.adultCase(caseworker.agency(), "fr"); // born 1990, Feminine
    UUID children =
        fixtures.service(
            accounts.agency(AgencyType.SERVICE_PROVIDER),
            "Eligibility children's shelter",
            ServiceType.SHELTER,
            List.of("fr"),
            45.0,
            12.0);
    UUID men =
        fixtures.service(
            accounts.agency(AgencyType.SERVICE_PROVIDER),
            "Eligibility men's shelter",
            ServiceType.SHELTER,
            List.of("fr"),
            45.0,
            12.0);
    UUID women =
        fixtures.service(
            accounts.agency(AgencyType.SERVICE_PROVIDER),
            "Eligibility women's shelter",
            ServiceType.SHELTER,
            List.of(),
            46.0,
            12.0);
    // Free places and the person's language would put the two first, were eligibility ignored.
    directory.setCapacity(children, 5);
    directory.setCapacity(men, 5);
    jdbc.sql(
            "UPDATE directory_service SET doc = doc || '{\"minimum_age\": 0, \"maximum_age\": 17}'"
                + " WHERE id = ?")
        .param(children)
        .update();
    UUID attribute = UUID.randomUUID();
    jdbc.sql("INSERT INTO directory_attribute (id, service_id, doc) VALUES (?, ?, ?::jsonb)")
        .params(
            attribute,
            men,
            """
            {"id": "%s", "link_id": "%s", "link_type": "eligibility", "link_entity": "service",
             "value": "male"}"""
                .formatted(attribute, men))
        .update();

    List<Ranked> ranked =
        queries
            .options(
                caseworker.principal(), caseId, ProtectionNeed.SAFE_ACCOMMODATION, null, 45.0, 12.0)
            .ranked();
    List<UUID> order = ranked.stream().map(r -> r.provider().serviceId()).toList();
    assertThat(order.indexOf(women)).isNotNegative().isLessThan(order.indexOf(children));
    assertThat(order.indexOf(women)).isLessThan(order.indexOf(men));
    Ranked child = ranked.get(order.indexOf(children));
    assertThat(child.reasons()).extracting(ProviderRanking.Reason::key).contains("eligibility.age");
    Ranked man = ranked.get(order.indexOf(men));
    assertThat(man.reasons())
        .extracting(ProviderRanking.Reason::key)
        .contains("eligibility.sex.male");
    // The read of the person's age and sex is audited under the person's case, saying so.
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM audit_event WHERE action = 'referral.options'"
                        + " AND target = ? ORDER BY seq DESC LIMIT 1")
                .param("case:" + caseId)
                .query(String.class)
                .single())
        .contains("read=IDENTITY(age,sex)");
  }
}

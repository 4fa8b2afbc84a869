package org.palermo.app.identification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.cases.TraffickingStatus;
import org.palermo.app.cases.TraffickingStatus.Source;
import org.palermo.app.cases.TraffickingStatuses;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One trafficking status per person, derived and never typed (issue 13 §1; issue 12 §2): a
 * screening that indicates trafficking, a positive and a negative reasonable-grounds decision set
 * it with no one typing it, the case and person pages say where it came from, the old field in a
 * request changes nothing, and the non-punishment flag (CETS 197 art. 26) follows the derived
 * status, not an editable field.
 */
@PalermoIntegrationTest
class TraffickingStatusIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired ScreeningFixtures screenings;
  @Autowired LinkScreeningToCase link;
  @Autowired ReferForIdentification refer;
  @Autowired DecideIdentification recorder;
  @Autowired ReviewDecision review;
  @Autowired RequestReconsideration reconsideration;
  @Autowired TraffickingStatuses statuses;
  @Autowired JdbcClient jdbc;

  Actor worker;
  PalermoPrincipal officer;
  Agency authority;
  org.palermo.app.identification.procedure.Decision.Reviewer reviewer;
  PalermoPrincipal secondOfficer;

  @BeforeEach
  void actors() {
    worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    officer =
        ScreeningFixtures.principal(
            accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER),
            Role.COMPETENT_AUTHORITY_OFFICER);
    TestAccounts.TestUser second = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    reviewer =
        new org.palermo.app.identification.procedure.Decision.Reviewer(
            second.id(), "Test " + second.username());
    secondOfficer = ScreeningFixtures.principal(second, Role.COMPETENT_AUTHORITY_OFFICER);
  }

  String reference(UUID caseId) {
    return jdbc.sql("SELECT reference FROM case_file WHERE id = ?")
        .param(caseId)
        .query(String.class)
        .single();
  }

  /** A screening indicating trafficking (adult, forced labour), linked to the case. */
  UUID linkedScreening(UUID caseId) {
    UUID screening = screenings.completedScreening(worker.principal());
    link.link(worker.principal(), new LinkScreeningToCase.Command(screening, reference(caseId)));
    return screening;
  }

  /**
   * Refers the screening and decides on reasonable grounds; a negative decision is proposed only.
   */
  UUID referAndDecide(UUID screening, boolean positive) {
    refer.refer(
        worker.principal(),
        new ReferForIdentification.Command(
            screening,
            authority.id(),
            new IdentificationConsent.Consent(Instant.parse("2020-01-01T00:00:00Z"), false)));
    return recorder
        .decide(
            officer,
            screening,
            DecisionKind.REASONABLE_GROUNDS,
            Inputs.of(
                positive
                    ? org.palermo.app.identification.procedure.TraffickingStatus
                        .PossibleVictimOfTrafficking
                    : org.palermo.app.identification.procedure.TraffickingStatus
                        .NotAVictimOfTrafficking,
                DecisionMakingOrg.NonPoliceGovernmentalOrganization,
                "Grounds.",
                positive ? null : reviewer))
        .id();
  }

  String casePage(UUID caseId) throws Exception {
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    return mvc.perform(get("/cases/" + caseId).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  void chargedWithAnOffence(UUID caseId) throws Exception {
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/non-punishment/proceedings")
                .header("Authorization", worker.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"offence": "Cannabis cultivation", "stage": "CHARGED",
                     "authority": "Harbour City prosecutor", "reportedBy": "LAWYER",
                     "consent": true}"""))
        .andExpect(status().isCreated());
  }

  boolean flag(UUID caseId) throws Exception {
    String body =
        mvc.perform(
                get("/api/v1/cases/" + caseId + "/non-punishment")
                    .header("Authorization", worker.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return body.contains("\"flag\":true");
  }

  @Test
  void a_screening_indicating_trafficking_sets_the_status_and_the_page_says_where_it_came_from()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency());
    assertThat(statuses.ofCase(caseId).status()).isEqualTo(TraffickingStatus.NOT_ASSESSED);
    linkedScreening(caseId);
    TraffickingStatuses.Current now = statuses.ofCase(caseId);
    assertThat(now.status()).isEqualTo(TraffickingStatus.INDICATED);
    assertThat(now.source()).isEqualTo(Source.SCREENING);
    assertThat(now.status().htcds()).isEqualTo("PossibleVictimOfTrafficking");
    UUID person = fixtures.personOf(caseId);
    mvc.perform(get("/api/v1/persons/" + person).header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.traffickingStatus").value("INDICATED"))
        .andExpect(jsonPath("$.traffickingStatusSource").value("SCREENING"));
    assertThat(casePage(caseId))
        .contains("id=\"trafficking-status\"")
        .contains("Trafficking indicated: pending a reasonable-grounds decision")
        .contains("from the screening of " + now.on());
    assertThat(fixtures.timeline(caseId)).contains("cases.traffickingStatusDerived");
  }

  @Test
  void a_positive_reasonable_grounds_decision_makes_the_person_pending_the_conclusive_decision()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency());
    referAndDecide(linkedScreening(caseId), true);
    TraffickingStatuses.Current now = statuses.ofCase(caseId);
    assertThat(now.status()).isEqualTo(TraffickingStatus.REASONABLE_GROUNDS);
    assertThat(now.source()).isEqualTo(Source.REASONABLE_GROUNDS);
    assertThat(now.on()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    assertThat(casePage(caseId))
        .contains("Reasonable grounds: pending the conclusive-grounds decision")
        .contains("from the reasonable-grounds decision of " + now.on());
  }

  @Test
  void a_screening_linked_to_another_case_takes_what_it_and_its_decisions_say_to_that_person() {
    UUID first = fixtures.adultCase(worker.agency());
    UUID second = fixtures.adultCase(worker.agency());
    UUID screening = linkedScreening(first);
    referAndDecide(screening, true);
    assertThat(statuses.ofCase(first).status()).isEqualTo(TraffickingStatus.REASONABLE_GROUNDS);

    // Linked to the wrong person's case, then corrected: the status is the second person's now.
    link.link(worker.principal(), new LinkScreeningToCase.Command(screening, reference(second)));
    assertThat(statuses.ofCase(second).status()).isEqualTo(TraffickingStatus.REASONABLE_GROUNDS);
    assertThat(statuses.ofCase(second).source()).isEqualTo(Source.REASONABLE_GROUNDS);
    assertThat(statuses.ofCase(first).status()).isEqualTo(TraffickingStatus.NOT_ASSESSED);
  }

  @Test
  void a_negative_reasonable_grounds_decision_is_threshold_not_met_not_a_finding_of_no_victim()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency());
    UUID screening = linkedScreening(caseId);
    chargedWithAnOffence(caseId);
    assertThat(flag(caseId)).isTrue();
    UUID decision = referAndDecide(screening, false);
    // Proposed, awaiting the second reviewer (issue 13 §2): it says nothing yet.
    assertThat(statuses.ofCase(caseId).status()).isEqualTo(TraffickingStatus.INDICATED);
    assertThat(flag(caseId)).isTrue();
    review.confirm(secondOfficer, screening, decision);
    TraffickingStatuses.Current now = statuses.ofCase(caseId);
    assertThat(now.status()).isEqualTo(TraffickingStatus.REASONABLE_GROUNDS_NOT_MET);
    assertThat(now.status().htcds()).isNull();
    assertThat(now.status().detected()).isFalse();
    // The flag follows the decision, not anyone's edit.
    assertThat(flag(caseId)).isFalse();
  }

  @Test
  void a_request_for_reconsideration_withdraws_the_negative_decision_from_the_status()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency());
    UUID screening = linkedScreening(caseId);
    UUID decision = referAndDecide(screening, false);
    review.confirm(secondOfficer, screening, decision);
    assertThat(statuses.ofCase(caseId).status())
        .isEqualTo(TraffickingStatus.REASONABLE_GROUNDS_NOT_MET);
    reconsideration.request(
        worker.principal(),
        new RequestReconsideration.Command(
            screening,
            org.palermo.app.identification.procedure.Reconsideration.Requester.PERSON,
            null,
            "The medical evidence was not considered.",
            LocalDate.now(ZoneOffset.UTC)));
    // The procedure is reopened: the decision no longer stands, the screening's indication does.
    TraffickingStatuses.Current now = statuses.ofCase(caseId);
    assertThat(now.status()).isEqualTo(TraffickingStatus.INDICATED);
    assertThat(now.status().detected()).isTrue();
    assertThat(
            jdbc.sql(
                    "SELECT withdrawn_at IS NOT NULL FROM trafficking_status_evidence"
                        + " WHERE source_id = ?")
                .param(decision)
                .query(Boolean.class)
                .single())
        .as("the withdrawn decision is kept, for the history")
        .isTrue();
  }

  @Test
  void the_old_field_in_a_request_changes_nothing_and_cannot_raise_or_drop_the_flag()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency());
    UUID person = fixtures.personOf(caseId);
    chargedWithAnOffence(caseId);
    assertThat(flag(caseId)).isFalse();

    // The API refuses the field with a problem document.
    String etag =
        mvc.perform(get("/api/v1/persons/" + person).header("Authorization", worker.bearer()))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    mvc.perform(
            put("/api/v1/persons/" + person)
                .header("Authorization", worker.bearer())
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"givenName": "Amina", "familyName": "Testperson", "legalBasis": "CONSENT",
                     "purpose": "Protection and assistance",
                     "traffickingStatus": "ActualVictimOfTrafficking"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("TRAFFICKING_STATUS_DERIVED"));

    // The page form no longer has the field; a forged one is ignored.
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    int version =
        jdbc.sql("SELECT version FROM person WHERE id = ?")
            .param(person)
            .query(Integer.class)
            .single();
    String form =
        mvc.perform(get("/cases/" + caseId + "/person").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(form).doesNotContain("name=\"traffickingStatus\"");
    mvc.perform(
            post("/cases/" + caseId + "/person")
                .session(session)
                .with(csrf())
                .param("version", Integer.toString(version))
                .param("givenName", "Amina")
                .param("familyName", "Testperson")
                .param("legalBasis", "CONSENT")
                .param("purpose", "Protection and assistance")
                .param("traffickingStatus", "ActualVictimOfTrafficking"))
        .andExpect(status().is3xxRedirection());
    assertThat(statuses.ofCase(caseId).status()).isEqualTo(TraffickingStatus.NOT_ASSESSED);
    assertThat(flag(caseId)).isFalse();

    // Only a screening or a decision raises the flag, and only a decision drops it.
    UUID screening = linkedScreening(caseId);
    assertThat(flag(caseId)).isTrue();
    review.confirm(secondOfficer, screening, referAndDecide(screening, false));
    assertThat(flag(caseId)).isFalse();
  }
}

package org.palermo.app.identification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.ProtectionStatus;
import org.palermo.app.cases.application.CaseWork;
import org.palermo.app.cases.protection.Returns;
import org.palermo.app.cases.protection.Returns.RiskCommand;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.procedure.DeadlinePolicy;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.TraffickingStatus;
import org.palermo.app.platform.Refused;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The person's one protection status, asked by every return and removal (issue 13 §1): a return
 * during a pending reasonable-grounds decision, on the second day of the reflection period, with an
 * asylum claim pending or on an expired risk assessment is refused through the page and the API,
 * with the reason and its article; the status follows the person across cases and screenings.
 */
@PalermoIntegrationTest
class ReturnGateIT {
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired ScreeningFixtures screenings;
  @Autowired Screenings loader;
  @Autowired ProcedureStore procedures;
  @Autowired DeadlinePolicy policy;
  @Autowired IdentificationAudit audit;
  @Autowired ApplicationEventPublisher events;
  @Autowired ProtectionReport protection;
  @Autowired SecondReviewers reviewers;
  @Autowired LinkScreeningToCase link;
  @Autowired ReferForIdentification refer;
  @Autowired Returns returns;
  @Autowired CaseRecords records;
  @Autowired CaseWork work;
  @Autowired JdbcClient jdbc;
  @Autowired org.palermo.app.cases.protection.IdentificationProgress progress;

  Actor worker;
  Agency authority;
  PalermoPrincipal officer;
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

  static Clock at(LocalDate day) {
    return Clock.fixed(day.atTime(9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  String reference(UUID caseId) {
    return jdbc.sql("SELECT reference FROM case_file WHERE id = ?")
        .param(caseId)
        .query(String.class)
        .single();
  }

  /** A completed screening of the person of {@code caseId}, linked to it and referred today. */
  UUID referredScreening(UUID caseId) {
    UUID screening = screenings.completedScreening(worker.principal());
    link.link(worker.principal(), new LinkScreeningToCase.Command(screening, reference(caseId)));
    refer.refer(
        worker.principal(),
        new ReferForIdentification.Command(
            screening,
            authority.id(),
            new IdentificationConsent.Consent(
                java.time.Instant.parse("2020-01-01T00:00:00Z"), false)));
    return screening;
  }

  /**
   * Takes the decision on {@code day}; a negative one is proposed and confirmed by the reviewer.
   */
  void decideOn(LocalDate day, UUID screening, TraffickingStatus status) {
    DecideIdentification recorder =
        new DecideIdentification(
            loader, procedures, policy, audit, at(day), events, protection, reviewers);
    var decision =
        recorder.decide(
            officer,
            screening,
            DecisionKind.REASONABLE_GROUNDS,
            Inputs.of(
                status,
                DecisionMakingOrg.NonPoliceGovernmentalOrganization,
                "Grounds.",
                status == TraffickingStatus.NotAVictimOfTrafficking ? reviewer : null));
    if (decision.awaitingReview()) {
      new ReviewDecision(loader, procedures, policy, audit, at(day), recorder)
          .confirm(secondOfficer, screening, decision.id());
    }
  }

  void riskAssessedOn(UUID caseId, LocalDate day) {
    returns.assessRisk(
        worker.principal(),
        caseId,
        new RiskCommand("XA", day, false, false, false, false, "Country guidance; own account"));
  }

  static final String AVR =
      """
      {"kind": "ASSISTED_VOLUNTARY", "destinationCountry": "XA", "returnOn": "%s",
       "freeChoice": true, "informedDecision": true}"""
          .formatted(TODAY.plusDays(10));

  ResultActions apiReturn(UUID caseId, String body) throws Exception {
    return mvc.perform(
        post("/api/v1/cases/" + caseId + "/returns")
            .header("Authorization", worker.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  /**
   * The return form, as a signed-in caseworker sends it; expects the refusal reason on the page
   * shown again (422).
   */
  void pageReturnRefused(UUID caseId, String kind, String reason) throws Exception {
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/cases/" + caseId + "/return")
                .session(session)
                .with(csrf())
                .param("kind", kind)
                .param("destinationCountry", "XA")
                .param("returnOn", TODAY.plusDays(10).toString())
                .param("freeChoice", "yes")
                .param("informedDecision", "yes"))
        .andExpect(Refused.because(reason));
  }

  long returnsOf(UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM case_return WHERE case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  @Test
  void no_return_while_the_reasonable_grounds_decision_is_pending() throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    riskAssessedOn(caseId, TODAY);
    referredScreening(caseId);
    apiReturn(caseId, AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("IDENTIFICATION_PENDING"))
        .andExpect(jsonPath("$.article").value(org.hamcrest.Matchers.containsString("art. 10(2)")));
    pageReturnRefused(caseId, "OTHER", "IDENTIFICATION_PENDING");
    assertThat(returnsOf(caseId)).isZero();
    assertThat(fixtures.audits("protection.return", caseId, "FAILURE")).isEqualTo(2);
  }

  @Test
  void no_return_on_the_second_day_of_the_reflection_period_which_the_decision_started()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    riskAssessedOn(caseId, TODAY);
    UUID screening = referredScreening(caseId);
    decideOn(TODAY.minusDays(1), screening, TraffickingStatus.PossibleVictimOfTrafficking);

    apiReturn(caseId, AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("CONCLUSIVE_DECISION_PENDING"))
        .andExpect(jsonPath("$.reasons", org.hamcrest.Matchers.hasItem("REFLECTION_PERIOD")));
    pageReturnRefused(caseId, "ASSISTED_VOLUNTARY", "CONCLUSIVE_DECISION_PENDING");
    assertThat(returnsOf(caseId)).isZero();

    // The decision started the period on the case by itself: 30 days after the decision day.
    mvc.perform(
            get("/api/v1/cases/" + caseId + "/protection-status")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.removalAllowed").value(false))
        .andExpect(jsonPath("$.voluntaryReturnAllowed").value(false))
        .andExpect(
            jsonPath("$.grounds[?(@.reason == 'REFLECTION_PERIOD')].until")
                .value(TODAY.minusDays(1).plusDays(30).toString()));
    assertThat(
            jdbc.sql(
                    "SELECT valid_from FROM residence_permit WHERE case_id = ?"
                        + " AND kind = 'REFLECTION_PERIOD'")
                .param(caseId)
                .query(LocalDate.class)
                .list())
        .containsExactly(TODAY.minusDays(1));
    // The assistance tasks of art. 12(1)-(2) are open and the owning agency is told.
    assertThat(
            jdbc.sql("SELECT count(*) FROM case_task WHERE case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single())
        .isEqualTo(4);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification WHERE case_id = ? AND agency_id = ?"
                        + " AND kind = 'reasonableGrounds'")
                .params(caseId, worker.agency().id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // The decision itself is on the case timeline (issue 14 item 9).
    assertThat(fixtures.timeline(caseId))
        .contains("identification.decision.reasonableGrounds.positive")
        .doesNotContain("identification.decision.reasonableGrounds.negative");
    // The return page shows the status.
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    String page =
        mvc.perform(get("/cases/" + caseId + "/return").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Recovery and reflection period").contains("CETS 197 art. 13");
  }

  @Test
  void the_status_follows_the_person_to_another_case_and_the_person_route() throws Exception {
    UUID first = fixtures.adultCase(worker.agency(), "en");
    referredScreening(first);
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(first)
            .query(UUID.class)
            .single();
    UUID second = work.openFor(worker.principal(), person).caseId();
    riskAssessedOn(second, TODAY);
    apiReturn(second, AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("IDENTIFICATION_PENDING"));
    mvc.perform(
            get("/api/v1/persons/" + person + "/protection-status")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.grounds[0].reason").value("IDENTIFICATION_PENDING"));
  }

  @Test
  void no_return_while_an_asylum_claim_is_pending() throws Exception {
    String ref =
        records.register(
            new CaseRecords.NewPersonCase(
                "Amina",
                "Testperson",
                LocalDate.of(1990, 5, 1),
                false,
                "Feminine",
                List.of("XA"),
                List.of("en"),
                LegalBasis.CONSENT,
                "assistance",
                worker.agency().id(),
                CaseStatus.OPEN,
                Instant.now(),
                true,
                null,
                null,
                null,
                ProtectionStatus.ASYLUM_SEEKER));
    UUID caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(ref)
            .query(UUID.class)
            .single();
    riskAssessedOn(caseId, TODAY);
    apiReturn(caseId, AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("ASYLUM_CLAIM_PENDING"))
        .andExpect(jsonPath("$.article").value(org.hamcrest.Matchers.containsString("art. 33")));
    pageReturnRefused(caseId, "ASSISTED_VOLUNTARY", "ASYLUM_CLAIM_PENDING");
    assertThat(returnsOf(caseId)).isZero();
  }

  @Test
  void no_return_on_an_expired_risk_assessment_and_one_on_a_current_one() throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    riskAssessedOn(caseId, TODAY.minusDays(31));
    apiReturn(caseId, AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("RISK_ASSESSMENT_EXPIRED"));
    pageReturnRefused(caseId, "ASSISTED_VOLUNTARY", "RISK_ASSESSMENT_EXPIRED");
    assertThat(returnsOf(caseId)).isZero();
    riskAssessedOn(caseId, TODAY);
    apiReturn(caseId, AVR).andExpect(status().isCreated());
  }

  @Test
  void no_removal_while_a_negative_decision_can_still_be_reconsidered() throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    riskAssessedOn(caseId, TODAY);
    UUID screening = referredScreening(caseId);
    decideOn(TODAY, screening, TraffickingStatus.NotAVictimOfTrafficking);
    // A negative decision reaches the case too: its timeline and its owner's notifications.
    assertThat(fixtures.timeline(caseId))
        .contains("identification.decision.reasonableGrounds.negative");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification WHERE case_id = ? AND agency_id = ?"
                        + " AND kind = 'negativeDecision'")
                .params(caseId, worker.agency().id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    mvc.perform(
            post("/api/v1/screenings/" + screening + "/removals")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("REVIEW_WINDOW_OPEN"));
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/screenings/" + screening + "/identification/removal")
                .session(session)
                .with(csrf())
                .param("confirm", "true"))
        .andExpect(Refused.because("REVIEW_WINDOW_OPEN"));
    apiReturn(caseId, AVR.replace("ASSISTED_VOLUNTARY", "OTHER"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("REVIEW_WINDOW_OPEN"));
  }

  @Test
  void a_proposed_negative_decision_leaves_the_person_pending_until_the_reviewer_confirms_it()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    riskAssessedOn(caseId, TODAY);
    UUID screening = referredScreening(caseId);
    new DecideIdentification(
            loader, procedures, policy, audit, at(TODAY), events, protection, reviewers)
        .decide(
            officer,
            screening,
            DecisionKind.REASONABLE_GROUNDS,
            Inputs.of(
                TraffickingStatus.NotAVictimOfTrafficking,
                DecisionMakingOrg.NonPoliceGovernmentalOrganization,
                "Grounds.",
                reviewer));
    String removal = AVR.replace("ASSISTED_VOLUNTARY", "OTHER");
    apiReturn(caseId, removal)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("IDENTIFICATION_PENDING"));
    pageReturnRefused(caseId, "OTHER", "IDENTIFICATION_PENDING");
  }

  @Test
  void a_request_for_reconsideration_protects_the_person_again_as_pending() throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    riskAssessedOn(caseId, TODAY);
    UUID screening = referredScreening(caseId);
    // Decided and confirmed 40 days ago: the 30-day review window is closed, nothing protects.
    LocalDate decided = TODAY.minusDays(40);
    decideOn(decided, screening, TraffickingStatus.NotAVictimOfTrafficking);
    RequestReconsideration requests =
        new RequestReconsideration(
            loader, procedures, policy, audit, at(TODAY), protection, progress);
    // A request received after the window is refused with the reason.
    assertThatThrownBy(
            () ->
                requests.request(
                    worker.principal(),
                    new RequestReconsideration.Command(
                        screening,
                        org.palermo.app.identification.procedure.Reconsideration.Requester.PERSON,
                        null,
                        "I was not heard.",
                        TODAY)))
        .isInstanceOfSatisfying(
            org.palermo.app.platform.PalermoException.class,
            e ->
                assertThat(e.properties())
                    .containsEntry("reason", "RECONSIDERATION_WINDOW_CLOSED"));
    // One received within the window (recorded late) reopens the procedure: no removal.
    requests.request(
        worker.principal(),
        new RequestReconsideration.Command(
            screening,
            org.palermo.app.identification.procedure.Reconsideration.Requester.LEGAL_REPRESENTATIVE,
            "A. Lawyer",
            "The medical evidence was not considered.",
            decided.plusDays(20)));
    String removal = AVR.replace("ASSISTED_VOLUNTARY", "OTHER");
    apiReturn(caseId, removal)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("IDENTIFICATION_PENDING"));
    pageReturnRefused(caseId, "OTHER", "IDENTIFICATION_PENDING");
    mvc.perform(
            post("/api/v1/screenings/" + screening + "/removals")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isConflict());
  }

  @Test
  void open_criminal_proceedings_bar_a_removal_until_they_end() throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    riskAssessedOn(caseId, TODAY);
    String id =
        com.jayway.jsonpath.JsonPath.read(
            mvc.perform(
                    post("/api/v1/cases/" + caseId + "/criminal-proceedings")
                        .header("Authorization", worker.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"WITNESS\", \"openedOn\": \"%s\"}".formatted(TODAY)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    String removal = AVR.replace("ASSISTED_VOLUNTARY", "OTHER");
    apiReturn(caseId, removal)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("CRIMINAL_PROCEEDINGS_PENDING"));
    pageReturnRefused(caseId, "OTHER", "CRIMINAL_PROCEEDINGS_PENDING");
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/criminal-proceedings/" + id + "/closed")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isOk());
    apiReturn(caseId, removal).andExpect(status().isCreated());
  }

  /** Registers a person through the API with {@code protectionStatus}; returns the case id. */
  UUID personWith(String protectionStatus) throws Exception {
    String body =
        """
        {"givenName": "Amina", "familyName": "Testperson", "birthDate": "1990-05-01",
         "citizenships": ["XA"], "languages": ["ara"], "legalBasis": "VITAL_INTEREST",
         "purpose": "Protection and assistance", "protectionStatus": "%s"}"""
            .formatted(protectionStatus);
    String created =
        mvc.perform(
                post("/api/v1/persons")
                    .header("Authorization", worker.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(com.jayway.jsonpath.JsonPath.read(created, "$.caseId"));
  }

  static final String FORCED =
      """
      {"kind": "OTHER", "destinationCountry": "XA", "returnOn": "%s",
       "freeChoice": false, "informedDecision": false}"""
          .formatted(TODAY.plusDays(10));

  @Test
  void a_refugee_a_beneficiary_of_complementary_protection_or_a_stateless_person_is_not_removed()
      throws Exception {
    for (String[] c :
        new String[][] {
          {"REFUGEE", "RECOGNISED_REFUGEE", "33(1)"},
          {"COMPLEMENTARY_PROTECTION", "COMPLEMENTARY_PROTECTION", "2011/95/EU art. 21"},
          {"STATELESS", "STATELESS_PERSON", "1954 Convention art. 31"}
        }) {
      UUID caseId = personWith(c[0]);
      riskAssessedOn(caseId, TODAY);
      apiReturn(caseId, FORCED)
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.reason").value(c[1]))
          .andExpect(jsonPath("$.article").value(org.hamcrest.Matchers.containsString(c[2])));
      pageReturnRefused(caseId, "OTHER", c[1]);
      assertThat(returnsOf(caseId)).isZero();
      mvc.perform(
              get("/api/v1/cases/" + caseId + "/protection-status")
                  .header("Authorization", worker.bearer()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.removalAllowed").value(false))
          .andExpect(jsonPath("$.voluntaryReturnAllowed").value(true))
          .andExpect(jsonPath("$.grounds[0].reason").value(c[1]));
      // A voluntary return by free and informed choice goes on to the return conditions.
      apiReturn(caseId, AVR).andExpect(status().isCreated());
    }
  }

  @Test
  void a_possible_victim_who_refused_referral_is_not_removed_until_identification_is_completed()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    riskAssessedOn(caseId, TODAY);
    // Screened with indicators and linked to the case, but never referred (the adult refused).
    UUID screening = screenings.completedScreening(worker.principal());
    link.link(worker.principal(), new LinkScreeningToCase.Command(screening, reference(caseId)));
    apiReturn(caseId, FORCED)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("POSSIBLE_VICTIM_NOT_IDENTIFIED"))
        .andExpect(jsonPath("$.article").value(org.hamcrest.Matchers.containsString("art. 10(2)")))
        .andExpect(jsonPath("$.article").value(org.hamcrest.Matchers.containsString("2011/36/EU")));
    pageReturnRefused(caseId, "OTHER", "POSSIBLE_VICTIM_NOT_IDENTIFIED");
    assertThat(returnsOf(caseId)).isZero();
    mvc.perform(
            get("/api/v1/cases/" + caseId + "/protection-status")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.removalAllowed").value(false))
        .andExpect(jsonPath("$.grounds[0].reason").value("POSSIBLE_VICTIM_NOT_IDENTIFIED"));
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    assertThat(
            mvc.perform(get("/cases/" + caseId + "/return").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Possible victim of trafficking, identification not completed");
  }

  @Test
  void no_removal_through_identification_for_a_screening_linked_to_no_case() throws Exception {
    UUID screening = screenings.completedScreening(worker.principal());
    refer.refer(
        worker.principal(),
        new ReferForIdentification.Command(
            screening,
            authority.id(),
            new IdentificationConsent.Consent(
                java.time.Instant.parse("2020-01-01T00:00:00Z"), false)));
    // Negative, confirmed and past its review window: the procedure itself no longer bars it.
    decideOn(TODAY.minusDays(40), screening, TraffickingStatus.NotAVictimOfTrafficking);
    mvc.perform(
            post("/api/v1/screenings/" + screening + "/removals")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NO_CASE_LINKED"));
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/screenings/" + screening + "/identification/removal")
                .session(session)
                .with(csrf())
                .param("confirm", "true"))
        .andExpect(Refused.because("NO_CASE_LINKED"));
    assertThat(
            jdbc.sql(
                    "SELECT removal_recorded_on FROM identification_procedure WHERE screening_id = ?")
                .param(screening)
                .query(LocalDate.class)
                .optional()
                .orElse(null))
        .isNull();
  }

  ResultActions residence(UUID caseId, LocalDate from, LocalDate to) throws Exception {
    return mvc.perform(
        post("/api/v1/cases/" + caseId + "/residence")
            .header("Authorization", worker.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"kind\": \"REFLECTION_PERIOD\", \"validFrom\": \"%s\", \"validTo\": \"%s\"}"
                    .formatted(from, to)));
  }

  @Test
  void a_reflection_period_of_thirty_days_counting_both_ends_is_accepted_and_29_refused()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    // Yesterday to today + 27: 29 days, both included.
    residence(caseId, TODAY.minusDays(1), TODAY.plusDays(27)).andExpect(status().isBadRequest());
    // Yesterday to today + 28: 30 days, both included.
    residence(caseId, TODAY.minusDays(1), TODAY.plusDays(28)).andExpect(status().isCreated());
  }

  String personBody(String protectionStatus) {
    return """
        {"givenName": "Amina", "familyName": "Testperson", "birthDate": "1990-05-01",
         "citizenships": ["XA"], "languages": ["ara"], "legalBasis": "VITAL_INTEREST",
         "purpose": "Protection and assistance", "protectionStatus": "%s"}"""
        .formatted(protectionStatus);
  }

  ResultActions editPerson(UUID caseId, String protectionStatus) throws Exception {
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    String path = "/api/v1/persons/" + person;
    String tag =
        mvc.perform(get(path).header("Authorization", worker.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
            .header("Authorization", worker.bearer())
            .header("If-Match", tag)
            .contentType(MediaType.APPLICATION_JSON)
            .content(personBody(protectionStatus)));
  }

  ResultActions asylumDecision(UUID caseId, String outcome, boolean isFinal) throws Exception {
    return mvc.perform(
        post("/api/v1/cases/" + caseId + "/asylum-decisions")
            .header("Authorization", worker.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"outcome": "%s", "decidedOn": "%s", "authority": "National asylum office",
                 "final": %s}"""
                    .formatted(outcome, TODAY, isFinal)));
  }

  @Test
  void editing_the_person_cannot_end_an_asylum_claim_only_a_recorded_decision_does()
      throws Exception {
    UUID caseId = personWith("ASYLUM_SEEKER");
    riskAssessedOn(caseId, TODAY);
    editPerson(caseId, "NONE")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("PROTECTION_STATUS_NEEDS_DECISION"));
    apiReturn(caseId, FORCED)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("ASYLUM_CLAIM_PENDING"));
    // Rejected, appeal pending: still an asylum seeker (Directive 2013/32/EU art. 46(5)).
    asylumDecision(caseId, "REJECTED", false).andExpect(status().isCreated());
    apiReturn(caseId, FORCED)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("ASYLUM_CLAIM_PENDING"));
    // Refugee status granted: the edit still cannot lower it, and no forced removal.
    asylumDecision(caseId, "GRANTED_REFUGEE", true).andExpect(status().isCreated());
    editPerson(caseId, "NONE")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("PROTECTION_STATUS_NEEDS_DECISION"));
    apiReturn(caseId, FORCED)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("RECOGNISED_REFUGEE"));
    mvc.perform(
            get("/api/v1/cases/" + caseId + "/asylum-decisions")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].outcome").value("REJECTED"))
        .andExpect(jsonPath("$[0].final").value(false))
        .andExpect(jsonPath("$[1].outcome").value("GRANTED_REFUGEE"));
    assertThat(fixtures.audits("protection.asylum", caseId, "SUCCESS")).isEqualTo(2);
    // An invalid decision is a problem document; another agency's caseworker may not record one.
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/asylum-decisions")
                .header("Authorization", worker.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"REJECTED\", \"decidedOn\": \"%s\"}".formatted(TODAY)))
        .andExpect(status().isBadRequest());
    Actor stranger = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/asylum-decisions")
                .header("Authorization", stranger.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"outcome": "REJECTED", "decidedOn": "%s", "authority": "X", "final": true}"""
                        .formatted(TODAY)))
        .andExpect(status().is4xxClientError());
  }

  @Test
  void a_final_rejection_ends_the_claim_and_the_edit_may_then_change_the_status() throws Exception {
    UUID caseId = personWith("ASYLUM_SEEKER");
    riskAssessedOn(caseId, TODAY);
    asylumDecision(caseId, "REJECTED", true).andExpect(status().isCreated());
    editPerson(caseId, "NONE").andExpect(status().isOk());
    apiReturn(caseId, FORCED).andExpect(status().isCreated());
  }

  ResultActions ageAssessment(UUID caseId, boolean safeguards) throws Exception {
    return mvc.perform(
        post("/api/v1/cases/" + caseId + "/age-assessments")
            .header("Authorization", worker.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"assessedOn": "%s", "assessedBy": "Panel", "method": "MEDICAL",
                 "multidisciplinary": %s, "benefitOfDoubt": %s,
                 "informedOfRightToChallenge": true, "outcome": "ADULT"}"""
                    .formatted(TODAY, safeguards, safeguards)));
  }

  @Test
  void adulthood_needs_safeguards_and_leaves_a_window_to_challenge_it_before_any_removal()
      throws Exception {
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    riskAssessedOn(caseId, TODAY);
    ageAssessment(caseId, false)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("ADULT_WITHOUT_SAFEGUARDS"));
    ageAssessment(caseId, true).andExpect(status().isCreated());
    apiReturn(caseId, FORCED)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("AGE_CHALLENGE_WINDOW"))
        .andExpect(jsonPath("$.article").value(org.hamcrest.Matchers.containsString("2011/36")));
    pageReturnRefused(caseId, "OTHER", "AGE_CHALLENGE_WINDOW");
    assertThat(returnsOf(caseId)).isZero();
    mvc.perform(
            get("/api/v1/cases/" + caseId + "/protection-status")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.removalAllowed").value(false))
        .andExpect(
            jsonPath("$.grounds[?(@.reason == 'AGE_CHALLENGE_WINDOW')].until")
                .value(TODAY.plusDays(30).toString()));
  }
}

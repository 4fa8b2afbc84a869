package org.palermo.app.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.protection.ChildSafeguards.BestInterestsCommand;
import org.palermo.app.cases.protection.ChildSafeguards.Kind;
import org.palermo.app.cases.protection.Returns.RiskCommand;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Child safeguards, return with the non-refoulement check, and residence, through the real API. */
@PalermoIntegrationTest
class ProtectionIT {
  static final LocalDate TODAY = LocalDate.now();

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired ChildSafeguards children;
  @Autowired Returns returns;

  Actor worker;

  @BeforeEach
  void aCaseworker() {
    worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
  }

  ResultActions postJson(String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .header("Authorization", worker.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  void safeRiskAssessment(UUID caseId) {
    returns.assessRisk(
        worker.principal(),
        caseId,
        new RiskCommand("XA", TODAY, false, false, false, false, "UNHCR country guidance 2026"));
  }

  static final String AVR =
      """
      {"kind": "ASSISTED_VOLUNTARY", "destinationCountry": "XA", "returnOn": "%s",
       "freeChoice": true, "informedDecision": true}"""
          .formatted(TODAY.plusDays(10));

  @Test
  void a_return_without_a_risk_assessment_is_refused() throws Exception {
    UUID adult = fixtures.adultCase(worker.agency(), "en");
    postJson("/api/v1/cases/" + adult + "/returns", AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NO_RISK_ASSESSMENT"));
    // An unanswered question is not an assessment.
    postJson(
            "/api/v1/cases/" + adult + "/returns/risk-assessments",
            """
            {"destinationCountry": "XA", "assessedOn": "%s", "riskToLifeOrFreedom": false,
             "riskOfTorture": false, "riskOfSeriousHarm": false, "sources": "UNHCR"}"""
                .formatted(TODAY))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("riskOfRetrafficking"));
    // A risk found bars the return (non-refoulement).
    postJson(
            "/api/v1/cases/" + adult + "/returns/risk-assessments",
            """
            {"destinationCountry": "XA", "assessedOn": "%s", "riskToLifeOrFreedom": true,
             "riskOfTorture": false, "riskOfSeriousHarm": false, "riskOfRetrafficking": false,
             "sources": "Country report"}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
    postJson("/api/v1/cases/" + adult + "/returns", AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NON_REFOULEMENT"));
    // A later assessment finds no risk; an AVR still needs free choice and an informed decision.
    safeRiskAssessment(adult);
    postJson(
            "/api/v1/cases/" + adult + "/returns",
            AVR.replace("\"freeChoice\": true", "\"freeChoice\": false"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NOT_VOLUNTARY"));
    postJson("/api/v1/cases/" + adult + "/returns", AVR).andExpect(status().isCreated());
    assertThat(fixtures.timeline(adult))
        .containsSubsequence("protection.riskAssessed", "protection.returnRecorded");
    assertThat(fixtures.audits("protection.return", adult, "FAILURE")).isEqualTo(3);
  }

  @Test
  void an_unaccompanied_child_without_a_guardian_cannot_be_returned() throws Exception {
    UUID child = fixtures.childCase(worker.agency(), true);
    safeRiskAssessment(child);
    postJson("/api/v1/cases/" + child + "/returns", AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NO_GUARDIAN"))
        .andExpect(jsonPath("$.reasons", hasItem("NO_BEST_INTERESTS_DETERMINATION")));
    // Nor can a best-interests assessment be recorded without a guardian.
    assertThatThrownBy(
            () ->
                children.recordBestInterests(
                    worker.principal(),
                    child,
                    new BestInterestsCommand(Kind.ASSESSMENT, TODAY, "Officer", true, null, "")))
        .isInstanceOfSatisfying(
            PalermoException.class,
            e -> assertThat(e.properties()).containsEntry("reason", "NO_GUARDIAN"));
  }

  @Test
  void a_child_returns_only_after_guardian_assessment_and_a_determination_for_return()
      throws Exception {
    UUID child = fixtures.childCase(worker.agency(), true);
    safeRiskAssessment(child);
    postJson(
            "/api/v1/cases/" + child + "/guardian",
            """
            {"guardianName": "G. Guardian", "organisation": "Guardianship NGO",
             "authority": "Juvenile court of Harbour City", "appointedOn": "%s"}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
    // A determination needs an assessment first.
    postJson(
            "/api/v1/cases/" + child + "/best-interests",
            """
            {"kind": "DETERMINATION", "doneOn": "%s", "conductedBy": "BID panel", "childHeard": true,
             "outcome": "RETURN_AND_FAMILY_REUNIFICATION"}"""
                .formatted(TODAY))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NO_BEST_INTERESTS_ASSESSMENT"));
    postJson(
            "/api/v1/cases/" + child + "/best-interests",
            """
            {"kind": "ASSESSMENT", "doneOn": "%s", "conductedBy": "Officer", "childHeard": true}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
    postJson("/api/v1/cases/" + child + "/returns", AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NO_BEST_INTERESTS_DETERMINATION"));
    postJson(
            "/api/v1/cases/" + child + "/best-interests",
            """
            {"kind": "DETERMINATION", "doneOn": "%s", "conductedBy": "BID panel", "childHeard": true,
             "outcome": "LOCAL_INTEGRATION"}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
    // The determination decided local integration, not return.
    postJson("/api/v1/cases/" + child + "/returns", AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NO_BEST_INTERESTS_DETERMINATION"));
    postJson(
            "/api/v1/cases/" + child + "/best-interests",
            """
            {"kind": "DETERMINATION", "doneOn": "%s", "conductedBy": "BID panel", "childHeard": true,
             "outcome": "RETURN_AND_FAMILY_REUNIFICATION"}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
    postJson("/api/v1/cases/" + child + "/returns", AVR).andExpect(status().isCreated());
    mvc.perform(
            get("/api/v1/cases/" + child + "/guardian").header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unaccompanied").value(true))
        .andExpect(jsonPath("$.guardians[0].authority").value("Juvenile court of Harbour City"))
        .andExpect(jsonPath("$.bestInterests.length()").value(3));
  }

  @Test
  void the_api_checks_the_shape_of_its_own_request_records_at_the_edge() throws Exception {
    // ProtectionApi's request records (issue #12 §4): a guardian appointed in the future, or a
    // name longer than the record allows, is refused as a 400 problem naming the field and a
    // reason, before any service runs; nothing is recorded.
    UUID child = fixtures.childCase(worker.agency(), true);
    postJson(
            "/api/v1/cases/" + child + "/guardian",
            """
            {"guardianName": "G. Guardian", "authority": "Juvenile court",
             "appointedOn": "%s"}"""
                .formatted(TODAY.plusYears(3)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("appointedOn"))
        .andExpect(jsonPath("$.reason").value("future"));
    postJson(
            "/api/v1/cases/" + child + "/guardian",
            """
            {"guardianName": "%s", "authority": "Juvenile court", "appointedOn": "%s"}"""
                .formatted("G".repeat(201), TODAY))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("guardianName"))
        .andExpect(jsonPath("$.reason").value("tooLong"));
    mvc.perform(
            get("/api/v1/cases/" + child + "/guardian").header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.guardians.length()").value(0));
  }

  @Test
  void reintegration_follow_ups_and_residence_reminders() throws Exception {
    UUID adult = fixtures.adultCase(worker.agency(), "en");
    postJson(
            "/api/v1/cases/" + adult + "/returns/follow-ups",
            "{\"description\": \"Visit after three months\", \"dueOn\": \"%s\"}"
                .formatted(TODAY.minusDays(1)))
        .andExpect(status().isCreated());
    mvc.perform(get("/api/v1/cases/" + adult + "/returns").header("Authorization", worker.bearer()))
        .andExpect(jsonPath("$.followUps[0].description").value("Visit after three months"));
    postJson(
            "/api/v1/cases/" + adult + "/residence",
            "{\"kind\": \"REFLECTION_PERIOD\", \"validFrom\": \"%s\", \"validTo\": \"%s\"}"
                .formatted(TODAY.minusDays(20), TODAY.plusDays(10)))
        .andExpect(status().isCreated());
    postJson(
            "/api/v1/cases/" + adult + "/residence",
            "{\"kind\": \"OTHER\", \"validFrom\": \"%s\", \"validTo\": \"%s\"}"
                .formatted(TODAY, TODAY.minusDays(1)))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/residence/expiring").header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].caseId").value(adult.toString()))
        .andExpect(jsonPath("$[0].daysLeft").value(10));
    // A renewal that runs beyond the window takes the case off the list.
    postJson(
            "/api/v1/cases/" + adult + "/residence",
            "{\"kind\": \"VICTIM_RESIDENCE\", \"validFrom\": \"%s\", \"validTo\": \"%s\"}"
                .formatted(TODAY.plusDays(10), TODAY.plusDays(375)))
        .andExpect(status().isCreated());
    mvc.perform(get("/api/v1/residence/expiring").header("Authorization", worker.bearer()))
        .andExpect(jsonPath("$.length()").value(0));
  }
}

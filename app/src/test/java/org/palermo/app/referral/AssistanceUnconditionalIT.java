package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.app.referral.ReferralFixtures.consentJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.domain.Cooperation;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Assistance is unconditional (Trafficking Protocol arts. 6-7; CoE Convention art. 12(6); Directive
 * 2011/36/EU art. 11(3)): whatever the case's cooperation record says (not asked, undecided,
 * agreed, declined), the whole path runs — referral to a shelter, acceptance, the service
 * delivered, the reflection period and a residence permit.
 */
@PalermoIntegrationTest
class AssistanceUnconditionalIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;

  ResultActions postJson(Actor who, String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .header("Authorization", who.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @ParameterizedTest
  @EnumSource(Cooperation.class)
  void no_cooperation_value_blocks_a_referral_shelter_or_residence_step(Cooperation value)
      throws Exception {
    Actor caseworker =
        fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor shelterWorker = fixtures.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        fixtures.service(shelterAgency, "Safe house", ServiceType.SHELTER, List.of("en"), 45, 12);
    UUID caseId = fixtures.adultCase(caseworker.agency(), "en");
    String cases = "/api/v1/cases/" + caseId;

    // Two statements on the case's one record: both kept, newest first, with who recorded them.
    postJson(caseworker, cases + "/cooperation", "{\"status\": \"UNDECIDED\"}")
        .andExpect(status().isOk());
    postJson(caseworker, cases + "/cooperation", "{\"status\": \"%s\"}".formatted(value))
        .andExpect(status().isOk());
    mvc.perform(get(cases + "/residence").header("Authorization", caseworker.bearer()))
        .andExpect(jsonPath("$.cooperation").value(value.name()))
        .andExpect(jsonPath("$.cooperationHistory.length()").value(2))
        .andExpect(jsonPath("$.cooperationHistory[0].status").value(value.name()))
        .andExpect(jsonPath("$.cooperationHistory[1].status").value("UNDECIDED"))
        .andExpect(
            jsonPath("$.cooperationHistory[0].recordedBy").value(caseworker.user().username()));

    LocalDate today = LocalDate.now();
    postJson(
            caseworker,
            cases + "/residence",
            "{\"kind\": \"REFLECTION_PERIOD\", \"validFrom\": \"%s\", \"validTo\": \"%s\"}"
                .formatted(today, today.plusDays(30)))
        .andExpect(status().isCreated());
    String created =
        postJson(
                caseworker,
                "/api/v1/referrals",
                """
                {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                 "scope": ["IDENTITY", "CONTACT"], %s}"""
                    .formatted(caseId, shelter, consentJson()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String referral = JsonPath.read(created, "$.id");
    postJson(shelterWorker, "/api/v1/referrals/" + referral + "/accept", "{}")
        .andExpect(status().isOk());
    postJson(shelterWorker, "/api/v1/referrals/" + referral + "/complete", "{}")
        .andExpect(jsonPath("$.status").value("COMPLETED"));
    postJson(
            caseworker,
            cases + "/residence",
            "{\"kind\": \"VICTIM_RESIDENCE\", \"validFrom\": \"%s\", \"validTo\": \"%s\"}"
                .formatted(today.plusDays(31), today.plusDays(396)))
        .andExpect(status().isCreated());

    assertThat(fixtures.timeline(caseId))
        .containsSubsequence(
            "protection.cooperationRecorded",
            "protection.residenceRecorded",
            "referral.created",
            "referral.accepted",
            "referral.completed",
            "protection.residenceRecorded");
  }
}

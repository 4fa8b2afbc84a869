package org.palermo.app.identification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.app.identification.screening.Step;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules engine presumes a person a child (age disputed: CETS 197 art. 10(3); Directive
 * 2011/36/EU art. 13(2)) while the case records an adult's age: the child, recorded unaccompanied,
 * gets the "appoint a guardian" task at once (CETS 197 art. 10(4)), as when a child's age is
 * recorded; once, not again on every classification or link.
 */
@PalermoIntegrationTest
class PresumedChildGuardianIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired StartScreening start;
  @Autowired SaveScreeningStep save;
  @Autowired CompleteScreening complete;
  @Autowired LinkScreeningToCase link;
  final JsonMapper json = JsonMapper.builder().build();

  UUID disputedScreening(PalermoPrincipal me) {
    UUID id =
        start.start(me, new StartScreening.Command(LegalBasis.VITAL_INTEREST, false, "ti", true));
    Map<Step, Map<String, String>> pages =
        new LinkedHashMap<>(ScreeningFixtures.adultForcedLabour());
    pages.put(
        Step.PERSON,
        Map.of(
            Questionnaire.AGE, "27",
            Questionnaire.AGE_DISPUTED, "YES",
            Questionnaire.NATIONAL, "NO"));
    pages.forEach(
        (step, answers) ->
            save.save(me, new SaveScreeningStep.Command(id, step, answers, false, null)));
    return id;
  }

  List<JsonNode> guardianTasks(Actor who, String caseId) throws Exception {
    JsonNode tasks =
        json.readTree(
            mvc.perform(
                    get("/api/v1/cases/" + caseId + "/tasks").header("Authorization", who.bearer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode t : tasks.get("items")) {
      if (t.get("title").asText().startsWith("Appoint a guardian")) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void a_presumed_child_gets_the_guardian_task_once() throws Exception {
    Actor worker =
        fixtures.actor(
            accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER, Role.FRONTLINE_OFFICER);
    // The papers say 25: the case alone does not treat the person as a child.
    String body =
        "{\"givenName\":\"Amina\",\"familyName\":\"Presumed"
            + UUID.randomUUID().toString().substring(0, 6)
            + "\",\"birthDate\":\""
            + LocalDate.now().minusYears(25)
            + "\",\"citizenships\":[\"XA\"],\"languages\":[\"ara\"],"
            + "\"legalBasis\":\"VITAL_INTEREST\",\"purpose\":\"Protection and assistance\","
            + "\"migrationStatus\":\"SEPARATED_OR_UNACCOMPANIED_CHILD\"}";
    JsonNode created =
        json.readTree(
            mvc.perform(
                    post("/api/v1/persons")
                        .header("Authorization", worker.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    String caseId = created.get("caseId").asText();
    String reference = created.get("reference").asText();
    assertThat(guardianTasks(worker, caseId)).isEmpty();

    // The screening disputes the age: the engine presumes a child; the task opens.
    PalermoPrincipal me =
        ScreeningFixtures.principal(worker.user(), Role.CASEWORKER, Role.FRONTLINE_OFFICER);
    UUID first = disputedScreening(me);
    complete.complete(me, new CompleteScreening.Command(first, reference, null));
    assertThat(guardianTasks(worker, caseId)).hasSize(1);

    // Classified again (a second screening), or linked again: no second task.
    UUID second = disputedScreening(me);
    complete.complete(me, new CompleteScreening.Command(second, reference, null));
    link.link(me, new LinkScreeningToCase.Command(first, reference));
    assertThat(guardianTasks(worker, caseId)).hasSize(1);
  }
}

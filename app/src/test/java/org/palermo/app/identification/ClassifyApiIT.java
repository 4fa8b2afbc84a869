package org.palermo.app.identification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/v1/assessments/classify} takes and returns what {@code palermo classify} does.
 */
@PalermoIntegrationTest
class ClassifyApiIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;

  String token() {
    return accounts.token(accounts.user(AgencyType.LABOUR_INSPECTION, Role.FRONTLINE_OFFICER));
  }

  @Test
  void an_array_is_classified_in_order() throws Exception {
    String body =
        "["
            + org.palermo.app.cli.ClassifyCommandTestData.SMUGGLED
            + ","
            + org.palermo.app.cli.ClassifyCommandTestData.CHILD_TRAFFICKED
            + "]";
    mvc.perform(
            post("/api/v1/assessments/classify")
                .header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value("v-2"))
        .andExpect(jsonPath("$[0].smuggling.finding").value("INDICATED"))
        .andExpect(jsonPath("$[1].id").value("v-1"))
        .andExpect(jsonPath("$[1].trafficking.finding").value("INDICATED"))
        .andExpect(jsonPath("$[1].trafficking.elements.means").value("NOT_REQUIRED"));
  }

  @Test
  void an_object_gives_an_object() throws Exception {
    mvc.perform(
            post("/api/v1/assessments/classify")
                .header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .content(org.palermo.app.cli.ClassifyCommandTestData.CHILD_TRAFFICKED))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value("v-1"))
        .andExpect(jsonPath("$.ruleSet").value("palermo-rules/1.1.0"))
        .andExpect(jsonPath("$.child").value("YES"))
        .andExpect(jsonPath("$.warnings").isArray());
  }

  @Test
  void a_named_earlier_rule_set_answers_in_its_own_shape() throws Exception {
    mvc.perform(
            post("/api/v1/assessments/classify")
                .param("ruleSet", "palermo-rules/1.0.0")
                .header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .content(org.palermo.app.cli.ClassifyCommandTestData.CHILD_TRAFFICKED))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ruleSet").value("palermo-rules/1.0.0"))
        .andExpect(jsonPath("$.child").value(true))
        .andExpect(jsonPath("$.warnings").doesNotExist());
    mvc.perform(
            post("/api/v1/assessments/classify")
                .param("ruleSet", "palermo-rules/1.0.0")
                .header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ageDisputed\":true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("ageDisputed"));
    mvc.perform(
            post("/api/v1/assessments/classify")
                .param("ruleSet", "palermo-rules/9.9.9")
                .header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("ruleSet"));
  }

  @Test
  void the_new_facts_give_a_presumed_child_and_warnings() throws Exception {
    mvc.perform(
            post("/api/v1/assessments/classify")
                .header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"id\":\"u\",\"unaccompaniedChild\":true,\"acts\":[\"RECRUITMENT\"],"
                        + "\"means\":[],\"purposes\":[\"FORCED_BEGGING\"],"
                        + "\"crossedInternationalBorder\":false,\"entryIrregular\":true,"
                        + "\"indicators\":[\"AS-EX-02\",\"AS-EX-04\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.child").value("PRESUMED"))
        .andExpect(jsonPath("$.trafficking.finding").value("INDICATED"))
        .andExpect(jsonPath("$.trafficking.elements.means").value("NOT_REQUIRED"))
        .andExpect(jsonPath("$.smuggling.finding").value("UNDETERMINED"))
        .andExpect(jsonPath("$.smuggling.nonCriminalisation").isEmpty())
        .andExpect(jsonPath("$.warnings[0].code").value("CONTRADICTORY_FACTS"))
        .andExpect(
            jsonPath("$.protectionNeeds").value(org.hamcrest.Matchers.hasItem("GUARDIANSHIP")))
        .andExpect(
            jsonPath("$.protectionReasons[*].code")
                .value(org.hamcrest.Matchers.hasItem("NEED_PRESUMED_CHILD")));
  }

  @Test
  void bad_input_is_a_400_problem_naming_the_field() throws Exception {
    mvc.perform(
            post("/api/v1/assessments/classify")
                .header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{}, {\"purposes\":[\"FUN\"]}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.field").value("[1].purposes[0]"));
    mvc.perform(
            post("/api/v1/assessments/classify")
                .header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("$"));
  }
}

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
        .andExpect(jsonPath("$.child").value(true));
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

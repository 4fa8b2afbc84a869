package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Erasure asks first (issue 14 item 10): the data-protection officer's "Erase" on the page erases
 * nothing until the confirmation step, which says that it cannot be undone, is confirmed.
 */
@PalermoIntegrationTest
class ErasureConfirmationIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;

  String requestStatus(UUID request) {
    return jdbc.sql("SELECT status FROM erasure_request WHERE id = ?")
        .param(request)
        .query(String.class)
        .single();
  }

  @Test
  void erasing_on_the_page_needs_the_confirmation_step() throws Exception {
    TestUser caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser dpo = accounts.user(caseworker.agency(), Role.DATA_PROTECTION_OFFICER);
    String reference =
        records.register(
            CaseFixtures.openCase(
                "Erin",
                "Erase" + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.of(1990, 1, 1),
                caseworker.agency().id()));
    UUID caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(reference)
            .query(UUID.class)
            .single();
    String created =
        mvc.perform(
                post("/api/v1/privacy/cases/" + caseId + "/erasure-requests")
                    .header("Authorization", "Bearer " + accounts.token(caseworker))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\":\"The person asked\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID request = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
    MockHttpSession session = ScreeningFixtures.signIn(mvc, dpo);

    String asked =
        mvc.perform(
                post("/privacy/erasure-requests/" + request + "/decision")
                    .session(session)
                    .with(csrf())
                    .param("erase", "true")
                    .param("note", "Art. 17 applies"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(asked)
        .contains("Erasing cannot be undone")
        .contains("name=\"confirm\" value=\"true\"")
        .contains("value=\"Art. 17 applies\"");
    assertThat(requestStatus(request)).isEqualTo("REQUESTED");

    mvc.perform(
            post("/privacy/erasure-requests/" + request + "/decision")
                .session(session)
                .with(csrf())
                .param("erase", "true")
                .param("confirm", "true")
                .param("note", "Art. 17 applies"))
        .andExpect(redirectedUrl("/privacy?done=erased"));
    assertThat(requestStatus(request)).isNotEqualTo("REQUESTED");
  }
}

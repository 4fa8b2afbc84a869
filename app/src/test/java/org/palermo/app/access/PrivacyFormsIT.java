package org.palermo.app.access;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.Refused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A refused form of the data-protection officer's page comes back with status 422, what was typed
 * and the message at its field (issue #12 §4): a wrong case reference keeps the reason of the legal
 * hold, and an erasure a legal hold blocks keeps the decision note.
 */
@PalermoIntegrationTest
class PrivacyFormsIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;

  @Test
  void a_legal_hold_on_an_unknown_reference_is_refused_at_the_reference_and_keeps_the_reason()
      throws Exception {
    TestUser dpo = accounts.user(AgencyType.SERVICE_PROVIDER, Role.DATA_PROTECTION_OFFICER);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, dpo);
    mvc.perform(
            post("/privacy/legal-holds")
                .session(session)
                .with(csrf())
                .param("reference", "PAL-NOPE-0000")
                .param("reason", "Preservation order of the prosecutor 2026/114"))
        .andExpect(Refused.at("reference", "reference"))
        .andExpect(content().string(containsString("value=\"PAL-NOPE-0000\"")))
        .andExpect(
            content()
                .string(containsString("value=\"Preservation order of the prosecutor 2026/114\"")))
        .andExpect(content().string(containsString("No case of your agency has this reference.")))
        .andExpect(content().string(containsString("href=\"#hold-reference\"")));
  }

  @Test
  void an_erasure_blocked_by_a_legal_hold_keeps_the_note_and_says_why() throws Exception {
    TestUser caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser dpo = accounts.user(caseworker.agency(), Role.DATA_PROTECTION_OFFICER);
    String reference =
        records.register(
            CaseFixtures.openCase(
                "Hana",
                "Held" + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.of(1991, 3, 3),
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
    mvc.perform(
            post("/privacy/legal-holds")
                .session(session)
                .with(csrf())
                .param("reference", reference)
                .param("reason", "Trial pending"))
        .andExpect(redirectedUrl("/privacy?done=held"));
    mvc.perform(
            post("/privacy/erasure-requests/" + request + "/decision")
                .session(session)
                .with(csrf())
                .param("erase", "true")
                .param("confirm", "true")
                .param("note", "Art. 17 applies; no other ground"))
        .andExpect(Refused.at("form", "hold"))
        .andExpect(content().string(containsString("value=\"Art. 17 applies; no other ground\"")))
        .andExpect(content().string(containsString("A legal hold is in force on this case")))
        .andExpect(content().string(containsString("href=\"#decision-" + request + "-form\"")));
  }
}

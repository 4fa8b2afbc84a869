package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.Refused;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The team forms of the case page (assign, add a focal point): a choice the domain refuses comes
 * back with status 422 on the case page, the message at the field and in the error summary (issue
 * #12 §4), not an error page; a stale form keeps its 412 page.
 */
@PalermoIntegrationTest
class CaseTeamFormsIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;

  private static final String MESSAGE =
      "Choose a case worker of the agency that owns the case from the list.";

  @Test
  void assigning_to_a_worker_of_another_agency_is_refused_at_the_field() throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    TestUser stranger = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    UUID caseId = fixtures.adultCase(worker.agency(), "fr");
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    String version = version(caseId, session);
    mvc.perform(
            post("/cases/" + caseId + "/assignment")
                .session(session)
                .with(csrf())
                .param("userId", stranger.id().toString())
                .param("version", version))
        .andExpect(Refused.at("assignedTo", "invalid"))
        .andExpect(content().string(containsString(MESSAGE)))
        .andExpect(content().string(containsString("href=\"#assign-assignedTo\"")))
        .andExpect(content().string(containsString("id=\"assign-assignedTo-error\"")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    // A stale form keeps its error page (412), as for the person's record.
    mvc.perform(
            post("/cases/" + caseId + "/assignment")
                .session(session)
                .with(csrf())
                .param("userId", worker.user().id().toString())
                .param("version", String.valueOf(Integer.parseInt(version) + 7)))
        .andExpect(status().isPreconditionFailed());
    // Corrected, the assignment is made and the page says so.
    mvc.perform(
            post("/cases/" + caseId + "/assignment")
                .session(session)
                .with(csrf())
                .param("userId", worker.user().id().toString())
                .param("version", version))
        .andExpect(redirectedUrl("/cases/" + caseId));
  }

  @Test
  void a_malformed_focal_point_is_refused_at_the_field_in_spanish() throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID caseId = fixtures.adultCase(worker.agency(), "fr");
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/cases/" + caseId + "/focal-points")
                .param("lang", "es")
                .session(session)
                .with(csrf())
                .param("userId", "not-a-user"))
        .andExpect(Refused.at("userId", "invalid"))
        .andExpect(
            content()
                .string(
                    containsString(
                        "Elija de la lista a un trabajador de la agencia responsable del caso.")))
        .andExpect(content().string(containsString("href=\"#focal-userId\"")));
  }

  private String version(UUID caseId, MockHttpSession session) throws Exception {
    String page =
        mvc.perform(get("/cases/" + caseId).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
    assertThat(m.find()).as("version on the case page").isTrue();
    return m.group(1);
  }
}

package org.palermo.app.cases.protection;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The residence page shows the case's one cooperation record (issue #12 §2): where it stands and
 * every statement, newest first, with who recorded it; in English and in Arabic.
 */
@PalermoIntegrationTest
class CooperationPageIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;

  @Test
  void the_residence_page_shows_each_statement_of_the_cooperation_record() throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    UUID caseId = fixtures.adultCase(worker.agency(), "en");
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    for (String status : new String[] {"UNDECIDED", "DECLINED"}) {
      mvc.perform(
              post("/cases/" + caseId + "/residence/cooperation")
                  .session(session)
                  .with(csrf())
                  .param("status", status))
          .andExpect(status().is3xxRedirection());
    }
    String page =
        mvc.perform(get("/cases/" + caseId + "/residence").session(session))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("What was recorded, newest first")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    int declined = page.indexOf("<td>Declined</td>");
    int undecided = page.indexOf("<td>Undecided</td>");
    org.assertj.core.api.Assertions.assertThat(declined).isPositive().isLessThan(undecided);
    org.assertj.core.api.Assertions.assertThat(page).contains(worker.user().username());
    mvc.perform(get("/cases/" + caseId + "/residence").param("lang", "ar").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ما سُجِّل، من الأحدث إلى الأقدم")));
  }
}

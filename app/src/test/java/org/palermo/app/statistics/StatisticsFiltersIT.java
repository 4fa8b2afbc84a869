package org.palermo.app.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.Refused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's period filter: a malformed or impossible period is refused at its field with a
 * translated message (422), the rest of the filter kept, not an English sentence at the top of the
 * page (issue #12 §4, issue #14 §1 item 2).
 */
@PalermoIntegrationTest
class StatisticsFiltersIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;

  @Test
  void a_malformed_start_is_refused_at_its_field_in_french_and_keeps_the_filter() throws Exception {
    MockHttpSession statistician =
        ScreeningFixtures.signIn(
            mvc, accounts.user(AgencyType.STATISTICS_OFFICE, Role.STATISTICIAN));
    mvc.perform(
            get("/statistics")
                .param("lang", "fr")
                .param("from", "31/01/2026")
                .param("to", "2026-06-30")
                .param("agencyType", "LAW_ENFORCEMENT")
                .session(statistician))
        .andExpect(Refused.at("from", "date"))
        .andExpect(content().string(containsString("Saisissez une date au format aaaa-mm-jj.")))
        .andExpect(content().string(containsString("value=\"31/01/2026\"")))
        .andExpect(content().string(containsString("value=\"2026-06-30\"")))
        .andExpect(
            content().string(containsString("value=\"LAW_ENFORCEMENT\" selected=\"selected\"")))
        .andExpect(content().string(containsString("href=\"#statistics-from\"")))
        .andExpect(content().string(containsString("id=\"statistics-from-error\"")))
        .andExpect(content().string(not(containsString("must be a date"))));
  }

  @Test
  void a_period_that_ends_before_it_starts_is_refused_at_its_end() throws Exception {
    MockHttpSession statistician =
        ScreeningFixtures.signIn(
            mvc, accounts.user(AgencyType.STATISTICS_OFFICE, Role.STATISTICIAN));
    mvc.perform(
            get("/statistics")
                .param("from", "2026-06-30")
                .param("to", "2026-01-01")
                .param("region", "XC")
                .session(statistician))
        .andExpect(Refused.at("to", "beforeStart"))
        .andExpect(content().string(containsString("The end cannot be before the start")))
        .andExpect(content().string(containsString("value=\"XC\" selected=\"selected\"")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")));
  }
}

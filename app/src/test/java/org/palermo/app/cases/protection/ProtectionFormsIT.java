package org.palermo.app.cases.protection;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
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
 * A refused form of the child, return and residence pages comes back with status 422, everything
 * typed and the message at its field (issue #14 §1 item 2): the best-interests summary, the
 * guardian, the return risk assessment and a residence permit are never lost to a wrong date or a
 * domain refusal.
 */
@PalermoIntegrationTest
class ProtectionFormsIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;

  private static final String SUMMARY =
      "Heard with an interpreter; wishes to stay with the aunt in Lyon";

  @Test
  void a_best_interests_record_with_an_implausible_date_keeps_the_summary() throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID child = fixtures.childCase(worker.agency(), true);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/cases/" + child + "/child/best-interests")
                .session(session)
                .with(csrf())
                .param("kind", "DETERMINATION")
                .param("doneOn", "1900-01-01")
                .param("conductedBy", "M. Haddad, BIA panel")
                .param("childHeard", "yes")
                .param("outcome", "")
                .param("summary", SUMMARY))
        .andExpect(Refused.at("doneOn", "tooOld"))
        .andExpect(content().string(containsString(SUMMARY)))
        .andExpect(content().string(containsString("value=\"M. Haddad, BIA panel\"")))
        .andExpect(content().string(containsString("value=\"1900-01-01\"")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "This date is too far in the past to be right; check the year.")))
        .andExpect(content().string(containsString("href=\"#bestInterests-doneOn\"")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")));
  }

  @Test
  void a_malformed_date_is_refused_at_its_field_in_french_and_keeps_the_guardian()
      throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID child = fixtures.childCase(worker.agency(), true);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/cases/" + child + "/child/guardian")
                .param("lang", "fr")
                .session(session)
                .with(csrf())
                .param("guardianName", "Amina Tazi")
                .param("organisation", "Aide à l’enfance")
                .param("authority", "Tribunal pour enfants")
                .param("appointedOn", "31/02/2026"))
        .andExpect(Refused.at("appointedOn", "date"))
        .andExpect(content().string(containsString("value=\"Amina Tazi\"")))
        .andExpect(content().string(containsString("value=\"Tribunal pour enfants\"")))
        .andExpect(content().string(containsString("value=\"31/02/2026\"")));
  }

  @Test
  void a_domain_refusal_of_the_return_keeps_the_form_and_says_why() throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID child = fixtures.childCase(worker.agency(), true);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/cases/" + child + "/return")
                .session(session)
                .with(csrf())
                .param("kind", "ASSISTED_VOLUNTARY")
                .param("destinationCountry", "XA")
                .param("returnOn", LocalDate.now().plusDays(5).toString())
                .param("freeChoice", "yes")
                .param("informedDecision", "yes"))
        .andExpect(Refused.because("NO_RISK_ASSESSMENT"))
        .andExpect(content().string(containsString("value=\"XA\"")))
        .andExpect(content().string(containsString("documented risk assessment")));
    // The risk assessment in the future is refused at its date and keeps the sources.
    mvc.perform(
            post("/cases/" + child + "/return/risk")
                .session(session)
                .with(csrf())
                .param("destinationCountry", "XA")
                .param("assessedOn", LocalDate.now().plusDays(2).toString())
                .param("riskToLifeOrFreedom", "no")
                .param("riskOfTorture", "no")
                .param("riskOfSeriousHarm", "no")
                .param("riskOfRetrafficking", "yes")
                .param("sources", "UNHCR country report 2026; interview with the child"))
        .andExpect(Refused.at("assessedOn", "future"))
        .andExpect(
            content()
                .string(containsString("UNHCR country report 2026; interview with the child")));
  }

  @Test
  void a_permit_ending_before_it_starts_keeps_both_dates() throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID child = fixtures.childCase(worker.agency(), true);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    String from = LocalDate.now().toString();
    String to = LocalDate.now().minusDays(3).toString();
    mvc.perform(
            post("/cases/" + child + "/residence")
                .param("lang", "ar")
                .session(session)
                .with(csrf())
                .param("kind", "VICTIM_RESIDENCE")
                .param("validFrom", from)
                .param("validTo", to))
        .andExpect(Refused.at("validTo", "beforeStart"))
        .andExpect(content().string(containsString("value=\"" + to + "\"")))
        .andExpect(content().string(containsString("dir=\"rtl\"")));
    // corrected, it is recorded and the page is shown again with the notice
    mvc.perform(
            post("/cases/" + child + "/residence")
                .session(session)
                .with(csrf())
                .param("kind", "VICTIM_RESIDENCE")
                .param("validFrom", from)
                .param("validTo", LocalDate.now().plusYears(1).toString()))
        .andExpect(redirectedUrl("/cases/" + child + "/residence?permit"));
  }
}

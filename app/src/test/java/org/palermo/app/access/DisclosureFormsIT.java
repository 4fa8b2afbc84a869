package org.palermo.app.access;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.Refused;
import org.palermo.app.referral.ReferralFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A refused disclosure or break-the-glass form comes back with status 422, everything typed and the
 * message at its field (issue #12 §4): the groups chosen, the purpose and the reason written for an
 * emergency are not lost to one missing field.
 */
@PalermoIntegrationTest
class DisclosureFormsIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;

  TestUser caseworker;
  TestUser police;
  UUID caseId;

  @BeforeEach
  void aCase() {
    caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    police = accounts.user(AgencyType.LAW_ENFORCEMENT, Role.INVESTIGATOR);
    caseId = fixtures.adultCase(caseworker.agency(), "fr");
  }

  @Test
  void a_disclosure_without_the_consent_reference_keeps_the_groups_and_the_purpose()
      throws Exception {
    MockHttpSession session = ScreeningFixtures.signIn(mvc, caseworker);
    mvc.perform(
            post("/cases/" + caseId + "/disclosures")
                .session(session)
                .with(csrf())
                .param("toAgencyId", police.agency().id().toString())
                .param("groups", "IDENTITY", "CONTACT")
                .param("purpose", "CRIMINAL_JUSTICE")
                .param("purposeDetail", "Statement for the prosecutor in Lyon")
                .param("consentReference", "")
                .param("expiresOn", LocalDate.now().plusDays(10).toString()))
        .andExpect(Refused.at("consentReference", "consentReference"))
        .andExpect(content().string(containsString("The reference of the person’s consent")))
        .andExpect(
            content().string(containsString("value=\"Statement for the prosecutor in Lyon\"")))
        .andExpect(content().string(containsString("value=\"IDENTITY\" checked=\"checked\"")))
        .andExpect(content().string(containsString("value=\"CONTACT\" checked=\"checked\"")))
        .andExpect(content().string(containsString("href=\"#disclosure-consentReference\"")));
  }

  @Test
  void a_malformed_expiry_is_refused_at_its_field_and_keeps_the_consent() throws Exception {
    MockHttpSession session = ScreeningFixtures.signIn(mvc, caseworker);
    mvc.perform(
            post("/cases/" + caseId + "/disclosures")
                .session(session)
                .with(csrf())
                .param("toAgencyId", police.agency().id().toString())
                .param("groups", "IDENTITY")
                .param("purpose", "CRIMINAL_JUSTICE")
                .param("consentReference", "FORM-7 signed with the interpreter")
                .param("expiresOn", "next month"))
        .andExpect(Refused.at("expiresOn", "date"))
        .andExpect(content().string(containsString("value=\"FORM-7 signed with the interpreter\"")))
        .andExpect(content().string(containsString("value=\"next month\"")))
        .andExpect(content().string(containsString("Enter a date as yyyy-mm-dd.")));
  }

  @Test
  void a_break_the_glass_reason_too_short_is_refused_at_the_field_and_kept() throws Exception {
    TestUser officer = accounts.user(AgencyType.CHILD_PROTECTION, Role.CHILD_PROTECTION_OFFICER);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    mvc.perform(
            post("/cases/" + caseId + "/break-glass")
                .session(session)
                .with(csrf())
                .param("reason", "Missing"))
        .andExpect(Refused.at("reason", "reason"))
        .andExpect(content().string(containsString(">Missing</textarea>")))
        .andExpect(content().string(containsString("Give the reason, in 10 to 1000 characters.")))
        .andExpect(content().string(containsString("id=\"breakGlass-reason-error\"")));
  }
}

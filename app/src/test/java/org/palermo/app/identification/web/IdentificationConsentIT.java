package org.palermo.app.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.Refused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Consent before a referral for formal identification (issue 13 §2): an adult is referred only with
 * their recorded consent, through the API and the page; an adult who refuses can be notified
 * anonymously, and the notification carries nothing that identifies them or the screening.
 */
@PalermoIntegrationTest
class IdentificationConsentIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ScreeningFixtures fixtures;
  @Autowired JdbcClient jdbc;

  @Test
  void an_adult_is_referred_only_with_consent_and_a_refusal_is_notified_anonymously()
      throws Exception {
    TestUser frontline = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    Agency authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    UUID screening =
        fixtures.completedScreening(ScreeningFixtures.principal(frontline, Role.FRONTLINE_OFFICER));
    String bearer = "Bearer " + accounts.token(frontline);

    mvc.perform(
            post("/api/v1/screenings/" + screening + "/referral")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"authorityAgencyId\":\"" + authority.id() + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("ADULT_CONSENT_REQUIRED"));
    // The page refuses it too, and nothing is referred.
    MockHttpSession session = ScreeningFixtures.signIn(mvc, frontline);
    mvc.perform(
            post("/screenings/" + screening + "/identification")
                .session(session)
                .with(csrf())
                .param("authorityAgencyId", authority.id().toString()))
        .andExpect(Refused.because("ADULT_CONSENT_REQUIRED"));
    assertThat(procedures(screening)).isZero();

    mvc.perform(
            post("/screenings/" + screening + "/identification")
                .session(session)
                .with(csrf())
                .param("authorityAgencyId", authority.id().toString())
                .param("consentGiven", "yes")
                .param("consentOn", java.time.LocalDate.now().toString())
                .param("interpreterUsed", "yes"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeCount(0));
    assertThat(procedures(screening)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT basis FROM identification_consent WHERE screening_id = ?"
                        + " AND interpreter_used")
                .param(screening)
                .query(String.class)
                .list())
        .containsExactly("ADULT_CONSENTED");

    // Another adult refuses: an anonymous notification, with no name and no link to the screening.
    UUID refused =
        fixtures.completedScreening(ScreeningFixtures.principal(frontline, Role.FRONTLINE_OFFICER));
    long before = notifications();
    mvc.perform(
            post("/api/v1/screenings/" + refused + "/anonymous-notification")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"exploitation\":\"LABOUR\",\"country\":\"xa\"}"))
        .andExpect(status().isNoContent());
    assertThat(notifications()).isEqualTo(before + 1);
    List<Map<String, Object>> columns =
        jdbc.sql(
                "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'anonymous_notification'")
            .query()
            .listOfRows();
    assertThat(columns.stream().map(r -> r.get("column_name").toString()))
        .containsExactlyInAnyOrder("id", "agency_id", "month", "exploitation", "country");
    mvc.perform(
            post("/api/v1/screenings/" + refused + "/anonymous-notification")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"exploitation\":\"LABOUR\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("ALREADY_NOTIFIED"));
    mvc.perform(get("/screenings/" + refused + "/identification").session(session))
        .andExpect(status().isOk());
  }

  long procedures(UUID screening) {
    return jdbc.sql("SELECT count(*) FROM identification_procedure WHERE screening_id = ?")
        .param(screening)
        .query(Long.class)
        .single();
  }

  long notifications() {
    return jdbc.sql("SELECT count(*) FROM anonymous_notification").query(Long.class).single();
  }
}

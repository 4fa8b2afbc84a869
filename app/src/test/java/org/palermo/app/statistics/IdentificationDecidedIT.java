package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A real reasonable-grounds decision (through the identification API) reaches the statistics read
 * model as an IdentificationDecided event, with the deciding authority and the referral time.
 */
@PalermoIntegrationTest
class IdentificationDecidedIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ScreeningFixtures fixtures;
  @Autowired JdbcClient jdbc;

  @Test
  void aDecisionIsPublishedToTheReadModel() throws Exception {
    TestUser frontline = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    Agency authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    TestUser officer = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    UUID screening =
        fixtures.completedScreening(ScreeningFixtures.principal(frontline, Role.FRONTLINE_OFFICER));
    mvc.perform(
            post("/api/v1/screenings/" + screening + "/referral")
                .header("Authorization", "Bearer " + accounts.token(frontline))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"authorityAgencyId\":\""
                        + authority.id()
                        + "\",\"consent\":{\"givenAt\":\"2026-01-01T10:00:00Z\",\"interpreterUsed\":false}}"))
        .andExpect(status().isCreated());
    mvc.perform(
            post("/api/v1/screenings/" + screening + "/decisions")
                .header("Authorization", "Bearer " + accounts.token(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"traffickingStatus\":\"PossibleVictimOfTrafficking\",\"decidedByOrg\":"
                        + "\"NonPoliceGovernmentalOrganization\",\"grounds\":\"Indicators.\","
                        + "\"evidence\":[\"PERSONS_ACCOUNT\"],\"credibilityTraumaInformed\":true}"))
        .andExpect(status().is2xxSuccessful());
    ReadModelAwait.rowsWhere(jdbc, "statistics_decision", "agency_id", authority.id(), 1);
    List<String> rows =
        jdbc.sql(
                "SELECT kind || '|' || outcome || '|' || agency_type || '|' || (referred_at IS NOT"
                    + " NULL) FROM statistics_decision WHERE agency_id = ?")
            .param(authority.id())
            .query(String.class)
            .list();
    assertThat(rows)
        .containsExactly("REASONABLE_GROUNDS|PossibleVictimOfTrafficking|COMPETENT_AUTHORITY|true");
  }
}

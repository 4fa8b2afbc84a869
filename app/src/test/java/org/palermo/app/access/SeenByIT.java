package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Who saw my record" (issue #11 item 17; ASVS 7.1): the case list and search-before-create record
 * which persons they showed, not only how many, and the subject-access export lists those reads.
 */
@PalermoIntegrationTest
class SeenByIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired SubjectAccess subjectAccess;
  @Autowired JdbcClient jdbc;

  @Test
  void theSubjectAccessExportSaysWhichListsAndSearchesShowedThePerson() throws Exception {
    Actor caseworker =
        fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    UUID caseId = fixtures.adultCase(caseworker.agency(), "en");
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    assertThat(
            mvc.perform(get("/api/v1/cases").header("Authorization", caseworker.bearer()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    String matches =
        mvc.perform(
                get("/api/v1/persons/matches")
                    .param("name", "Amina Testperson")
                    .param("birthDate", "1990-05-01")
                    .param("citizenship", "XA")
                    .header("Authorization", caseworker.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(matches).contains(person.toString());

    JsonNode export =
        JsonMapper.builder().build().readTree(subjectAccess.exportPerson(person, "cli"));
    List<String> seen = new ArrayList<>();
    for (JsonNode e : export.get("seenBy")) {
      seen.add(e.get("actor").asString() + " " + e.get("action").asString());
    }
    String who = caseworker.user().username();
    assertThat(seen).contains(who + " cases.list", who + " cases.person.match");
    // The entries name the person in their detail, which the hash chain covers.
    for (JsonNode e : export.get("seenBy")) {
      if (e.get("actor").asString().equals(who)) {
        assertThat(e.get("detail").asString()).contains(person.toString());
      }
    }
  }
}

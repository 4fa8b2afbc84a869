package org.palermo.app.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home page's queue of children without a guardian (issue 14 item 7; CETS 197 art. 10(4);
 * Directive 2011/36/EU arts. 14–16): the child-protection agency's children who need a guardian and
 * have none, by case reference, oldest first; gone once a guardian is appointed; never an adult,
 * never another agency's child.
 */
@PalermoIntegrationTest
class GuardianlessQueueIT {
  static final LocalDate TODAY = LocalDate.now();

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  final JsonMapper json = JsonMapper.builder().build();

  JsonNode register(Actor who, String birth, String migrationStatus) throws Exception {
    String body =
        "{\"givenName\":\"Amina\",\"familyName\":\"Queue"
            + UUID.randomUUID().toString().substring(0, 6)
            + "\",\"birthDate\":\""
            + birth
            + "\",\"citizenships\":[\"XA\"],\"languages\":[\"ara\"],\"legalBasis\":\"VITAL_INTEREST\","
            + "\"purpose\":\"Protection and assistance\",\"migrationStatus\":\""
            + migrationStatus
            + "\"}";
    return json.readTree(
        mvc.perform(
                post("/api/v1/persons")
                    .header("Authorization", who.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  String queue(Actor who) throws Exception {
    String home =
        mvc.perform(get("/").session(ScreeningFixtures.signIn(mvc, who.user())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    int start = home.indexOf("id=\"queue-guardianlessChildren\"");
    if (start < 0) {
      return null;
    }
    return home.substring(start, home.indexOf("</section>", start));
  }

  @Test
  void the_child_protection_agency_sees_its_children_without_a_guardian_until_one_is_appointed()
      throws Exception {
    Agency agency = accounts.agency(AgencyType.CHILD_PROTECTION);
    Actor worker = fixtures.actor(agency, Role.CASEWORKER);
    JsonNode older =
        register(worker, TODAY.minusYears(15).toString(), "SEPARATED_OR_UNACCOMPANIED_CHILD");
    JsonNode younger =
        register(worker, TODAY.minusYears(12).toString(), "SEPARATED_OR_UNACCOMPANIED_CHILD");

    String shown = queue(worker);
    assertThat(shown).isNotNull();
    String first = older.get("reference").asText();
    String second = younger.get("reference").asText();
    assertThat(shown).contains(first).contains(second);
    assertThat(shown.indexOf(first)).isLessThan(shown.indexOf(second));
    // The read is audited per child shown, not as a count (SECURITY.md; "who saw my record").
    for (JsonNode child : java.util.List.of(older, younger)) {
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_subject s JOIN audit_event e ON e.seq ="
                          + " s.audit_seq WHERE e.action = 'protection.guardianless.read'"
                          + " AND s.person_id = ?")
                  .param(UUID.fromString(child.get("personId").asText()))
                  .query(Long.class)
                  .single())
          .isGreaterThanOrEqualTo(1);
    }

    // Another child-protection agency sees none of them.
    Actor stranger =
        fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CHILD_PROTECTION_OFFICER);
    assertThat(queue(stranger)).doesNotContain(first).doesNotContain(second);

    // A guardian appointed: the child leaves the queue.
    mvc.perform(
            post("/api/v1/cases/" + older.get("caseId").asText() + "/guardian")
                .header("Authorization", worker.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"guardianName": "G. Guardian", "authority": "Family court", "appointedOn": "%s"}"""
                        .formatted(TODAY)))
        .andExpect(status().isCreated());
    assertThat(queue(worker)).doesNotContain(first).contains(second);

    // A service provider's caseworker has no such queue.
    Actor provider = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    assertThat(queue(provider)).isNull();
  }
}

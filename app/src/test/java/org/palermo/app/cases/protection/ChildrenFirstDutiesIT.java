package org.palermo.app.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Children first, what was missing (issue 13 §3), through the real API, pages and database: the
 * "appoint a guardian" task opened as soon as a child who needs a guardian is identified (CETS 197
 * art. 10(4); Directive 2011/36/EU arts. 14(2), 16(3)); the guardian told of a missing-child alert,
 * by a notification or in person with who did it recorded; family tracing refused any contact
 * without a safety check, and never with a linked suspected exploiter (CRC GC 6 §§ 80–83).
 */
@PalermoIntegrationTest
class ChildrenFirstDutiesIT {
  static final LocalDate TODAY = LocalDate.now();

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired JdbcClient jdbc;
  final JsonMapper json = JsonMapper.builder().build();

  Actor worker;

  @BeforeEach
  void aCaseworker() {
    worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
  }

  ResultActions postJson(Actor who, String path, String body) throws Exception {
    return mvc.perform(
        post(path)
            .header("Authorization", who.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  JsonNode getJson(Actor who, String path) throws Exception {
    return json.readTree(
        mvc.perform(get(path).header("Authorization", who.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  static String person(String birth, String extra) {
    return "{\"givenName\":\"Amina\",\"familyName\":\"Duty"
        + UUID.randomUUID().toString().substring(0, 6)
        + "\",\"birthDate\":\""
        + birth
        + "\",\"citizenships\":[\"XA\"],\"languages\":[\"ara\"],\"legalBasis\":\"VITAL_INTEREST\","
        + "\"purpose\":\"Protection and assistance\""
        + (extra == null ? "" : "," + extra)
        + "}";
  }

  JsonNode register(String body) throws Exception {
    return json.readTree(
        postJson(worker, "/api/v1/persons", body)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  /** The open tasks of the case with the "appoint a guardian" title, from the tasks API. */
  List<JsonNode> openGuardianTasks(UUID caseId) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode t : getJson(worker, "/api/v1/cases/" + caseId + "/tasks").get("items")) {
      if (t.get("title").asText().startsWith("Appoint a guardian") && !t.get("done").asBoolean()) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void registering_an_unaccompanied_child_opens_the_appoint_a_guardian_task_at_once()
      throws Exception {
    JsonNode reg =
        register(
            person(
                TODAY.minusYears(15).toString(),
                "\"migrationStatus\":\"SEPARATED_OR_UNACCOMPANIED_CHILD\""));
    UUID caseId = UUID.fromString(reg.get("caseId").asText());
    List<JsonNode> tasks = openGuardianTasks(caseId);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("dueOn").asText()).isEqualTo(TODAY.toString());
    assertThat(fixtures.timeline(caseId)).contains("protection.guardianTaskOpened");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification WHERE agency_id = ? AND case_id = ?"
                        + " AND kind = 'guardianNeeded'")
                .params(worker.agency().id(), caseId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // The alert stays on the child page until a guardian is recorded; recording one closes the
    // task.
    assertThat(
            getJson(worker, "/api/v1/cases/" + caseId + "/guardian")
                .get("guardianMissing")
                .asBoolean())
        .isTrue();
    postJson(
            worker,
            "/api/v1/cases/" + caseId + "/guardian",
            """
            {"guardianName": "G. Guardian", "authority": "Family court", "appointedOn": "%s"}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
    assertThat(openGuardianTasks(caseId)).isEmpty();
    assertThat(
            getJson(worker, "/api/v1/cases/" + caseId + "/guardian")
                .get("guardianMissing")
                .asBoolean())
        .isFalse();

    // An adult living with family: no task.
    UUID adult =
        UUID.fromString(
            register(person("1990-05-01", "\"migrationStatus\":\"FAMILY\""))
                .get("caseId")
                .asText());
    assertThat(openGuardianTasks(adult)).isEmpty();
  }

  @Test
  void a_person_who_becomes_a_presumed_unaccompanied_child_gets_the_task_on_the_edit()
      throws Exception {
    JsonNode reg = register(person(TODAY.minusYears(20).toString(), null));
    UUID caseId = UUID.fromString(reg.get("caseId").asText());
    UUID personId = UUID.fromString(reg.get("personId").asText());
    assertThat(openGuardianTasks(caseId)).isEmpty();
    String etag =
        mvc.perform(get("/api/v1/persons/" + personId).header("Authorization", worker.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    mvc.perform(
            put("/api/v1/persons/" + personId)
                .header("Authorization", worker.bearer())
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    person(
                        TODAY.minusYears(20).toString(),
                        "\"ageDisputed\":true,"
                            + "\"migrationStatus\":\"SEPARATED_OR_UNACCOMPANIED_CHILD\"")))
        .andExpect(status().isOk());
    assertThat(openGuardianTasks(caseId)).hasSize(1);
  }

  @Test
  void a_child_exploited_by_a_caregiver_gets_the_task_when_the_link_is_recorded() throws Exception {
    UUID child = fixtures.childCase(worker.agency(), false);
    postJson(
            worker,
            "/api/v1/cases/" + child + "/links",
            """
            {"kind": "SUSPECTED_EXPLOITER", "name": "Karl Stepfather", "parentOrCaregiver": true}""")
        .andExpect(status().isCreated());
    assertThat(openGuardianTasks(child)).hasSize(1);
    // A second link does not open a second task.
    postJson(
            worker,
            "/api/v1/cases/" + child + "/links",
            """
            {"kind": "SUSPECTED_EXPLOITER", "name": "Uncle Other", "parentOrCaregiver": true}""")
        .andExpect(status().isCreated());
    assertThat(openGuardianTasks(child)).hasSize(1);
    // The caregiver cannot be made guardian (already enforced).
    postJson(
            worker,
            "/api/v1/cases/" + child + "/guardian",
            """
            {"guardianName": "karl stepfather", "authority": "Family court", "appointedOn": "%s"}"""
                .formatted(TODAY))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("LINKED_SUSPECTED_EXPLOITER"));
  }

  @Test
  void a_guardian_reached_through_an_agency_is_notified_when_the_child_goes_missing()
      throws Exception {
    Agency guardianship = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor guardianUser = fixtures.actor(guardianship, Role.CASEWORKER);
    UUID child = fixtures.childCase(worker.agency(), true);
    postJson(
            worker,
            "/api/v1/cases/" + child + "/guardian",
            """
            {"guardianName": "G. Guardian", "authority": "Family court", "appointedOn": "%s",
             "guardianUsername": "%s", "contact": "+33 6 00 00 00 00"}"""
                .formatted(TODAY, guardianUser.user().username()))
        .andExpect(status().isCreated());
    JsonNode g = getJson(worker, "/api/v1/cases/" + child + "/guardian").get("guardians").get(0);
    assertThat(g.get("agencyId").asText()).isEqualTo(guardianship.id().toString());
    assertThat(g.get("contact").asText()).isEqualTo("+33 6 00 00 00 00");
    // The contact details are sealed at rest.
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM child_guardian WHERE case_id = ? AND contact IS NULL"
                        + " AND contact_sealed IS NOT NULL")
                .param(child)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    postJson(
            worker,
            "/api/v1/cases/" + child + "/missing-alerts",
            """
            {"missingSince": "%s"}"""
                .formatted(Instant.now().minusSeconds(600)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.guardianChannel").value("NOTIFICATION"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification WHERE agency_id = ? AND case_id = ?"
                        + " AND kind = 'missingChildGuardian' AND addressee_id = ?")
                .params(guardianship.id(), child, guardianUser.user().id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // The case's own agency (its supervisors) is notified as before.
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification WHERE agency_id = ? AND case_id = ?"
                        + " AND kind = 'missingChild'")
                .params(worker.agency().id(), child)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // A guardian is never reached through an enforcement agency (the firewall).
    UUID other = fixtures.childCase(worker.agency(), true);
    postJson(
            worker,
            "/api/v1/cases/" + other + "/guardian",
            """
            {"guardianName": "P. Guardian", "authority": "Family court", "appointedOn": "%s",
             "guardianAgencyId": "%s"}"""
                .formatted(TODAY, accounts.agency(AgencyType.LAW_ENFORCEMENT).id()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("guardianAgencyId"));
  }

  @Test
  void a_guardian_without_account_is_informed_in_person_and_the_task_says_who_and_when()
      throws Exception {
    UUID child = fixtures.childCase(worker.agency(), true);
    postJson(
            worker,
            "/api/v1/cases/" + child + "/guardian",
            """
            {"guardianName": "G. Guardian", "authority": "Family court", "appointedOn": "%s",
             "contact": "12 rue de la Paix"}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
    postJson(
            worker,
            "/api/v1/cases/" + child + "/missing-alerts",
            """
            {"missingSince": "%s"}"""
                .formatted(Instant.now().minusSeconds(600)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.guardianChannel").value("IN_PERSON_OR_PHONE"));
    JsonNode informTask = null;
    for (JsonNode t : getJson(worker, "/api/v1/cases/" + child + "/tasks").get("items")) {
      if (t.get("title").asText().startsWith("Inform the child's guardian")) {
        informTask = t;
      }
    }
    assertThat(informTask).isNotNull();
    assertThat(informTask.get("done").asBoolean()).isFalse();
    assertThat(informTask.get("dueOn").asText()).isEqualTo(TODAY.toString());
    // The page asks who informed the guardian.
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(get("/cases/" + child + "/child").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("guardian-informed")));
    // Refused without who, then recorded through the page.
    postJson(
            worker,
            "/api/v1/cases/" + child + "/missing-alerts/guardian-informed",
            """
            {"how": "PHONE", "informedAt": "%s"}"""
                .formatted(Instant.now().minusSeconds(60)))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/cases/" + child + "/child/missing/guardian-informed")
                .session(session)
                .with(csrf())
                .param("informedBy", "Duty officer Mensah")
                .param("how", "PHONE")
                .param(
                    "informedAt",
                    java.time.LocalDateTime.now().minusMinutes(5).withNano(0).toString()))
        .andExpect(status().is3xxRedirection());
    JsonNode alert = getJson(worker, "/api/v1/cases/" + child + "/missing-alerts").get(0);
    assertThat(alert.get("guardianInformedBy").asText()).isEqualTo("Duty officer Mensah");
    assertThat(alert.get("guardianInformedHow").asText()).isEqualTo("PHONE");
    for (JsonNode t : getJson(worker, "/api/v1/cases/" + child + "/tasks").get("items")) {
      if (t.get("title").asText().startsWith("Inform the child's guardian")) {
        assertThat(t.get("done").asBoolean()).isTrue();
      }
    }
    assertThat(fixtures.timeline(child)).contains("protection.guardianInformed");
    assertThat(fixtures.audits("protection.missing.guardianInformed", child, "SUCCESS"))
        .isEqualTo(1);
  }

  @Test
  void family_tracing_refuses_contact_without_a_safety_check_and_with_a_linked_exploiter()
      throws Exception {
    UUID child = fixtures.childCase(worker.agency(), true);
    String base = "/api/v1/cases/" + child + "/family-tracing";
    UUID mother =
        UUID.fromString(
            json.readTree(
                    postJson(
                            worker,
                            base,
                            """
                            {"sought": "Fatima Mother", "relationship": "PARENT",
                             "through": "ICRC_RFL", "requestedOn": "%s"}"""
                                .formatted(TODAY))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asText());
    postJson(worker, base + "/" + mother + "/status", "{\"status\": \"FOUND\"}")
        .andExpect(status().isOk());
    // No contact before a safety check (CRC GC 6 §§ 80–83).
    postJson(worker, base + "/" + mother + "/status", "{\"status\": \"CONTACT_MADE\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("SAFETY_CHECK_REQUIRED"));
    assertThat(fixtures.audits("protection.tracing.status", child, "FAILURE")).isEqualTo(1);
    // A check that finds a risk keeps contact closed.
    String check =
        """
        {"checkedOn": "%s", "checkedBy": "BIA officer", "riskToChild": %s, "riskToFamily": false,
         "linkedToSuspectedExploiter": false, "childViews": "Wants to speak to her mother.",
         "bestInterests": "Contact supports recovery."}""";
    postJson(worker, base + "/" + mother + "/safety-check", check.formatted(TODAY, true))
        .andExpect(status().isCreated());
    postJson(worker, base + "/" + mother + "/status", "{\"status\": \"REUNIFICATION_CONSIDERED\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("CONTACT_NOT_SAFE"));
    postJson(worker, base + "/" + mother + "/safety-check", check.formatted(TODAY, false))
        .andExpect(status().isCreated());
    postJson(worker, base + "/" + mother + "/status", "{\"status\": \"CONTACT_MADE\"}")
        .andExpect(status().isOk());

    // The person sought is a linked suspected exploiter: contact is refused whatever the check.
    postJson(
            worker,
            "/api/v1/cases/" + child + "/links",
            """
            {"kind": "SUSPECTED_EXPLOITER", "name": "Omar Uncle"}""")
        .andExpect(status().isCreated());
    UUID uncle =
        UUID.fromString(
            json.readTree(
                    postJson(
                            worker,
                            base,
                            """
                            {"sought": "omar uncle", "relationship": "OTHER_RELATIVE",
                             "through": "IOM", "requestedOn": "%s"}"""
                                .formatted(TODAY))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asText());
    postJson(worker, base + "/" + uncle + "/safety-check", check.formatted(TODAY, false))
        .andExpect(status().isCreated());
    postJson(worker, base + "/" + uncle + "/status", "{\"status\": \"CONTACT_MADE\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("LINKED_SUSPECTED_EXPLOITER"));

    // Shown on the case, sealed at rest, behind the firewall.
    JsonNode list = getJson(worker, base);
    assertThat(list.get(0).get("sought").asText()).isEqualTo("Fatima Mother");
    assertThat(list.get(0).get("status").asText()).isEqualTo("CONTACT_MADE");
    assertThat(list.get(1).get("safetyChecks").get(0).get("linkedToSuspectedExploiter").asBoolean())
        .isTrue();
    assertThat(
            jdbc.sql("SELECT count(*) FROM family_tracing WHERE case_id = ? AND sought IS NOT NULL")
                .param(child)
                .query(Long.class)
                .single())
        .isZero();
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(get("/cases/" + child + "/child").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Fatima Mother")))
        .andExpect(content().string(containsString("family-tracing")));
    Actor police = fixtures.actor(accounts.agency(AgencyType.LAW_ENFORCEMENT), Role.INVESTIGATOR);
    mvc.perform(get(base).header("Authorization", police.bearer()))
        .andExpect(status().isNotFound());
    assertThat(fixtures.audits("protection.tracing.read", child, "SUCCESS")).isGreaterThan(0);
  }
}

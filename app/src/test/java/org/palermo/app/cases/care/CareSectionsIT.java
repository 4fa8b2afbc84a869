package org.palermo.app.cases.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.ServiceDelivered;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessments, support plan, services and notes of a case, through the API and the pages, as the
 * owning caseworker; and nothing of them for a user of another agency.
 */
@PalermoIntegrationTest
class CareSectionsIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CareFixtures fixtures;
  @Autowired JsonMapper json;

  TestUser caseworker;
  TestUser outsider;
  UUID caseId;
  String base;

  @BeforeEach
  void aCase() {
    caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    outsider = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER, Role.CASE_SUPERVISOR);
    caseId = fixtures.caseOf(caseworker.agency().id());
    base = "/api/v1/cases/" + caseId;
  }

  ResultActions api(TestUser user, MockHttpServletRequestBuilder request, String body)
      throws Exception {
    request.header("Authorization", "Bearer " + accounts.token(user));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  String page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void assessments_are_kept_newest_first_through_the_api_and_the_page() throws Exception {
    api(
            caseworker,
            post(base + "/assessments"),
            """
            {"level":"INDIVIDUAL","assessedOn":"2026-01-10","summary":"First look",
             "factors":[{"factor":"MENTAL_HEALTH","rating":"RISK","note":"sleeps badly"},
                        {"factor":"EDUCATION_AND_SKILLS","rating":"PROTECTIVE"}]}""")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").isNotEmpty());
    api(
            caseworker,
            post(base + "/assessments"),
            "{\"level\":\"HOUSEHOLD\",\"factors\":[{\"factor\":\"MENTAL_HEALTH\",\"rating\":\"RISK\"}]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("wrongLevel"));
    api(
            caseworker,
            post(base + "/assessments"),
            "{\"level\":\"HOUSEHOLD\",\"factors\":[{\"factor\":\"HOUSEHOLD_VIOLENCE\","
                + "\"rating\":\"RISK\"}]}")
        .andExpect(status().isCreated());

    api(caseworker, get(base + "/assessments"), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].level").value("HOUSEHOLD"))
        .andExpect(jsonPath("$[0].assessedOn").value(LocalDate.now(ZoneOffset.UTC).toString()))
        .andExpect(jsonPath("$[1].level").value("INDIVIDUAL"))
        .andExpect(
            jsonPath("$[1].factors.length()").value(Factor.of(AssessmentLevel.INDIVIDUAL).size()))
        .andExpect(jsonPath("$[1].factors[?(@.factor=='MENTAL_HEALTH')].rating").value("RISK"))
        .andExpect(
            jsonPath("$[1].factors[?(@.factor=='MENTAL_HEALTH')].note").value("sleeps badly"))
        .andExpect(
            jsonPath("$[1].factors[?(@.factor=='PHYSICAL_HEALTH')].rating").value("NOT_ASSESSED"));

    MockHttpSession session = CareFixtures.signIn(mvc, caseworker);
    // Refused for a future date, the form is shown again with everything typed (issue #14 §1.2).
    String refused =
        mvc.perform(
                post("/cases/" + caseId + "/assessments")
                    .session(session)
                    .with(csrf())
                    .param("level", "HOUSEHOLD")
                    .param("assessedOn", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())
                    .param("rating.HOUSEHOLD_VIOLENCE", "RISK")
                    .param("note.HOUSEHOLD_VIOLENCE", "brother-in-law threatens her")
                    .param("summary", "Household unsafe for now"))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("id=\"assessment-HOUSEHOLD-assessedOn-error\"")
        .contains("aria-describedby=\"assessment-HOUSEHOLD-assessedOn-error\"")
        .contains("href=\"#assessment-HOUSEHOLD-assessedOn\"")
        .contains("The date cannot be in the future")
        .contains("value=\"" + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"")
        .contains("value=\"brother-in-law threatens her\"")
        .contains("Household unsafe for now</textarea>")
        .containsPattern(
            "name=\"rating\\.HOUSEHOLD_VIOLENCE\" value=\"RISK\"\\s+checked=\"checked\"");
    // A malformed date is refused at its field, not dropped.
    assertThat(
            mvc.perform(
                    post("/cases/" + caseId + "/assessments")
                        .session(session)
                        .with(csrf())
                        .param("level", "HOUSEHOLD")
                        .param("assessedOn", "2026-02-30"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("id=\"assessment-HOUSEHOLD-assessedOn-error\"")
        .contains("Enter a date as yyyy-mm-dd");
    mvc.perform(
            post("/cases/" + caseId + "/assessments")
                .session(session)
                .with(csrf())
                .param("level", "STRUCTURAL")
                .param("rating.MIGRATION_POLICY", "RISK")
                .param("note.MIGRATION_POLICY", "no regular pathway for domestic workers"))
        .andExpect(redirectedUrl("/cases/" + caseId + "/assessments?saved"));
    String html = page(session, "/cases/" + caseId + "/assessments");
    assertThat(html)
        .contains("no regular pathway for domestic workers")
        .contains("Structural")
        .contains("sleeps badly")
        .contains("aria-current=\"page\"");
    assertThat(html.indexOf("no regular pathway")).isLessThan(html.indexOf("sleeps badly"));
    assertThat(fixtures.timeline(caseId))
        .containsExactly(
            "care.assessment.recorded", "care.assessment.recorded", "care.assessment.recorded");
    assertThat(fixtures.audits("care.assessment.record", caseId, "SUCCESS")).isEqualTo(3);
    // the API's list, the two refused forms shown again with the list, and the page after saving
    assertThat(fixtures.audits("care.assessments.read", caseId, "SUCCESS")).isEqualTo(4);
  }

  @Test
  void the_support_plan_has_objectives_marked_achieved_or_not() throws Exception {
    String created =
        api(
                caseworker,
                post(base + "/support-plan/objectives"),
                """
                {"type":"Health","objective":"Regular psychosocial sessions",
                 "actionPlan":"Weekly sessions with the counsellor","plannedEnd":"%s"}"""
                    .formatted(LocalDate.now(ZoneOffset.UTC).plusMonths(6)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String objective = json.readTree(created).get("id").asString();
    api(caseworker, post(base + "/support-plan/objectives"), "{\"type\":\"Health\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("objective"));
    api(
            caseworker,
            post(base + "/support-plan/objectives/" + objective + "/outcome"),
            "{\"status\":\"ACHIEVED\"}")
        .andExpect(status().isNoContent());
    api(
            caseworker,
            post(base + "/support-plan/objectives/" + objective + "/outcome"),
            "{\"status\":\"NOT_ACHIEVED\"}")
        .andExpect(status().isConflict());
    api(caseworker, get(base + "/support-plan"), null)
        .andExpect(jsonPath("$.objectives[0].status").value("ACHIEVED"))
        .andExpect(jsonPath("$.objectives[0].type").value("Health"))
        .andExpect(
            jsonPath("$.objectives[0].actualEnd").value(LocalDate.now(ZoneOffset.UTC).toString()));

    // The API applies the same date policy, the problem's reason naming why (issue #14 §1.6).
    api(
            caseworker,
            post(base + "/support-plan/objectives"),
            "{\"type\":\"Livelihood\",\"objective\":\"Training\",\"plannedEnd\":\"1900-01-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("plannedEnd"))
        .andExpect(jsonPath("$.reason").value("past"));
    api(
            caseworker,
            post(base + "/support-plan/objectives"),
            "{\"type\":\"Nope\",\"objective\":\"Training\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("type"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.startsWith("'type': 'Nope' is not one of ")));

    MockHttpSession session = CareFixtures.signIn(mvc, caseworker);
    String refused =
        mvc.perform(
                post("/cases/" + caseId + "/support-plan/objectives")
                    .session(session)
                    .with(csrf())
                    .param("type", "Livelihood")
                    .param("objective", "")
                    .param("actionPlan", "enrol at the training centre"))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("enrol at the training centre</textarea>")
        .contains("id=\"objective-objective-error\"")
        .contains("aria-describedby=\"objective-objective-error\"")
        .contains("This field is required.");
    // A planned end in 1900 is not plausible (issue #14 §1.6).
    assertThat(
            mvc.perform(
                    post("/cases/" + caseId + "/support-plan/objectives")
                        .session(session)
                        .with(csrf())
                        .param("type", "Livelihood")
                        .param("objective", "Vocational training")
                        .param("plannedEnd", "1900-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("id=\"objective-plannedEnd-error\"")
        .contains("Vocational training</textarea>");
    mvc.perform(
            post("/cases/" + caseId + "/support-plan/objectives")
                .session(session)
                .with(csrf())
                .param("type", "Livelihood")
                .param("objective", "Vocational training in tailoring"))
        .andExpect(redirectedUrl("/cases/" + caseId + "/support-plan?saved"));
    assertThat(page(session, "/cases/" + caseId + "/support-plan"))
        .contains("Vocational training in tailoring")
        .contains("Mark achieved");
    assertThat(fixtures.timeline(caseId))
        .containsExactly(
            "care.plan.objectiveAdded", "care.plan.objectiveAchieved", "care.plan.objectiveAdded");
  }

  @Test
  void a_service_delivered_publishes_the_event_and_goes_on_the_timeline() throws Exception {
    var shelter = accounts.agency(AgencyType.SERVICE_PROVIDER);
    api(
            caseworker,
            post(base + "/services"),
            "{\"serviceType\":\"SHELTER\",\"deliveredOn\":\"2026-03-01\",\"providerAgencyId\":\""
                + shelter.id()
                + "\"}")
        .andExpect(status().isCreated());
    List<ServiceDelivered> events =
        fixtures.delivered.stream().filter(e -> e.caseId().equals(caseId)).toList();
    // Each service carries its own id (issue 12 §3: two alike on one day count twice).
    assertThat(events).allSatisfy(e -> assertThat(e.deliveryId()).isNotNull());
    assertThat(
            events.stream()
                .map(
                    e ->
                        new ServiceDelivered(
                            null,
                            e.caseId(),
                            e.serviceType(),
                            e.deliveredOn(),
                            e.providerAgencyId(),
                            e.providerAgencyType()))
                .toList())
        .containsExactly(
            new ServiceDelivered(
                null,
                caseId,
                "SHELTER",
                LocalDate.of(2026, 3, 1),
                shelter.id(),
                "SERVICE_PROVIDER"));
    api(
            caseworker,
            post(base + "/services"),
            "{\"serviceType\":\"MEDICAL\",\"deliveredOn\":\"2026-03-02\",\"providerAgencyId\":\""
                + shelter.id()
                + "\",\"providerName\":\"Clinic\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("oneProvider"));
    api(
            caseworker,
            post(base + "/services"),
            "{\"serviceType\":\"TELEPORT\",\"deliveredOn\":\"2026-03-02\",\"providerName\":\"X\"}")
        .andExpect(status().isBadRequest());

    MockHttpSession session = CareFixtures.signIn(mvc, caseworker);
    mvc.perform(
            post("/cases/" + caseId + "/services")
                .session(session)
                .with(csrf())
                .param("serviceType", "MEDICAL")
                .param("deliveredOn", "2026-03-05")
                .param("providerAgencyId", "")
                .param("providerName", "Harbour City free clinic"))
        .andExpect(redirectedUrl("/cases/" + caseId + "/services?saved"));
    assertThat(fixtures.delivered.stream().filter(e -> e.caseId().equals(caseId)).toList())
        .hasSize(2)
        .last()
        .satisfies(
            e -> {
              assertThat(e.serviceType()).isEqualTo("MEDICAL");
              assertThat(e.providerAgencyId()).isNull();
            });
    api(caseworker, get(base + "/services"), null)
        .andExpect(jsonPath("$[0].provider").value("Harbour City free clinic"))
        .andExpect(jsonPath("$[1].provider").value(shelter.name()));
    assertThat(page(session, "/cases/" + caseId + "/services"))
        .contains("Harbour City free clinic")
        .contains("Medical care");
    assertThat(fixtures.timeline(caseId))
        .containsExactly("care.service.delivered", "care.service.delivered");
  }

  @Test
  void notes_are_appended_with_author_and_health_notes_are_marked() throws Exception {
    api(caseworker, post(base + "/notes"), "{\"text\":\"Met at the shelter.\"}")
        .andExpect(status().isCreated());
    api(caseworker, post(base + "/notes"), "{\"text\":\"Needs dental care.\",\"health\":true}")
        .andExpect(status().isCreated());
    api(caseworker, post(base + "/notes"), "{\"text\":\"   \"}").andExpect(status().isBadRequest());
    api(caseworker, get(base + "/notes"), null)
        .andExpect(jsonPath("$.notes.length()").value(2))
        .andExpect(jsonPath("$.notes[0].text").value("Needs dental care."))
        .andExpect(jsonPath("$.notes[0].health").value(true))
        .andExpect(jsonPath("$.notes[1].author").value(caseworker.username()))
        .andExpect(jsonPath("$.hiddenHealthNotes").value(0));
    MockHttpSession session = CareFixtures.signIn(mvc, caseworker);
    mvc.perform(
            post("/cases/" + caseId + "/notes")
                .session(session)
                .with(csrf())
                .param("text", "Called the family; no answer."))
        .andExpect(redirectedUrl("/cases/" + caseId + "/notes?saved"));
    assertThat(page(session, "/cases/" + caseId + "/notes"))
        .contains("Called the family; no answer.")
        .contains("Needs dental care.");
    String arabic =
        mvc.perform(get("/cases/" + caseId + "/notes").param("lang", "ar").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(arabic).contains("dir=\"rtl\"").contains("ملاحظات الملف").contains("صحة");
    assertThat(fixtures.timeline(caseId))
        .containsExactly("care.note.added", "care.note.added", "care.note.added");
  }

  @Test
  void a_competent_authority_officer_of_the_agency_reads_but_may_not_write() throws Exception {
    // The access rules let a competent-authority officer read the case narrative of the agency's
    // cases but write only legal proceedings (docs/security/authorisation-matrix.md).
    TestUser authority = accounts.user(caseworker.agency(), Role.COMPETENT_AUTHORITY_OFFICER);
    api(authority, get(base + "/notes"), null).andExpect(status().isOk());
    api(authority, post(base + "/notes"), "{\"text\":\"x\"}").andExpect(status().isForbidden());
    assertThat(fixtures.timeline(caseId)).isEmpty();
  }

  @Test
  void a_user_of_another_agency_gets_404_on_every_section() throws Exception {
    for (String section :
        List.of("assessments", "support-plan", "services", "notes", "attachments")) {
      api(outsider, get(base + "/" + section), null)
          .andExpect(status().isNotFound())
          .andExpect(header().string("Content-Type", "application/problem+json"));
    }
    api(outsider, post(base + "/assessments"), "{\"level\":\"INDIVIDUAL\"}")
        .andExpect(status().isNotFound());
    api(
            outsider,
            post(base + "/support-plan/objectives"),
            "{\"type\":\"Health\",\"objective\":\"x\"}")
        .andExpect(status().isNotFound());
    api(
            outsider,
            post(base + "/services"),
            "{\"serviceType\":\"SHELTER\",\"deliveredOn\":\"2026-01-01\",\"providerName\":\"x\"}")
        .andExpect(status().isNotFound());
    api(outsider, post(base + "/notes"), "{\"text\":\"x\"}").andExpect(status().isNotFound());

    MockHttpSession session = CareFixtures.signIn(mvc, outsider);
    for (String section :
        List.of("assessments", "support-plan", "services", "notes", "attachments")) {
      mvc.perform(get("/cases/" + caseId + "/" + section).session(session))
          .andExpect(status().isNotFound());
    }
    mvc.perform(
            post("/cases/" + caseId + "/notes").session(session).with(csrf()).param("text", "x"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/cases/" + caseId + "/services")
                .session(session)
                .with(csrf())
                .param("serviceType", "SHELTER")
                .param("deliveredOn", "2026-01-01")
                .param("providerName", "x"))
        .andExpect(status().isNotFound());
    assertThat(fixtures.timeline(caseId)).isEmpty();
    assertThat(fixtures.audits("access.read", caseId, "DENIED")).isGreaterThanOrEqualTo(10);
  }

  @Test
  void a_repeated_idempotency_key_creates_and_publishes_once() throws Exception {
    String body =
        "{\"serviceType\":\"HOTLINE\",\"deliveredOn\":\"2026-02-01\",\"providerName\":\"Line\"}";
    String first =
        api(caseworker, post(base + "/services").header("Idempotency-Key", "svc-1"), body)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String again =
        api(caseworker, post(base + "/services").header("Idempotency-Key", "svc-1"), body)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(again).isEqualTo(first);
    api(caseworker, post(base + "/notes").header("Idempotency-Key", "svc-1"), "{\"text\":\"x\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.reason").value("IDEMPOTENCY_KEY_REUSED"));
    // The same key and path with another body is another request, refused alike.
    api(
            caseworker,
            post(base + "/services").header("Idempotency-Key", "svc-1"),
            body.replace("Line", "Other line"))
        .andExpect(status().isUnprocessableContent());
    api(caseworker, get(base + "/services"), null).andExpect(jsonPath("$.length()").value(1));
    assertThat(fixtures.delivered.stream().filter(e -> e.caseId().equals(caseId))).hasSize(1);
    assertThat(fixtures.timeline(caseId)).containsExactly("care.service.delivered");
  }

  @Test
  void a_stale_if_match_on_an_objective_gets_412() throws Exception {
    String created =
        api(
                caseworker,
                post(base + "/support-plan/objectives"),
                "{\"type\":\"Legal\",\"objective\":\"Residence permit application\"}")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String objective = json.readTree(created).get("id").asString();
    api(caseworker, get(base + "/support-plan"), null)
        .andExpect(jsonPath("$.objectives[0].version").value(0));
    api(
            caseworker,
            post(base + "/support-plan/objectives/" + objective + "/outcome")
                .header("If-Match", "\"7\""),
            "{\"status\":\"ACHIEVED\"}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("PRECONDITION_FAILED"));
    api(
            caseworker,
            post(base + "/support-plan/objectives/" + objective + "/outcome")
                .header("If-Match", "\"0\""),
            "{\"status\":\"NOT_ACHIEVED\"}")
        .andExpect(status().isNoContent());
    api(caseworker, get(base + "/support-plan"), null)
        .andExpect(jsonPath("$.objectives[0].status").value("NOT_ACHIEVED"))
        .andExpect(jsonPath("$.objectives[0].version").value(1));
  }
}

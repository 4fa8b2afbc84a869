package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persons and cases through {@code /api/v1}: registration with Idempotency-Key,
 * search-before-create across scripts, 404 for another agency's records, ETag/If-Match, the
 * lifecycle with cooperation declined, the child flag, tasks and assignment.
 */
@PalermoIntegrationTest
class CasesApiIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired CaseOwnership ownership;
  final JsonMapper json = JsonMapper.builder().build();

  TestUser worker;
  TestUser colleague;
  TestUser stranger;

  @BeforeEach
  void users() {
    worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    colleague = accounts.user(worker.agency(), Role.CASEWORKER);
    stranger = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
  }

  ResultActions api(TestUser user, MockHttpServletRequestBuilder request, String body)
      throws Exception {
    request.header("Authorization", "Bearer " + accounts.token(user));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  JsonNode read(MvcResult r) throws Exception {
    return json.readTree(r.getResponse().getContentAsString());
  }

  static String person(String given, String family, String birth, String extra) {
    return "{\"givenName\":\""
        + given
        + "\",\"familyName\":\""
        + family
        + "\""
        + (birth == null ? "" : ",\"birthDate\":\"" + birth + "\"")
        + ",\"citizenships\":[\"XA\"],\"languages\":[\"ara\"],\"legalBasis\":\"VITAL_INTEREST\","
        + "\"purpose\":\"Protection and assistance\""
        + (extra == null ? "" : "," + extra)
        + "}";
  }

  JsonNode register(TestUser user, String body) throws Exception {
    return read(
        api(user, post("/api/v1/persons"), body).andExpect(status().isCreated()).andReturn());
  }

  String etag(TestUser user, String path) throws Exception {
    return api(user, get(path), null)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getHeader("ETag");
  }

  @Test
  void the_same_idempotency_key_and_body_creates_once_and_another_body_is_refused()
      throws Exception {
    String body =
        person("Amina", "Idem" + UUID.randomUUID().toString().substring(0, 6), null, null);
    String key = UUID.randomUUID().toString();
    MvcResult first =
        api(worker, post("/api/v1/persons").header("Idempotency-Key", key), body)
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location"))
            .andReturn();
    MvcResult again =
        api(worker, post("/api/v1/persons").header("Idempotency-Key", key), body)
            .andExpect(status().isCreated())
            .andReturn();
    assertThat(again.getResponse().getContentAsString())
        .isEqualTo(first.getResponse().getContentAsString());
    String personId = read(first).get("personId").asString();
    assertThat(
            jdbc.sql("SELECT count(*) FROM case_file WHERE person_id = ?::uuid")
                .param(personId)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
    api(
            worker,
            post("/api/v1/persons").header("Idempotency-Key", key),
            person("Other", "Person", null, null))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("urn:palermo:problem:idempotency-key-reused"))
        .andExpect(jsonPath("$.reason").value("IDEMPOTENCY_KEY_REUSED"));
    api(stranger, post("/api/v1/persons").header("Idempotency-Key", key), body)
        .andExpect(status().isCreated());
  }

  @Test
  void search_before_create_finds_an_arabic_record_by_its_latin_form_only_for_who_may_read_it()
      throws Exception {
    String family = "حسن";
    JsonNode created = register(worker, person("فاطمة", family, "2001-03-04", null));
    String reference = created.get("reference").asString();
    api(
            worker,
            get("/api/v1/persons/matches")
                .param("name", "Fatima Hassan")
                .param("birthDate", "2001-03-04")
                .param("citizenship", "XA"),
            null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.reference == '" + reference + "')]").exists());
    api(
            worker,
            get("/api/v1/persons/matches")
                .param("name", "Fatima Hassan")
                .param("birthDate", "2001-03-05"),
            null)
        .andExpect(jsonPath("$.items[?(@.reference == '" + reference + "')]").doesNotExist());
    api(
            worker,
            get("/api/v1/persons/matches")
                .param("name", "Fatima Hassan")
                .param("birthDate", "2002-01-04")
                .param("birthDateEstimated", "true"),
            null)
        .andExpect(jsonPath("$.items[?(@.reference == '" + reference + "')]").exists());
    api(
            stranger,
            get("/api/v1/persons/matches")
                .param("name", "Fatima Hassan")
                .param("birthDate", "2001-03-04"),
            null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.reference == '" + reference + "')]").doesNotExist());
  }

  @Test
  void another_agency_is_told_the_case_and_the_person_do_not_exist() throws Exception {
    JsonNode created = register(worker, person("Lina", "Hidden", "1990-01-01", null));
    String caseId = created.get("caseId").asString();
    String personId = created.get("personId").asString();
    api(stranger, get("/api/v1/cases/" + caseId), null)
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("NOT_FOUND"))
        .andExpect(jsonPath("$.givenName").doesNotExist());
    api(stranger, get("/api/v1/persons/" + personId), null).andExpect(status().isNotFound());
    api(
            stranger,
            patch("/api/v1/cases/" + caseId).header("If-Match", "\"0\""),
            "{\"transition\":\"OPEN\"}")
        .andExpect(status().isNotFound());
    api(stranger, get("/api/v1/cases/" + caseId + "/timeline"), null)
        .andExpect(status().isNotFound());
    api(stranger, get("/api/v1/cases/" + UUID.randomUUID()), null).andExpect(status().isNotFound());
  }

  @Test
  void a_stale_or_missing_if_match_gets_412_and_nothing_is_overwritten() throws Exception {
    JsonNode created = register(worker, person("Sara", "Concurrent", "1995-05-05", null));
    String path = "/api/v1/persons/" + created.get("personId").asString();
    String tag = etag(worker, path);
    api(worker, put(path).header("If-Match", tag), person("Sara", "FirstEdit", "1995-05-05", null))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.familyName").value("FirstEdit"));
    api(
            colleague,
            put(path).header("If-Match", tag),
            person("Sara", "SecondEdit", "1995-05-05", null))
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("PRECONDITION_FAILED"));
    api(colleague, put(path), person("Sara", "NoTag", "1995-05-05", null))
        .andExpect(status().isPreconditionFailed());
    api(worker, get(path), null).andExpect(jsonPath("$.familyName").value("FirstEdit"));

    String casePath = "/api/v1/cases/" + created.get("caseId").asString();
    String caseTag = etag(worker, casePath);
    api(worker, patch(casePath).header("If-Match", caseTag), "{\"transition\":\"OPEN\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("OPEN"));
    api(colleague, patch(casePath).header("If-Match", caseTag), "{\"transition\":\"CLOSE\"}")
        .andExpect(status().isPreconditionFailed());
    api(colleague, patch(casePath), "{\"transition\":\"CLOSE\"}")
        .andExpect(status().isPreconditionFailed());
    api(worker, get(casePath), null).andExpect(jsonPath("$.status").value("OPEN"));
  }

  JsonNode move(String casePath, String transition) throws Exception {
    String tag = etag(worker, casePath);
    return read(
        api(
                worker,
                patch(casePath).header("If-Match", tag),
                "CLOSE".equals(transition)
                    ? "{\"transition\":\"CLOSE\",\"closureReason\":\"GOALS_MET\"}"
                    : "{\"transition\":\"" + transition + "\"}")
            .andExpect(status().isOk())
            .andReturn());
  }

  @Test
  void assistance_runs_from_registration_to_closure_with_cooperation_declined() throws Exception {
    JsonNode created =
        register(
            worker,
            person(
                "Nadia",
                "Declined",
                "1993-02-02",
                "\"controlMethods\":[\"DebtBondage\",\"WithholdsDocuments\"],"
                    + "\"exploitationTypes\":[\"FORCED_LABOUR\"],"
                    + "\"industry\":\"F_Construction\",\"recruitmentMethods\":[\"AtWork\"],"
                    + "\"recruitmentCity\":\"Ketra\",\"recruitmentCountry\":\"XA\","
                    + "\"journey\":[{\"type\":\"RECRUITMENT\",\"city\":\"Ketra\",\"country\":\"XA\","
                    + "\"date\":\"2025-01-10\"},{\"type\":\"EXPLOITATION\",\"city\":\"Harbour City\","
                    + "\"country\":\"XC\"}]"));
    String casePath = "/api/v1/cases/" + created.get("caseId").asString();
    // Cooperation is recorded on the case's one record (issue #12 §2), not on the person.
    api(worker, post(casePath + "/cooperation"), "{\"status\":\"DECLINED\"}")
        .andExpect(status().isOk());
    api(worker, get(casePath + "/residence"), null)
        .andExpect(jsonPath("$.cooperation").value("DECLINED"));
    api(worker, get(casePath), null)
        .andExpect(jsonPath("$.status").value("IDENTIFIED"))
        .andExpect(jsonPath("$.person.cooperation").doesNotExist())
        .andExpect(jsonPath("$.person.industry").value("F_Construction"))
        .andExpect(jsonPath("$.person.journey[1].country").value("XC"));
    for (String t : List.of("OPEN", "START_ASSESSMENT", "PLAN_SUPPORT", "DELIVER_SERVICES")) {
      move(casePath, t);
    }
    // Closing needs a reason (issue 14 item 10): without one nothing changes.
    api(
            worker,
            patch(casePath).header("If-Match", etag(worker, casePath)),
            "{\"transition\":\"CLOSE\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("closureReason"));
    JsonNode closed = move(casePath, "CLOSE");
    assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("closureReason").asString()).isEqualTo("GOALS_MET");
    String tag = etag(worker, casePath);
    api(worker, patch(casePath).header("If-Match", tag), "{\"transition\":\"PLAN_SUPPORT\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("ILLEGAL_TRANSITION"));
    assertThat(move(casePath, "REOPEN").get("status").asString()).isEqualTo("OPEN");
    JsonNode timeline = read(api(worker, get(casePath + "/timeline"), null).andReturn());
    List<String> kinds =
        timeline.get("items").valueStream().map(e -> e.get("kind").asString()).toList();
    assertThat(kinds)
        .containsSubsequence(
            "case.registered",
            "case.status.open",
            "case.status.assessment",
            "case.status.supportPlan",
            "case.status.services",
            "case.status.closed",
            "case.status.open");
  }

  @Test
  void a_person_body_that_still_carries_cooperation_is_refused_and_points_to_the_case()
      throws Exception {
    api(
            worker,
            post("/api/v1/persons"),
            person(
                "Rim",
                "Coop" + UUID.randomUUID().toString().substring(0, 6),
                null,
                "\"cooperation\":\"DECLINED\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("cooperation"))
        .andExpect(jsonPath("$.reason").value("COOPERATION_RECORDED_ON_CASE"));
  }

  @Test
  void children_and_persons_whose_age_is_disputed_are_flagged_and_filtered() throws Exception {
    String tag = "Kid" + UUID.randomUUID().toString().substring(0, 6);
    String minorBirth = LocalDate.now().minusYears(15).toString();
    JsonNode minor = register(worker, person("Omar", tag, minorBirth, null));
    JsonNode disputed = register(worker, person("Ali", tag, "1999-01-01", "\"ageDisputed\":true"));
    JsonNode adult = register(worker, person("Samir", tag, "1990-01-01", null));
    api(worker, get("/api/v1/cases/" + minor.get("caseId").asString()), null)
        .andExpect(jsonPath("$.child").value(true));
    api(worker, get("/api/v1/cases/" + disputed.get("caseId").asString()), null)
        .andExpect(jsonPath("$.child").value(true));
    api(worker, get("/api/v1/cases/" + adult.get("caseId").asString()), null)
        .andExpect(jsonPath("$.child").value(false));
    JsonNode children =
        read(
            api(worker, get("/api/v1/cases").param("child", "true").param("size", "200"), null)
                .andExpect(status().isOk())
                .andReturn());
    List<String> refs =
        children.get("items").valueStream().map(i -> i.get("reference").asString()).toList();
    assertThat(refs)
        .contains(minor.get("reference").asString(), disputed.get("reference").asString())
        .doesNotContain(adult.get("reference").asString());
  }

  @Test
  void tasks_past_due_show_on_the_overdue_dashboard_until_done_and_assignment_filters()
      throws Exception {
    JsonNode created = register(worker, person("Rana", "Tasks", "1992-02-02", null));
    String caseId = created.get("caseId").asString();
    JsonNode task =
        read(
            api(
                    worker,
                    post("/api/v1/cases/" + caseId + "/tasks"),
                    "{\"title\":\"Book a medical check\",\"dueOn\":\""
                        + LocalDate.now().minusDays(2)
                        + "\"}")
                .andExpect(status().isCreated())
                .andReturn());
    String taskId = task.get("id").asString();
    api(worker, get("/api/v1/tasks/overdue"), null)
        .andExpect(jsonPath("$.items[?(@.id == '" + taskId + "')]").exists());
    api(worker, get("/api/v1/cases").param("overdue", "true").param("size", "200"), null)
        .andExpect(jsonPath("$.items[?(@.id == '" + caseId + "')]").exists());
    api(stranger, get("/api/v1/tasks/overdue"), null)
        .andExpect(jsonPath("$.items[?(@.id == '" + taskId + "')]").doesNotExist());
    api(worker, post("/api/v1/cases/" + caseId + "/tasks/" + taskId + "/completion"), null)
        .andExpect(status().isNoContent());
    api(worker, get("/api/v1/tasks/overdue"), null)
        .andExpect(jsonPath("$.items[?(@.id == '" + taskId + "')]").doesNotExist());

    String casePath = "/api/v1/cases/" + caseId;
    api(
            worker,
            patch(casePath).header("If-Match", etag(worker, casePath)),
            "{\"assignedTo\":\"" + colleague.id() + "\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignedTo.username").value(colleague.username()));
    api(colleague, get("/api/v1/cases").param("assignedToMe", "true"), null)
        .andExpect(jsonPath("$.items[?(@.id == '" + caseId + "')]").exists());
    api(worker, get("/api/v1/cases").param("assignedToMe", "true"), null)
        .andExpect(jsonPath("$.items[?(@.id == '" + caseId + "')]").doesNotExist());
    api(
            worker,
            patch(casePath).header("If-Match", etag(worker, casePath)),
            "{\"assignedTo\":\"" + stranger.id() + "\"}")
        .andExpect(status().isBadRequest());
    api(
            worker,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                casePath + "/focal-points/" + colleague.id()),
            null)
        .andExpect(status().isNoContent());
    api(worker, get(casePath), null)
        .andExpect(jsonPath("$.focalPoints[0].username").value(colleague.username()));
  }

  @Test
  void a_name_search_in_the_list_matches_across_scripts() throws Exception {
    String family = "Zq" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "x");
    JsonNode created = register(worker, person("يوسف", family, null, null));
    api(worker, get("/api/v1/persons").param("name", "Yusuf " + family), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].caseId").value(created.get("caseId").asString()))
        .andExpect(jsonPath("$.items[0].givenName").value("يوسف"));
    api(stranger, get("/api/v1/persons").param("name", "Yusuf " + family), null)
        .andExpect(jsonPath("$.totalItems").value(0));
  }

  @Test
  void totals_count_every_match_of_every_filter_even_on_a_page_past_the_end() throws Exception {
    String family = "Qv" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "z");
    register(worker, person("Amina", family, "1990-03-03", null));
    register(worker, person("Bilal", family, "1985-04-04", null));
    JsonNode chosen = register(worker, person("Chadi", family, "1979-05-05", null));
    register(worker, person("Dina", family, LocalDate.now().minusYears(12).toString(), null));

    // The worker's agency is new: its four cases, whatever the page.
    api(worker, get("/api/v1/cases").param("size", "1"), null)
        .andExpect(jsonPath("$.totalItems").value(4))
        .andExpect(jsonPath("$.totalPages").value(4))
        .andExpect(jsonPath("$.items.length()").value(1));
    api(worker, get("/api/v1/persons").param("name", family).param("size", "3"), null)
        .andExpect(jsonPath("$.totalItems").value(4))
        .andExpect(jsonPath("$.totalPages").value(2))
        .andExpect(jsonPath("$.items.length()").value(3));
    api(
            worker,
            get("/api/v1/persons").param("name", family).param("size", "3").param("page", "7"),
            null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(4))
        .andExpect(jsonPath("$.items.length()").value(0));
    api(
            worker,
            get("/api/v1/cases")
                .param("name", family)
                .param("child", "false")
                .param("status", "IDENTIFIED")
                .param("size", "2"),
            null)
        .andExpect(jsonPath("$.totalItems").value(3))
        .andExpect(jsonPath("$.items.length()").value(2));
    // Every word of the query must match: the given name narrows the family to one person.
    api(worker, get("/api/v1/cases").param("name", "Chadi " + family), null)
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].id").value(chosen.get("caseId").asString()));
    api(worker, get("/api/v1/cases").param("name", chosen.get("reference").asString()), null)
        .andExpect(jsonPath("$.totalItems").value(1));
    api(stranger, get("/api/v1/persons").param("name", family), null)
        .andExpect(jsonPath("$.totalItems").value(0))
        .andExpect(jsonPath("$.items.length()").value(0));
  }

  @Test
  void the_name_search_follows_a_name_correction_and_a_transfer_to_another_agency()
      throws Exception {
    String before = "Kx" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "w");
    String after = "Jy" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "v");
    JsonNode created = register(worker, person("Leila", before, "1992-02-02", null));
    String path = "/api/v1/persons/" + created.get("personId").asString();
    api(
            worker,
            put(path).header("If-Match", etag(worker, path)),
            person("Leila", after, null, null))
        .andExpect(status().isOk());
    api(worker, get("/api/v1/persons").param("name", before), null)
        .andExpect(jsonPath("$.totalItems").value(0));
    api(worker, get("/api/v1/persons").param("name", "Leila " + after), null)
        .andExpect(jsonPath("$.totalItems").value(1));

    // After a transfer only the new owner finds the case by name (V18 keys tokens by the owner).
    ownership.transfer(
        UUID.fromString(created.get("caseId").asString()),
        stranger.agency().id(),
        ScreeningFixtures.principal(worker, Role.CASEWORKER),
        java.util.EnumSet.allOf(org.palermo.app.access.FieldGroup.class));
    api(worker, get("/api/v1/persons").param("name", after), null)
        .andExpect(jsonPath("$.totalItems").value(0));
    api(stranger, get("/api/v1/persons").param("name", after), null)
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].caseId").value(created.get("caseId").asString()));
  }
}

package org.palermo.app.cases;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.palermo.app.LoweredLimitsIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/** With {@code palermo.cases.approval-required=CLOSE}, closing waits for a case supervisor. */
@LoweredLimitsIntegrationTest
class CaseApprovalIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;

  ResultActions api(TestUser user, MockHttpServletRequestBuilder request, String body)
      throws Exception {
    request.header("Authorization", "Bearer " + accounts.token(user));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  String etag(TestUser user, String path) throws Exception {
    return api(user, get(path), null).andReturn().getResponse().getHeader("ETag");
  }

  @Test
  void closing_waits_for_another_supervisor_who_approves_or_rejects() throws Exception {
    TestUser worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser supervisor = accounts.user(worker.agency(), Role.CASE_SUPERVISOR);
    String created =
        api(worker, post("/api/v1/persons"), CasesApiIT.person("Hana", "Approval", null, null))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String casePath =
        "/api/v1/cases/" + JsonMapper.builder().build().readTree(created).get("caseId").asString();
    api(
            worker,
            patch(casePath).header("If-Match", etag(worker, casePath)),
            "{\"transition\":\"OPEN\"}")
        .andExpect(jsonPath("$.status").value("OPEN"));
    api(
            worker,
            patch(casePath).header("If-Match", etag(worker, casePath)),
            "{\"transition\":\"CLOSE\",\"closureReason\":\"GOALS_MET\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.pendingTransition").value("CLOSE"));
    api(
            worker,
            post(casePath + "/decision").header("If-Match", etag(worker, casePath)),
            "{\"approve\":true}")
        .andExpect(status().isForbidden());
    api(
            worker,
            patch(casePath).header("If-Match", etag(worker, casePath)),
            "{\"transition\":\"START_ASSESSMENT\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("TRANSITION_PENDING"));
    api(
            supervisor,
            post(casePath + "/decision").header("If-Match", etag(supervisor, casePath)),
            "{\"approve\":false}")
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.pendingTransition").doesNotExist());
    api(
            supervisor,
            patch(casePath).header("If-Match", etag(supervisor, casePath)),
            "{\"transition\":\"CLOSE\",\"closureReason\":\"GOALS_MET\"}")
        .andExpect(jsonPath("$.pendingTransition").value("CLOSE"));
    api(
            supervisor,
            post(casePath + "/decision").header("If-Match", etag(supervisor, casePath)),
            "{\"approve\":true}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("SELF_APPROVAL"));
    TestUser second = accounts.user(worker.agency(), Role.CASE_SUPERVISOR);
    api(
            second,
            post(casePath + "/decision").header("If-Match", etag(second, casePath)),
            "{\"approve\":true}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"));
  }
}

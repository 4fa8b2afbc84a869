package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Disclosures and break-the-glass through the real API, pages and database, and the firewall on
 * those paths: a refusal to an enforcement user is byte-for-byte the answer for a case that does
 * not exist.
 */
@PalermoIntegrationTest
class DisclosuresAndBreakGlassIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired AccessPolicy policy;
  @Autowired Disclosures disclosures;

  TestUser caseworker;
  TestUser police;
  TestUser immigration;
  TestUser childOfficer;
  UUID caseId;

  @BeforeEach
  void aCaseOfAShelter() {
    caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    police = accounts.user(AgencyType.LAW_ENFORCEMENT, Role.INVESTIGATOR);
    immigration = accounts.user(AgencyType.IMMIGRATION_ENFORCEMENT, Role.FRONTLINE_OFFICER);
    childOfficer = accounts.user(AgencyType.CHILD_PROTECTION, Role.CHILD_PROTECTION_OFFICER);
    String ref =
        records.register(
            new CaseRecords.NewPersonCase(
                "Amina",
                "Test",
                null,
                false,
                null,
                List.of(),
                List.of(),
                LegalBasis.CONSENT,
                "assistance",
                caseworker.agency().id(),
                CaseStatus.OPEN,
                Instant.now(),
                true,
                null,
                null,
                null,
                null));
    caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(ref)
            .query(UUID.class)
            .single();
  }

  PalermoPrincipal principal(TestUser u, Role role) {
    return ScreeningFixtures.principal(u, role);
  }

  MvcResult api(TestUser u, String method, String path, String body) throws Exception {
    var req = method.equals("GET") ? get(path) : post(path);
    req.header("Authorization", "Bearer " + accounts.token(u));
    if (body != null) {
      req.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(req).andReturn();
  }

  String disclosureJson(UUID to, String groups, String consent) {
    return """
        {"toAgencyId":"%s","groups":[%s],"purpose":"CRIMINAL_JUSTICE",
         "purposeDetail":"statement for the prosecution","consentReference":"%s",
         "expiresAt":"%s"}"""
        .formatted(to, groups, consent, Instant.now().plus(30, ChronoUnit.DAYS));
  }

  @Test
  void a_disclosure_gives_law_enforcement_exactly_the_disclosed_groups_until_revoked()
      throws Exception {
    PalermoPrincipal cop = principal(police, Role.INVESTIGATOR);
    assertThat(policy.groups(cop, caseId, Access.READ)).isEmpty();

    MvcResult created =
        api(
            caseworker,
            "POST",
            "/api/v1/cases/" + caseId + "/disclosures",
            disclosureJson(police.agency().id(), "\"IDENTITY\"", "CONSENT-2026-001"));
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
    assertThat(policy.groups(cop, caseId, Access.READ)).containsExactly(FieldGroup.IDENTITY);
    assertThat(policy.relationships(cop, caseId)).contains(Relationship.DISCLOSURE_RECIPIENT);
    assertThat(policy.groups(cop, caseId, Access.WRITE)).isEmpty();

    MvcResult listed = api(caseworker, "GET", "/api/v1/cases/" + caseId + "/disclosures", null);
    assertThat(listed.getResponse().getContentAsString())
        .contains("CONSENT-2026-001")
        .contains(police.agency().name());
    assertThat(audits("access.disclosure.create")).isEqualTo(1);

    UUID id = disclosures.list(principal(caseworker, Role.CASEWORKER), caseId).get(0).id();
    MvcResult revoked =
        api(
            caseworker,
            "POST",
            "/api/v1/cases/" + caseId + "/disclosures/" + id + "/revoke",
            "{\"consentReference\":\"WITHDRAWN-1\"}");
    assertThat(revoked.getResponse().getStatus()).isEqualTo(204);
    assertThat(policy.groups(cop, caseId, Access.READ)).isEmpty();
    assertThat(audits("access.disclosure.revoke")).isEqualTo(1);
  }

  @Test
  void nothing_is_disclosed_to_immigration_enforcement_and_consent_is_required() throws Exception {
    MvcResult toImmigration =
        api(
            caseworker,
            "POST",
            "/api/v1/cases/" + caseId + "/disclosures",
            disclosureJson(immigration.agency().id(), "\"IDENTITY\"", "C-1"));
    assertThat(toImmigration.getResponse().getStatus()).isEqualTo(400);
    MvcResult noConsent =
        api(
            caseworker,
            "POST",
            "/api/v1/cases/" + caseId + "/disclosures",
            disclosureJson(police.agency().id(), "\"IDENTITY\"", " "));
    assertThat(noConsent.getResponse().getStatus()).isEqualTo(400);
    assertThat(noConsent.getResponse().getContentAsString()).contains("consentReference");
  }

  @Test
  void nothing_of_a_refugee_is_disclosed_to_a_consulate() throws Exception {
    var consulate = accounts.agency(AgencyType.CONSULATE);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, caseworker);
    assertThat(
            mvc.perform(get("/cases/" + caseId + "/disclosures").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(consulate.name());
    jdbc.sql(
            "UPDATE person SET protection_status = 'REFUGEE'"
                + " WHERE id = (SELECT person_id FROM case_file WHERE id = ?)")
        .param(caseId)
        .update();
    MvcResult refused =
        api(
            caseworker,
            "POST",
            "/api/v1/cases/" + caseId + "/disclosures",
            disclosureJson(consulate.id(), "\"IDENTITY\"", "C-1"));
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentAsString())
        .contains("RECIPIENT_CONSULAR")
        .contains("2013/32/EU art. 30");
    assertThat(disclosures.list(principal(caseworker, Role.CASEWORKER), caseId)).isEmpty();
    assertThat(
            mvc.perform(get("/cases/" + caseId + "/disclosures").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain(consulate.name());
    // Nor does a consular supervisor break the glass on the case.
    TestUser consul = accounts.user(consulate, Role.CASE_SUPERVISOR);
    MvcResult glass =
        api(
            consul,
            "POST",
            "/api/v1/cases/" + caseId + "/break-glass",
            "{\"reason\":\"Consular welfare check on a national\"}");
    assertThat(glass.getResponse().getStatus()).isEqualTo(409);
    assertThat(glass.getResponse().getContentAsString()).contains("RECIPIENT_CONSULAR");
    assertThat(policy.groups(principal(consul, Role.CASE_SUPERVISOR), caseId, Access.READ))
        .isEmpty();
  }

  @Test
  void enforcement_refusals_look_exactly_like_a_case_that_does_not_exist() throws Exception {
    UUID nowhere = UUID.randomUUID();
    long deniedBefore = denied();
    for (TestUser u : List.of(police, immigration)) {
      for (String suffix : List.of("/disclosures")) {
        MvcResult real = api(u, "GET", "/api/v1/cases/" + caseId + suffix, null);
        MvcResult none = api(u, "GET", "/api/v1/cases/" + nowhere + suffix, null);
        assertThat(real.getResponse().getStatus()).isEqualTo(404);
        assertThat(normalise(real, caseId)).isEqualTo(normalise(none, nowhere));
      }
      MvcResult real =
          api(u, "POST", "/api/v1/cases/" + caseId + "/break-glass", "{\"reason\":\"x\"}");
      MvcResult none =
          api(u, "POST", "/api/v1/cases/" + nowhere + "/break-glass", "{\"reason\":\"x\"}");
      assertThat(real.getResponse().getStatus()).isEqualTo(404);
      assertThat(normalise(real, caseId)).isEqualTo(normalise(none, nowhere));
      MockHttpSession session = ScreeningFixtures.signIn(mvc, u);
      int page =
          mvc.perform(get("/cases/" + caseId + "/disclosures").session(session))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(page).isEqualTo(404);
    }
    // Every refusal is audited, for the real case and for the made-up one alike.
    assertThat(denied() - deniedBefore).isGreaterThanOrEqualTo(8);
  }

  long denied() {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action LIKE 'access.%' AND outcome = 'DENIED'")
        .query(Long.class)
        .single();
  }

  @Test
  void break_the_glass_needs_a_reason_lasts_three_hours_and_tells_the_owner() throws Exception {
    PalermoPrincipal cpo = principal(childOfficer, Role.CHILD_PROTECTION_OFFICER);
    assertThat(policy.groups(cpo, caseId, Access.READ)).isEmpty();
    MvcResult noReason =
        api(childOfficer, "POST", "/api/v1/cases/" + caseId + "/break-glass", "{\"reason\":\"\"}");
    assertThat(noReason.getResponse().getStatus()).isEqualTo(400);

    MvcResult granted =
        api(
            childOfficer,
            "POST",
            "/api/v1/cases/" + caseId + "/break-glass",
            "{\"reason\":\"Child reported missing from the shelter tonight\"}");
    assertThat(granted.getResponse().getStatus()).isEqualTo(201);
    assertThat(policy.groups(cpo, caseId, Access.READ)).isEqualTo(EnumSet.allOf(FieldGroup.class));
    assertThat(policy.groups(cpo, caseId, Access.WRITE)).isEmpty();
    Instant[] window =
        jdbc.sql("SELECT started_at, expires_at FROM break_glass WHERE case_id = ?")
            .param(caseId)
            .query(
                (rs, n) ->
                    new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()})
            .single();
    assertThat(window[1]).isEqualTo(window[0].plus(3, ChronoUnit.HOURS));
    assertThat(audits("access.break-glass")).isEqualTo(1);

    MvcResult notices = api(caseworker, "GET", "/api/v1/notifications", null);
    assertThat(notices.getResponse().getContentAsString())
        .contains("breakGlass")
        .contains(caseId.toString());
    MockHttpSession session = ScreeningFixtures.signIn(mvc, caseworker);
    String page =
        mvc.perform(get("/notifications").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(childOfficer.agency().name());

    // When the time is up the relationship is gone.
    jdbc.sql("UPDATE break_glass SET expires_at = started_at WHERE case_id = ?")
        .param(caseId)
        .update();
    assertThat(policy.relationships(cpo, caseId)).doesNotContain(Relationship.BREAK_THE_GLASS);
    assertThat(policy.groups(cpo, caseId, Access.READ)).isEmpty();
  }

  @Test
  void a_caseworker_cannot_break_the_glass() throws Exception {
    TestUser other = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MvcResult r =
        api(
            other,
            "POST",
            "/api/v1/cases/" + caseId + "/break-glass",
            "{\"reason\":\"I would like to see it please\"}");
    assertThat(r.getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void the_disclosure_page_records_a_disclosure_without_javascript() throws Exception {
    MockHttpSession session = ScreeningFixtures.signIn(mvc, caseworker);
    String form =
        mvc.perform(get("/cases/" + caseId + "/disclosures").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("name=\"consentReference\"")
        .doesNotContain(immigration.agency().name());
    MvcResult posted =
        mvc.perform(
                post("/cases/" + caseId + "/disclosures")
                    .session(session)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .param("toAgencyId", police.agency().id().toString())
                    .param("groups", "IDENTITY", "CONTACT")
                    .param("purpose", "CRIMINAL_JUSTICE")
                    .param("consentReference", "FORM-7")
                    .param("expiresOn", java.time.LocalDate.now().plusDays(10).toString()))
            .andReturn();
    assertThat(posted.getResponse().getRedirectedUrl()).endsWith("/disclosures?done=created");
    assertThat(policy.groups(principal(police, Role.INVESTIGATOR), caseId, Access.READ))
        .isEqualTo(Set.of(FieldGroup.IDENTITY, FieldGroup.CONTACT));
  }

  long audits(String action) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND target = ?")
        .params(action, "case:" + caseId)
        .query(Long.class)
        .single();
  }

  static String normalise(MvcResult r, UUID id) throws Exception {
    return r.getResponse().getContentAsString().replace(id.toString(), "{id}");
  }
}

package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.app.referral.ReferralFixtures.consentJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 13 §2: a competent authority is classified by its function. One that sits in the police or
 * in immigration is held behind the assistance–enforcement firewall like the police or immigration
 * (SECURITY.md rule 3; UN A/HRC/26/37): it cannot break the glass, receive a referral or find a
 * person of another agency's case, and learns nothing of the case's existence; an independent
 * competent authority still can break the glass.
 */
@PalermoIntegrationTest
class AgencyFunctionIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired Accounts agencies;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired org.palermo.app.identification.ScreeningFixtures screenings;

  UUID caseId;
  TestUser owner;
  String given;

  @BeforeEach
  void aCaseOfAServiceProvider() {
    owner = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    given = "Orlaith" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "q");
    String reference =
        records.register(
            CaseFixtures.openCase(
                given, "Vantrell", LocalDate.of(1990, 1, 9), owner.agency().id()));
    caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(reference)
            .query(UUID.class)
            .single();
  }

  TestUser authorityOfficer(AgencyType sitsIn) {
    Agency a =
        agencies.addAgency(
            "Test authority " + UUID.randomUUID(),
            AgencyType.COMPETENT_AUTHORITY,
            sitsIn,
            "XC",
            "t");
    return accounts.user(a, Role.COMPETENT_AUTHORITY_OFFICER);
  }

  MvcResult send(TestUser u, String method, String path, String json) throws Exception {
    var req = method.equals("POST") ? post(path) : get(path);
    if (json != null) {
      req = req.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(req.header("Authorization", "Bearer " + accounts.token(u))).andReturn();
  }

  @Test
  void the_agency_records_where_it_sits_and_its_users_carry_that_function() {
    TestUser police = authorityOfficer(AgencyType.LAW_ENFORCEMENT);
    Agency stored = agencies.agencyByName(police.agency().name()).orElseThrow();
    assertThat(stored.type()).isEqualTo(AgencyType.COMPETENT_AUTHORITY);
    assertThat(stored.sitsIn()).isEqualTo(AgencyType.LAW_ENFORCEMENT);
    assertThat(stored.function()).isEqualTo(AgencyType.LAW_ENFORCEMENT);
    assertThat(agencies.principal(police.id()).orElseThrow().function())
        .isEqualTo(AgencyType.LAW_ENFORCEMENT);
    assertThat(agencies.principal(authorityOfficer(null).id()).orElseThrow().function())
        .isEqualTo(AgencyType.COMPETENT_AUTHORITY);
  }

  @Test
  void a_competent_authority_in_the_police_or_immigration_is_behind_the_firewall()
      throws Exception {
    for (AgencyType body :
        new AgencyType[] {AgencyType.LAW_ENFORCEMENT, AgencyType.IMMIGRATION_ENFORCEMENT}) {
      TestUser officer = authorityOfficer(body);
      MvcResult glass =
          send(
              officer,
              "POST",
              "/api/v1/cases/" + caseId + "/break-glass",
              "{\"reason\":\"We need to see this case now\"}");
      // The same answer as for a case that does not exist.
      MvcResult nowhere =
          send(
              officer,
              "POST",
              "/api/v1/cases/" + UUID.randomUUID() + "/break-glass",
              "{\"reason\":\"We need to see this case now\"}");
      assertThat(glass.getResponse().getStatus()).as(body.name()).isEqualTo(404);
      assertThat(nowhere.getResponse().getStatus()).isEqualTo(404);
      assertThat(send(officer, "GET", "/api/v1/cases/" + caseId, null).getResponse().getStatus())
          .isEqualTo(404);
      String matches =
          send(officer, "GET", "/api/v1/persons/matches?name=" + given + "%20Vantrell", null)
              .getResponse()
              .getContentAsString();
      assertThat(matches.replace(given + " Vantrell", "")).doesNotContain("1990-01-09");
      // No referral of a person's data goes to it.
      MvcResult referral =
          send(
              owner,
              "POST",
              "/api/v1/referrals",
              """
              {"caseId": "%s", "toAgencyId": "%s", "serviceType": "LEGAL_AID",
               "scope": ["IDENTITY"], "note": "x", %s}"""
                  .formatted(caseId, officer.agency().id(), consentJson()));
      assertThat(referral.getResponse().getStatus()).isEqualTo(409);
      assertThat(referral.getResponse().getContentAsString()).contains("RECIPIENT_ENFORCEMENT");
    }
  }

  String referScreening(UUID screening, UUID authority) throws Exception {
    MvcResult r =
        send(
            owner,
            "POST",
            "/api/v1/screenings/" + screening + "/referral",
            "{\"authorityAgencyId\":\""
                + authority
                + "\",\"consent\":{\"givenAt\":\"2026-01-01T10:00:00Z\",\"interpreterUsed\":false}}");
    return r.getResponse().getStatus() + " " + r.getResponse().getContentAsString();
  }

  /**
   * Red-team re-test of issue 11: a competent authority that sits in immigration or the police
   * receives no screening for identification and reads none, even one referred to it before it was
   * placed in enforcement; the same 404 as for a screening that does not exist.
   */
  @Test
  void a_competent_authority_in_enforcement_receives_and_reads_no_screening() throws Exception {
    String reference =
        jdbc.sql("SELECT reference FROM case_file WHERE id = ?")
            .param(caseId)
            .query(String.class)
            .single();
    for (AgencyType body :
        new AgencyType[] {AgencyType.LAW_ENFORCEMENT, AgencyType.IMMIGRATION_ENFORCEMENT}) {
      TestUser officer = authorityOfficer(body);
      UUID screening =
          screenings.completedScreening(agencies.principal(owner.id()).orElseThrow(), reference);
      assertThat(referScreening(screening, officer.agency().id()))
          .as(body.name())
          .startsWith("400");
      assertThat(
              send(officer, "GET", "/api/v1/screenings/" + screening, null)
                  .getResponse()
                  .getStatus())
          .isEqualTo(404);

      // Referred to an independent authority that is then placed in enforcement.
      TestUser later = authorityOfficer(null);
      UUID referred =
          screenings.completedScreening(agencies.principal(owner.id()).orElseThrow(), reference);
      assertThat(referScreening(referred, later.agency().id())).startsWith("201");
      assertThat(
              send(later, "GET", "/api/v1/screenings/" + referred, null).getResponse().getStatus())
          .isEqualTo(200);
      jdbc.sql("UPDATE agency SET sits_in = ? WHERE id = ?")
          .param(body.name())
          .param(later.agency().id())
          .update();
      MvcResult read = send(later, "GET", "/api/v1/screenings/" + referred, null);
      assertThat(read.getResponse().getStatus()).as(body.name()).isEqualTo(404);
      assertThat(read.getResponse().getContentAsString()).doesNotContain(reference);
    }
  }

  /**
   * Red-team re-test of issue 11: the agency's function decides the statistics first. A user of an
   * enforcement agency who holds STATISTICIAN (given before the rule below, or by the database)
   * sees suppressed figures and no victim-level export; and no such role is granted to one.
   */
  @Test
  void an_enforcement_user_never_sees_exact_statistics_whatever_the_role() throws Exception {
    for (AgencyType body :
        new AgencyType[] {AgencyType.LAW_ENFORCEMENT, AgencyType.IMMIGRATION_ENFORCEMENT}) {
      Agency police = accounts.agency(body);
      // A role already held (granted before this rule, or in the database) widens nothing.
      TestUser officer = accounts.user(police, Role.INVESTIGATOR);
      for (String role : new String[] {"STATISTICIAN", "NATIONAL_COORDINATOR"}) {
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)")
            .param(officer.id())
            .param(role)
            .update();
      }
      var session = org.palermo.app.identification.ScreeningFixtures.signIn(mvc, officer);
      MvcResult htcds =
          mvc.perform(get("/statistics/htcds").param("format", "csv").session(session)).andReturn();
      assertThat(htcds.getResponse().getStatus()).as(body.name()).isEqualTo(403);
    }
  }

  @Test
  void an_independent_competent_authority_may_still_break_the_glass() throws Exception {
    TestUser officer = authorityOfficer(null);
    MvcResult glass =
        send(
            officer,
            "POST",
            "/api/v1/cases/" + caseId + "/break-glass",
            "{\"reason\":\"Identification deadline missed for this person\"}");
    assertThat(glass.getResponse().getStatus()).isEqualTo(201);
    assertThat(send(officer, "GET", "/api/v1/cases/" + caseId, null).getResponse().getStatus())
        .isEqualTo(200);
  }
}

package org.palermo.app.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.protection.ChildSafeguards.BestInterestsCommand;
import org.palermo.app.cases.protection.ChildSafeguards.GuardianCommand;
import org.palermo.app.cases.protection.ChildSafeguards.Kind;
import org.palermo.app.cases.protection.Returns.RiskCommand;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Links between persons and non-punishment (issue 13 §§3–4), through the real API, pages and
 * database: no child is returned to, or placed with, a parent linked as a suspected exploiter; a
 * possible victim of trafficking who is a suspect shows the non-punishment flag, and the notice is
 * produced only with consent, in the language chosen for its reader.
 */
@PalermoIntegrationTest
class SafeguardsIT {
  static final LocalDate TODAY = LocalDate.now();

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired ChildSafeguards children;
  @Autowired Returns returns;
  @Autowired JdbcClient jdbc;
  @Autowired org.palermo.app.cases.TraffickingStatuses statuses;

  Actor worker;

  @BeforeEach
  void aCaseworker() {
    worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
  }

  ResultActions postJson(Actor who, String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .header("Authorization", who.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void a_child_is_not_returned_to_or_placed_with_a_parent_linked_as_suspected_exploiter()
      throws Exception {
    UUID child = fixtures.childCase(worker.agency(), false);
    // Living with the family: no guardian is needed yet, and none is flagged missing.
    assertThat(children.view(worker.principal(), child).guardianMissing()).isFalse();
    postJson(
            worker,
            "/api/v1/cases/" + child + "/links",
            """
            {"kind": "SUSPECTED_EXPLOITER", "name": "Karl Stepfather", "parentOrCaregiver": true}""")
        .andExpect(status().isCreated());
    // Exploited by a caregiver: a guardian is needed whatever the migration status.
    assertThat(children.view(worker.principal(), child).exploitedByParentOrCaregiver()).isTrue();
    assertThat(children.view(worker.principal(), child).guardianMissing()).isTrue();
    // Nor is the suspected exploiter appointed guardian.
    assertThatThrownBy(
            () ->
                children.appointGuardian(
                    worker.principal(),
                    child,
                    new GuardianCommand(" karl stepfather ", "", "Family court", TODAY)))
        .isInstanceOfSatisfying(
            PalermoException.class,
            e -> assertThat(e.properties()).containsEntry("reason", "LINKED_SUSPECTED_EXPLOITER"));
    children.appointGuardian(
        worker.principal(),
        child,
        new GuardianCommand("G. Guardian", "Guardianship NGO", "Family court", TODAY));
    assertThat(children.view(worker.principal(), child).guardianMissing()).isFalse();
    // Everything else a return needs is in place, with a determination for return.
    returns.assessRisk(
        worker.principal(),
        child,
        new RiskCommand("XA", TODAY, false, false, false, false, "UNHCR country guidance 2026"));
    children.recordBestInterests(
        worker.principal(),
        child,
        new BestInterestsCommand(Kind.ASSESSMENT, TODAY, "Officer", true, null, ""));
    // No determination reunites the child with the family while a caregiver is a suspected
    // exploiter (CRC GC 6 §§ 80–83).
    assertThatThrownBy(
            () ->
                children.recordBestInterests(
                    worker.principal(),
                    child,
                    new BestInterestsCommand(
                        Kind.DETERMINATION,
                        TODAY,
                        "BID panel",
                        true,
                        BestInterestsOutcome.RETURN_AND_FAMILY_REUNIFICATION,
                        "")))
        .isInstanceOfSatisfying(
            PalermoException.class,
            e -> assertThat(e.properties()).containsEntry("reason", "LINKED_SUSPECTED_EXPLOITER"));
    postJson(
            worker,
            "/api/v1/cases/" + child + "/returns",
            """
            {"kind": "ASSISTED_VOLUNTARY", "destinationCountry": "XA", "returnOn": "%s",
             "freeChoice": true, "informedDecision": true}"""
                .formatted(TODAY.plusDays(10)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("LINKED_SUSPECTED_EXPLOITER"));
    assertThat(fixtures.audits("protection.return", child, "FAILURE")).isEqualTo(1);
    // The links stay behind the firewall: the police read nothing of them.
    Actor police = fixtures.actor(accounts.agency(AgencyType.LAW_ENFORCEMENT), Role.INVESTIGATOR);
    mvc.perform(get("/api/v1/cases/" + child + "/links").header("Authorization", police.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/cases/" + child + "/links").header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].kind").value("SUSPECTED_EXPLOITER"))
        .andExpect(jsonPath("$[0].name").value("Karl Stepfather"));
  }

  @Test
  void a_linked_suspected_exploiter_is_not_appointed_guardian_under_another_spelling()
      throws Exception {
    UUID child = fixtures.childCase(worker.agency(), false);
    postJson(
            worker,
            "/api/v1/cases/" + child + "/links",
            """
            {"kind": "SUSPECTED_EXPLOITER", "name": "Omar Test", "parentOrCaregiver": true}""")
        .andExpect(status().isCreated());
    for (String spelling :
        new String[] {"Omar Test", "omar  test", "Omar Tést", "Test Omar", "OMAR TEST  ", "Omar"}) {
      postJson(
              worker,
              "/api/v1/cases/" + child + "/guardian",
              """
              {"guardianName": "%s", "authority": "Family court", "appointedOn": "%s"}"""
                  .formatted(spelling, TODAY))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.reason").value("LINKED_SUSPECTED_EXPLOITER"))
          .andExpect(jsonPath("$.detail").value(containsString("art. 14(2)")));
    }
    // Still no guardian in office: the alert stays up.
    assertThat(children.view(worker.principal(), child).guardians()).isEmpty();
    assertThat(children.view(worker.principal(), child).guardianMissing()).isTrue();
    assertThat(fixtures.audits("protection.guardian", child, "FAILURE")).isEqualTo(6);
    // Another person is appointed.
    postJson(
            worker,
            "/api/v1/cases/" + child + "/guardian",
            """
            {"guardianName": "Omar Smith", "authority": "Family court", "appointedOn": "%s"}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
    assertThat(children.view(worker.principal(), child).guardianMissing()).isFalse();
  }

  @Test
  void a_determination_cannot_reunite_a_child_with_a_caregiver_linked_as_suspected_exploiter()
      throws Exception {
    UUID child = fixtures.childCase(worker.agency(), false);
    postJson(
            worker,
            "/api/v1/cases/" + child + "/links",
            """
            {"kind": "SUSPECTED_EXPLOITER", "name": "Omar Test", "parentOrCaregiver": true}""")
        .andExpect(status().isCreated());
    postJson(
            worker,
            "/api/v1/cases/" + child + "/best-interests",
            """
            {"kind": "ASSESSMENT", "doneOn": "%s", "conductedBy": "Officer", "childHeard": true}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
    postJson(
            worker,
            "/api/v1/cases/" + child + "/best-interests",
            """
            {"kind": "DETERMINATION", "doneOn": "%s", "conductedBy": "BID panel", "childHeard": true,
             "outcome": "RETURN_AND_FAMILY_REUNIFICATION"}"""
                .formatted(TODAY))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("LINKED_SUSPECTED_EXPLOITER"))
        .andExpect(jsonPath("$.detail").value(containsString("CRC GC 6 §§ 80–83")));
    assertThat(children.view(worker.principal(), child).bestInterests()).hasSize(1);
    // A durable solution away from the family is still determined.
    postJson(
            worker,
            "/api/v1/cases/" + child + "/best-interests",
            """
            {"kind": "DETERMINATION", "doneOn": "%s", "conductedBy": "BID panel", "childHeard": true,
             "outcome": "LOCAL_INTEGRATION"}"""
                .formatted(TODAY))
        .andExpect(status().isCreated());
  }

  @Test
  void a_possible_victim_who_is_a_suspect_gets_the_flag_and_a_notice_only_with_consent()
      throws Exception {
    UUID adult = fixtures.adultCase(worker.agency(), "ar");
    String proceeding =
        """
        {"offence": "Cannabis cultivation", "stage": "CHARGED",
         "authority": "Harbour City prosecutor", "reportedBy": "LAWYER", "consent": %s}""";
    postJson(
            worker,
            "/api/v1/cases/" + adult + "/non-punishment/proceedings",
            proceeding.formatted(false))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("CONSENT_REQUIRED"));
    postJson(
            worker,
            "/api/v1/cases/" + adult + "/non-punishment/proceedings",
            proceeding.formatted(true))
        .andExpect(status().isCreated());
    // Not (yet) a possible victim: a proceeding alone raises no flag.
    mvc.perform(
            get("/api/v1/cases/" + adult + "/non-punishment")
                .header("Authorization", worker.bearer()))
        .andExpect(jsonPath("$.flag").value(false));
    String notice =
        """
        {"addressedTo": "PROSECUTOR", "language": "fr"%s}""";
    postJson(
            worker,
            "/api/v1/cases/" + adult + "/non-punishment/notice",
            notice.formatted(", \"consentBy\": \"THE_PERSON\""))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NO_NON_PUNISHMENT_FLAG"));

    // A screening linked to the case indicates trafficking: the derived status is indicated.
    statuses.screened(
        worker.principal(),
        adult,
        UUID.randomUUID(),
        "INDICATED",
        "NOT_INDICATED",
        java.time.Instant.now());
    mvc.perform(
            get("/api/v1/cases/" + adult + "/non-punishment")
                .header("Authorization", worker.bearer()))
        .andExpect(jsonPath("$.flag").value(true))
        .andExpect(jsonPath("$.proceedings[0].offence").value("Cannabis cultivation"));
    postJson(worker, "/api/v1/cases/" + adult + "/non-punishment/notice", notice.formatted(""))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("CONSENT_REQUIRED"));
    postJson(
            worker,
            "/api/v1/cases/" + adult + "/non-punishment/notice",
            notice.formatted(", \"consentBy\": \"THE_PERSON\""))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.personName").value("Amina Testperson"))
        .andExpect(jsonPath("$.language").value("fr"));

    // The page shows the flag, and the printable notice comes in the reader's language (Arabic,
    // right to left) whatever the user's own.
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(get("/cases/" + adult + "/non-punishment").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"non-punishment-flag\"")));
    mvc.perform(
            post("/cases/" + adult + "/non-punishment/notice")
                .session(session)
                .with(csrf())
                .param("addressedTo", "DEFENCE_LAWYER")
                .param("noticeLanguage", "ar")
                .param("consentBy", "THE_PERSON"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("lang=\"ar\" dir=\"rtl\"")))
        .andExpect(content().string(containsString("مذكرة عدم المعاقبة")))
        .andExpect(content().string(containsString("Cannabis cultivation")));
    assertThat(
            jdbc.sql("SELECT count(*) FROM non_punishment_notice WHERE case_id = ?")
                .param(adult)
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(fixtures.timeline(adult)).contains("protection.nonPunishmentNotice");
  }

  @Test
  void a_missing_child_alert_is_recorded_and_sent_to_the_agency_and_the_agencies_it_shares_with()
      throws Exception {
    UUID child = fixtures.childCase(worker.agency(), true);
    var shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    UUID shelter =
        fixtures.service(
            shelterAgency,
            "Missing-alert shelter",
            org.palermo.app.directory.ServiceType.SHELTER,
            java.util.List.of("fr"),
            45.0,
            12.0);
    postJson(
            worker,
            "/api/v1/referrals",
            """
            {"caseId": "%s", "serviceId": "%s", "scope": ["IDENTITY"],
             "bestInterestsConsideration": "Needs a safe bed tonight."}"""
                .formatted(child, shelter))
        .andExpect(status().isCreated());
    long before = notices(shelterAgency.id());
    postJson(
            worker,
            "/api/v1/cases/" + child + "/missing-alerts",
            """
            {"missingSince": "%s", "circumstances": "Left the shelter after a phone call."}"""
                .formatted(java.time.Instant.now().minusSeconds(3600)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.notifiedAgencies.length()").value(2));
    assertThat(notices(shelterAgency.id())).isEqualTo(before + 1);
    assertThat(notices(worker.agency().id())).isGreaterThanOrEqualTo(1);
    assertThat(fixtures.timeline(child)).contains("protection.missingChild");
    postJson(
            worker,
            "/api/v1/cases/" + child + "/missing-alerts",
            """
            {"missingSince": "%s"}"""
                .formatted(java.time.Instant.now().minusSeconds(60)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("ALERT_OPEN"));
    mvc.perform(
            get("/api/v1/cases/" + child + "/missing-alerts")
                .header("Authorization", worker.bearer()))
        .andExpect(jsonPath("$[0].circumstances").value("Left the shelter after a phone call."))
        .andExpect(jsonPath("$[0].foundAt").value(org.hamcrest.Matchers.nullValue()));
    postJson(worker, "/api/v1/cases/" + child + "/missing-alerts/found", "")
        .andExpect(status().isOk());
    assertThat(fixtures.timeline(child)).contains("protection.childFound");
  }

  long notices(UUID agency) {
    return jdbc.sql(
            "SELECT count(*) FROM notification WHERE agency_id = ? AND kind = 'missingChild'")
        .param(agency)
        .query(Long.class)
        .single();
  }
}

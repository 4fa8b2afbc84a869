package org.palermo.app.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.Refused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Formal identification through the API and the pages: referral, who may read and decide, the
 * recovery and reflection period that refuses a removal, letters in four languages.
 */
@PalermoIntegrationTest
class IdentificationWorkflowIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ScreeningFixtures fixtures;

  TestUser frontline;
  TestUser caseworker;
  TestUser officer;
  TestUser otherOfficer;
  Agency authority;
  UUID screening;

  @BeforeEach
  void referred() throws Exception {
    frontline = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    caseworker = accounts.user(frontline.agency(), Role.CASEWORKER);
    authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    officer = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    otherOfficer = accounts.user(AgencyType.COMPETENT_AUTHORITY, Role.COMPETENT_AUTHORITY_OFFICER);
    screening =
        fixtures.completedScreening(ScreeningFixtures.principal(frontline, Role.FRONTLINE_OFFICER));
    api(
            frontline,
            post("/api/v1/screenings/" + screening + "/referral"),
            "{\"authorityAgencyId\":\""
                + authority.id()
                + "\",\"consent\":{\"givenAt\":\"2026-01-01T10:00:00Z\",\"interpreterUsed\":false}}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage").value("AWAITING_REASONABLE_GROUNDS"));
  }

  ResultActions api(
      TestUser user,
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String body)
      throws Exception {
    request.header("Authorization", "Bearer " + accounts.token(user));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  String decision(String status) {
    return "{\"traffickingStatus\":\""
        + status
        + "\",\"decidedByOrg\":\"NonPoliceGovernmentalOrganization\",\"grounds\":\"Indicators"
        + " of deceptive recruitment and confiscated documents.\","
        + EVIDENCE
        + "}";
  }

  /** The evidence considered and the statement on credibility, as every decision records them. */
  static final String EVIDENCE =
      "\"evidence\":[\"PERSONS_ACCOUNT\",\"SUPPORT_PROVIDER_REPORT\"],"
          + "\"credibilityTraumaInformed\":true";

  static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder withEvidence(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form) {
    return form.param("evidence", "PERSONS_ACCOUNT", "MEDICAL")
        .param("credibilityTraumaInformed", "yes");
  }

  @Test
  void the_agency_lists_and_reads_its_screening_with_answers_and_the_stored_assessment()
      throws Exception {
    api(caseworker, get("/api/v1/screenings"), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].id").value(screening.toString()))
        .andExpect(jsonPath("$.items[0].traffickingFinding").value("INDICATED"))
        .andExpect(jsonPath("$.items[0].identificationStage").value("AWAITING_REASONABLE_GROUNDS"));
    api(caseworker, get("/api/v1/screenings/" + screening), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.answers.age").value("27"))
        .andExpect(jsonPath("$.ruleSet").value("palermo-rules/1.1.0"))
        .andExpect(jsonPath("$.facts.age").value(27))
        .andExpect(jsonPath("$.assessment.smuggling.finding").value("INDICATED"))
        .andExpect(jsonPath("$.identification.reasonableGroundsDue").isNotEmpty());
  }

  @Test
  void the_authority_reads_the_assessment_but_not_the_answers_and_other_authorities_nothing()
      throws Exception {
    api(officer, get("/api/v1/screenings/" + screening), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.answers").doesNotExist())
        .andExpect(jsonPath("$.assessment.trafficking.finding").value("INDICATED"));
    api(otherOfficer, get("/api/v1/screenings/" + screening), null)
        .andExpect(status().isNotFound());
    api(
            otherOfficer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking"))
        .andExpect(status().isNotFound());
    MockHttpSession other = ScreeningFixtures.signIn(mvc, otherOfficer);
    mvc.perform(get("/screenings/" + screening + "/result").session(other))
        .andExpect(status().isNotFound());
    mvc.perform(get("/screenings/" + screening + "/identification").session(other))
        .andExpect(status().isNotFound());
    assertThat(fixtures.audits("identification.screening.read", screening, "DENIED"))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void only_an_officer_of_the_authority_decides() throws Exception {
    api(
            caseworker,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    api(
            frontline,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking"))
        .andExpect(status().isForbidden());
    MockHttpSession caseworkerSession = ScreeningFixtures.signIn(mvc, caseworker);
    mvc.perform(
            withEvidence(
                post("/screenings/" + screening + "/identification/decisions")
                    .session(caseworkerSession)
                    .with(csrf())
                    .param("kind", "REASONABLE_GROUNDS")
                    .param("status", "PossibleVictimOfTrafficking")
                    .param("decidedByOrg", "NGO")
                    .param("grounds", "Indicators of deceptive recruitment.")))
        .andExpect(status().isForbidden());
    assertThat(fixtures.audits("identification.decision", screening, "DENIED")).isEqualTo(3);

    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("ActualVictimOfTrafficking"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("STATUS_NOT_ALLOWED"));
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.kind").value("REASONABLE_GROUNDS"))
        .andExpect(jsonPath("$.traffickingStatus").value("PossibleVictimOfTrafficking"))
        .andExpect(jsonPath("$.decidedByOrg").value("NonPoliceGovernmentalOrganization"))
        .andExpect(jsonPath("$.late").value(false));
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.stage").value("AWAITING_CONCLUSIVE_GROUNDS"))
        .andExpect(
            jsonPath("$.identification.traffickingStatus").value("PossibleVictimOfTrafficking"))
        .andExpect(
            jsonPath("$.identification.reflectionEnds")
                .value(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString()));
  }

  @Test
  void no_removal_is_recorded_during_the_recovery_and_reflection_period() throws Exception {
    api(frontline, post("/api/v1/screenings/" + screening + "/removals"), null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("REMOVAL_BARRED"));
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking"))
        .andExpect(status().isCreated());
    api(officer, post("/api/v1/screenings/" + screening + "/removals"), null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("REMOVAL_BARRED"));
    MockHttpSession session = ScreeningFixtures.signIn(mvc, frontline);
    // Removal is irreversible (issue 14 item 10): a POST without the confirmation records nothing
    // (and reaches no rule: no audit entry) but asks to confirm.
    mvc.perform(
            post("/screenings/" + screening + "/identification/removal")
                .session(session)
                .with(csrf()))
        .andExpect(
            redirectedUrl(
                "/screenings/" + screening + "/identification?confirmRemoval#removal-title"));
    mvc.perform(
            post("/screenings/" + screening + "/identification/removal")
                .session(session)
                .with(csrf())
                .param("confirm", "true"))
        .andExpect(Refused.because("REMOVAL_BARRED"));
    String page =
        mvc.perform(get("/screenings/" + screening + "/identification").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("assistance continues").contains("(running now)");
    // A barred removal is not offered as a live button, not even on the confirmation step.
    assertThat(page).contains("No removal may be recorded now").doesNotContain("/removal\"");
    assertThat(
            mvc.perform(
                    get("/screenings/" + screening + "/identification?confirmRemoval")
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("/removal\"")
        .doesNotContain("name=\"confirm\"");
    assertThat(fixtures.audits("identification.removal", screening, "DENIED")).isEqualTo(3);
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.removalRecordedOn").doesNotExist());
  }

  @Test
  void decision_letters_print_in_the_language_chosen_for_the_person() throws Exception {
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking"))
        .andExpect(status().isCreated());
    String decisionId =
        com.jayway.jsonpath.JsonPath.read(
            api(officer, get("/api/v1/screenings/" + screening), null)
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.identification.decisions[0].id");
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    String base =
        "/screenings/" + screening + "/identification/decisions/" + decisionId + "/letter";
    record Expect(String language, String dir, String text) {}
    for (Expect e :
        new Expect[] {
          new Expect("en", "ltr", "There are reasonable grounds to believe"),
          new Expect("fr", "ltr", "Il existe des motifs raisonnables"),
          new Expect("es", "ltr", "Hay motivos razonables"),
          new Expect("ar", "rtl", "هناك أسباب معقولة")
        }) {
      String letter =
          mvc.perform(get(base).param("language", e.language()).session(session))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(letter)
          .as(e.language())
          .contains("lang=\"" + e.language() + "\" dir=\"" + e.dir() + "\"")
          .contains(e.text())
          .contains("Indicators of deceptive recruitment")
          .doesNotContain("??");
    }
    assertThat(fixtures.audits("identification.letter.read", screening, "SUCCESS")).isEqualTo(4);
  }

  @Test
  void the_overdue_list_is_the_authoritys_own() throws Exception {
    api(officer, get("/api/v1/identification/overdue"), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.open[0].screeningId").value(screening.toString()))
        .andExpect(jsonPath("$.overdue").isEmpty());
    api(otherOfficer, get("/api/v1/identification/overdue"), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.open").isEmpty());
    api(caseworker, get("/api/v1/identification/overdue"), null).andExpect(status().isForbidden());
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    String page =
        mvc.perform(get("/identification").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("/screenings/" + screening + "/identification");
  }

  @Test
  void a_negative_decision_needs_grounds_and_a_second_reviewer_and_its_letter_says_until_when()
      throws Exception {
    TestUser second = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    String negative =
        "{\"traffickingStatus\":\"NotAVictimOfTrafficking\","
            + "\"decidedByOrg\":\"NonPoliceGovernmentalOrganization\",\"grounds\":\"%s\"%s,"
            + EVIDENCE
            + "}";
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            negative.formatted(" ", ""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("GROUNDS_REQUIRED"));
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            negative.formatted("No indicator.", ""))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("SECOND_REVIEW_REQUIRED"));
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            negative.formatted("No indicator.", ",\"secondReviewerId\":\"" + officer.id() + "\""))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("SECOND_REVIEWER_SAME"));
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            negative.formatted(
                "No indicator.", ",\"secondReviewerId\":\"" + otherOfficer.id() + "\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("SECOND_REVIEWER_INVALID"));
    // The page refuses the same way.
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    mvc.perform(
            withEvidence(
                post("/screenings/" + screening + "/identification/decisions")
                    .session(session)
                    .with(csrf())
                    .param("kind", "REASONABLE_GROUNDS")
                    .param("status", "NotAVictimOfTrafficking")
                    .param("decidedByOrg", "NonPoliceGovernmentalOrganization")
                    .param("grounds", "No indicator.")))
        .andExpect(Refused.because("SECOND_REVIEW_REQUIRED"));
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.stage").value("AWAITING_REASONABLE_GROUNDS"));
    String decisionId =
        com.jayway.jsonpath.JsonPath.read(
            api(
                    officer,
                    post("/api/v1/screenings/" + screening + "/decisions"),
                    negative.formatted(
                        "No indicator.", ",\"secondReviewerId\":\"" + second.id() + "\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.standardOfProof").value("SUSPECTS_BUT_CANNOT_PROVE"))
                .andExpect(jsonPath("$.reviewState").value("AWAITING_REVIEW"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    api(
            second,
            post("/api/v1/screenings/" + screening + "/decisions/" + decisionId + "/confirmation"),
            null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reviewState").value("ISSUED"));
    String letter =
        mvc.perform(
                get("/screenings/"
                        + screening
                        + "/identification/decisions/"
                        + decisionId
                        + "/letter?language=en")
                    .session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(letter)
        .contains("Your support continues at least until")
        .contains("Reviewed and agreed by a second officer: Test " + second.username())
        .doesNotContain("does not depend on cooperating");
  }
}

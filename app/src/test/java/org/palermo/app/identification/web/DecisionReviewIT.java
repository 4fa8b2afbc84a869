package org.palermo.app.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Reasoned and reviewable decisions through the API and the pages (issue 13 §2): a negative
 * decision is proposed and only the named reviewer, signed in as themselves, issues or returns it;
 * every decision lists the evidence considered; a request for reconsideration reopens the
 * procedure; no conclusive decision during the recovery and reflection period.
 */
@PalermoIntegrationTest
class DecisionReviewIT {
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ScreeningFixtures fixtures;

  TestUser frontline;
  TestUser officer;
  TestUser second;
  TestUser third;
  TestUser otherAuthorityOfficer;
  Agency authority;
  UUID screening;

  @BeforeEach
  void referred() throws Exception {
    frontline = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    officer = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    second = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    third = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    otherAuthorityOfficer =
        accounts.user(AgencyType.COMPETENT_AUTHORITY, Role.COMPETENT_AUTHORITY_OFFICER);
    screening =
        fixtures.completedScreening(ScreeningFixtures.principal(frontline, Role.FRONTLINE_OFFICER));
    api(
            frontline,
            post("/api/v1/screenings/" + screening + "/referral"),
            "{\"authorityAgencyId\":\""
                + authority.id()
                + "\",\"consent\":{\"givenAt\":\"2026-01-01T10:00:00Z\",\"interpreterUsed\":false}}")
        .andExpect(status().isCreated());
  }

  ResultActions api(TestUser user, MockHttpServletRequestBuilder request, String body)
      throws Exception {
    request.header("Authorization", "Bearer " + accounts.token(user));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  static String decision(String status, String extra) {
    return "{\"traffickingStatus\":\""
        + status
        + "\",\"decidedByOrg\":\"NonPoliceGovernmentalOrganization\",\"grounds\":\"No indicator"
        + " of exploitation in the account.\""
        + extra
        + "}";
  }

  static final String EVIDENCE =
      ",\"evidence\":[\"PERSONS_ACCOUNT\",\"OTHER\"],\"evidenceOther\":\"Labour inspection"
          + " report\",\"credibilityTraumaInformed\":true";

  String proposeNegative() throws Exception {
    return JsonPath.read(
        api(
                officer,
                post("/api/v1/screenings/" + screening + "/decisions"),
                decision(
                    "NotAVictimOfTrafficking",
                    EVIDENCE + ",\"secondReviewerId\":\"" + second.id() + "\""))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.reviewState").value("AWAITING_REVIEW"))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  String page(TestUser user) throws Exception {
    return mvc.perform(
            get("/screenings/" + screening + "/identification")
                .session(ScreeningFixtures.signIn(mvc, user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void a_negative_decision_is_proposed_and_only_the_named_reviewer_issues_it() throws Exception {
    String id = proposeNegative();
    String confirm = "/api/v1/screenings/" + screening + "/decisions/" + id + "/confirmation";
    // Not issued: the procedure still waits, no status, no letter.
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.stage").value("AWAITING_REASONABLE_GROUNDS"))
        .andExpect(jsonPath("$.identification.traffickingStatus").doesNotExist())
        .andExpect(jsonPath("$.identification.decisions[0].reviewState").value("AWAITING_REVIEW"));
    MockHttpSession officerSession = ScreeningFixtures.signIn(mvc, officer);
    mvc.perform(
            get("/screenings/" + screening + "/identification/decisions/" + id + "/letter")
                .session(officerSession))
        .andExpect(status().isNotFound());
    api(frontline, post("/api/v1/screenings/" + screening + "/removals"), null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("REMOVAL_BARRED"));
    // The decider cannot confirm their own; another officer of the authority who was not named
    // cannot; an officer of another authority cannot even see it; a caseworker may not review.
    api(officer, post(confirm), null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("SECOND_REVIEWER_SAME"));
    api(third, post(confirm), null)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.reason").value("NOT_THE_NAMED_REVIEWER"));
    api(otherAuthorityOfficer, post(confirm), null).andExpect(status().isNotFound());
    api(frontline, post(confirm), null).andExpect(status().isForbidden());
    // Another decision waits until this one is reviewed.
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking", EVIDENCE))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("REVIEW_PENDING"));
    assertThat(fixtures.audits("identification.decision.review", screening, "DENIED")).isEqualTo(4);

    // The page shows the named reviewer the confirm form, and nobody else.
    assertThat(page(officer)).doesNotContain("/decisions/" + id + "/confirm");
    assertThat(page(second)).contains("/decisions/" + id + "/confirm");
    MockHttpSession secondSession = ScreeningFixtures.signIn(mvc, second);
    mvc.perform(
            post("/screenings/" + screening + "/identification/decisions/" + id + "/confirm")
                .session(secondSession)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.stage").value("CONCLUDED"))
        .andExpect(jsonPath("$.identification.traffickingStatus").value("NotAVictimOfTrafficking"))
        .andExpect(jsonPath("$.identification.decisions[0].reviewState").value("ISSUED"))
        .andExpect(
            jsonPath("$.identification.decisions[0].secondReviewer")
                .value("Test " + second.username()))
        .andExpect(
            jsonPath("$.identification.reconsiderationWindowEnds")
                .value(TODAY.plusDays(30).toString()));
    assertThat(fixtures.audits("identification.decision.review", screening, "SUCCESS"))
        .isEqualTo(1);
    mvc.perform(
            get("/screenings/" + screening + "/identification/decisions/" + id + "/letter")
                .param("language", "en")
                .session(officerSession))
        .andExpect(status().isOk());
  }

  @Test
  void the_named_reviewer_returns_a_decision_with_a_reason_and_it_is_never_issued()
      throws Exception {
    String id = proposeNegative();
    String back = "/api/v1/screenings/" + screening + "/decisions/" + id + "/return";
    api(second, post(back), "{\"reason\":\" \"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("RETURN_REASON_REQUIRED"));
    api(officer, post(back), "{\"reason\":\"Mine.\"}").andExpect(status().isConflict());
    MockHttpSession secondSession = ScreeningFixtures.signIn(mvc, second);
    mvc.perform(
            post("/screenings/" + screening + "/identification/decisions/" + id + "/return")
                .session(secondSession)
                .with(csrf())
                .param("reason", "The support provider's report was not considered."))
        .andExpect(status().is3xxRedirection());
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.stage").value("AWAITING_REASONABLE_GROUNDS"))
        .andExpect(jsonPath("$.identification.decisions[0].reviewState").value("RETURNED"))
        .andExpect(
            jsonPath("$.identification.decisions[0].returnReason")
                .value("The support provider's report was not considered."));
    api(
            second,
            post("/api/v1/screenings/" + screening + "/decisions/" + id + "/confirmation"),
            null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NOT_AWAITING_REVIEW"));
    // The decider decides again.
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking", EVIDENCE))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.reviewState").value("ISSUED"));
  }

  @Test
  void a_decision_lists_the_evidence_considered_shown_in_the_view_and_the_letter()
      throws Exception {
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking", ",\"credibilityTraumaInformed\":true"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("EVIDENCE_REQUIRED"));
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking", ",\"evidence\":[\"MEDICAL\"]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("TRAUMA_STATEMENT_REQUIRED"));
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision(
                "PossibleVictimOfTrafficking",
                ",\"evidence\":[\"OTHER\"],\"credibilityTraumaInformed\":true"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("EVIDENCE_OTHER_REQUIRED"));
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    mvc.perform(
            post("/screenings/" + screening + "/identification/decisions")
                .session(session)
                .with(csrf())
                .param("kind", "REASONABLE_GROUNDS")
                .param("status", "PossibleVictimOfTrafficking")
                .param("decidedByOrg", "NonPoliceGovernmentalOrganization")
                .param("grounds", "Indicators of deceptive recruitment.")
                .param("credibilityTraumaInformed", "yes"))
        // The page comes back with the grounds, the choices and the message at the evidence
        // (issue #14 §1 item 2): nothing typed is lost.
        .andExpect(Refused.at("evidence", "EVIDENCE_REQUIRED"))
        .andExpect(
            content().string(containsString(">Indicators of deceptive recruitment.</textarea>")))
        .andExpect(content().string(containsString("href=\"#decision-evidence\"")))
        .andExpect(
            content()
                .string(containsString("List the evidence considered: tick at least one kind.")));
    mvc.perform(
            post("/screenings/" + screening + "/identification/decisions")
                .session(session)
                .with(csrf())
                .param("kind", "REASONABLE_GROUNDS")
                .param("status", "PossibleVictimOfTrafficking")
                .param("decidedByOrg", "NonPoliceGovernmentalOrganization")
                .param("grounds", "Indicators of deceptive recruitment.")
                .param("evidence", "FIRST_RESPONDER_REFERRAL", "PSYCHOLOGICAL")
                .param("credibilityTraumaInformed", "yes")
                // The page's confirmation step (issue #14 item 10): only a confirmed post records.
                .param("confirm", "true"))
        .andExpect(status().is3xxRedirection());
    String id =
        JsonPath.read(
            api(frontline, get("/api/v1/screenings/" + screening), null)
                .andExpect(
                    jsonPath("$.identification.decisions[0].evidence[0]")
                        .value("FIRST_RESPONDER_REFERRAL"))
                .andExpect(
                    jsonPath("$.identification.decisions[0].evidence[1]").value("PSYCHOLOGICAL"))
                .andExpect(
                    jsonPath("$.identification.decisions[0].credibilityTraumaInformed").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.identification.decisions[0].id");
    assertThat(page(officer))
        .contains("The first responder&#39;s account and referral")
        .contains("Psychological evidence");
    record Expect(String language, String text) {}
    for (Expect e :
        new Expect[] {
          new Expect("en", "Psychological evidence"),
          new Expect("fr", "Preuves psychologiques"),
          new Expect("es", "Pruebas psicológicas"),
          new Expect("ar", "أدلة نفسية")
        }) {
      String letter =
          mvc.perform(
                  get("/screenings/" + screening + "/identification/decisions/" + id + "/letter")
                      .param("language", e.language())
                      .session(session))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(letter).as(e.language()).contains(e.text()).doesNotContain("??");
    }
  }

  @Test
  void no_conclusive_decision_before_the_recovery_and_reflection_period_ends() throws Exception {
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("PossibleVictimOfTrafficking", EVIDENCE))
        .andExpect(status().isCreated());
    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            decision("ActualVictimOfTrafficking", EVIDENCE))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("REFLECTION_PERIOD_RUNNING"))
        .andExpect(jsonPath("$.article").value("CETS 197 art. 13(1)"));
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    mvc.perform(
            post("/screenings/" + screening + "/identification/decisions")
                .session(session)
                .with(csrf())
                .param("kind", "CONCLUSIVE_GROUNDS")
                .param("status", "NotAVictimOfTrafficking")
                .param("decidedByOrg", "NonPoliceGovernmentalOrganization")
                .param("grounds", "No indicator.")
                .param("secondReviewerId", second.id().toString())
                .param("evidence", "PERSONS_ACCOUNT")
                .param("credibilityTraumaInformed", "yes"))
        .andExpect(Refused.because("REFLECTION_PERIOD_RUNNING"));
    assertThat(page(officer)).contains("recovery and reflection period ends on");
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.stage").value("AWAITING_CONCLUSIVE_GROUNDS"))
        .andExpect(jsonPath("$.identification.decisions.length()").value(1));
  }

  @Test
  void a_request_for_reconsideration_reopens_the_procedure_and_the_new_decision_supersedes()
      throws Exception {
    String first = proposeNegative();
    api(
            second,
            post("/api/v1/screenings/" + screening + "/decisions/" + first + "/confirmation"),
            null)
        .andExpect(status().isOk());
    api(
            frontline,
            post("/api/v1/screenings/" + screening + "/reconsiderations"),
            "{\"requestedBy\":\"LEGAL_REPRESENTATIVE\",\"grounds\":\"Not heard.\",\"receivedOn\":\""
                + TODAY
                + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("RECONSIDERATION_REPRESENTATIVE_REQUIRED"));
    api(
            frontline,
            post("/api/v1/screenings/" + screening + "/reconsiderations"),
            "{\"requestedBy\":\"PERSON\",\"grounds\":\"Not heard.\",\"receivedOn\":\""
                + TODAY.plusDays(1)
                + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("RECONSIDERATION_DATE_INVALID"));
    // Recorded through the page by the agency that screened the person.
    MockHttpSession session = ScreeningFixtures.signIn(mvc, frontline);
    assertThat(page(frontline)).contains("/identification/reconsideration");
    mvc.perform(
            post("/screenings/" + screening + "/identification/reconsideration")
                .session(session)
                .with(csrf())
                .param("requestedBy", "LEGAL_REPRESENTATIVE")
                .param("representativeName", "A. Lawyer")
                .param("grounds", "The medical evidence was not considered.")
                .param("receivedOn", TODAY.toString()))
        .andExpect(status().is3xxRedirection());
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.stage").value("AWAITING_REASONABLE_GROUNDS"))
        .andExpect(jsonPath("$.identification.reconsiderations[0].decisionId").value(first))
        .andExpect(
            jsonPath("$.identification.reconsiderations[0].requestedBy")
                .value("LEGAL_REPRESENTATIVE"))
        .andExpect(
            jsonPath("$.identification.reconsiderations[0].representativeName").value("A. Lawyer"))
        .andExpect(
            jsonPath("$.identification.dueOn")
                .value(
                    org.palermo.app.identification.procedure.WorkingDays.add(TODAY, 20)
                        .toString()));
    api(frontline, post("/api/v1/screenings/" + screening + "/removals"), null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("REMOVAL_BARRED"));
    assertThat(fixtures.audits("identification.reconsideration", screening, "SUCCESS"))
        .isEqualTo(1);
    // The new decision supersedes the old one; the history keeps both.
    String next =
        JsonPath.read(
            api(
                    officer,
                    post("/api/v1/screenings/" + screening + "/decisions"),
                    decision("PossibleVictimOfTrafficking", EVIDENCE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.supersedes").value(first))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.stage").value("AWAITING_CONCLUSIVE_GROUNDS"))
        .andExpect(
            jsonPath("$.identification.traffickingStatus").value("PossibleVictimOfTrafficking"))
        .andExpect(jsonPath("$.identification.decisions.length()").value(2))
        .andExpect(jsonPath("$.identification.decisions[0].supersededBy").value(next))
        .andExpect(jsonPath("$.identification.reconsiderations[0].outcomeDecisionId").value(next));
    // A second request against the same decision is refused.
    api(
            frontline,
            post("/api/v1/screenings/" + screening + "/reconsiderations"),
            "{\"requestedBy\":\"PERSON\",\"grounds\":\"Again.\",\"receivedOn\":\"" + TODAY + "\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NOTHING_TO_RECONSIDER"));
  }
}

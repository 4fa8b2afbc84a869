package org.palermo.app.cases.protection;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.Refused;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A refused missing-child or family-tracing form of the child page comes back with status 422,
 * everything typed and the message at its field (issue #12 §4, issue #14 §1 item 2), not a redirect
 * that loses what the caseworker wrote about the child.
 */
@PalermoIntegrationTest
class SafeguardsFormsIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired FamilyTracing tracing;

  private static final String CIRCUMSTANCES =
      "Left the shelter after a phone call; seen near the bus station";

  @Test
  void a_tracing_request_dated_in_the_future_keeps_the_person_sought_and_the_notes()
      throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID child = fixtures.childCase(worker.agency(), true);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    String tomorrow = LocalDate.now().plusDays(2).toString();
    mvc.perform(
            post("/cases/" + child + "/child/family-tracing")
                .session(session)
                .with(csrf())
                .param("sought", "Awa Diallo")
                .param("relationship", "PARENT")
                .param("through", "ICRC_RFL")
                .param("requestedOn", tomorrow)
                .param("notes", "Last known in Kayes"))
        .andExpect(Refused.at("requestedOn", "future"))
        .andExpect(content().string(containsString("value=\"Awa Diallo\"")))
        .andExpect(content().string(containsString("Last known in Kayes")))
        .andExpect(content().string(containsString("value=\"" + tomorrow + "\"")))
        .andExpect(content().string(containsString("value=\"ICRC_RFL\" selected")))
        .andExpect(content().string(containsString("The date cannot be in the future")))
        .andExpect(content().string(containsString("href=\"#tracing-requestedOn\"")))
        .andExpect(content().string(containsString("id=\"tracing-requestedOn-error\"")));
  }

  @Test
  void a_malformed_missing_since_is_refused_at_its_field_in_french_and_keeps_what_is_known()
      throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID child = fixtures.childCase(worker.agency(), true);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/cases/" + child + "/child/missing")
                .param("lang", "fr")
                .session(session)
                .with(csrf())
                .param("missingSince", "hier soir")
                .param("circumstances", CIRCUMSTANCES))
        .andExpect(Refused.at("missingSince", "dateTime"))
        .andExpect(content().string(containsString(CIRCUMSTANCES)))
        .andExpect(content().string(containsString("value=\"hier soir\"")))
        .andExpect(content().string(containsString("Saisissez une date et une heure, au format")))
        .andExpect(content().string(containsString("href=\"#missing-missingSince\"")));
  }

  @Test
  void contact_before_a_safety_check_is_refused_on_the_status_form_which_keeps_the_notes()
      throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID child = fixtures.childCase(worker.agency(), true);
    UUID mother =
        tracing.request(
            worker.principal(),
            child,
            new FamilyTracing.TracingCommand(
                "Fatima Mother",
                FamilyTracing.Relationship.PARENT,
                FamilyTracing.Through.ICRC_RFL,
                LocalDate.now(),
                null));
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/cases/" + child + "/child/family-tracing/" + mother + "/status")
                .session(session)
                .with(csrf())
                .param("status", "CONTACT_MADE")
                .param("notes", "Mother reached by the ICRC delegate"))
        .andExpect(Refused.at("form", "SAFETY_CHECK_REQUIRED"))
        .andExpect(content().string(containsString("Mother reached by the ICRC delegate")))
        .andExpect(content().string(containsString("Record a safety check before any contact")))
        .andExpect(content().string(containsString("href=\"#tracingStatus-" + mother + "-form\"")));
    // A safety check without the child's views is refused at that field, and keeps the rest.
    mvc.perform(
            post("/cases/" + child + "/child/family-tracing/" + mother + "/safety-check")
                .session(session)
                .with(csrf())
                .param("checkedOn", LocalDate.now().toString())
                .param("checkedBy", "BIA officer Mensah")
                .param("riskToChild", "no")
                .param("riskToFamily", "no")
                .param("linkedToSuspectedExploiter", "no")
                .param("childViews", "")
                .param("bestInterests", "Contact supports recovery"))
        .andExpect(Refused.at("childViews", "required"))
        .andExpect(content().string(containsString("value=\"BIA officer Mensah\"")))
        .andExpect(content().string(containsString("Contact supports recovery")))
        .andExpect(
            content().string(containsString("id=\"safetyCheck-" + mother + "-childViews-error\"")));
    // Corrected, it is recorded and the page is shown again, as before.
    mvc.perform(
            post("/cases/" + child + "/child/family-tracing/" + mother + "/safety-check")
                .session(session)
                .with(csrf())
                .param("checkedOn", LocalDate.now().toString())
                .param("checkedBy", "BIA officer Mensah")
                .param("riskToChild", "no")
                .param("riskToFamily", "no")
                .param("linkedToSuspectedExploiter", "no")
                .param("childViews", "Wants to speak to her mother")
                .param("bestInterests", "Contact supports recovery"))
        .andExpect(redirectedUrl("/cases/" + child + "/child?safetyCheck"));
  }

  @Test
  void a_proceeding_without_its_stage_and_a_link_to_no_case_keep_what_was_typed() throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID adult = fixtures.adultCase(worker.agency(), "fr");
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(
            post("/cases/" + adult + "/non-punishment/proceedings")
                .session(session)
                .with(csrf())
                .param("offence", "Cannabis cultivation under coercion")
                .param("stage", "")
                .param("authority", "Tribunal judiciaire de Lyon")
                .param("reportedBy", "THE_PERSON")
                .param("consent", "yes"))
        .andExpect(Refused.at("stage", "required"))
        .andExpect(
            content().string(containsString("value=\"Cannabis cultivation under coercion\"")))
        .andExpect(content().string(containsString("value=\"Tribunal judiciaire de Lyon\"")))
        .andExpect(content().string(containsString("This field is required.")))
        .andExpect(content().string(containsString("href=\"#proceeding-stage\"")));
    mvc.perform(
            post("/cases/" + adult + "/links")
                .session(session)
                .with(csrf())
                .param("kind", "SUSPECTED_EXPLOITER")
                .param("name", "Omar the driver")
                .param("linkedReference", "PAL-NOPE-0001"))
        .andExpect(Refused.at("linkedReference", "INVALID_linkedCaseId"))
        .andExpect(content().string(containsString("value=\"Omar the driver\"")))
        .andExpect(content().string(containsString("value=\"PAL-NOPE-0001\"")))
        .andExpect(content().string(containsString("No such case in your agency.")))
        .andExpect(content().string(containsString("href=\"#link-linkedReference\"")));
  }
}

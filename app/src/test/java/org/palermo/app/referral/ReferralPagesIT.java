package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.Refused;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages without JavaScript: make a referral from the case page with ranked providers (refused
 * without consent, sent with it), the recipient's inbox and referral view, accept and complete, in
 * English and Arabic; the child, return and residence pages.
 */
@PalermoIntegrationTest
class ReferralPagesIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;

  @Test
  void refer_to_a_shelter_from_the_case_page_and_the_shelter_accepts() throws Exception {
    Actor caseworker =
        fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor shelterWorker = fixtures.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Page test safe house", ServiceType.SHELTER, List.of("ar"), 45, 12);
    UUID caseId = fixtures.adultCase(caseworker.agency(), "ar");
    MockHttpSession session = ScreeningFixtures.signIn(mvc, caseworker.user());

    mvc.perform(
            get("/cases/" + caseId + "/referrals")
                .param("need", "SAFE_ACCOMMODATION")
                .session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Page test safe house")))
        .andExpect(content().string(containsString("Speaks ar")))
        .andExpect(content().string(containsString("value=\"" + shelter + "\"")));

    mvc.perform(
            post("/cases/" + caseId + "/referrals")
                .session(session)
                .with(csrf())
                .param("serviceId", shelter.toString())
                .param("need", "SAFE_ACCOMMODATION")
                .param("note", "Bed allocated, arrive 10:00")
                .param("scope", "IDENTITY", "CONTACT"))
        // Refused, the form comes back (422) with the chosen provider and the message kept, and
        // the reason in the error summary (#14 §1 item 2).
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("class=\"error-summary\"")))
        .andExpect(content().string(containsString("Record the consent")))
        .andExpect(content().string(containsString("Bed allocated, arrive 10:00")))
        .andExpect(
            content()
                .string(matchesRegex("(?s).*value=\"" + shelter + "\"[^>]*checked=\"checked\".*")));
    assertThat(fixtures.referrals(caseId)).isZero();
    // A consent date that cannot be right is refused at its field, the input kept.
    mvc.perform(
            post("/cases/" + caseId + "/referrals")
                .session(session)
                .with(csrf())
                .param("serviceId", shelter.toString())
                .param("givenBy", "THE_PERSON")
                .param("givenAt", "1900-01-01T10:00")
                .param("informedHow", "ORALLY")
                .param("interpreterUsed", "no")
                .param("scope", "IDENTITY"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("too far in the past")))
        .andExpect(content().string(containsString("value=\"1900-01-01T10:00\"")));
    mvc.perform(
            post("/cases/" + caseId + "/referrals")
                .session(session)
                .with(csrf())
                .param("serviceId", shelter.toString())
                .param("givenBy", "THE_PERSON")
                .param("givenAt", "yesterday")
                .param("informedHow", "ORALLY")
                .param("interpreterUsed", "no")
                .param("scope", "IDENTITY"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("A date is not valid")));
    assertThat(fixtures.referrals(caseId)).isZero();

    String location =
        mvc.perform(
                post("/cases/" + caseId + "/referrals")
                    .session(session)
                    .with(csrf())
                    .param("serviceId", shelter.toString())
                    .param("need", "SAFE_ACCOMMODATION")
                    .param("givenBy", "THE_PERSON")
                    .param("givenAt", LocalDateTime.now().minusHours(1).withNano(0).toString())
                    .param("informedHow", "ORALLY")
                    .param("interpreterUsed", "yes")
                    .param("scope", "IDENTITY", "CONTACT")
                    .param("note", "Arrives by bus at six"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/referrals/").endsWith("?created");
    String referral = location.substring("/referrals/".length(), location.indexOf('?'));

    MockHttpSession shelterSession = ScreeningFixtures.signIn(mvc, shelterWorker.user());
    mvc.perform(get("/referrals").session(shelterSession))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/referrals/" + referral)));
    mvc.perform(get("/referrals/" + referral).session(shelterSession))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Amina")))
        .andExpect(content().string(containsString("Arrives by bus at six")))
        .andExpect(content().string(containsString("Accept")));
    mvc.perform(get("/referrals/" + referral).param("lang", "ar").session(shelterSession))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("dir=\"rtl\"")))
        .andExpect(content().string(containsString("عرض الإحالة")));
    // The recipient does not get the case's own pages.
    mvc.perform(get("/cases/" + caseId + "/return").session(shelterSession))
        .andExpect(status().isForbidden());
    mvc.perform(post("/referrals/" + referral + "/accept").session(shelterSession).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post("/referrals/" + referral + "/complete").session(shelterSession).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/referrals/" + referral).session(session))
        .andExpect(content().string(containsString("Completed")))
        .andExpect(content().string(not(containsString("Revoke the referral"))));
    mvc.perform(get("/cases/" + caseId + "/referrals").session(session))
        .andExpect(content().string(containsString("Completed")));
  }

  @Test
  void the_agency_list_leaves_out_consulates_for_a_child_who_seeks_asylum() throws Exception {
    Actor officer =
        fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CHILD_PROTECTION_OFFICER);
    Agency consulate =
        accounts.agency(AgencyType.CONSULATE); // may represent XA, the child's country
    UUID child = fixtures.childCase(officer.agency(), true);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer.user());
    String option = "value=\"" + consulate.id() + "\"";
    mvc.perform(get("/cases/" + child + "/referrals").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(option)));
    fixtures.protectionStatus(child, "ASYLUM_SEEKER");
    mvc.perform(get("/cases/" + child + "/referrals").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(option))))
        .andExpect(content().string(not(containsString(consulate.name()))));
    // Nor does a hand-made form get through.
    mvc.perform(
            post("/cases/" + child + "/referrals")
                .session(session)
                .with(csrf())
                .param("toAgencyId", consulate.id().toString())
                .param("serviceType", "CHILD_PROTECTION")
                .param("scope", "IDENTITY", "CONTACT")
                .param("bestInterestsConsideration", "Urgent care"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("nothing about them goes to a consulate")))
        .andExpect(content().string(containsString(">Urgent care</textarea>")));
    assertThat(fixtures.referrals(child)).isZero();
  }

  @Test
  void child_return_and_residence_pages() throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    UUID child = fixtures.childCase(worker.agency(), true);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker.user());
    mvc.perform(get("/cases/" + child + "/child").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Unaccompanied or separated child")));
    mvc.perform(
            post("/cases/" + child + "/child/best-interests")
                .session(session)
                .with(csrf())
                .param("kind", "ASSESSMENT")
                .param("doneOn", java.time.LocalDate.now().toString())
                .param("conductedBy", "Officer")
                .param("childHeard", "yes"))
        .andExpect(Refused.because("NO_GUARDIAN"));
    mvc.perform(
            post("/cases/" + child + "/child/guardian")
                .session(session)
                .with(csrf())
                .param("guardianName", "G. Guardian")
                .param("authority", "Juvenile court")
                .param("appointedOn", java.time.LocalDate.now().toString()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeCount(0));
    mvc.perform(get("/cases/" + child + "/child").param("lang", "fr").session(session))
        .andExpect(content().string(containsString("Juvenile court")))
        .andExpect(content().string(containsString("Tuteur")));

    mvc.perform(
            post("/cases/" + child + "/return")
                .session(session)
                .with(csrf())
                .param("kind", "ASSISTED_VOLUNTARY")
                .param("destinationCountry", "XA")
                .param("returnOn", java.time.LocalDate.now().plusDays(5).toString())
                .param("freeChoice", "yes")
                .param("informedDecision", "yes"))
        .andExpect(Refused.because("NO_RISK_ASSESSMENT"));
    mvc.perform(get("/cases/" + child + "/return").param("lang", "es").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("no devolución")));
    // A reflection period recorded by hand lasts at least 30 days (CETS 197 art. 13(1)).
    mvc.perform(
            post("/cases/" + child + "/residence")
                .session(session)
                .with(csrf())
                .param("kind", "REFLECTION_PERIOD")
                .param("validFrom", java.time.LocalDate.now().toString())
                .param("validTo", java.time.LocalDate.now().plusDays(5).toString()))
        .andExpect(Refused.any());
    mvc.perform(
            post("/cases/" + child + "/residence")
                .session(session)
                .with(csrf())
                .param("kind", "VICTIM_RESIDENCE")
                .param("validFrom", java.time.LocalDate.now().toString())
                .param("validTo", java.time.LocalDate.now().plusDays(5).toString()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeCount(0));
    mvc.perform(get("/cases/" + child + "/residence").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Recovery and reflection period")));
    mvc.perform(get("/residence").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/cases/" + child + "/residence")));
  }
}

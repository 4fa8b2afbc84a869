package org.palermo.app.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.application.CompleteScreening;
import org.palermo.app.identification.application.SaveScreeningStep;
import org.palermo.app.identification.application.StartScreening;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.app.identification.screening.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The competent authority's work list (issue 14 item 12): the case reference, the child and
 * age-disputed flags, the urgency, the referring agency and the due date; sorted and filtered by
 * query parameters (no script), the sorted column marked with {@code aria-sort}; and only the
 * authority's own referrals.
 */
@PalermoIntegrationTest
class AuthorityWorkListIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired StartScreening start;
  @Autowired SaveScreeningStep save;
  @Autowired CompleteScreening complete;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  Agency authority;
  TestUser officer;
  TestUser firstSender;
  TestUser secondSender;
  UUID adult;
  UUID disputed;
  UUID elsewhere;

  UUID screening(TestUser who, boolean ageDisputed) {
    PalermoPrincipal me = ScreeningFixtures.principal(who, Role.FRONTLINE_OFFICER);
    UUID id =
        start.start(me, new StartScreening.Command(LegalBasis.VITAL_INTEREST, false, "ti", true));
    Map<Step, Map<String, String>> pages =
        new LinkedHashMap<>(ScreeningFixtures.adultForcedLabour());
    if (ageDisputed) {
      pages.put(
          Step.PERSON,
          Map.of(
              Questionnaire.AGE, "27",
              Questionnaire.AGE_DISPUTED, "YES",
              Questionnaire.NATIONAL, "NO"));
    }
    pages.forEach(
        (step, answers) ->
            save.save(me, new SaveScreeningStep.Command(id, step, answers, false, null)));
    complete.complete(me, new CompleteScreening.Command(id, null, null));
    return id;
  }

  void refer(TestUser who, UUID screening, Agency to) throws Exception {
    mvc.perform(
            post("/api/v1/screenings/" + screening + "/referral")
                .header("Authorization", "Bearer " + accounts.token(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"authorityAgencyId\":\""
                        + to.id()
                        + "\",\"consent\":{\"givenAt\":\"2026-01-01T10:00:00Z\","
                        + "\"interpreterUsed\":false}}"))
        .andExpect(status().isCreated());
  }

  @BeforeEach
  void referred() throws Exception {
    authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    officer = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    firstSender = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    secondSender = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    adult = screening(firstSender, false);
    refer(firstSender, adult, authority);
    disputed = screening(secondSender, true);
    refer(secondSender, disputed, authority);
    elsewhere = screening(firstSender, false);
    refer(firstSender, elsewhere, accounts.agency(AgencyType.COMPETENT_AUTHORITY));
  }

  String list(String query) throws Exception {
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    String html =
        mvc.perform(get("/identification?" + query).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return tableOf(html);
  }

  static String tableOf(String html) {
    int table = html.indexOf("id=\"work-list\"");
    return table < 0 ? "" : html.substring(table);
  }

  static String link(UUID screening) {
    return "/screenings/" + screening + "/identification";
  }

  @Test
  void the_list_shows_the_flags_and_only_the_authoritys_own_referrals() throws Exception {
    String all = list("");
    assertThat(all)
        .contains(link(adult))
        .contains(link(disputed))
        .doesNotContain(link(elsewhere))
        .contains(firstSender.agency().name())
        .contains(secondSender.agency().name())
        .contains("Age disputed")
        // Referred today: the reasonable-grounds deadline is 5 working days away.
        .contains("On time");
    // Equally urgent: the child (age disputed: presumed a child) comes first.
    assertThat(all.indexOf(link(disputed))).isLessThan(all.indexOf(link(adult)));
    assertThat(all).contains("aria-sort=\"ascending\"");
    // The read is audited per referral shown, not as a count (SECURITY.md: every read of personal
    // data is audited per subject).
    String audited =
        jdbc.sql(
                "SELECT detail FROM audit_event WHERE action = 'identification.worklist.read'"
                    + " AND actor = ? AND outcome = 'SUCCESS' ORDER BY seq DESC LIMIT 1")
            .param(officer.username())
            .query(String.class)
            .single();
    assertThat(audited).contains(adult.toString()).contains(disputed.toString());
    assertThat(audited).doesNotContain(elsewhere.toString());

    // Someone else's authority sees neither.
    TestUser stranger =
        accounts.user(AgencyType.COMPETENT_AUTHORITY, Role.COMPETENT_AUTHORITY_OFFICER);
    String theirs =
        mvc.perform(get("/identification").session(ScreeningFixtures.signIn(mvc, stranger)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(theirs).doesNotContain(link(adult)).doesNotContain(link(disputed));
  }

  @Test
  void the_list_filters_on_the_server() throws Exception {
    assertThat(list("child=yes")).contains(link(disputed)).doesNotContain(link(adult));
    assertThat(list("disputed=no")).contains(link(adult)).doesNotContain(link(disputed));
    String byAgency =
        tableOf(
            mvc.perform(
                    get("/identification")
                        .param("agency", firstSender.agency().name())
                        .session(ScreeningFixtures.signIn(mvc, officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(byAgency).contains(link(adult)).doesNotContain(link(disputed));
    assertThat(list("urgency=LATE")).isEmpty();
  }

  @Test
  void the_list_sorts_by_the_column_asked_for_in_either_direction() throws Exception {
    boolean firstIsFirst = firstSender.agency().name().compareTo(secondSender.agency().name()) < 0;
    UUID before = firstIsFirst ? adult : disputed;
    UUID after = firstIsFirst ? disputed : adult;
    String up = list("sort=agency");
    assertThat(up.indexOf(link(before))).isLessThan(up.indexOf(link(after)));
    assertThat(up).contains("aria-sort=\"ascending\"");
    String down = list("sort=agency&dir=desc");
    assertThat(down.indexOf(link(after))).isLessThan(down.indexOf(link(before)));
    assertThat(down).contains("aria-sort=\"descending\"");
    // The header of the sorted column links to the other direction, the filters kept.
    assertThat(list("sort=agency&child=no")).contains("sort=agency&amp;dir=desc&amp;child=no");
  }
}

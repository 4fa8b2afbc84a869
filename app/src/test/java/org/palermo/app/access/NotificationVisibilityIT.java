package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notices of an agency are filtered per kind by the access policy (SECURITY.md rule 2): a
 * notice about a case shows, on the home page and on {@code /notifications}, only to a user who may
 * read the case now; emergency access, erasure requests and abnormal volumes stay visible to the
 * agency's oversight, and a missing-child alert to the guardian's agency, whoever owns the case.
 */
@PalermoIntegrationTest
class NotificationVisibilityIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired CaseRecords records;
  @Autowired Notifications notifications;

  UUID openCase(Agency agency) {
    String ref =
        records.register(
            CaseFixtures.openCase("Nadia", "Notice", LocalDate.of(1994, 4, 4), agency.id()));
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
        .param(ref)
        .query(UUID.class)
        .single();
  }

  String notificationsOf(TestUser user) throws Exception {
    return mvc.perform(get("/notifications").session(ScreeningFixtures.signIn(mvc, user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  static String tag(String what) {
    return what + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void each_kind_of_notice_shows_only_to_the_users_its_rule_allows() throws Exception {
    Agency shelter = accounts.agency(AgencyType.SERVICE_PROVIDER);
    TestUser worker = accounts.user(shelter, Role.CASEWORKER);
    TestUser statistician = accounts.user(shelter, Role.STATISTICIAN);
    TestUser dpo = accounts.user(shelter, Role.DATA_PROTECTION_OFFICER);
    UUID ours = openCase(shelter);
    // A case the shelter no longer owns (transferred to another agency since the notice).
    UUID gone = openCase(accounts.agency(AgencyType.SERVICE_PROVIDER));

    String taskOnOurs = tag("task:ours-");
    String taskOnGone = tag("task:gone-");
    String glassOnGone = tag("glass-gone-");
    String volume = tag("volume-");
    String guardian = tag("guardian-");
    notifications.notify(shelter.id(), "taskAssigned", ours, taskOnOurs);
    notifications.notify(shelter.id(), "referralDeclined", gone, taskOnGone);
    notifications.notify(shelter.id(), "breakGlass", gone, glassOnGone);
    notifications.notify(shelter.id(), "abnormalVolume", null, volume);
    notifications.notify(shelter.id(), "missingChildGuardian", gone, guardian);

    // The caseworker reads its own case's notice, not the text about a case it may no longer
    // read, nor a colleague's request volume, nor a missing-child alert about a child it does not
    // work on.
    assertThat(notificationsOf(worker))
        .contains(taskOnOurs)
        .doesNotContain(guardian)
        .doesNotContain(taskOnGone)
        .doesNotContain(glassOnGone)
        .doesNotContain(volume);
    // A statistician reads no case: no notice about one.
    assertThat(notificationsOf(statistician))
        .doesNotContain(taskOnOurs)
        .doesNotContain(taskOnGone)
        .doesNotContain(glassOnGone)
        .doesNotContain(guardian)
        .doesNotContain(volume);
    // Oversight keeps the emergency access and the volume alert, not the case work.
    assertThat(notificationsOf(dpo))
        .contains(glassOnGone)
        .contains(volume)
        .doesNotContain(taskOnOurs)
        .doesNotContain(taskOnGone);
  }

  @Test
  void a_missing_child_alert_reaches_only_the_people_who_work_on_that_child() throws Exception {
    Agency guardianAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    TestUser guardianUser = accounts.user(guardianAgency, Role.CASEWORKER);
    TestUser colleague = accounts.user(guardianAgency, Role.CASEWORKER);
    TestUser supervisor = accounts.user(guardianAgency, Role.CASE_SUPERVISOR);
    TestUser focalPoint = accounts.user(guardianAgency, Role.CHILD_PROTECTION_OFFICER);
    Agency owner = accounts.agency(AgencyType.SERVICE_PROVIDER);
    TestUser ownerWorker = accounts.user(owner, Role.CASEWORKER);
    UUID child = openCase(owner);
    UUID guardianUserId = guardianUser.id();

    String toTheGuardian = tag("guardian-user-");
    String toTheAgency = tag("guardian-agency-");
    notifications.notify(
        guardianAgency.id(), guardianUserId, "missingChildGuardian", child, toTheGuardian);
    notifications.notify(guardianAgency.id(), "missingChildGuardian", child, toTheAgency);
    notifications.notify(owner.id(), "missingChild", child, toTheAgency);

    // The guardian sees the alert addressed to them; the agency's child-protection focal point
    // the one addressed to the agency as guardian; nobody else of that agency sees either.
    assertThat(notificationsOf(guardianUser)).contains(toTheGuardian).doesNotContain(toTheAgency);
    assertThat(notificationsOf(focalPoint)).contains(toTheAgency).doesNotContain(toTheGuardian);
    assertThat(notificationsOf(colleague))
        .doesNotContain(toTheGuardian)
        .doesNotContain(toTheAgency);
    assertThat(notificationsOf(supervisor))
        .doesNotContain(toTheGuardian)
        .doesNotContain(toTheAgency);
    // The case's own team reads its alert.
    assertThat(notificationsOf(ownerWorker)).contains(toTheAgency);
  }

  @Test
  void the_home_panel_leaves_out_a_notice_the_user_may_not_see() throws Exception {
    Agency shelter = accounts.agency(AgencyType.SERVICE_PROVIDER);
    TestUser worker = accounts.user(shelter, Role.CASEWORKER);
    TestUser statistician = accounts.user(shelter, Role.STATISTICIAN);
    notifications.notify(shelter.id(), "conclusiveGrounds", openCase(shelter), "");
    String text = "A person of your case is identified as a victim";
    assertThat(home(worker)).contains(text);
    assertThat(home(statistician)).doesNotContain(text);
  }

  String home(TestUser user) throws Exception {
    return mvc.perform(get("/").session(ScreeningFixtures.signIn(mvc, user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}

package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.protection.ChildSafeguards;
import org.palermo.app.directory.Providers;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.identification.procedure.DeadlinePolicy;
import org.palermo.app.platform.calendar.PublicHolidays;
import org.palermo.app.referral.Referral.Consent;
import org.palermo.app.referral.Referral.ConsentGiver;
import org.palermo.app.referral.Referral.InformedHow;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Public holidays imported through the administrator API move the deadlines that count working
 * days: a referral's answer deadline and identification's reasonable-grounds deadline (issue 13
 * §2). Dates in March 2031, which no other test uses; the holidays are removed afterwards.
 */
@PalermoIntegrationTest
class HolidayDeadlinesIT {
  /** Friday 7 March 2031, 09:30 UTC; Monday 10 March is made a holiday. */
  static final LocalDateTime SENT = LocalDateTime.of(2031, 3, 7, 9, 30);

  static final LocalDate HOLIDAY = LocalDate.of(2031, 3, 10);

  static final String ICS =
      """
      BEGIN:VCALENDAR\r
      VERSION:2.0\r
      BEGIN:VEVENT\r
      DTSTART;VALUE=DATE:20310310\r
      SUMMARY:Test holiday\r
      END:VEVENT\r
      END:VCALENDAR\r
      """;

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired ReferralStore store;
  @Autowired CaseLookup cases;
  @Autowired ChildSafeguards children;
  @Autowired Providers providers;
  @Autowired AccessPolicy policy;
  @Autowired ReferralEvents events;
  @Autowired ReferralProperties properties;
  @Autowired DeadlinePolicy deadlines;
  @Autowired PublicHolidays holidays;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeTheHolidays() {
    jdbc.sql("DELETE FROM public_holiday WHERE day >= ? AND day < ?")
        .params(LocalDate.of(2031, 1, 1), LocalDate.of(2032, 1, 1))
        .update();
    holidays.install();
  }

  MvcResult upload(TestUser who, String fileName, String content) throws Exception {
    return mvc.perform(
            multipart("/api/v1/admin/calendar/holidays")
                .file(
                    new MockMultipartFile(
                        "file", fileName, "text/plain", content.getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + accounts.token(who)))
        .andReturn();
  }

  Instant referralDue() {
    Actor sender = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Holiday shelter", ServiceType.SHELTER, List.of("en"), 1, 1);
    UUID caseId = fixtures.adultCase(sender.agency(), "en");
    Clock clock = Clock.fixed(SENT.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    return new ReferToProvider(store, cases, children, providers, policy, events, properties, clock)
        .refer(
            sender.principal(),
            new ReferToProvider.Command(
                caseId,
                shelter,
                null,
                null,
                null,
                false,
                "",
                new Consent(
                    ConsentGiver.THE_PERSON,
                    SENT.minusHours(1).toInstant(ZoneOffset.UTC),
                    InformedHow.ORALLY,
                    false),
                EnumSet.of(FieldGroup.IDENTITY),
                null,
                null))
        .dueAt();
  }

  @Test
  void an_imported_holiday_moves_the_referral_and_identification_deadlines_by_a_day()
      throws Exception {
    LocalDate wednesday = LocalDate.of(2031, 3, 5);
    assertThat(referralDue()).isEqualTo(Instant.parse("2031-03-11T09:30:00Z"));
    assertThat(deadlines.reasonableGroundsDue(wednesday)).isEqualTo(LocalDate.of(2031, 3, 12));

    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    MvcResult imported = upload(admin, "holidays.ics", ICS);
    assertThat(imported.getResponse().getStatus()).isEqualTo(200);
    assertThat(imported.getResponse().getContentAsString())
        .contains("\"read\":1", "\"added\":1", "\"updated\":0");

    // Monday 10 March is no longer a working day: both deadlines move one day later.
    assertThat(referralDue()).isEqualTo(Instant.parse("2031-03-12T09:30:00Z"));
    assertThat(deadlines.reasonableGroundsDue(wednesday)).isEqualTo(LocalDate.of(2031, 3, 13));

    // Importing the same file again changes nothing; the list shows the holiday.
    assertThat(upload(admin, "holidays.ics", ICS).getResponse().getContentAsString())
        .contains("\"added\":0");
    String listed =
        mvc.perform(
                get("/api/v1/admin/calendar/holidays")
                    .param("year", "2031")
                    .header("Authorization", "Bearer " + accounts.token(admin)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(listed).contains("{\"date\":\"2031-03-10\",\"name\":\"Test holiday\"}");
    assertThat(listed).contains("\"weekend\":[\"SATURDAY\",\"SUNDAY\"]");

    // Removed, the deadline is back.
    assertThat(
            mvc.perform(
                    delete("/api/v1/admin/calendar/holidays/2031-03-10")
                        .header("Authorization", "Bearer " + accounts.token(admin)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(204);
    assertThat(deadlines.reasonableGroundsDue(wednesday)).isEqualTo(LocalDate.of(2031, 3, 12));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action IN ('calendar.import',"
                        + " 'calendar.list', 'calendar.delete') AND actor = ?")
                .param(admin.username())
                .query(Long.class)
                .single())
        .isEqualTo(4);
  }

  @Test
  void a_csv_import_with_a_malformed_date_is_a_400_naming_the_line_and_stores_nothing()
      throws Exception {
    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    MvcResult bad = upload(admin, "h.csv", "date,name\n2031-03-10,Test\n2031-02-30,Bad\n");
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(bad.getResponse().getContentAsString()).contains("line 3", "\"line\":3");
    assertThat(holidays.list(2031)).isEmpty();

    assertThat(upload(admin, "h.csv", "").getResponse().getStatus()).isEqualTo(400);
    assertThat(upload(admin, "h.pdf", "%PDF-1.7").getResponse().getStatus()).isEqualTo(400);

    MvcResult good = upload(admin, "h.csv", "date,name\n2031-03-10,Test\n");
    assertThat(good.getResponse().getStatus()).isEqualTo(200);
    assertThat(holidays.list(2031)).hasSize(1);
  }

  @Test
  void only_an_administrator_may_read_or_change_the_calendar() throws Exception {
    TestUser caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    assertThat(upload(caseworker, "h.csv", "2031-03-10,Test\n").getResponse().getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(
                    get("/api/v1/admin/calendar/holidays")
                        .header("Authorization", "Bearer " + accounts.token(caseworker)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(holidays.list(2031)).isEmpty();
  }
}

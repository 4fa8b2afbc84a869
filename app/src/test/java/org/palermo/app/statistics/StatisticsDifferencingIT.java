package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.PersonRegistered;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.referral.ReferralStatus;
import org.palermo.app.referral.ReferralStatusChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The differencing attack of issue #11 item 7: an immigration officer downloads every statistics
 * table narrowed to today × one region × the shelters' agency type, a shelter then registers an
 * irregular migrant of that citizenship and refers her to a named shelter, and the officer asks
 * again, narrowly and broadly. Every answer is byte for byte the one before: the registration is in
 * a quarter not yet ended, the views are answered once and then from that first answer, no row
 * appears, and no shelter is named. A statistician, who sees exact figures, does see it (so the
 * registration did reach the statistics).
 */
@PalermoIntegrationTest
class StatisticsDifferencingIT {
  static final String REGION = "QW";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired Indicators indicators;
  @Autowired Clock clock;

  Map<String, String> everyTable(MockHttpSession session, String filter) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : Indicators.IDS) {
      var r =
          mvc.perform(
                  get("/statistics/download?format=csv&table=" + id + "&" + filter)
                      .session(session))
              .andReturn()
              .getResponse();
      assertThat(r.getStatus()).as(id).isEqualTo(200);
      out.put(id, r.getContentAsString(StandardCharsets.UTF_8));
    }
    var page = mvc.perform(get("/statistics?" + filter).session(session)).andReturn().getResponse();
    String html = page.getContentAsString(StandardCharsets.UTF_8);
    out.put("page-tables", html.substring(html.indexOf("<main"), html.indexOf("</main>")));
    return out;
  }

  void publish(Object event) {
    new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
  }

  @Test
  void anImmigrationOfficerCannotTellThatAShelterRegisteredSomeoneToday() throws Exception {
    MockHttpSession officer =
        ScreeningFixtures.signIn(
            mvc, accounts.user(AgencyType.IMMIGRATION_ENFORCEMENT, Role.FRONTLINE_OFFICER));
    LocalDate today = LocalDate.now(clock);
    List<String> filters =
        List.of(
            "from=" + today + "&to=" + today + "&region=" + REGION + "&agencyType=SERVICE_PROVIDER",
            "from=" + today + "&to=" + today + "&region=" + REGION,
            "from=" + today.withDayOfYear(1) + "&to=" + today,
            "");
    Map<String, Map<String, String>> before = new LinkedHashMap<>();
    for (String f : filters) {
      before.put(f, everyTable(officer, f));
    }

    Agency shelter = accounts.agency(AgencyType.SERVICE_PROVIDER);
    UUID caseId = UUID.randomUUID();
    publish(
        new PersonRegistered(
            caseId,
            today,
            "Feminine",
            24,
            false,
            REGION,
            REGION,
            Set.of(Exploitation.SEXUAL_EXPLOITATION),
            "SERVICE_PROVIDER",
            true,
            "IRREGULAR",
            null,
            "PossibleVictimOfTrafficking",
            null,
            null));
    // Detected victims only are counted: the person's derived status (issue 13 §1, §6).
    publish(
        new org.palermo.app.cases.TraffickingStatusChanged(
            List.of(caseId), org.palermo.app.cases.TraffickingStatus.INDICATED, clock.instant()));
    publish(
        new ReferralStatusChanged(
            UUID.randomUUID(),
            caseId,
            UUID.randomUUID(),
            "SERVICE_PROVIDER",
            shelter.id(),
            "SERVICE_PROVIDER",
            "SHELTER",
            ReferralStatus.PENDING,
            Instant.now(),
            Instant.now().plusSeconds(86_400),
            false,
            false));
    ReadModelAwait.rows(jdbc, "statistics_victim", "case_id", List.of(caseId));
    ReadModelAwait.rows(jdbc, "statistics_trafficking_status", "case_id", List.of(caseId));
    ReadModelAwait.rowsWhere(jdbc, "statistics_referral_step", "case_id", caseId, 1);

    // The registration reached the statistics: exact figures show it.
    StatTable exact =
        indicators.one(
            Indicators.CITIZENSHIP,
            new Indicators.Filter(today, today, REGION, "SERVICE_PROVIDER"),
            StatisticsAccess.Level.EXACT,
            Locale.ENGLISH);
    assertThat(exact.rows().stream().map(StatTable.Row::label)).contains(REGION);

    for (String f : filters) {
      Map<String, String> after = everyTable(officer, f);
      assertThat(after).as(f).isEqualTo(before.get(f));
      for (String table : after.values()) {
        assertThat(table).as(f).doesNotContain(shelter.name());
      }
    }
  }
}

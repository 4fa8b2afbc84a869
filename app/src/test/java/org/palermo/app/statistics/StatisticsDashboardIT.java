package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.PersonRegistered;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard at /statistics in English and Arabic (charts mirrored), its table alternatives and
 * downloads, small-cell suppression for an enforcement agency's user, refusal for others, releases
 * from the user interface (refused over budget), the population upload and the HTCDS download.
 * Fixture: region QD in 2019, 12 women (sexual exploitation) and 3 men (forced labour); 100,000
 * women in QD, so 12 × 100,000 / 100,000 = 12.00 per 100,000.
 */
@PalermoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsDashboardIT {
  static final String FILTER = "from=2019-01-01&to=2019-12-31&region=QD";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Populations populations;
  @Autowired JdbcClient jdbc;
  final List<UUID> fixtureCases = new java.util.ArrayList<>();

  MockHttpSession statistician;
  MockHttpSession police;

  @BeforeAll
  void fixture() throws Exception {
    for (int i = 0; i < 15; i++) {
      boolean woman = i < 12;
      UUID caseId = UUID.randomUUID();
      fixtureCases.add(caseId);
      PersonRegistered e =
          new PersonRegistered(
              caseId,
              LocalDate.of(2019, 5, 1),
              woman ? "Feminine" : "Masculine",
              25,
              false,
              "QE",
              "QD",
              Set.of(woman ? Exploitation.SEXUAL_EXPLOITATION : Exploitation.FORCED_LABOUR),
              "SERVICE_PROVIDER",
              true,
              null,
              null,
              "PossibleVictimOfTrafficking",
              null,
              null);
      new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(e));
      // Detected victims only are counted: the person's derived status (issue 13 §1, §6).
      org.palermo.app.cases.TraffickingStatusChanged status =
          new org.palermo.app.cases.TraffickingStatusChanged(
              java.util.List.of(caseId),
              org.palermo.app.cases.TraffickingStatus.INDICATED,
              java.time.Instant.now());
      new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(status));
    }
    populations.importCsv(
        new ByteArrayInputStream(
            ("region,year,sex,age_group,population\n"
                    + "QD,2019,female,adult,100000\nQD,2019,male,adult,100000\n"
                    + "QD,2019,female,child,20000\nQD,2019,male,child,20000\n")
                .getBytes(StandardCharsets.UTF_8)),
        "qd.csv",
        "cli");
    ReadModelAwait.rows(jdbc, "statistics_victim", "case_id", fixtureCases);
    ReadModelAwait.rows(jdbc, "statistics_trafficking_status", "case_id", fixtureCases);
    statistician =
        ScreeningFixtures.signIn(
            mvc, accounts.user(AgencyType.STATISTICS_OFFICE, Role.STATISTICIAN));
    police =
        ScreeningFixtures.signIn(mvc, accounts.user(AgencyType.LAW_ENFORCEMENT, Role.INVESTIGATOR));
  }

  MockHttpServletResponse page(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session)).andReturn().getResponse();
  }

  @Test
  void dashboardInEnglishHasChartsTablesAndDownloads() throws Exception {
    MockHttpServletResponse r = page(statistician, "/statistics?" + FILTER);
    assertThat(r.getStatus()).isEqualTo(200);
    String html = r.getContentAsString();
    assertThat(html)
        .contains("dir=\"ltr\"")
        // The page answers at once, saying how fresh its figures are (issue 12 §3).
        .contains("id=\"statistics-as-of\"")
        .contains("Figures as of ")
        .contains("role=\"img\"")
        .contains("<title id=\"chart-sdg-rates-title\">SDG 16.2.2: detected victims per 100,000")
        .contains("<desc id=\"chart-sdg-rates-desc\">")
        .contains("<caption>SDG 16.2.2: detected victims per 100,000 population</caption>")
        .contains("<th scope=\"row\">Women</th>")
        .contains("12.00")
        .contains("/statistics/download?table=sdg-rates&amp;format=csv&amp;from=2019-01-01");
    // Left to right: bars start at the axis after the labels (x = 220).
    Matcher bar =
        Pattern.compile("<rect class=\"statistics-bar\" x=\"(\\d+)\" y=\"\\d+\" width=\"(\\d+)\"")
            .matcher(html);
    assertThat(bar.find()).isTrue();
    assertThat(Integer.parseInt(bar.group(1))).isEqualTo(SvgChart.LABEL_WIDTH);
  }

  @Test
  void dashboardInArabicIsRightToLeftWithMirroredCharts() throws Exception {
    MockHttpServletResponse r = page(statistician, "/statistics?" + FILTER + "&lang=ar");
    String html = r.getContentAsString();
    assertThat(html)
        .contains("dir=\"rtl\"")
        .contains("الأرقام حتى")
        .contains("direction=\"rtl\"")
        .contains("الإحصاءات")
        .contains("النساء");
    // Right to left: bars end at the axis left of the labels (x + width = 640 - 220).
    Matcher bar =
        Pattern.compile("<rect class=\"statistics-bar\" x=\"(\\d+)\" y=\"\\d+\" width=\"(\\d+)\"")
            .matcher(html);
    assertThat(bar.find()).isTrue();
    assertThat(Integer.parseInt(bar.group(1)) + Integer.parseInt(bar.group(2)))
        .isEqualTo(SvgChart.WIDTH - SvgChart.LABEL_WIDTH);
  }

  @Test
  void csvAndXlsxDownloads() throws Exception {
    MockHttpServletResponse csv =
        page(statistician, "/statistics/download?table=sdg-counts&format=csv&" + FILTER);
    assertThat(csv.getStatus()).isEqualTo(200);
    assertThat(csv.getContentType()).startsWith("text/csv");
    assertThat(csv.getHeader("Content-Disposition")).contains("palermo-sdg-counts.csv");
    String body = csv.getContentAsString(StandardCharsets.UTF_8);
    assertThat(body)
        .contains("Sex and age,Sexual exploitation,Forced labour,Other purposes,Not recorded,Total")
        .contains("Women,12,0,0,0,12")
        .contains("Men,0,3,0,0,3")
        .contains("Total,12,3,0,0,15");
    MockHttpServletResponse xlsx =
        page(statistician, "/statistics/download?table=sdg-counts&format=xlsx&" + FILTER);
    assertThat(xlsx.getStatus()).isEqualTo(200);
    assertThat(xlsx.getContentType()).startsWith("application/vnd.openxmlformats");
    byte[] bytes = xlsx.getContentAsByteArray();
    assertThat(new String(bytes, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
  }

  @Test
  void enforcementUsersSeeSuppressedAggregatesOnly() throws Exception {
    MockHttpServletResponse r = page(police, "/statistics?" + FILTER);
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString())
        .contains("statistics-suppressed")
        .contains("Aggregate statistics only");
    String csv =
        page(police, "/statistics/download?table=sdg-counts&format=csv&" + FILTER)
            .getContentAsString(StandardCharsets.UTF_8);
    // The three men are never shown as 3: a cell is x or a noisy count of 10 or more, a multiple
    // of 5, and no zero either (issue #11 item 7).
    String men = csv.lines().filter(l -> l.startsWith("Men,")).findFirst().orElseThrow();
    assertThat(List.of(men.split(","))).doesNotContain("3");
    for (String line : csv.lines().skip(1).toList()) {
      for (String cell : line.split(",")) {
        if (cell.matches("\\d+")) {
          long v = Long.parseLong(cell);
          assertThat(v >= 10 && v % 5 == 0).as(line).isTrue();
        }
      }
    }
    assertThat(page(police, "/statistics/releases").getStatus()).isEqualTo(403);
    assertThat(page(police, "/statistics/htcds?format=csv").getStatus()).isEqualTo(403);
  }

  @Test
  void othersSeeNoStatistics() throws Exception {
    MockHttpSession caseworker =
        ScreeningFixtures.signIn(mvc, accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER));
    MockHttpServletResponse r = page(caseworker, "/statistics?" + FILTER);
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(r.getContentAsString()).doesNotContain("role=\"img\"");
    assertThat(page(caseworker, "/statistics/download?table=sdg-counts&format=csv").getStatus())
        .isEqualTo(403);
  }

  long ledgerEntries() {
    return jdbc.sql("SELECT count(*) FROM privacy_ledger WHERE dataset_id = 'victims'")
        .query(Long.class)
        .single();
  }

  @Test
  void releaseFromTheUiIsRefusedOverBudget() throws Exception {
    long before = ledgerEntries();
    MockHttpServletResponse r =
        mvc.perform(
                post("/statistics/releases")
                    .param("kind", "dp-table")
                    .param("epsilon", "100")
                    .session(statistician)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(r.getContentAsString())
        .contains("The release was refused; nothing was published and no privacy budget was spent.")
        .contains("Release refused:");
    assertThat(ledgerEntries()).isEqualTo(before);
  }

  @Test
  void tableReleaseFromTheUiIsListedAndDownloadable() throws Exception {
    MockHttpServletResponse made =
        mvc.perform(
                post("/statistics/releases")
                    .param("kind", "table")
                    .session(statistician)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(made.getStatus()).isEqualTo(302);
    String list = page(statistician, "/statistics/releases").getContentAsString();
    assertThat(list)
        .contains("<th scope=\"row\">QD</th>")
        .contains("<td>2019</td>")
        .contains("<td>240000</td>");
    Matcher link = Pattern.compile("/statistics/releases/(\\d+)/data").matcher(list);
    assertThat(link.find()).isTrue();
    MockHttpServletResponse data = page(statistician, link.group());
    assertThat(data.getStatus()).isEqualTo(200);
    assertThat(data.getContentAsString()).startsWith("sexAndAge,");
    MockHttpServletResponse sidecar =
        page(statistician, "/statistics/releases/" + link.group(1) + "/sidecar");
    assertThat(sidecar.getContentAsString()).contains("\"kind\"");
  }

  @Test
  void populationUploadWithBadRowsStoresNothing() throws Exception {
    MockMultipartFile file =
        new MockMultipartFile(
            "file",
            "p.csv",
            "text/csv",
            "region,year,sex,age_group,population\nQF,2019,female,adult,100\nQF,2019,female,elder,5\n"
                .getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse r =
        mvc.perform(
                multipart("/statistics/population").file(file).session(statistician).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(302);
    String page = page(statistician, "/statistics/releases").getContentAsString();
    assertThat(page).contains("line 3: age_group").contains("nothing imported");
    assertThat(
            jdbc.sql("SELECT count(*) FROM statistics_population WHERE region = 'QF'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void htcdsDownloadForStatisticians() throws Exception {
    MockHttpServletResponse r = page(statistician, "/statistics/htcds?format=csv");
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("ext_PseudonymousId,");
  }
}

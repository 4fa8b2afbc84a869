package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.application.CaseSummary;
import org.palermo.app.cases.care.CareServiceType;
import org.palermo.app.cases.care.ServicesDelivered;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The case pages: registration with search-before-create, the overview with status actions, the
 * timeline, tasks, overdue dashboard, printable summary, the list filters, and exports that escape
 * formulas and leave out what the user may not see.
 */
@PalermoIntegrationTest
class CasePagesIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired ReferralFixtures referrals;
  @Autowired ServicesDelivered services;
  @Autowired CaseSummary summary;
  @Autowired org.palermo.app.cases.care.Assessments assessments;
  @Autowired org.palermo.app.cases.care.SupportPlan plan;
  @Autowired org.palermo.app.cases.care.CaseNotes notes;

  TestUser worker;
  MockHttpSession session;

  @BeforeEach
  void signIn() throws Exception {
    worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    session = ScreeningFixtures.signIn(mvc, worker);
  }

  String page(String path) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  String register(String given, String family, String birth, boolean disputed) throws Exception {
    MvcResult r =
        mvc.perform(
                post("/cases/new")
                    .session(session)
                    .with(csrf())
                    .param("action", "create")
                    .param("givenName", given)
                    .param("familyName", family)
                    .param("birthDate", birth)
                    .param("ageDisputed", Boolean.toString(disputed))
                    .param("citizenships", "XB")
                    .param("legalBasis", "VITAL_INTEREST")
                    .param("purpose", "Protection and assistance")
                    .param("controlMethods", "DebtBondage")
                    .param("journeyCity", "Ketra", "", "")
                    .param("journeyCountry", "XA", "", "")
                    .param("journeyDate", "2025-02-01", "", ""))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    return r.getResponse().getRedirectedUrl();
  }

  @Test
  void registering_shows_likely_existing_records_before_the_create_button() throws Exception {
    String family = "Pg" + UUID.randomUUID().toString().substring(0, 6);
    String first = register("Mariam", family, "1998-04-04", false);
    assertThat(first).matches("/cases/[0-9a-f-]{36}");
    String form = page("/cases/new");
    assertThat(form).contains("name=\"givenName\"").doesNotContain("value=\"create\"");
    String checked =
        mvc.perform(
                post("/cases/new")
                    .session(session)
                    .with(csrf())
                    .param("action", "check")
                    .param("givenName", "مريم")
                    .param("familyName", family)
                    .param("birthDate", "1998-04-04")
                    .param("legalBasis", "CONSENT")
                    .param("purpose", "x"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(checked).contains("value=\"create\"").contains(first.substring(7));
    String refused =
        mvc.perform(
                post("/cases/new")
                    .session(session)
                    .with(csrf())
                    .param("action", "create")
                    .param("givenName", "NoPurpose")
                    .param("legalBasis", "CONSENT"))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("error-summary").contains("href=\"#f-purpose\"");
  }

  @Test
  void the_case_pages_render_in_english_and_arabic_with_the_child_badge() throws Exception {
    String path =
        register(
            "Omar", "Child" + UUID.randomUUID().toString().substring(0, 4), "1999-01-01", true);
    String overview = page(path);
    assertThat(overview)
        .contains("case-nav")
        .contains("cases-child")
        .contains("value=\"OPEN\"")
        .contains("Ketra");
    String arabic = page(path + "?lang=ar");
    assertThat(arabic).contains("dir=\"rtl\"").contains("طفل");
    mvc.perform(
            post(path + "/transition")
                .session(session)
                .with(csrf())
                .param("transition", "OPEN")
                .param("version", "0"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post(path + "/transition")
                .session(session)
                .with(csrf())
                .param("transition", "OPEN")
                .param("version", "0"))
        .andExpect(status().isPreconditionFailed());
    assertThat(page(path + "/timeline")).contains("Case opened");
    mvc.perform(
            post(path + "/tasks")
                .session(session)
                .with(csrf())
                .param("title", "Call the guardian")
                .param("dueOn", LocalDate.now().minusDays(1).toString()))
        .andExpect(status().is3xxRedirection());
    assertThat(page(path + "/tasks")).contains("Call the guardian").contains("cases-overdue");
    assertThat(page("/cases/tasks/overdue")).contains("Call the guardian");
    assertThat(page(path + "/summary")).contains("cases-print").contains("Omar");
    assertThat(page("/cases?child=true&overdue=true")).contains(path);
    assertThat(page("/cases?child=false")).doesNotContain(path);
  }

  @Test
  void the_person_is_edited_on_a_page_and_a_stale_form_gets_412() throws Exception {
    String path = register("Leila", "Before", "2000-02-02", true);
    String form = page(path + "/person");
    assertThat(form).contains("value=\"Leila\"").contains("value=\"Ketra\"");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
    assertThat(m.find()).isTrue();
    String version = m.group(1);
    mvc.perform(
            post(path + "/person")
                .session(session)
                .with(csrf())
                .param("version", version)
                .param("givenName", "Leila")
                .param("familyName", "After")
                .param("birthDate", "2000-02-02")
                .param("ageDisputed", "false")
                .param("legalBasis", "VITAL_INTEREST")
                .param("purpose", "Protection and assistance"))
        .andExpect(status().isConflict());
    // Editing cannot end an age dispute: only an age assessment can (issue 13 §3).
    mvc.perform(
            post(path + "/person")
                .session(session)
                .with(csrf())
                .param("version", version)
                .param("givenName", "Leila")
                .param("familyName", "After")
                .param("birthDate", "2000-02-02")
                .param("ageDisputed", "true")
                .param("legalBasis", "VITAL_INTEREST")
                .param("purpose", "Protection and assistance"))
        .andExpect(status().is3xxRedirection());
    String overview = page(path);
    assertThat(overview).contains("After").contains("cases-child");
    mvc.perform(
            post(path + "/person")
                .session(session)
                .with(csrf())
                .param("version", version)
                .param("givenName", "Leila")
                .param("familyName", "Stale")
                .param("legalBasis", "VITAL_INTEREST")
                .param("purpose", "Protection and assistance"))
        .andExpect(status().isPreconditionFailed());
  }

  @Test
  void another_agency_gets_404_on_the_case_page() throws Exception {
    String path = register("Hidden", "Page", "1990-01-01", false);
    TestUser stranger = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession other = ScreeningFixtures.signIn(mvc, stranger);
    mvc.perform(get(path).session(other)).andExpect(status().isNotFound());
    mvc.perform(get(path + "/summary").session(other)).andExpect(status().isNotFound());
  }

  @Test
  void the_csv_export_makes_formulas_inert_and_the_xlsx_export_is_a_workbook() throws Exception {
    register("=HYPERLINK(\"http://evil\")", "Formula", "1990-01-01", false);
    String csv =
        mvc.perform(get("/cases/export").param("format", "csv").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").contains("Formula");
    byte[] xlsx =
        mvc.perform(get("/cases/export").param("format", "xlsx").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    StringBuilder cells = new StringBuilder();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : wb.getSheetAt(0)) {
        for (Cell cell : row) {
          assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
          cells.append(cell.getStringCellValue()).append('|');
        }
      }
    }
    // XLSX inline strings are never evaluated: the name is kept as recorded, no apostrophe.
    assertThat(cells).contains("|=HYPERLINK").doesNotContain("'=HYPERLINK").contains("Formula");
  }

  @Test
  void an_enforcement_user_never_sees_a_case_assisted_by_another_agency_in_list_export_or_search()
      throws Exception {
    // The firewall (SECURITY.md rule 3): a border agency lists, exports and searches its own cases
    // only; a person assisted by a service provider never appears, by name or by reference.
    Agency border = accounts.agency(AgencyType.IMMIGRATION_ENFORCEMENT);
    TestUser officer = accounts.user(border, Role.FRONTLINE_OFFICER);
    Agency shelter = accounts.agency(AgencyType.SERVICE_PROVIDER);
    String secret = "Secret" + UUID.randomUUID().toString().substring(0, 6);
    String assisted = register(secret, shelter);
    String own = register("Bordercase" + UUID.randomUUID().toString().substring(0, 6), border);
    MockHttpSession s = ScreeningFixtures.signIn(mvc, officer);
    String csv =
        mvc.perform(get("/cases/export").param("format", "csv").session(s))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).contains(own).doesNotContain(assisted).doesNotContain(secret);
    String list =
        mvc.perform(get("/cases").session(s))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(list).contains(own).doesNotContain(assisted).doesNotContain(secret);
    String search =
        mvc.perform(get("/cases").param("name", secret).session(s))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    // The page echoes the query in its search box; the case itself must not appear.
    assertThat(search).doesNotContain(assisted).doesNotContain("Firewalled");
  }

  private String register(String givenName, Agency owner) {
    return records.register(
        new CaseRecords.NewPersonCase(
            givenName,
            "Firewalled",
            LocalDate.of(1991, 3, 3),
            false,
            null,
            List.of("XA"),
            List.of("ara"),
            LegalBasis.LEGAL_OBLIGATION,
            "Test",
            owner.id(),
            CaseStatus.OPEN,
            Instant.now(),
            true,
            null,
            null,
            null,
            null));
  }

  @Test
  void the_summary_lists_services_delivered_and_referrals_only_to_readers_of_the_case_narrative()
      throws Exception {
    Actor owner = referrals.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor recipient = referrals.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        referrals.service(
            shelterAgency, "Summary shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    UUID caseId = referrals.adultCase(owner.agency(), "fr");
    services.record(
        owner.principal(),
        caseId,
        new ServicesDelivered.NewService(
            CareServiceType.MEDICAL,
            LocalDate.now().minusDays(2),
            null,
            "Harbour Street Clinic",
            null,
            ""));
    mvc.perform(
            post("/api/v1/referrals")
                .header("Authorization", owner.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                     "scope": ["IDENTITY", "CONTACT"], %s}"""
                        .formatted(caseId, shelter, ReferralFixtures.consentJson())))
        .andExpect(status().isCreated());

    MockHttpSession ownerSession = ScreeningFixtures.signIn(mvc, owner.user());
    String english =
        mvc.perform(get("/cases/" + caseId + "/summary").session(ownerSession))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(english)
        .contains("<h2 id=\"sum-services\">Services delivered</h2>")
        .contains("Medical care")
        .contains("Harbour Street Clinic")
        .contains("<h2 id=\"sum-referrals\">Referrals</h2>")
        .contains(shelterAgency.name())
        .contains("Shelter")
        .contains("Pending")
        .contains("<th scope=\"col\">Referred to</th>")
        .contains(LocalDate.now().minusDays(2).toString());
    String arabic =
        mvc.perform(get("/cases/" + caseId + "/summary?lang=ar").session(ownerSession))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(arabic).contains("الخدمات المقدَّمة").contains("الإحالات").contains("معلّقة");

    // The recipient of the referral reads only the referral view (identity, contact): no case
    // narrative, so neither section, and the printable summary itself is refused.
    CaseSummary.Sections none = summary.of(recipient.principal(), caseId);
    assertThat(none.services()).isNull();
    assertThat(none.referrals()).isNull();
    CaseSummary.Sections both = summary.of(owner.principal(), caseId);
    assertThat(both.services()).hasSize(1);
    assertThat(both.referrals()).hasSize(1);
    MockHttpSession recipientSession = ScreeningFixtures.signIn(mvc, recipient.user());
    String refused =
        mvc.perform(get("/cases/" + caseId + "/summary").session(recipientSession))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).doesNotContain("Harbour Street Clinic").doesNotContain("sum-referrals");
  }

  @Test
  void the_summary_prints_assessments_support_plan_and_notes_only_to_readers_of_the_case_narrative()
      throws Exception {
    Actor owner = referrals.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor recipient = referrals.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        referrals.service(
            shelterAgency, "Printed shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    UUID caseId = referrals.adultCase(owner.agency(), "fr");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    var factor = org.palermo.app.cases.care.Factor.PHYSICAL_HEALTH;
    assessments.record(
        owner.principal(),
        caseId,
        new org.palermo.app.cases.care.Assessments.NewAssessment(
            org.palermo.app.cases.care.AssessmentLevel.INDIVIDUAL,
            LocalDate.now().minusDays(1),
            "Assessed summary " + tag,
            java.util.Map.of(
                factor,
                new org.palermo.app.cases.care.Assessments.Rated(
                    factor, org.palermo.app.cases.care.Rating.RISK, "Untreated injury " + tag))));
    plan.add(
        owner.principal(),
        caseId,
        new org.palermo.app.cases.care.SupportPlan.NewObjective(
            org.palermo.app.cases.care.PlanType.Health,
            "See a doctor " + tag,
            "Clinic on Monday " + tag,
            LocalDate.now().plusDays(30)));
    notes.add(owner.principal(), caseId, "Printed note " + tag, false);
    mvc.perform(
            post("/api/v1/referrals")
                .header("Authorization", owner.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                     "scope": ["IDENTITY", "CONTACT"], %s}"""
                        .formatted(caseId, shelter, ReferralFixtures.consentJson())))
        .andExpect(status().isCreated());

    MockHttpSession ownerSession = ScreeningFixtures.signIn(mvc, owner.user());
    String page =
        mvc.perform(get("/cases/" + caseId + "/summary").session(ownerSession))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("<h2 id=\"sum-assessments\">")
        .contains("Assessed summary " + tag)
        .contains("Untreated injury " + tag)
        .contains("<h2 id=\"sum-plan\">")
        .contains("See a doctor " + tag)
        .contains("Clinic on Monday " + tag)
        .contains("<h2 id=\"sum-notes\">")
        .contains("Printed note " + tag);

    // The recipient of the referral may not read the case narrative: none of these sections.
    CaseSummary.Sections none = summary.of(recipient.principal(), caseId);
    assertThat(none.assessments()).isNull();
    assertThat(none.objectives()).isNull();
    assertThat(none.notes()).isNull();
  }
}

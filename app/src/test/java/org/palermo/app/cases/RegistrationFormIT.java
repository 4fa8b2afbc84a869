package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.application.CompleteScreening;
import org.palermo.app.identification.application.SaveScreeningStep;
import org.palermo.app.identification.application.StartScreening;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.app.identification.screening.Step;
import org.palermo.law.Means;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registration form as a caseworker uses it (issue #14 items 11 and 17): started from a
 * screening result with the answers carried over (nothing retyped), countries and languages picked
 * from lists named in the interface language, a refusal that keeps every field and says at the
 * field what is wrong, and a search without result that says "no matching record".
 */
@PalermoIntegrationTest
class RegistrationFormIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired StartScreening start;
  @Autowired SaveScreeningStep save;
  @Autowired CompleteScreening complete;

  TestUser worker;
  MockHttpSession session;

  @BeforeEach
  void signIn() throws Exception {
    worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    session = ScreeningFixtures.signIn(mvc, worker);
  }

  @Test
  void a_screening_result_registers_the_person_with_the_answers_carried_over() throws Exception {
    UUID screening = completedWithFraud(ScreeningFixtures.principal(worker, Role.CASEWORKER));
    String result = page("/screenings/" + screening + "/result");
    assertThat(result).contains("href=\"/cases/new?screening=" + screening + "\"");

    String form = page("/cases/new?screening=" + screening);
    // Age 27 → an estimated date of birth; Tigrinya with an interpreter; forced labour; irregular
    // entry; the legal basis of the interview.
    String born = LocalDate.now().getYear() - 27 + "-01-01";
    assertThat(form)
        .contains("value=\"" + born + "\"")
        .contains("Tigrinya (ti)")
        .contains("The interview needed an interpreter.")
        .contains("name=\"screening\" value=\"" + screening + "\"")
        .contains("<details class=\"cases-more\" open");
    Map<String, List<String>> fields = fields(form);
    assertThat(fields.get("birthDate")).containsExactly(born);
    assertThat(fields.get("birthDateEstimated")).containsExactly("true");
    assertThat(fields.get("languages")).contains("Tigrinya (ti)");
    assertThat(fields.get("exploitationTypes")).containsExactly("FORCED_LABOUR");
    assertThat(fields.get("migrationStatus")).containsExactly("IRREGULAR");
    assertThat(fields.get("legalBasis")).containsExactly("VITAL_INTEREST");
    assertThat(fields.get("controlMethods")).contains("FalsePromises");

    // The caseworker adds only the name and the purpose, and registers: nothing retyped.
    String family = "Sc" + UUID.randomUUID().toString().substring(0, 6);
    fields.put("givenName", List.of("Selam"));
    fields.put("familyName", List.of(family));
    fields.put("purpose", List.of("Protection and assistance"));
    fields.put("action", List.of("create"));
    MockHttpServletRequestBuilder create = post("/cases/new").session(session).with(csrf());
    fields.forEach((k, v) -> create.param(k, v.toArray(String[]::new)));
    String to =
        mvc.perform(create)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(to).matches("/cases/[0-9a-f-]{36}");

    Map<String, List<String>> saved = fields(page(to + "/person"));
    assertThat(saved.get("birthDate")).containsExactly(born);
    assertThat(saved.get("birthDateEstimated")).containsExactly("true");
    assertThat(saved.get("languages")).contains("Tigrinya (ti)");
    assertThat(saved.get("exploitationTypes")).containsExactly("FORCED_LABOUR");
    assertThat(saved.get("migrationStatus")).containsExactly("IRREGULAR");
    assertThat(saved.get("controlMethods")).isEqualTo(fields.get("controlMethods"));

    // The screening is linked to the new case, and its recommended referrals open that case's
    // referral form with the service chosen.
    String linked = page("/screenings/" + screening + "/result");
    assertThat(linked)
        .doesNotContain("href=\"/cases/new?screening=")
        .contains("href=\"" + to + "/referrals?serviceType=");
  }

  @Test
  void countries_and_languages_are_picked_from_lists_named_in_the_interface_language()
      throws Exception {
    String fr = page("/cases/new?lang=fr");
    assertThat(fr)
        .contains("list=\"country-list\"")
        .contains("<option value=\"Afghanistan (AF)\">")
        .contains("<option value=\"dari (prs)\">")
        .contains("<option value=\"kurde (kmr)\">");
    // The interface's own language menu stays the four interface languages (the list of every
    // language is the picker's, not the layout's).
    assertThat(fr).contains("hreflang=\"ar\"").doesNotContain("hreflang=\"prs\"");
    assertThat(page("/cases/new?lang=ar")).contains("<option value=\"أفغانستان (AF)\">");

    // A name picked from the list is stored as its code, and shown again by name.
    String family = "Li" + UUID.randomUUID().toString().substring(0, 6);
    String to =
        mvc.perform(
                post("/cases/new")
                    .session(session)
                    .with(csrf())
                    .param("action", "create")
                    .param("givenName", "Wahid")
                    .param("familyName", family)
                    .param("citizenships", "Afghanistan (AF)", "")
                    .param("languages", "Dari (prs)", "")
                    .param("legalBasis", "CONSENT")
                    .param("purpose", "Protection and assistance"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String edit = page(to + "/person?lang=fr");
    Map<String, List<String>> saved = fields(edit);
    assertThat(saved.get("citizenships")).contains("Afghanistan (AF)");
    assertThat(saved.get("languages")).contains("dari (prs)");
  }

  @Test
  void a_refused_registration_keeps_every_field_and_says_what_is_wrong_at_it() throws Exception {
    String family = "Rf" + UUID.randomUUID().toString().substring(0, 6);
    String refused =
        mvc.perform(
                post("/cases/new")
                    .session(session)
                    .with(csrf())
                    .param("action", "create")
                    .param("givenName", "Keep")
                    .param("familyName", family)
                    .param("birthDate", "2990-01-01")
                    .param("citizenships", "zz", "")
                    .param("languages", "Dari (prs)", "")
                    .param("legalBasis", "CONSENT")
                    .param("purpose", "Protection and assistance")
                    .param("controlMethods", "DebtBondage")
                    .param("journeyCity", "Ketra", "", ""))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused)
        .contains("class=\"error-summary\"")
        .contains("href=\"#f-citizenships\"")
        .contains("href=\"#f-birthDate\"")
        .contains("Citizenships: &#39;zz&#39; is not a country; pick from the list.")
        .contains("id=\"f-citizenships-error\"")
        .contains("Date of birth: &#39;2990-01-01&#39; is in the future");
    Map<String, List<String>> kept = fields(refused);
    assertThat(kept.get("givenName")).containsExactly("Keep");
    assertThat(kept.get("familyName")).containsExactly(family);
    assertThat(kept.get("birthDate")).containsExactly("2990-01-01");
    assertThat(kept.get("citizenships")).contains("zz");
    assertThat(kept.get("languages")).contains("Dari (prs)");
    assertThat(kept.get("controlMethods")).containsExactly("DebtBondage");
    assertThat(kept.get("journeyCity")).contains("Ketra");
    assertThat(kept.get("purpose")).containsExactly("Protection and assistance");
    // Nothing was registered.
    assertThat(page("/cases?name=" + family)).contains("No matching record.");
  }

  @Test
  void a_search_without_result_says_no_matching_record() throws Exception {
    String none = page("/cases?name=Nobody" + UUID.randomUUID().toString().substring(0, 6));
    assertThat(none).contains("No matching record.").doesNotContain("has no cases yet");
  }

  /** The fixtures' adult in forced labour, who also answered that they were defrauded. */
  UUID completedWithFraud(PalermoPrincipal who) {
    UUID id =
        start.start(who, new StartScreening.Command(LegalBasis.VITAL_INTEREST, false, "ti", true));
    Map<Step, Map<String, String>> pages = ScreeningFixtures.adultForcedLabour();
    Map<String, String> recruitment = new HashMap<>(pages.get(Step.RECRUITMENT));
    recruitment.put(Questionnaire.means(Means.FRAUD), "YES");
    pages.put(Step.RECRUITMENT, recruitment);
    pages.forEach(
        (step, answers) ->
            save.save(who, new SaveScreeningStep.Command(id, step, answers, false, null)));
    complete.complete(who, new CompleteScreening.Command(id, null, null));
    return id;
  }

  String page(String path) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static final Pattern FORM =
      Pattern.compile("<form[^>]*id=\"f-form\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
  private static final Pattern SELECT =
      Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
  private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");

  /**
   * What a browser would submit from the registration form as shown: text, date and hidden inputs,
   * the checked boxes, the selected options.
   */
  static Map<String, List<String>> fields(String html) {
    Matcher f = FORM.matcher(html);
    assertThat(f.find()).as("the registration form").isTrue();
    String form = f.group(1);
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    Matcher i = INPUT.matcher(form);
    while (i.find()) {
      String a = i.group(1);
      String name = attr(a, "name");
      String type = attr(a, "type");
      if (name == null || "_submission".equals(name) || "_csrf".equals(name)) {
        continue;
      }
      if (("checkbox".equals(type) || "radio".equals(type)) && !a.contains("checked")) {
        continue;
      }
      String value = attr(a, "value");
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value == null ? "" : value);
    }
    Matcher s = SELECT.matcher(form);
    while (s.find()) {
      String name = attr(s.group(1), "name");
      Matcher o = OPTION.matcher(s.group(2));
      while (o.find()) {
        if (o.group(1).contains("selected")) {
          out.computeIfAbsent(name, k -> new ArrayList<>()).add(attr(o.group(1), "value"));
        }
      }
    }
    return out;
  }

  private static String attr(String attributes, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
    return m.find() ? m.group(1) : null;
  }
}

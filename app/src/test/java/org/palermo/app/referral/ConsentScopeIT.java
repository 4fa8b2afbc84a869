package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.app.referral.ReferralFixtures.consentJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 11 items 1: the consent scope of a referral is a grant the access policy intersects on
 * every route, not only on the referral's own detail; a transfer hands over only the consented
 * groups. The assertions look at what the answers contain (the person's name and date of birth, a
 * case note), not at what the policy decides, so a fault in the policy fails them.
 */
@PalermoIntegrationTest
class ConsentScopeIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;

  Actor caseworker;
  Actor shelterWorker;
  UUID shelter;
  UUID caseId;
  UUID personId;
  String given;
  String family;
  final LocalDate birth = LocalDate.of(1986, 11, 17);

  @BeforeEach
  void aCaseAndAShelter() {
    caseworker = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    shelterWorker = fixtures.actor(shelterAgency, Role.CASEWORKER);
    shelter =
        fixtures.service(
            shelterAgency, "Scope shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    String tag = letters(8);
    given = "Velmora" + tag;
    family = "Truscant" + tag;
    String reference =
        records.register(CaseFixtures.openCase(given, family, birth, caseworker.agency().id()));
    caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(reference)
            .query(UUID.class)
            .single();
    personId =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
  }

  UUID refer(String scope, boolean transfer) throws Exception {
    MvcResult r =
        mvc.perform(
                post("/api/v1/referrals")
                    .header("Authorization", caseworker.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                         "transfer": %s, "scope": %s, "note": "Needs a bed", %s}"""
                            .formatted(caseId, shelter, transfer, scope, consentJson())))
            .andReturn();
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
    return UUID.fromString(JsonPath.read(r.getResponse().getContentAsString(), "$.id"));
  }

  MvcResult api(Actor who, String path) throws Exception {
    return mvc.perform(get(java.net.URI.create(path)).header("Authorization", who.bearer()))
        .andReturn();
  }

  MvcResult page(MockHttpSession s, String path) throws Exception {
    return mvc.perform(get(java.net.URI.create(path)).session(s)).andReturn();
  }

  static String body(MvcResult r) {
    return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  /** Every route that shows a person, for a user: status and body. */
  List<MvcResult> everyPersonRoute(Actor who) throws Exception {
    MockHttpSession s = ScreeningFixtures.signIn(mvc, who.user());
    List<MvcResult> out = new ArrayList<>();
    out.add(api(who, "/api/v1/cases/" + caseId));
    out.add(api(who, "/api/v1/persons/" + personId));
    out.add(page(s, "/cases/" + caseId));
    out.add(page(s, "/cases/" + caseId + "/person"));
    out.add(page(s, "/cases/" + caseId + "/summary"));
    out.add(api(who, "/api/v1/cases?size=100"));
    out.add(api(who, "/api/v1/persons?size=100"));
    out.add(page(s, "/cases"));
    out.add(page(s, "/cases/export?format=csv"));
    // The search is by the user's own words: what comes back beyond the typed name is checked.
    out.add(api(who, "/api/v1/persons/matches?name=" + given + "%20" + family));
    return out;
  }

  /** Whether a body shows the person's identity: the names (outside the echo) or birth date. */
  boolean showsIdentity(MvcResult r) {
    String b = body(r);
    String uri = r.getRequest().getRequestURI() + "?" + r.getRequest().getQueryString();
    if (uri.contains("matches")) {
      return b.contains(birth.toString()) || b.contains("\"givenName\":\"" + given);
    }
    return b.contains(given) || b.contains(family) || b.contains(birth.toString());
  }

  @Test
  void a_recipient_of_a_contact_only_referral_never_sees_the_persons_identity() throws Exception {
    refer("[\"CONTACT\"]", false);

    List<String> leaks = new ArrayList<>();
    int ok = 0;
    for (MvcResult r : everyPersonRoute(shelterWorker)) {
      ok += r.getResponse().getStatus() == 200 ? 1 : 0;
      if (showsIdentity(r)) {
        leaks.add(r.getRequest().getRequestURI() + " " + r.getResponse().getStatus());
      }
    }
    assertThat(leaks)
        .as("routes that show a CONTACT-only recipient the person's identity")
        .isEmpty();
    // The recipient still has the case (CONTACT): the overview answers, without identity.
    assertThat(api(shelterWorker, "/api/v1/cases/" + caseId).getResponse().getStatus())
        .isEqualTo(200);
    assertThat(ok).isGreaterThan(0);
    // The audit records the groups actually shown, not the referral view.
    List<String> details =
        jdbc.sql(
                "SELECT detail FROM audit_event WHERE action = 'cases.person.read'"
                    + " AND actor = ? ORDER BY seq")
            .param(shelterWorker.user().username())
            .query(String.class)
            .list();
    assertThat(details).isNotEmpty().allMatch(d -> d.contains("groups=[CONTACT]"), "CONTACT only");
  }

  @Test
  void a_recipient_with_identity_in_scope_does_see_the_name() throws Exception {
    refer("[\"IDENTITY\", \"CONTACT\"]", false);
    assertThat(body(api(shelterWorker, "/api/v1/cases/" + caseId))).contains(given);
    assertThat(body(api(shelterWorker, "/api/v1/persons/" + personId))).contains(family);
  }

  /**
   * Red-team re-test of issue 11 item 1: after a CONTACT-only transfer the new owner's name search
   * neither lists nor counts the case, so the total cannot confirm a name it may not read; an
   * unknown name and the hidden one answer alike (GeneratedAccessMatrixIT had no name filter on a
   * consent-scoped case).
   */
  @Test
  void a_name_search_counts_no_case_whose_identity_the_owner_may_not_read() throws Exception {
    UUID referral = refer("[\"CONTACT\"]", true);
    MvcResult accepted =
        mvc.perform(
                post("/api/v1/referrals/" + referral + "/accept")
                    .header("Authorization", shelterWorker.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}"))
            .andReturn();
    assertThat(accepted.getResponse().getStatus()).isEqualTo(200);
    assertThat(fixtures.owner(caseId)).isEqualTo(shelterWorker.agency().id());
    String hidden = body(api(shelterWorker, "/api/v1/cases?name=" + family));
    String unknown = body(api(shelterWorker, "/api/v1/cases?name=Nobodyknown" + letters(6)));
    assertThat(hidden).contains("\"totalItems\":0").doesNotContain(family);
    assertThat(hidden).isEqualTo(unknown);
    // The case is still the owner's, listed without a name filter.
    assertThat(body(api(shelterWorker, "/api/v1/cases?size=100"))).contains(caseId.toString());
  }

  @Test
  void a_transfer_hands_over_only_the_consented_groups() throws Exception {
    String base = "/api/v1/cases/" + caseId;
    String narrative = "NarrativeNote" + letters(6);
    MvcResult note =
        mvc.perform(
                post(base + "/notes")
                    .header("Authorization", caseworker.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"text\": \"" + narrative + "\"}"))
            .andReturn();
    assertThat(note.getResponse().getStatus()).isEqualTo(201);
    UUID referral = refer("[\"IDENTITY\", \"CONTACT\"]", true);
    MvcResult accepted =
        mvc.perform(
                post("/api/v1/referrals/" + referral + "/accept")
                    .header("Authorization", shelterWorker.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}"))
            .andReturn();
    assertThat(accepted.getResponse().getStatus()).isEqualTo(200);
    assertThat(fixtures.owner(caseId)).isEqualTo(shelterWorker.agency().id());

    // The new owner reads what the person consented to hand over...
    assertThat(body(api(shelterWorker, base))).contains(given);
    // ...and nothing else: the case narrative (notes), health and legal proceedings stay out of its
    // reach.
    MvcResult notes = api(shelterWorker, base + "/notes");
    assertThat(notes.getResponse().getStatus()).isEqualTo(403);
    assertThat(body(notes)).doesNotContain(narrative);
    MockHttpSession s = ScreeningFixtures.signIn(mvc, shelterWorker.user());
    assertThat(body(page(s, "/cases/" + caseId + "/notes"))).doesNotContain(narrative);
    assertThat(body(page(s, "/cases/" + caseId + "/summary"))).doesNotContain(narrative);
    // The former owner holds nothing any more.
    assertThat(api(caseworker, base).getResponse().getStatus()).isEqualTo(404);
  }

  @Test
  void a_transfer_may_carry_more_than_the_referral_view_but_a_referral_may_not() throws Exception {
    MvcResult wide =
        mvc.perform(
                post("/api/v1/referrals")
                    .header("Authorization", caseworker.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                         "scope": ["IDENTITY", "HEALTH"], "note": "x", %s}"""
                            .formatted(caseId, shelter, consentJson())))
            .andReturn();
    assertThat(wide.getResponse().getStatus()).isEqualTo(400);
    assertThat(body(wide)).contains("SCOPE_INVALID");
    UUID referral = refer("[\"IDENTITY\", \"CONTACT\", \"CASE_NARRATIVE\"]", true);
    mvc.perform(
        post("/api/v1/referrals/" + referral + "/accept")
            .header("Authorization", shelterWorker.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{}"));
    assertThat(api(shelterWorker, "/api/v1/cases/" + caseId + "/notes").getResponse().getStatus())
        .isEqualTo(200);
    assertThat(
            jdbc.sql("SELECT array_to_string(consent_scope, ',') FROM case_file WHERE id = ?")
                .param(caseId)
                .query(String.class)
                .single())
        .isEqualTo("CASE_NARRATIVE,CONTACT,IDENTITY");
  }

  private static String letters(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }
}

package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.app.referral.ReferralFixtures.consentJson;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.access.SubjectAccess;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.DatabaseServer;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue #14 item 13: the person's contact details are written and read on the case's page and
 * through the API, sealed at rest like names, in the CONTACT field group (another agency without a
 * referral gets 404, a recipient whose consent leaves CONTACT out 403, one whose consent covers it
 * sees them), in the subject-access export, and "not safe to contact" is a warning before the
 * phone.
 */
@PalermoIntegrationTest
class ContactDetailsIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired DatabaseServer server;
  @Autowired SubjectAccess subjectAccess;

  Actor caseworker;
  MockHttpSession session;
  UUID caseId;
  UUID personId;
  String tag;
  String phone;
  String address;

  @BeforeEach
  void aCase() throws Exception {
    caseworker = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    session = ScreeningFixtures.signIn(mvc, caseworker.user());
    tag = letters(8);
    String reference =
        records.register(
            CaseFixtures.openCase(
                "Contact" + tag,
                "Person" + tag,
                LocalDate.of(1991, 3, 9),
                caseworker.agency().id()));
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
    int n = ThreadLocalRandom.current().nextInt(1000, 9999);
    phone = "+39 06 5550 " + n;
    address = "Via Zenobia" + tag + " 7";
  }

  @Test
  void written_on_the_page_they_read_back_on_the_page_and_the_api_with_the_warning_first()
      throws Exception {
    MvcResult saved =
        mvc.perform(
                post("/cases/" + caseId + "/contact")
                    .session(session)
                    .with(csrf())
                    .param("phone", phone)
                    .param("messagingApp", "SIGNAL")
                    .param("messagingHandle", "@handle" + tag)
                    .param("address", address)
                    .param("location", "Near the station of Qz" + tag)
                    .param("preferredMethod", "TEXT_MESSAGE")
                    .param("safeTimes", "after 18:00 on weekdays")
                    .param("safeToContact", "NO")
                    .param("safetyNote", "Only via the shelter " + tag))
            .andReturn();
    assertThat(saved.getResponse().getStatus()).as(body(saved)).isEqualTo(302);

    // The contact page and the case overview show them, the warning before the phone.
    for (String path : List.of("/cases/" + caseId + "/contact", "/cases/" + caseId)) {
      String page = body(mvc.perform(get(path).session(session)).andReturn());
      assertThat(page).as(path).contains(phone).contains(address).contains("@handle" + tag);
      assertThat(page).as(path).contains("Not safe to contact");
      assertThat(page.indexOf("contact-unsafe"))
          .as(path + ": the warning comes before the phone")
          .isLessThan(page.indexOf(phone));
    }

    // The timeline says that they changed, not what they are.
    String timeline =
        body(mvc.perform(get("/cases/" + caseId + "/timeline").session(session)).andReturn());
    assertThat(timeline).contains("Contact details updated").doesNotContain(phone);

    MvcResult api = api(caseworker, "/api/v1/cases/" + caseId + "/contact");
    assertThat(api.getResponse().getStatus()).isEqualTo(200);
    String json = body(api);
    assertThat((String) JsonPath.read(json, "$.phone")).isEqualTo(phone);
    assertThat((String) JsonPath.read(json, "$.messagingApp")).isEqualTo("SIGNAL");
    assertThat((String) JsonPath.read(json, "$.safeToContact")).isEqualTo("NO");
    assertThat((String) JsonPath.read(json, "$.safetyNote"))
        .isEqualTo("Only via the shelter " + tag);
    assertThat((String) JsonPath.read(json, "$.preferredMethod")).isEqualTo("TEXT_MESSAGE");

    // Audited by case, without the details.
    List<String> actions =
        jdbc.sql("SELECT action || ' ' || coalesce(detail, '') FROM audit_event WHERE target = ?")
            .param("case:" + caseId)
            .query(String.class)
            .list();
    assertThat(actions).anyMatch(a -> a.startsWith("cases.contact.update"));
    assertThat(actions).anyMatch(a -> a.startsWith("cases.contact.read"));
    assertThat(String.join("\n", actions)).doesNotContain(phone).doesNotContain(tag);
  }

  @Test
  void the_stored_bytes_are_not_plaintext() throws Exception {
    putContact(
        caseworker,
        """
        {"phone": "%s", "messagingApp": "WHATSAPP", "messagingHandle": "handle%s",
         "address": "%s", "location": "Qzlocation%s", "safeTimes": "Qztimes%s",
         "safeToContact": "YES", "safetyNote": "Qznote%s"}"""
            .formatted(phone, tag, address, tag, tag, tag),
        200);
    // The whole row as the owner reads it: no value in the clear, not even hex-encoded.
    String row =
        JdbcClient.create(server.ownerDataSource())
            .sql("SELECT row_to_json(t)::text FROM person_contact t WHERE person_id = ?")
            .param(personId)
            .query(String.class)
            .single();
    for (String plain :
        List.of(phone, "handle" + tag, address, "Qzlocation", "Qztimes", "Qznote", tag)) {
      assertThat(row).as(plain).doesNotContain(plain);
      assertThat(row.toLowerCase()).as(plain + " hex-encoded").doesNotContain(hex(plain));
    }
    Map<String, Object> sealed =
        JdbcClient.create(server.ownerDataSource())
            .sql(
                "SELECT phone_sealed, address_sealed, safety_note_sealed FROM person_contact"
                    + " WHERE person_id = ?")
            .param(personId)
            .query()
            .singleRow();
    assertThat(sealed.values()).allMatch(v -> v instanceof byte[] b && b.length > 16);
    // And it reads back whole.
    assertThat((String) JsonPath.read(body(api(caseworker, contactPath())), "$.address"))
        .isEqualTo(address);
  }

  @Test
  void a_refused_form_keeps_everything_typed_and_stores_nothing() throws Exception {
    MvcResult refused =
        mvc.perform(
                post("/cases/" + caseId + "/contact")
                    .session(session)
                    .with(csrf())
                    .param("phone", "call me maybe")
                    .param("address", address)
                    .param("messagingHandle", "@handle" + tag)
                    .param("safeToContact", "UNKNOWN"))
            .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(422);
    String page = body(refused);
    assertThat(page)
        .contains("contact-phone-error")
        .contains("contact-messagingApp-error")
        .contains("call me maybe")
        .contains(address)
        .contains("@handle" + tag)
        .contains("href=\"#contact-phone\"");
    String json = body(api(caseworker, contactPath()));
    assertThat((Object) JsonPath.read(json, "$.phone")).isNull();
    assertThat((Object) JsonPath.read(json, "$.address")).isNull();

    // The API refuses the same with each field's reason.
    MvcResult bad = putContact(caseworker, "{\"phone\": \"call me maybe\"}", 400);
    assertThat(body(bad)).contains("\"field\":\"phone\"").contains("\"reason\":\"phone\"");
  }

  @Test
  void another_agency_gets_404_and_a_recipient_sees_them_only_with_contact_in_scope()
      throws Exception {
    putContact(
        caseworker,
        "{\"phone\": \"%s\", \"safeToContact\": \"YES\", \"address\": \"%s\"}"
            .formatted(phone, address),
        200);

    Actor stranger = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    assertThat(api(stranger, contactPath()).getResponse().getStatus()).isEqualTo(404);
    putContact(stranger, "{\"phone\": \"+33 1 00 00 00 00\"}", 404);

    Agency identityShelter = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor identityOnly = fixtures.actor(identityShelter, Role.CASEWORKER);
    UUID identityReferral = refer(identityShelter, "[\"IDENTITY\"]");
    MvcResult refused = api(identityOnly, contactPath());
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertThat(body(refused)).doesNotContain(phone).doesNotContain(address);
    MockHttpSession s = ScreeningFixtures.signIn(mvc, identityOnly.user());
    MvcResult overview = mvc.perform(get("/cases/" + caseId).session(s)).andReturn();
    assertThat(overview.getResponse().getStatus()).isEqualTo(200);
    assertThat(body(overview)).doesNotContain(phone);
    // The referral page leads to contact details only when the consent shares them.
    assertThat(body(mvc.perform(get("/referrals/" + identityReferral).session(s)).andReturn()))
        .doesNotContain("/cases/" + caseId + "/contact");

    Agency contactShelter = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor withContact = fixtures.actor(contactShelter, Role.CASEWORKER);
    UUID contactReferral = refer(contactShelter, "[\"IDENTITY\", \"CONTACT\"]");
    MvcResult shown = api(withContact, contactPath());
    assertThat(shown.getResponse().getStatus()).isEqualTo(200);
    assertThat((String) JsonPath.read(body(shown), "$.phone")).isEqualTo(phone);
    // The address to reach the person at is a contact detail (issue 14 item 13): shared with
    // CONTACT.
    assertThat((String) JsonPath.read(body(shown), "$.address")).isEqualTo(address);
    MockHttpSession c = ScreeningFixtures.signIn(mvc, withContact.user());
    assertThat(body(mvc.perform(get("/cases/" + caseId).session(c)).andReturn())).contains(phone);
    assertThat(body(mvc.perform(get("/referrals/" + contactReferral).session(c)).andReturn()))
        .contains("href=\"/cases/" + caseId + "/contact\"");
    MvcResult page = mvc.perform(get("/cases/" + caseId + "/contact").session(c)).andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    assertThat(body(page)).contains(phone);
    // A recipient reads; it does not change them.
    putContact(withContact, "{\"phone\": \"+33 1 00 00 00 00\"}", 403);
  }

  @Test
  void the_subject_access_export_includes_them_opened() throws Exception {
    putContact(
        caseworker,
        "{\"phone\": \"%s\", \"address\": \"%s\", \"safeToContact\": \"NO\"}"
            .formatted(phone, address),
        200);
    String export = subjectAccess.exportPerson(personId, "test");
    assertThat(export).contains("person_contact").contains(phone).contains(address);
  }

  // --- helpers ---------------------------------------------------------------------------------

  String contactPath() {
    return "/api/v1/cases/" + caseId + "/contact";
  }

  UUID refer(Agency to, String scope) throws Exception {
    UUID service =
        fixtures.service(
            to, "Contact shelter " + tag, ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    MvcResult r =
        mvc.perform(
                post("/api/v1/referrals")
                    .header("Authorization", caseworker.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                         "transfer": false, "scope": %s, "note": "Needs a bed", %s}"""
                            .formatted(caseId, service, scope, consentJson())))
            .andReturn();
    assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(201);
    return UUID.fromString(JsonPath.read(body(r), "$.id"));
  }

  MvcResult putContact(Actor who, String json, int expected) throws Exception {
    MvcResult r =
        mvc.perform(
                put(contactPath())
                    .header("Authorization", who.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andReturn();
    assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(expected);
    return r;
  }

  MvcResult api(Actor who, String path) throws Exception {
    return mvc.perform(get(path).header("Authorization", who.bearer())).andReturn();
  }

  static String body(MvcResult r) {
    return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  static String hex(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      b.append(String.format("%02x", x));
    }
    return b.toString();
  }

  static String letters(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }
}

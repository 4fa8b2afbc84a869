package org.palermo.app.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.PalermoProperties;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Encryption at rest through the real database: a registered person's names and date of birth,
 * screening answers and a TOTP secret appear nowhere in plaintext in any table (the whole database
 * is dumped row by row), yet read back; name search works through blind tokens; and after a master
 * key rotation every data key opens with the new key alone. The free text of a case (notes,
 * assessments, the support plan, services, referral notes and decline texts, return risk sources,
 * follow-ups) written through the API is sealed too (V17), reads back through the API (also for the
 * referral's recipient), survives a rotation, and rows stored in plaintext before V17 are sealed at
 * start-up without losing a word.
 */
@PalermoIntegrationTest
class EncryptionAtRestIT {
  @Autowired CaseRecords records;
  @Autowired CaseLookup lookup;
  @Autowired JdbcClient jdbc;
  @Autowired TestAccounts accounts;
  @Autowired ScreeningFixtures screenings;
  @Autowired BlindIndex index;
  @Autowired KeyRotation rotation;
  @Autowired PalermoProperties properties;
  @Autowired MockMvc mvc;
  @Autowired ReferralFixtures fixtures;
  @Autowired PlaintextSealing sealing;
  @Autowired DataKeys keys;
  @Autowired org.palermo.app.access.SubjectAccess subjectAccess;

  static final String GIVEN = "Zorabelle";
  static final String FAMILY = "Quintaviusova";
  static final LocalDate BIRTH = LocalDate.of(2011, 7, 14);

  UUID register(String given, String family, LocalDate birth) {
    TestUser cw = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String ref = records.register(CaseFixtures.openCase(given, family, birth, cw.agency().id()));
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
        .param(ref)
        .query(UUID.class)
        .single();
  }

  /** Every row of every table of the public schema, as text: what a pg_dump would contain. */
  List<String> dump() {
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list();
    List<String> rows = new ArrayList<>();
    for (String t : tables) {
      rows.addAll(
          jdbc.sql("SELECT t::text FROM \"" + t.replace("\"", "") + "\" t")
              .query(String.class)
              .list());
    }
    return rows;
  }

  @Test
  void no_plaintext_name_or_birth_date_in_the_database_yet_the_case_reads() {
    UUID caseId = register(GIVEN, FAMILY, BIRTH);
    String all = String.join("\n", dump()).toLowerCase(Locale.ROOT);
    assertThat(all).doesNotContain(GIVEN.toLowerCase(Locale.ROOT));
    assertThat(all).doesNotContain(FAMILY.toLowerCase(Locale.ROOT));
    assertThat(all).doesNotContain(BIRTH.toString());
    assertThat(all).doesNotContain("2011-07-14").doesNotContain("14/07/2011");
    // The facts other modules rely on still come from the sealed date of birth: a child.
    assertThat(lookup.facts(caseId).orElseThrow().child()).isTrue();
  }

  @Test
  void name_search_finds_the_person_by_blind_tokens_in_any_script() {
    UUID caseId = register("Мария", "Ivanova", LocalDate.of(1990, 1, 2));
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    List<String> tokens = new ArrayList<>(index.tokens("Maria IVANOVA"));
    List<UUID> found =
        jdbc.sql(
                "SELECT person_id FROM person_name_token WHERE token IN (?, ?)"
                    + " GROUP BY person_id HAVING count(DISTINCT token) = 2")
            .params(tokens.get(0), tokens.get(1))
            .query(UUID.class)
            .list();
    assertThat(found).contains(person);
  }

  @Test
  void screening_answers_are_sealed_and_read_back() {
    TestUser f = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    UUID screening =
        screenings.completedScreening(ScreeningFixtures.principal(f, Role.FRONTLINE_OFFICER));
    String stored =
        jdbc.sql("SELECT answers::text FROM screening WHERE id = ?")
            .param(screening)
            .query(String.class)
            .single();
    assertThat(stored).contains("\"sealed\"").contains(FieldCipher.PREFIX);
    assertThat(stored).doesNotContain("FORCED_LABOUR").doesNotContain("YES");
    String facts =
        jdbc.sql("SELECT facts::text FROM screening_assessment WHERE screening_id = ?")
            .param(screening)
            .query(String.class)
            .single();
    assertThat(facts).contains(FieldCipher.PREFIX);
  }

  @Test
  void after_rotation_every_record_still_reads_with_the_new_key_alone() {
    UUID caseId = register("Rotaline", "Keyworth", LocalDate.of(1985, 3, 9));
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    long keys = jdbc.sql("SELECT count(*) FROM data_key").query(Long.class).single();
    KeyRotation.Result r = rotation.rotate();
    assertThat(r.rewrapped()).isEqualTo((int) keys);
    assertThat(
            jdbc.sql("SELECT count(*) FROM data_key WHERE master_key_id <> ?")
                .param(r.toKeyId())
                .query(Long.class)
                .single())
        .isZero();
    // A fresh key ring read from disk (no cached data keys) opens every data key.
    KeyRing fresh = KeyRing.open(properties.dataDir().resolve("keys"), null);
    assertThat(fresh.ids()).containsExactly(r.toKeyId());
    FieldCipher cipher = new FieldCipher(new DataKeys(jdbc, fresh));
    String given =
        jdbc.sql("SELECT given_name FROM person WHERE id = ?")
            .param(person)
            .query(String.class)
            .single();
    assertThat(cipher.open(person, given)).isEqualTo("Rotaline");
    List<UUID> all = jdbc.sql("SELECT record_id FROM data_key").query(UUID.class).list();
    DataKeys fromDisk = new DataKeys(jdbc, fresh);
    for (UUID id : all) {
      assertThat(fromDisk.forOpening(id).getEncoded()).hasSize(32);
    }
    // Every person registered before the rotation still reads.
    for (UUID c : jdbc.sql("SELECT id FROM case_file").query(UUID.class).list()) {
      assertThat(lookup.facts(c)).isPresent();
    }
  }

  // --- free text of a case (V17) ------------------------------------------------------------

  static final String NOTE = "Xylqorvex told of the night crossing";
  static final String SUMMARY = "Quorzimbly debt bondage summary";
  static final String FACTOR_NOTE = "Vuxtrombly passport withheld";
  static final String OBJECTIVE = "Zymqowit safe housing objective";
  static final String ACTION_PLAN = "Wuxqorn steps agreed";
  static final String SERVICE_NOTE = "Kyzwoqt clinic visit";
  static final String REFERRAL_NOTE = "Jyzqwomp needs a bed tonight";
  static final String DECLINE = "Pyxzworq no female dormitory";
  static final String SOURCES = "Zwyqluxt country guidance";
  static final String FOLLOW_UP = "Myxqorz school enrolment visit";
  static final List<String> TEXTS =
      List.of(
          NOTE,
          SUMMARY,
          FACTOR_NOTE,
          OBJECTIVE,
          ACTION_PLAN,
          SERVICE_NOTE,
          REFERRAL_NOTE,
          DECLINE,
          SOURCES,
          FOLLOW_UP);

  String call(Actor who, MockHttpServletRequestBuilder request, String json, int expected)
      throws Exception {
    request.header("Authorization", who.bearer());
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request)
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  record Written(Actor worker, Actor recipient, UUID caseId, UUID referral) {}

  /** Writes every kind of free text of one case through the API. */
  Written writeCaseTexts() throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    var shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor recipient = fixtures.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Sealed test shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    UUID caseId = fixtures.adultCase(worker.agency(), "fr");
    String base = "/api/v1/cases/" + caseId;
    call(worker, post(base + "/notes"), "{\"text\": \"" + NOTE + "\"}", 201);
    call(
        worker,
        post(base + "/assessments"),
        """
        {"level": "INDIVIDUAL", "summary": "%s",
         "factors": [{"factor": "LEGAL_STATUS_AND_DOCUMENTS", "rating": "RISK", "note": "%s"}]}"""
            .formatted(SUMMARY, FACTOR_NOTE),
        201);
    call(
        worker,
        post(base + "/support-plan/objectives"),
        """
        {"type": "SocialCare", "objective": "%s", "actionPlan": "%s"}"""
            .formatted(OBJECTIVE, ACTION_PLAN),
        201);
    call(
        worker,
        post(base + "/services"),
        """
        {"serviceType": "MEDICAL", "deliveredOn": "%s", "providerName": "Harbour clinic",
         "note": "%s"}"""
            .formatted(LocalDate.now(), SERVICE_NOTE),
        201);
    call(
        worker,
        post(base + "/returns/risk-assessments"),
        """
        {"destinationCountry": "XA", "assessedOn": "%s", "riskToLifeOrFreedom": false,
         "riskOfTorture": false, "riskOfSeriousHarm": false, "riskOfRetrafficking": false,
         "sources": "%s"}"""
            .formatted(LocalDate.now(), SOURCES),
        201);
    call(
        worker,
        post(base + "/returns/follow-ups"),
        """
        {"description": "%s", "dueOn": "%s"}"""
            .formatted(FOLLOW_UP, LocalDate.now().plusDays(30)),
        201);
    String created =
        call(
            worker,
            post("/api/v1/referrals"),
            """
            {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
             "scope": ["IDENTITY", "CONTACT"], "note": "%s", %s}"""
                .formatted(caseId, shelter, REFERRAL_NOTE, ReferralFixtures.consentJson()),
            201);
    UUID referral = UUID.fromString(JsonPath.read(created, "$.id"));
    // The recipient reads the note before answering (its referral view).
    String seen = call(recipient, get("/api/v1/referrals/" + referral), null, 200);
    assertThat((String) JsonPath.read(seen, "$.note")).isEqualTo(REFERRAL_NOTE);
    call(
        recipient,
        post("/api/v1/referrals/" + referral + "/decline"),
        "{\"reason\": \"OTHER\", \"text\": \"" + DECLINE + "\"}",
        200);
    return new Written(worker, recipient, caseId, referral);
  }

  /** Every free text reads back through the API, as the case's owner sees it. */
  void readsBack(Written w) throws Exception {
    String base = "/api/v1/cases/" + w.caseId();
    String all =
        call(w.worker(), get(base + "/notes"), null, 200)
            + call(w.worker(), get(base + "/assessments"), null, 200)
            + call(w.worker(), get(base + "/support-plan"), null, 200)
            + call(w.worker(), get(base + "/services"), null, 200)
            + call(w.worker(), get(base + "/returns"), null, 200)
            + call(w.worker(), get("/api/v1/referrals/" + w.referral()), null, 200);
    for (String text : TEXTS) {
      assertThat(all).contains(text);
    }
  }

  @Test
  void case_free_text_written_through_the_api_is_not_in_the_database_yet_reads_back()
      throws Exception {
    Written w = writeCaseTexts();
    String all = String.join("\n", dump());
    for (String text : TEXTS) {
      assertThat(all).doesNotContain(text);
      // Not even one distinctive word (they contain letters that hex cannot).
      assertThat(all.toLowerCase(Locale.ROOT))
          .doesNotContain(text.split(" ")[0].toLowerCase(Locale.ROOT));
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_note WHERE case_id = ? AND body_sealed IS NOT NULL")
                .param(w.caseId())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    readsBack(w);
    // The subject-access export (palermo privacy dsar) shows them opened, under their own names.
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(w.caseId())
            .query(UUID.class)
            .single();
    String export = subjectAccess.exportPerson(person, "test");
    for (String text : List.of(NOTE, SUMMARY, OBJECTIVE, SERVICE_NOTE, REFERRAL_NOTE, SOURCES)) {
      assertThat(export).contains(text);
    }
    assertThat(export)
        .doesNotContain("body_sealed")
        .doesNotContain("sources_sealed")
        .doesNotContain("erased or not openable");
  }

  @Test
  void case_free_text_reads_after_a_rotation_with_the_new_master_key_alone() throws Exception {
    Written w = writeCaseTexts();
    KeyRotation.Result r = rotation.rotate();
    assertThat(r.rewrapped()).isPositive();
    KeyRing fresh = KeyRing.open(properties.dataDir().resolve("keys"), null);
    assertThat(fresh.ids()).containsExactly(r.toKeyId());
    // No cached data key: the note opens with the case's data key unwrapped by the new master.
    DataKeys fromDisk = new DataKeys(jdbc, fresh);
    SealedText text = new SealedText(new FieldCipher(fromDisk), fromDisk);
    UUID note =
        jdbc.sql("SELECT id FROM care_note WHERE case_id = ?")
            .param(w.caseId())
            .query(UUID.class)
            .single();
    byte[] body =
        jdbc.sql("SELECT body_sealed FROM care_note WHERE id = ?")
            .param(note)
            .query(byte[].class)
            .single();
    assertThat(text.open(w.caseId(), "care_note", "body", note, body, null)).isEqualTo(NOTE);
    byte[] sources =
        jdbc.sql("SELECT sources_sealed FROM return_risk_assessment WHERE case_id = ?")
            .param(w.caseId())
            .query(byte[].class)
            .single();
    UUID risk =
        jdbc.sql("SELECT id FROM return_risk_assessment WHERE case_id = ?")
            .param(w.caseId())
            .query(UUID.class)
            .single();
    assertThat(text.open(w.caseId(), "return_risk_assessment", "sources", risk, sources, null))
        .isEqualTo(SOURCES);
    // Bound to its row: the note's ciphertext does not open as another row's.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> text.open(w.caseId(), "care_note", "body", risk, body, null))
        .isInstanceOf(SealedDataException.class);
    readsBack(w);
  }

  @Test
  void purpose_and_recruitment_city_are_sealed_and_old_plaintext_is_sealed_at_start_up()
      throws Exception {
    // Issue #11 item 12: both were plaintext and on no list of plain columns.
    TestUser cw = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String token = "Bearer " + accounts.token(cw);
    String created =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/v1/persons")
                    .header("Authorization", token)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"givenName":"Sealed","familyName":"Purpose","citizenships":["XA"],
                         "languages":["ara"],"legalBasis":"VITAL_INTEREST",
                         "purpose":"Purpose Wqxzvyk","recruitmentCity":"Qzvyxwton"}"""))
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"personId\":\"([0-9a-f-]{36})\"").matcher(created);
    assertThat(m.find()).as(created).isTrue();
    UUID personId = UUID.fromString(m.group(1));
    assertThat(String.join("\n", dump())).doesNotContain("Wqxzvyk").doesNotContain("Qzvyxwton");
    String read =
        mvc.perform(get("/api/v1/persons/" + personId).header("Authorization", token))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(read).contains("Purpose Wqxzvyk").contains("Qzvyxwton");

    // A row as stored before V19_41: plaintext, nothing sealed; sealed at start-up.
    jdbc.sql(
            "UPDATE person SET purpose = 'Legacy Pzqxwv', purpose_sealed = NULL,"
                + " recruitment_city = 'Legacy Vzqxton', recruitment_city_sealed = NULL"
                + " WHERE id = ?")
        .param(personId)
        .update();
    assertThat(sealing.sealAll()).isGreaterThanOrEqualTo(2);
    assertThat(String.join("\n", dump())).doesNotContain("Pzqxwv").doesNotContain("Vzqxton");
    assertThat(
            mvc.perform(get("/api/v1/persons/" + personId).header("Authorization", token))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Legacy Pzqxwv")
        .contains("Legacy Vzqxton");
  }

  @Test
  void rows_stored_in_plaintext_before_v17_are_sealed_at_start_up_and_lose_nothing()
      throws Exception {
    Written w = writeCaseTexts();
    // Put the case back as a deployment before V17 stored it: plaintext, nothing sealed.
    UUID noteId =
        jdbc.sql("SELECT id FROM care_note WHERE case_id = ?")
            .param(w.caseId())
            .query(UUID.class)
            .single();
    String legacyNote = "Legacy Xqzvorl note from before V17";
    String legacyRef = "Legacy Zqyvwox referral note";
    String legacySources = "Legacy Qzxwyv sources";
    jdbc.sql("UPDATE care_note SET body = ?, body_sealed = NULL WHERE id = ?")
        .params(legacyNote, noteId)
        .update();
    jdbc.sql("UPDATE referral SET note = ?, note_sealed = NULL WHERE id = ?")
        .params(legacyRef, w.referral())
        .update();
    jdbc.sql(
            "UPDATE return_risk_assessment SET sources = ?, sources_sealed = NULL"
                + " WHERE case_id = ?")
        .params(legacySources, w.caseId())
        .update();
    jdbc.sql(
            "UPDATE care_assessment_factor SET note = 'Legacy Wqzyx factor', note_sealed = NULL"
                + " WHERE assessment_id IN (SELECT id FROM care_assessment WHERE case_id = ?)"
                + " AND factor = 'LEGAL_STATUS_AND_DOCUMENTS'")
        .param(w.caseId())
        .update();
    assertThat(String.join("\n", dump())).contains(legacyNote);
    String base = "/api/v1/cases/" + w.caseId();
    // Readable while it waits for the start-up step.
    assertThat(call(w.worker(), get(base + "/notes"), null, 200)).contains(legacyNote);

    assertThat(sealing.sealAll()).isGreaterThanOrEqualTo(4);

    assertThat(sealing.plaintextLeft()).isZero();
    String all = String.join("\n", dump());
    assertThat(all)
        .doesNotContain(legacyNote)
        .doesNotContain(legacyRef)
        .doesNotContain(legacySources)
        .doesNotContain("Wqzyx");
    assertThat(call(w.worker(), get(base + "/notes"), null, 200)).contains(legacyNote);
    assertThat(call(w.worker(), get(base + "/assessments"), null, 200))
        .contains("Legacy Wqzyx factor");
    assertThat(call(w.worker(), get(base + "/returns"), null, 200)).contains(legacySources);
    assertThat(call(w.worker(), get("/api/v1/referrals/" + w.referral()), null, 200))
        .contains(legacyRef);
  }

  @Test
  void length_limits_the_database_checked_on_plaintext_are_400_problems_at_the_edge()
      throws Exception {
    Actor worker = fixtures.actor(accounts.agency(AgencyType.CHILD_PROTECTION), Role.CASEWORKER);
    var shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Length test shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    UUID caseId = fixtures.adultCase(worker.agency(), "fr");
    String base = "/api/v1/cases/" + caseId;
    String referral =
        """
        {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
         "scope": ["IDENTITY"], "note": "%s", %s}""";
    call(
        worker,
        post("/api/v1/referrals"),
        referral.formatted(caseId, shelter, "n".repeat(2001), ReferralFixtures.consentJson()),
        400);
    String risk =
        """
        {"destinationCountry": "XA", "assessedOn": "%s", "riskToLifeOrFreedom": false,
         "riskOfTorture": false, "riskOfSeriousHarm": false, "riskOfRetrafficking": false,
         "sources": "%s"}""";
    call(
        worker,
        post(base + "/returns/risk-assessments"),
        risk.formatted(LocalDate.now(), "s".repeat(2001)),
        400);
    call(
        worker,
        post(base + "/returns/follow-ups"),
        "{\"description\": \"%s\", \"dueOn\": \"%s\"}"
            .formatted("d".repeat(501), LocalDate.now().plusDays(1)),
        400);
    // At the limits they are stored (sealed) and read back whole.
    String made =
        call(
            worker,
            post("/api/v1/referrals"),
            referral.formatted(caseId, shelter, "n".repeat(2000), ReferralFixtures.consentJson()),
            201);
    call(
        worker,
        post(base + "/returns/risk-assessments"),
        risk.formatted(LocalDate.now(), "s".repeat(2000)),
        201);
    assertThat(call(worker, get(base + "/returns"), null, 200)).contains("s".repeat(2000));
    String id = JsonPath.read(made, "$.id");
    assertThat(call(worker, get("/api/v1/referrals/" + id), null, 200)).contains("n".repeat(2000));
  }

  @Test
  void erasing_the_case_data_key_shreds_the_free_text_and_the_pages_still_answer()
      throws Exception {
    Written w = writeCaseTexts();
    assertThat(keys.erase(w.caseId())).isTrue();
    String base = "/api/v1/cases/" + w.caseId();
    String all =
        call(w.worker(), get(base + "/notes"), null, 200)
            + call(w.worker(), get(base + "/assessments"), null, 200)
            + call(w.worker(), get(base + "/support-plan"), null, 200)
            + call(w.worker(), get(base + "/services"), null, 200)
            + call(w.worker(), get(base + "/returns"), null, 200)
            + call(w.worker(), get("/api/v1/referrals/" + w.referral()), null, 200);
    for (String text : TEXTS) {
      assertThat(all).doesNotContain(text);
    }
  }
}

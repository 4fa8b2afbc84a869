package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.crypto.DataKeys;
import org.palermo.app.platform.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Retention with an injected clock, the subject access export and the erasure workflow with legal
 * holds, through the real services, API and database.
 */
@PalermoIntegrationTest
class PrivacyIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired CaseLookup lookup;
  @Autowired JdbcClient jdbc;
  @Autowired PersonEraser eraser;
  @Autowired AuditLog audit;
  @Autowired FieldCipher cipher;
  @Autowired Erasures erasures;
  @Autowired ClosedCases closedCases;
  @Autowired List<ExpiringRecords> expiring;
  @Autowired DataKeys dataKeys;
  @Autowired org.palermo.app.cases.application.CaseWork work;
  @Autowired org.palermo.app.cases.application.PersonRecords personRecords;
  @Autowired org.palermo.app.cases.persistence.PersonStore personStore;

  TestUser caseworker;
  TestUser dpo;
  UUID caseId;
  UUID personId;

  @BeforeEach
  void aCase() {
    caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    dpo = accounts.user(caseworker.agency(), Role.DATA_PROTECTION_OFFICER);
    caseId = register("Leontyne", "Farquharson", LocalDate.of(2012, 5, 6));
    personId = lookup.facts(caseId).orElseThrow().personId();
  }

  UUID register(String given, String family, LocalDate birth) {
    String ref =
        records.register(
            new CaseRecords.NewPersonCase(
                given,
                family,
                birth,
                false,
                "Feminine",
                List.of("XA"),
                List.of(),
                LegalBasis.CONSENT,
                "assistance",
                caseworker.agency().id(),
                CaseStatus.OPEN,
                Instant.now(),
                true,
                null,
                null,
                null,
                null));
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
        .param(ref)
        .query(UUID.class)
        .single();
  }

  void close(UUID c, Instant at) {
    jdbc.sql("UPDATE case_file SET status = 'CLOSED', closed_at = ? WHERE id = ?")
        .params(Timestamp.from(at), c)
        .update();
  }

  Retention retentionAt(Instant now) {
    return new Retention(
        jdbc,
        eraser,
        closedCases,
        expiring,
        dataKeys,
        audit,
        Clock.fixed(now, ZoneOffset.UTC),
        Period.ofYears(5),
        Period.ofDays(90),
        Period.ofYears(1));
  }

  String sealedGivenName(UUID person) {
    return jdbc.sql("SELECT given_name FROM person WHERE id = ?")
        .param(person)
        .query(String.class)
        .single();
  }

  long victimRows(UUID c) {
    return jdbc.sql("SELECT count(*) FROM statistics_victim WHERE case_id = ?")
        .param(c)
        .query(Long.class)
        .single();
  }

  MvcResult api(TestUser u, String method, String path, String body) throws Exception {
    var req = method.equals("GET") ? get(path) : post(path);
    req.header("Authorization", "Bearer " + accounts.token(u));
    if (body != null) {
      req.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(req).andReturn();
  }

  @Test
  void retention_anonymises_a_case_closed_five_years_ago_unless_held() {
    Instant closed = Instant.now();
    close(caseId, closed);
    UUID heldCase = register("Heldina", "Custodia", LocalDate.of(1980, 1, 1));
    close(heldCase, closed);
    erasures.hold(
        ScreeningFixtures.principal(dpo, Role.DATA_PROTECTION_OFFICER),
        heldCase,
        "Court order 12/2026");

    // Four years on: nothing is due.
    Retention.Report early = retentionAt(closed.plus(Duration.ofDays(4 * 365))).run(false);
    assertThat(early.anonymisedCases()).doesNotContain(caseId);
    assertThat(cipher.open(personId, sealedGivenName(personId))).isEqualTo("Leontyne");

    Instant later = closed.plus(Duration.ofDays(5 * 366));
    Retention.Report dry = retentionAt(later).run(true);
    assertThat(dry.anonymisedCases()).contains(caseId);
    assertThat(dry.heldCases()).contains(heldCase);
    assertThat(cipher.open(personId, sealedGivenName(personId))).isEqualTo("Leontyne");

    // The registration has reached the statistics read model (bounded wait, never a sleep).
    org.awaitility.Awaitility.await("the registration in the read model")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> victimRows(caseId) == 1 && victimRows(heldCase) == 1);
    Retention.Report run = retentionAt(later).run(false);
    assertThat(run.anonymisedCases()).contains(caseId).doesNotContain(heldCase);
    assertThat(sealedGivenName(personId)).isEmpty();
    // Retention erases through the same SPI as a request: the statistics forget the person too,
    // and not the held one.
    assertThat(victimRows(caseId)).isZero();
    assertThat(victimRows(heldCase)).isOne();
    assertThat(
            jdbc.sql("SELECT count(*) FROM data_key WHERE record_id = ?")
                .param(personId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'retention.anonymise'"
                        + " AND target = ?")
                .param("case:" + caseId)
                .query(Long.class)
                .single())
        .isOne();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'retention.run'")
                .query(Long.class)
                .single())
        .isPositive();
    UUID heldPerson = lookup.facts(heldCase).orElseThrow().personId();
    assertThat(cipher.open(heldPerson, sealedGivenName(heldPerson))).isEqualTo("Heldina");
  }

  @Test
  void an_old_form_saved_after_the_erasure_never_writes_the_identity_back() {
    // A caseworker's page (or a submission kept after the session expired) still holds the
    // person as it was, with its version; meanwhile the person is erased.
    var before = personStore.find(personId).orElseThrow();
    eraser.anonymise(caseId, Instant.now());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                personRecords.update(
                    ScreeningFixtures.principal(caseworker, Role.CASEWORKER),
                    personId,
                    before.details(),
                    before.version()))
        .isInstanceOf(org.palermo.app.platform.PalermoException.class)
        .satisfies(
            e ->
                assertThat(((org.palermo.app.platform.PalermoException) e).properties())
                    .containsEntry("reason", "PERSON_ERASED"));
    // Nothing was sealed again: no new data key, no name.
    assertThat(sealedGivenName(personId)).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM data_key WHERE record_id = ?")
                .param(personId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void retention_and_holds_follow_the_person_not_only_the_case() {
    // One person, two cases: the first closed long ago, the second still open. Anonymising the
    // first would clear the person the open case works with, so retention leaves both.
    Instant closed = Instant.now();
    close(caseId, closed);
    UUID second =
        work.openFor(ScreeningFixtures.principal(caseworker, Role.CASEWORKER), personId).caseId();
    Instant later = closed.plus(Duration.ofDays(5 * 366));
    assertThat(retentionAt(later).run(false).anonymisedCases()).doesNotContain(caseId, second);
    assertThat(cipher.open(personId, sealedGivenName(personId))).isEqualTo("Leontyne");

    // The second case closed recently: the person's last case is not five years old yet.
    close(second, later.minus(Duration.ofDays(30)));
    assertThat(retentionAt(later).run(false).anonymisedCases()).doesNotContain(caseId, second);

    // A legal hold on the second case blocks erasure through the first, for retention and for an
    // erasure decision alike.
    close(second, closed);
    erasures.hold(
        ScreeningFixtures.principal(dpo, Role.DATA_PROTECTION_OFFICER),
        second,
        "Court order 7/2026");
    assertThat(eraser.held(caseId)).isTrue();
    Retention.Report run = retentionAt(later).run(false);
    assertThat(run.anonymisedCases()).doesNotContain(caseId, second);
    assertThat(run.heldCases()).contains(caseId, second);
    assertThat(cipher.open(personId, sealedGivenName(personId))).isEqualTo("Leontyne");
  }

  @Test
  void the_dpo_exports_everything_held_on_the_person_and_nobody_else_can() throws Exception {
    MvcResult export = api(dpo, "GET", "/api/v1/privacy/cases/" + caseId + "/export", null);
    assertThat(export.getResponse().getStatus()).isEqualTo(200);
    String body = export.getResponse().getContentAsString();
    assertThat(body)
        .contains("Leontyne")
        .contains("Farquharson")
        .contains("2012-05-06")
        .contains("auditTrail")
        .doesNotContain(FieldCipher.PREFIX)
        // keyed search tokens and key material mean nothing to the person and are left out:
        // named only in the "withheld" section, as "table.column"
        .doesNotContain("\"person_name_token\" :")
        .doesNotContain("\"case_name_token\" :")
        .contains("\"person_name_token.token\" : \"KEY_MATERIAL\"")
        .doesNotContain("data_key");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'privacy.dsar' AND target = ?")
                .param("case:" + caseId)
                .query(Long.class)
                .single())
        .isOne();
    assertThat(
            api(caseworker, "GET", "/api/v1/privacy/cases/" + caseId + "/export", null)
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    TestUser otherDpo = accounts.user(AgencyType.SERVICE_PROVIDER, Role.DATA_PROTECTION_OFFICER);
    assertThat(
            api(otherDpo, "GET", "/api/v1/privacy/cases/" + caseId + "/export", null)
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void an_erasure_request_is_decided_by_the_dpo_and_a_legal_hold_blocks_it() throws Exception {
    MvcResult requested =
        api(
            caseworker,
            "POST",
            "/api/v1/privacy/cases/" + caseId + "/erasure-requests",
            "{\"reason\":\"The person asked on 2026-11-20\"}");
    assertThat(requested.getResponse().getStatus()).isEqualTo(201);
    UUID request =
        UUID.fromString(
            requested
                .getResponse()
                .getContentAsString()
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
    MvcResult hold =
        api(
            dpo,
            "POST",
            "/api/v1/privacy/cases/" + caseId + "/legal-holds",
            "{\"reason\":\"Open criminal proceeding\"}");
    assertThat(hold.getResponse().getStatus()).isEqualTo(201);
    UUID holdId =
        UUID.fromString(
            hold.getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));

    String decision = "{\"erase\":true,\"note\":\"Art. 17 applies\"}";
    assertThat(
            api(
                    caseworker,
                    "POST",
                    "/api/v1/privacy/erasure-requests/" + request + "/decision",
                    decision)
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    MvcResult blocked =
        api(dpo, "POST", "/api/v1/privacy/erasure-requests/" + request + "/decision", decision);
    assertThat(blocked.getResponse().getStatus()).isEqualTo(409);
    assertThat(cipher.open(personId, sealedGivenName(personId))).isEqualTo("Leontyne");

    assertThat(
            api(dpo, "POST", "/api/v1/privacy/legal-holds/" + holdId + "/release", null)
                .getResponse()
                .getStatus())
        .isEqualTo(204);
    MvcResult erased =
        api(dpo, "POST", "/api/v1/privacy/erasure-requests/" + request + "/decision", decision);
    assertThat(erased.getResponse().getStatus()).isEqualTo(204);
    assertThat(sealedGivenName(personId)).isEmpty();
    String export =
        api(dpo, "GET", "/api/v1/privacy/cases/" + caseId + "/export", null)
            .getResponse()
            .getContentAsString();
    assertThat(export).doesNotContain("Leontyne").doesNotContain("Farquharson");
    assertThat(
            api(dpo, "GET", "/api/v1/privacy/erasure-requests", null)
                .getResponse()
                .getContentAsString())
        .contains("ERASED");
  }

  @Test
  void the_privacy_page_lists_requests_for_the_dpo() throws Exception {
    erasures.request(
        ScreeningFixtures.principal(caseworker, Role.CASEWORKER), caseId, "Asked in person");
    var session = ScreeningFixtures.signIn(mvc, dpo);
    String page =
        mvc.perform(get("/privacy").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Asked in person");
    assertThat(
            mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString())
        .contains("href=\"/privacy\"")
        .contains("href=\"/notifications\"");
    var cwSession = ScreeningFixtures.signIn(mvc, caseworker);
    assertThat(
            mvc.perform(get("/").session(cwSession)).andReturn().getResponse().getContentAsString())
        .doesNotContain("href=\"/privacy\"");
    assertThat(
            mvc.perform(get("/privacy").session(cwSession)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
  }
}

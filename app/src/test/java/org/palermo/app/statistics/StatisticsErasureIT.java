package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Erasures;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.cases.ServiceDelivered;
import org.palermo.app.cases.TraffickingStatus;
import org.palermo.app.cases.TraffickingStatusChanged;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure reaches every module through the {@code access.SubjectErasure} SPI (GDPR Art. 17; issue
 * 12 §2 and §3): once the DPO erases a person, nothing of them is left that can be read or linked
 * back to them — not their identifying columns, not their name tokens, not a data key of any row of
 * their case, and not a row of the statistics read model — while another person's rows, and the
 * agreement between the read model's tables, stay as they were.
 */
@PalermoIntegrationTest
class StatisticsErasureIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Erasures erasures;
  @Autowired org.palermo.app.platform.PendingEvents pending;
  final JsonMapper json = JsonMapper.builder().build();

  @Test
  void an_erased_person_leaves_nothing_in_any_module_and_the_statistics_still_agree()
      throws Exception {
    TestUser worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser dpo = accounts.user(worker.agency(), Role.DATA_PROTECTION_OFFICER);
    JsonNode erased = register(worker, "Erasa");
    JsonNode kept = register(worker, "Mantena");
    UUID gone = UUID.fromString(erased.get("caseId").asString());
    UUID stays = UUID.fromString(kept.get("caseId").asString());
    UUID person = UUID.fromString(erased.get("personId").asString());
    List<UUID> both = List.of(gone, stays);
    publish(new TraffickingStatusChanged(both, TraffickingStatus.INDICATED, Instant.now()));
    for (UUID c : both) {
      publish(
          new ServiceDelivered(
              UUID.randomUUID(),
              c,
              "MEDICAL_CARE",
              LocalDate.of(2026, 11, 2),
              worker.agency().id(),
              "SERVICE_PROVIDER"));
    }
    ReadModelAwait.rows(jdbc, "statistics_victim", "case_id", both);
    ReadModelAwait.rows(jdbc, "statistics_trafficking_status", "case_id", both);
    ReadModelAwait.rows(jdbc, "statistics_service", "case_id", both);
    assertThat(rowsOfCaseInStatistics(gone)).isPositive();
    assertThat(pending.awaitDelivered()).isTrue();
    assertThat(publicationsNaming(gone)).isPositive();
    assertThat(personKeys(person)).isOne();
    UUID keptPerson = UUID.fromString(kept.get("personId").asString());
    long keptKeys = keysOfTheCase(stays);

    PalermoPrincipal caseworker = ScreeningFixtures.principal(worker, Role.CASEWORKER);
    PalermoPrincipal officer = ScreeningFixtures.principal(dpo, Role.DATA_PROTECTION_OFFICER);
    UUID request = erasures.request(caseworker, gone, "The person asked on 2026-12-01");
    erasures.decide(officer, request, true, "Art. 17 applies");

    // Nothing of the erased person: no identifying column, no name token, no data key of the
    // person, the case or any row of the case, no row of the statistics read model.
    assertThat(
            jdbc.sql(
                    "SELECT given_name || '|' || coalesce(family_name, '-') || '|'"
                        + " || (anonymised_at IS NOT NULL) FROM person WHERE id = ?")
                .param(person)
                .query(String.class)
                .single())
        .isEqualTo("|-|true");
    assertThat(
            jdbc.sql("SELECT count(*) FROM person_name_token WHERE person_id = ?")
                .param(person)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(personKeys(person)).isZero();
    assertThat(keysOfTheCase(gone)).isZero();
    assertThat(rowsOfCaseInStatistics(gone)).isZero();
    // Nor a delivered event about the case in the event store, which keeps their payloads.
    assertThat(publicationsNaming(gone)).isZero();
    assertThat(publicationsNaming(stays)).isPositive();

    // The other person is untouched, and the read model's tables still agree with each other:
    // every case with a derived status or a service is a counted victim.
    assertThat(keysOfTheCase(stays)).isEqualTo(keptKeys);
    assertThat(personKeys(keptPerson)).isOne();
    assertThat(count("statistics_victim", stays)).isOne();
    assertThat(count("statistics_trafficking_status", stays)).isOne();
    assertThat(count("statistics_service", stays)).isOne();
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM (
                      SELECT case_id FROM statistics_trafficking_status
                      UNION SELECT case_id FROM statistics_service) s
                    WHERE s.case_id = ANY(CAST(? AS uuid[]))
                      AND NOT EXISTS (SELECT 1 FROM statistics_victim v WHERE v.case_id = s.case_id)""")
                .param(new String[] {gone.toString(), stays.toString()})
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'privacy.erasure.erase'"
                        + " AND target = ?")
                .param("case:" + gone)
                .query(Long.class)
                .single())
        .isOne();
  }

  /**
   * An event about the case published before the erasure but delivered after it (delivery is
   * asynchronous, and a failed one is retried later) must not write the erased case back into the
   * figures: statistics keeps the erased case ids as tombstones and its listeners ignore them.
   */
  @Test
  void an_event_delivered_after_the_erasure_does_not_write_the_case_back() throws Exception {
    TestUser worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser dpo = accounts.user(worker.agency(), Role.DATA_PROTECTION_OFFICER);
    UUID gone = UUID.fromString(register(worker, "Tarda").get("caseId").asString());
    UUID stays = UUID.fromString(register(worker, "Resta").get("caseId").asString());
    ReadModelAwait.rows(jdbc, "statistics_victim", "case_id", List.of(gone, stays));
    erasures.decide(
        ScreeningFixtures.principal(dpo, Role.DATA_PROTECTION_OFFICER),
        erasures.request(
            ScreeningFixtures.principal(worker, Role.CASEWORKER), gone, "Asked on 2026-12-02"),
        true,
        "Art. 17 applies");
    assertThat(rowsOfCaseInStatistics(gone)).isZero();

    // The events still on their way for the erased case arrive now (one of them also names a
    // case that was not erased, which must still be updated).
    publish(
        new TraffickingStatusChanged(
            List.of(gone, stays), TraffickingStatus.INDICATED, Instant.now()));
    publish(
        new ServiceDelivered(
            UUID.randomUUID(),
            gone,
            "MEDICAL_CARE",
            LocalDate.of(2026, 11, 3),
            worker.agency().id(),
            "SERVICE_PROVIDER"));
    ReadModelAwait.rows(jdbc, "statistics_trafficking_status", "case_id", List.of(stays));
    assertThat(pending.awaitDelivered()).isTrue();

    assertThat(rowsOfCaseInStatistics(gone)).isZero();
    assertThat(count("statistics_trafficking_status", stays)).isOne();
    // The tombstone holds the id and nothing else.
    assertThat(
            jdbc.sql("SELECT count(*) FROM statistics_erased_case WHERE case_id = ?")
                .param(gone)
                .query(Long.class)
                .single())
        .isOne();
  }

  long publicationsNaming(UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
        .param("%" + caseId + "%")
        .query(Long.class)
        .single();
  }

  JsonNode register(TestUser worker, String family) throws Exception {
    return json.readTree(
        mvc.perform(
                post("/api/v1/persons")
                    .header("Authorization", "Bearer " + accounts.token(worker))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        StatisticsFollowRecordsIT.person(
                            family + UUID.randomUUID().toString().substring(0, 6),
                            "XA",
                            "Feminine")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  long personKeys(UUID person) {
    return jdbc.sql("SELECT count(*) FROM data_key WHERE record_id = ?")
        .param(person)
        .query(Long.class)
        .single();
  }

  long count(String table, UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  /** The rows of the case in every table of the statistics read model that has a case_id. */
  long rowsOfCaseInStatistics(UUID caseId) {
    long rows = 0;
    for (String table : tablesWith("case_id", "statistics\\_%")) {
      if (table.equals("statistics_erased_case")) {
        continue; // the tombstones: ids only, kept so that a late event is ignored
      }
      rows += count(table, caseId);
    }
    return rows;
  }

  /** The data keys of the case and of every row, in any table, that carries its id. */
  long keysOfTheCase(UUID caseId) {
    long keys =
        jdbc.sql("SELECT count(*) FROM data_key WHERE record_id = ?")
            .param(caseId)
            .query(Long.class)
            .single();
    for (String table : tablesWith("case_id", "%")) {
      boolean hasId =
          !jdbc.sql(
                  "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                      + " AND table_name = ? AND column_name = 'id' AND data_type = 'uuid'")
              .param(table)
              .query(Integer.class)
              .list()
              .isEmpty();
      if (hasId) {
        keys +=
            jdbc.sql(
                    "SELECT count(*) FROM data_key k JOIN \""
                        + table
                        + "\" r ON r.id = k.record_id WHERE r.case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single();
      }
    }
    return keys;
  }

  List<String> tablesWith(String column, String namePattern) {
    return jdbc.sql(
            "SELECT table_name FROM information_schema.columns WHERE table_schema ="
                + " current_schema() AND column_name = ? AND data_type = 'uuid'"
                + " AND table_name LIKE ?")
        .params(column, namePattern)
        .query(String.class)
        .list();
  }

  void publish(Object event) {
    new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
  }
}

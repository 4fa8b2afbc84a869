package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseOwnership;
import org.palermo.app.cases.CaseTransferred;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.PersonChanged;
import org.palermo.app.cases.PersonRegistered;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ServiceDelivered;
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
 * The statistics follow the records (issue 12 §3): a correction of the person reaches the read
 * model, an older correction delivered late does not overwrite a newer one, a transfer moves the
 * case to its new owner's agency type, and two services of one type on one day count twice. Each
 * test waits, bounded, for its own events to be delivered (never a fixed sleep).
 */
@PalermoIntegrationTest
class StatisticsFollowRecordsIT {
  static final Duration BOUND = Duration.ofSeconds(120);
  static final LocalDate DAY = LocalDate.of(2021, 6, 1);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired CaseOwnership ownership;
  final JsonMapper json = JsonMapper.builder().build();

  @Test
  void a_correction_of_the_person_through_the_api_reaches_the_statistics() throws Exception {
    TestUser worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String token = "Bearer " + accounts.token(worker);
    String family = "Stat" + UUID.randomUUID().toString().substring(0, 6);
    JsonNode created =
        json.readTree(
            mvc.perform(
                    post("/api/v1/persons")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(person(family, "XA", "Feminine")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    UUID caseId = UUID.fromString(created.get("caseId").asString());
    String path = "/api/v1/persons/" + created.get("personId").asString();
    await("the registration in the read model")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> row(caseId).equals("XA|Feminine"));

    String tag =
        mvc.perform(get(path).header("Authorization", token))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    mvc.perform(
            put(path)
                .header("Authorization", token)
                .header("If-Match", tag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(person(family, "XB", "Masculine")))
        .andExpect(status().isOk());

    await("the correction in the read model")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> row(caseId).equals("XB|Masculine"));
  }

  @Test
  void an_older_correction_delivered_late_does_not_overwrite_a_newer_one() {
    UUID caseId = UUID.randomUUID();
    publish(registered(caseId));
    publish(changed(caseId, 3, "QB", MigrationStatus.IRREGULAR));
    awaitDelivered(caseId);
    assertThat(row(caseId)).isEqualTo("QB|Feminine");
    publish(changed(caseId, 2, "QA", MigrationStatus.LABOUR));
    awaitDelivered(caseId);
    assertThat(row(caseId)).isEqualTo("QB|Feminine");
    assertThat(
            jdbc.sql("SELECT migration_status FROM statistics_victim WHERE case_id = ?")
                .param(caseId)
                .query(String.class)
                .single())
        .isEqualTo("IRREGULAR");
    // A registration delivered after the correction changes nothing either.
    publish(registered(caseId));
    awaitDelivered(caseId);
    assertThat(row(caseId)).isEqualTo("QB|Feminine");
  }

  @Test
  void a_transfer_counts_the_case_under_its_new_owners_type_and_a_late_one_does_not_undo_it() {
    UUID caseId = UUID.randomUUID();
    publish(registered(caseId));
    awaitDelivered(caseId);
    assertThat(owner(caseId)).isEqualTo("SERVICE_PROVIDER");
    publish(new CaseTransferred(caseId, 5, AgencyType.LAW_ENFORCEMENT));
    publish(new CaseTransferred(caseId, 4, AgencyType.COMPETENT_AUTHORITY));
    awaitDelivered(caseId);
    assertThat(owner(caseId)).isEqualTo("LAW_ENFORCEMENT");
  }

  @Test
  void a_real_transfer_reaches_the_statistics() throws Exception {
    TestUser worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    JsonNode created =
        json.readTree(
            mvc.perform(
                    post("/api/v1/persons")
                        .header("Authorization", "Bearer " + accounts.token(worker))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            person(
                                "Move" + UUID.randomUUID().toString().substring(0, 6),
                                "XA",
                                "Feminine")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    UUID caseId = UUID.fromString(created.get("caseId").asString());
    await("the registration in the read model")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> "SERVICE_PROVIDER".equals(owner(caseId)));
    ownership.transfer(
        caseId,
        accounts.agency(AgencyType.COMPETENT_AUTHORITY).id(),
        null,
        Set.of(FieldGroup.IDENTITY));
    await("the transfer in the read model")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> "COMPETENT_AUTHORITY".equals(owner(caseId)));
  }

  @Test
  void two_services_of_one_type_on_one_day_count_twice_and_a_repeated_event_once() {
    UUID caseId = UUID.randomUUID();
    UUID provider = UUID.randomUUID();
    ServiceDelivered first =
        new ServiceDelivered(
            UUID.randomUUID(), caseId, "MEDICAL_CARE", DAY, provider, "SERVICE_PROVIDER");
    ServiceDelivered second =
        new ServiceDelivered(
            UUID.randomUUID(), caseId, "MEDICAL_CARE", DAY, provider, "SERVICE_PROVIDER");
    publish(first);
    publish(second);
    publish(first);
    awaitDelivered(caseId);
    assertThat(
            jdbc.sql("SELECT count(*) FROM statistics_service WHERE case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single())
        .isEqualTo(2L);
  }

  static String person(String family, String citizenship, String gender) {
    return "{\"givenName\":\"Amina\",\"familyName\":\""
        + family
        + "\",\"gender\":\""
        + gender
        + "\",\"citizenships\":[\""
        + citizenship
        + "\"],\"languages\":[\"ara\"],\"legalBasis\":\"VITAL_INTEREST\","
        + "\"purpose\":\"Protection and assistance\"}";
  }

  static PersonRegistered registered(UUID caseId) {
    return new PersonRegistered(
        caseId,
        DAY,
        "Feminine",
        30,
        false,
        "QA",
        "QA",
        Set.of(Exploitation.FORCED_LABOUR),
        "SERVICE_PROVIDER",
        true,
        "LABOUR",
        null,
        "PossibleVictimOfTrafficking",
        null,
        null);
  }

  static PersonChanged changed(UUID caseId, long version, String citizenship, MigrationStatus m) {
    return new PersonChanged(
        caseId,
        version,
        DAY,
        "Feminine",
        30,
        false,
        citizenship,
        "QA",
        Set.of(Exploitation.FORCED_LABOUR),
        AgencyType.SERVICE_PROVIDER,
        true,
        m,
        null,
        "PossibleVictimOfTrafficking",
        null,
        null);
  }

  String row(UUID caseId) {
    return jdbc.sql(
            "SELECT coalesce(citizenship, '-') || '|' || coalesce(gender, '-')"
                + " FROM statistics_victim WHERE case_id = ?")
        .param(caseId)
        .query(String.class)
        .optional()
        .orElse("");
  }

  String owner(UUID caseId) {
    return jdbc.sql("SELECT owner_agency_type FROM statistics_victim WHERE case_id = ?")
        .param(caseId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Until every event published about the case has been handled by its listeners. */
  void awaitDelivered(UUID caseId) {
    await("the events of the case delivered")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                + " AND serialized_event LIKE ?")
                        .param("%" + caseId + "%")
                        .query(Long.class)
                        .single()
                    == 0);
  }

  void publish(Object event) {
    new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
  }
}

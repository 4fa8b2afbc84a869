package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.LoweredLimitsIntegrationTest;
import org.palermo.app.cases.PersonRegistered;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events between modules are never lost (issue 11, item 4; issue 12 §3): a listener that failed is
 * delivered again by {@link EventRedelivery} without a restart, and a publication left incomplete
 * (failed, or {@code PROCESSING} when the process died) shows in the health component {@code
 * events} until it is delivered. The statistics read model's own write is refused for real: a check
 * constraint on {@code statistics_victim} refuses the one case id until the test drops it. The
 * redelivery interval is one second here (60 s by default); nothing sleeps: each test waits,
 * bounded, for what a user would see (the statistics row, the health status).
 */
@LoweredLimitsIntegrationTest
class EventRedeliveryIT {
  static final Duration BOUND = Duration.ofSeconds(90);

  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired EventsHealth health;
  @Autowired DatabaseServer server;

  String constraint;

  /** Changing a table needs the owner: the application's runtime role may not (issue 11 item 6). */
  JdbcClient owner() {
    return JdbcClient.create(server.ownerDataSource());
  }

  @AfterEach
  void dropRefusal() {
    if (constraint != null) {
      owner().sql("ALTER TABLE statistics_victim DROP CONSTRAINT IF EXISTS " + constraint).update();
    }
  }

  @Test
  void a_statistics_event_whose_listener_failed_is_delivered_on_the_next_redelivery()
      throws Exception {
    UUID caseId = UUID.randomUUID();
    refuseInReadModel(caseId);
    publish(registered(caseId));
    UUID publication = awaitFailedPublication(caseId);
    assertThat(victimRows(caseId)).isZero();

    allowInReadModel();

    await("the statistics row after redelivery")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> victimRows(caseId) == 1);
    await("the publication completed")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> completed(publication));
  }

  @Test
  void a_publication_left_processing_is_reported_stuck_then_resubmitted() throws Exception {
    UUID caseId = UUID.randomUUID();
    refuseInReadModel(caseId);
    publish(registered(caseId));
    UUID publication = awaitFailedPublication(caseId);
    // As a process killed while its listener ran leaves it: PROCESSING, published an hour ago.
    jdbc.sql(
            "UPDATE event_publication SET status = 'PROCESSING',"
                + " publication_date = now() - interval '1 hour' WHERE id = ?")
        .param(publication)
        .update();

    String group =
        mvc.perform(get("/actuator/health/event-delivery"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(group).contains("\"status\":\"STUCK\"").doesNotContain(caseId.toString());
    String overall =
        mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString();
    // A late statistic does not take the application out of service; no details in public.
    assertThat(overall).contains("\"status\":\"UP\"").doesNotContain("components");
    var shown = health.health();
    assertThat(shown.getStatus()).isEqualTo(EventsHealth.STUCK);
    assertThat((Integer) shown.getDetails().get("stuck")).isPositive();
    assertThat((Long) shown.getDetails().get("oldestAgeSeconds")).isGreaterThanOrEqualTo(3000L);
    assertThat(shown.getDetails().toString())
        .contains("VictimReadModel")
        .doesNotContain(caseId.toString());

    allowInReadModel();

    await("the stuck publication delivered")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> victimRows(caseId) == 1 && completed(publication));
    await("the health component back to UP")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                mvc.perform(get("/actuator/health/event-delivery"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()
                    .contains("\"status\":\"UP\""));
  }

  void refuseInReadModel(UUID caseId) {
    constraint = "refuse_" + caseId.toString().replace("-", "");
    owner()
        .sql(
            "ALTER TABLE statistics_victim ADD CONSTRAINT "
                + constraint
                + " CHECK (case_id <> '"
                + caseId
                + "') NOT VALID")
        .update();
  }

  void allowInReadModel() {
    owner().sql("ALTER TABLE statistics_victim DROP CONSTRAINT " + constraint).update();
    constraint = null;
  }

  UUID awaitFailedPublication(UUID caseId) {
    await("the listener to fail")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM event_publication WHERE status = 'FAILED'"
                                + " AND completion_date IS NULL AND serialized_event LIKE ?")
                        .param("%" + caseId + "%")
                        .query(Long.class)
                        .single()
                    == 1);
    return jdbc.sql("SELECT id FROM event_publication WHERE serialized_event LIKE ?")
        .param("%" + caseId + "%")
        .query(UUID.class)
        .single();
  }

  boolean completed(UUID publication) {
    return jdbc.sql("SELECT completion_date IS NOT NULL FROM event_publication WHERE id = ?")
        .param(publication)
        .query(Boolean.class)
        .single();
  }

  long victimRows(UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM statistics_victim WHERE case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  static PersonRegistered registered(UUID caseId) {
    return new PersonRegistered(
        caseId,
        LocalDate.of(2020, 5, 4),
        "Feminine",
        30,
        false,
        "QR",
        "QR",
        Set.of(Exploitation.FORCED_LABOUR),
        "SERVICE_PROVIDER",
        true,
        null,
        null);
  }

  void publish(Object event) {
    new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
  }
}

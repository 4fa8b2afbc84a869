package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.audit.AuditVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * More concurrent writes than the pool has connections all succeed, each with its audit entry and
 * its statistics event (issue 11, item 4: 20 parallel registrations on a pool of 10 answered 500
 * after 5 s, because each held its connection while waiting for a second one for its audit entry,
 * and a statistics event was lost until a restart).
 */
@PalermoIntegrationTest
class ConcurrentWritesIT {
  @LocalServerPort int port;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired HikariDataSource pool;
  @Autowired AuditVerifier verifier;
  final JsonMapper json = JsonMapper.builder().build();

  static String person(String family) {
    return "{\"givenName\":\"Amina\",\"familyName\":\""
        + family
        + "\",\"citizenships\":[\"XA\"],\"languages\":[\"ara\"],\"legalBasis\":\"VITAL_INTEREST\","
        + "\"purpose\":\"Protection and assistance\"}";
  }

  @Test
  void four_times_the_pool_size_of_concurrent_registrations_all_succeed_with_audit_and_events()
      throws Exception {
    int writers = pool.getMaximumPoolSize() * 4;
    TestUser worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String token = accounts.token(worker);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    try {
      for (int i = 0; i < writers; i++) {
        String body = person("Concurrent" + suffix + "n" + i);
        answers.add(
            threads.submit(
                () -> {
                  start.await();
                  return http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + port + "/api/v1/persons"))
                          .header("Authorization", "Bearer " + token)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
                }));
      }
      start.countDown();
      List<UUID> cases = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> r = answer.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        cases.add(UUID.fromString(json.readTree(r.body()).get("caseId").asString()));
      }
      assertThat(cases).doesNotHaveDuplicates().hasSize(writers);

      for (UUID caseId : cases) {
        assertThat(
                jdbc.sql(
                        "SELECT count(*) FROM audit_event WHERE action = 'cases.register'"
                            + " AND target = ? AND outcome = 'SUCCESS'")
                    .param("case:" + caseId)
                    .query(Long.class)
                    .single())
            .as("audit entry of case %s", caseId)
            .isEqualTo(1);
      }
      assertThat(verifier.verify().intact()).isTrue();

      // The statistics listener runs after the commit, asynchronously: wait (bounded, generously;
      // nothing is asserted about the time) until every publication of these cases is complete.
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (victims(cases) < writers && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(victims(cases)).as("statistics rows of the registered cases").isEqualTo(writers);
    } finally {
      threads.shutdownNow();
    }
  }

  private long victims(List<UUID> cases) {
    return jdbc.sql("SELECT count(*) FROM statistics_victim WHERE case_id IN (:cases)")
        .param("cases", cases)
        .query(Long.class)
        .single();
  }
}

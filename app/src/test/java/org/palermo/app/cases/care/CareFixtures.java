package org.palermo.app.cases.care;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.cases.ServiceDelivered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Cases for the care tests, written straight into {@code person} and {@code case_file} (the columns
 * of V4), and a listener that keeps every {@link ServiceDelivered} published.
 */
@Component
public class CareFixtures {
  private final JdbcClient jdbc;
  final List<ServiceDelivered> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();

  CareFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(ServiceDelivered event) {
    delivered.add(event);
  }

  /** A new open case owned by {@code agencyId}. */
  public UUID caseOf(UUID agencyId) {
    UUID person = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            "INSERT INTO person (id, given_name, family_name, name_latin, birth_date, legal_basis,"
                + " purpose, owner_agency_id, synthetic, created_at)"
                + " VALUES (?, 'Test', 'Person', 'test person', DATE '1990-01-01', 'CONSENT',"
                + " 'test', ?, TRUE, ?)")
        .params(person, agencyId, now)
        .update();
    jdbc.sql(
            "INSERT INTO case_file (id, reference, person_id, owner_agency_id, status, opened_at)"
                + " VALUES (?, ?, ?, ?, 'OPEN', ?)")
        .params(
            id,
            "CARE-" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999),
            person,
            agencyId,
            now)
        .update();
    return id;
  }

  public List<String> timeline(UUID caseId) {
    return new ArrayList<>(
        jdbc.sql("SELECT kind FROM case_timeline WHERE case_id = ? ORDER BY id")
            .param(caseId)
            .query(String.class)
            .list());
  }

  public long audits(String action, UUID caseId, String outcome) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = ? AND target = ? AND outcome = ?")
        .params(action, "case:" + caseId, outcome)
        .query(Long.class)
        .single();
  }

  public static MockHttpSession signIn(MockMvc mvc, TestUser user) throws Exception {
    MockHttpSession session = new MockHttpSession();
    String to =
        mvc.perform(
                post("/login")
                    .param("username", user.username())
                    .param("password", TestAccounts.PASSWORD)
                    .session(session)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    if (!"/".equals(to)) {
      throw new IllegalStateException("sign-in failed: " + to);
    }
    return session;
  }
}

package org.palermo.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.platform.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail is a chain that verifies, and the database refuses to rewrite it. */
@PalermoIntegrationTest
class AuditLogIT {
  @Autowired AuditLog audit;
  @Autowired AuditVerifier verifier;
  @Autowired JdbcClient jdbc;
  @Autowired DatabaseServer server;

  @Test
  void appended_entries_link_into_a_chain_that_verifies() {
    long a =
        audit.record(
            new AuditEntry("alice", "agency-1", "test.read", "case:1", Outcome.SUCCESS, "x"));
    long b =
        audit.record(new AuditEntry("bob", "agency-2", "test.write", "case:2", Outcome.DENIED, ""));
    assertThat(b).isGreaterThan(a);
    String prevOfB =
        jdbc.sql("SELECT prev_hash FROM audit_event WHERE seq = ?")
            .param(b)
            .query(String.class)
            .single();
    String hashOfA =
        jdbc.sql("SELECT hash FROM audit_event WHERE seq = ?")
            .param(b - 1)
            .query(String.class)
            .single();
    assertThat(prevOfB).isEqualTo(hashOfA);
    AuditVerifier.Result result = verifier.verify();
    assertThat(result.intact()).isTrue();
    assertThat(result.verified()).isGreaterThanOrEqualTo(b);
  }

  @Test
  void the_database_refuses_updates_deletes_and_truncation() {
    long seq =
        audit.record(new AuditEntry("carol", "-", "test.read", "case:3", Outcome.SUCCESS, ""));
    // The application's own connection has no UPDATE, DELETE or TRUNCATE on the audit tables
    // (issue 11, item 6; platform.DatabaseRolesIT has the whole list).
    for (String sql :
        List.of(
            "UPDATE audit_event SET actor = 'mallory' WHERE seq = " + seq,
            "DELETE FROM audit_event WHERE seq = " + seq,
            "TRUNCATE audit_event CASCADE",
            "TRUNCATE audit_subject")) {
      assertThatThrownBy(() -> jdbc.sql(sql).update())
          .as(sql)
          .rootCause()
          .hasMessageContaining("permission denied");
    }
    // Behind the privileges, the append-only triggers refuse the owner too (only a superuser or
    // the owner dropping them gets past them; the keyed chain and the checkpoints detect that).
    JdbcClient owner = JdbcClient.create(server.ownerDataSource());
    assertThatThrownBy(
            () ->
                owner
                    .sql("UPDATE audit_event SET actor = 'mallory' WHERE seq = ?")
                    .param(seq)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> owner.sql("DELETE FROM audit_event WHERE seq = ?").param(seq).update())
        .hasMessageContaining("append-only");
    // CASCADE: audit_subject (the who-saw-whom index) references audit_event, so a plain TRUNCATE
    // is refused by the foreign key before the trigger; with CASCADE the trigger must refuse it.
    assertThatThrownBy(() -> owner.sql("TRUNCATE audit_event CASCADE").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> owner.sql("TRUNCATE audit_subject").update())
        .hasMessageContaining("append-only");
  }
}

package org.palermo.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail is a chain that verifies, and the database refuses to rewrite it. */
@PalermoIntegrationTest
class AuditLogIT {
  @Autowired AuditLog audit;
  @Autowired AuditVerifier verifier;
  @Autowired JdbcClient jdbc;

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
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE audit_event SET actor = 'mallory' WHERE seq = ?")
                    .param(seq)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE seq = ?").param(seq).update())
        .hasMessageContaining("append-only");
    // CASCADE: audit_subject (the who-saw-whom index) references audit_event, so a plain TRUNCATE
    // is refused by the foreign key before the trigger; with CASCADE the trigger must refuse it.
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event CASCADE").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_subject").update())
        .hasMessageContaining("append-only");
  }
}

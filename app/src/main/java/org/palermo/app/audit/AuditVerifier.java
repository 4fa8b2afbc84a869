package org.palermo.app.audit;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recomputes the audit chain from the first entry and reports the first entry whose hash, link to
 * its predecessor, or sequence number does not match.
 */
@Service
public class AuditVerifier {
  private final JdbcClient jdbc;

  AuditVerifier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Walks the whole chain in order. */
  public Result verify() {
    State state = new State();
    jdbc.sql(
            "SELECT seq, at, actor, agency, action, target, outcome, detail, prev_hash, hash"
                + " FROM audit_event ORDER BY seq")
        .withFetchSize(1000)
        .query(
            rs -> {
              if (state.broken != null) {
                return;
              }
              long seq = rs.getLong("seq");
              Instant at = rs.getTimestamp("at").toInstant();
              AuditEntry entry =
                  new AuditEntry(
                      rs.getString("actor"),
                      rs.getString("agency"),
                      rs.getString("action"),
                      rs.getString("target"),
                      AuditEntry.Outcome.valueOf(rs.getString("outcome")),
                      rs.getString("detail"));
              String prevHash = rs.getString("prev_hash");
              String hash = rs.getString("hash");
              if (seq != state.count + 1) {
                state.broken = new Break(seq, at, "entry " + (state.count + 1) + " is missing");
              } else if (!prevHash.equals(state.head)) {
                state.broken = new Break(seq, at, "it does not link to the previous entry");
              } else if (!AuditHash.of(seq, at, entry, prevHash).equals(hash)) {
                state.broken = new Break(seq, at, "its content does not match its hash");
              } else {
                state.count = seq;
                state.head = hash;
              }
            });
    return new Result(state.count, state.head, Optional.ofNullable(state.broken));
  }

  private static final class State {
    long count;
    String head = AuditHash.GENESIS;
    Break broken;
  }

  /** The outcome: how many entries verified, the head hash, and the first break if any. */
  public record Result(long verified, String head, Optional<Break> firstBreak) {
    public boolean intact() {
      return firstBreak.isEmpty();
    }
  }

  /** The first entry that fails verification, and why. */
  public record Break(long seq, Instant at, String reason) {}
}

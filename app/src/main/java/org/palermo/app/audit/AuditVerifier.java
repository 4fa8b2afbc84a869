package org.palermo.app.audit;

import java.time.Instant;
import java.util.Optional;
import org.palermo.app.platform.crypto.DataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recomputes the audit chain from the first entry and reports the first entry whose hash, link to
 * its predecessor, or sequence number does not match. Entries written before the keyed chain (hash
 * version 1, SHA-256) are accepted only before the first keyed entry (version 2, HMAC), and the
 * first keyed entry after unkeyed ones must be the anchor that {@link AuditLog} wrote at the
 * upgrade, naming the last unkeyed entry; the head must be keyed. An unkeyed entry after a keyed
 * one, an unkeyed head, or a keyed entry linked to unkeyed ones that is not that anchor is a
 * rewrite with the unkeyed hash (issue 11, item 6).
 */
@Service
public class AuditVerifier {
  private final JdbcClient jdbc;
  private final DataKeys keys;

  AuditVerifier(JdbcClient jdbc, DataKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /** Walks the whole chain in order. */
  public Result verify() {
    State state = new State();
    byte[] chainKey =
        keys.derivedKey(jdbc, AuditHash.KEY_ROOT, AuditHash.CHAIN_LABEL, false).orElse(null);
    jdbc.sql(
            "SELECT seq, at, actor, agency, action, target, outcome, detail, prev_hash, hash,"
                + " hash_version FROM audit_event ORDER BY seq")
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
              int version = rs.getInt("hash_version");
              if (seq != state.count + 1) {
                state.broken = new Break(seq, at, "entry " + (state.count + 1) + " is missing");
              } else if (!prevHash.equals(state.head)) {
                state.broken = new Break(seq, at, "it does not link to the previous entry");
              } else if (version == AuditHash.UNKEYED && state.keyed) {
                state.broken =
                    new Break(seq, at, "it carries the unkeyed hash after the keyed chain began");
              } else if (version == AuditHash.KEYED
                  && !state.keyed
                  && state.count > 0
                  && !(AuditLog.ANCHOR.equals(entry.action())
                      && entry.target().equals("audit:" + state.count))) {
                // Unkeyed entries are those written before the upgrade; the first keyed entry
                // after them must be the anchor written then, which names the last of them.
                state.broken =
                    new Break(
                        seq,
                        at,
                        "unkeyed entries precede it but it is not the anchor of the keyed chain");
              } else if (version == AuditHash.KEYED && chainKey == null) {
                state.broken = new Break(seq, at, "the chain key is missing from the database");
              } else if (!expected(version, chainKey, seq, at, entry, prevHash).equals(hash)) {
                state.broken = new Break(seq, at, "its content does not match its hash");
              } else {
                state.count = seq;
                state.head = hash;
                state.headAt = at;
                state.keyed |= version == AuditHash.KEYED;
              }
            });
    if (state.broken == null && state.count > 0 && !state.keyed) {
      state.broken =
          new Break(
              state.count,
              state.headAt,
              "the head is not keyed: no entry carries the HMAC of the chain key (entries were"
                  + " rewritten with the unkeyed hash, or the server has not started since the"
                  + " upgrade)");
    }
    return new Result(state.count, state.head, Optional.ofNullable(state.broken));
  }

  private static String expected(
      int version, byte[] chainKey, long seq, Instant at, AuditEntry entry, String prevHash) {
    return switch (version) {
      case AuditHash.UNKEYED -> AuditHash.of(seq, at, entry, prevHash);
      case AuditHash.KEYED -> AuditHash.keyed(chainKey, seq, at, entry, prevHash);
      default -> "";
    };
  }

  private static final class State {
    long count;
    String head = AuditHash.GENESIS;
    Instant headAt;
    boolean keyed;
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

package org.palermo.app.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.palermo.app.platform.AuditConnections;
import org.palermo.app.platform.crypto.DataKeys;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the audit trail. Each append runs in its own transaction on the audit trail's
 * own small pool ({@link AuditConnections}), so that it survives a rollback of the caller's work (a
 * DENIED read is recorded even when the request fails) without taking a second connection from the
 * main pool while the caller holds one (issue 11, item 4). Appends are serialised by an advisory
 * lock so that the chain has no forks, and every entry's hash is an HMAC under the chain key
 * ({@link AuditHash#keyed}).
 */
@Service
public class AuditLog {
  /** Advisory lock key that serialises appends (ASCII "AUDT"). */
  private static final long CHAIN_LOCK = 0x41554454L;

  /** The action of the keyed entry that anchors the entries written before the keyed chain. */
  static final String ANCHOR = "audit.chain.keyed";

  private final JdbcClient jdbc;
  private final DataKeys keys;
  private final Clock clock;
  private final TransactionTemplate tx;

  AuditLog(AuditConnections connections, DataKeys keys, Clock clock) {
    this.jdbc = JdbcClient.create(connections.dataSource());
    this.keys = keys;
    this.clock = clock;
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(connections.dataSource()));
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.tx.setTimeout(30);
  }

  /** Appends one entry and returns its sequence number. */
  public long record(AuditEntry entry) {
    Long seq =
        tx.execute(
            status -> {
              jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
              anchorIfUnkeyed();
              return append(entry);
            });
    return seq == null ? -1 : seq;
  }

  /**
   * Anchors a chain written before the keyed hash (issue 11) at the first start after the upgrade,
   * so that {@code palermo audit verify} finds a keyed head even before anything else is recorded.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void anchorUnkeyedChain() {
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
          anchorIfUnkeyed();
        });
  }

  /**
   * When the head is an unkeyed (SHA-256) entry and the chain key does not exist yet (the first
   * append after the upgrade), appends the anchor: a keyed entry, action {@link #ANCHOR}, whose
   * HMAC covers that head, so that rewriting an earlier entry and recomputing the SHA-256 hashes
   * after it breaks the link to the anchor, which cannot be recomputed without the master key. Once
   * the key exists no anchor is ever written again: an unkeyed head then is a rewrite, and {@link
   * AuditVerifier} reports it.
   */
  private void anchorIfUnkeyed() {
    var head =
        jdbc.sql("SELECT seq, hash_version FROM audit_event ORDER BY seq DESC LIMIT 1")
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
            .optional();
    if (head.isEmpty() || head.get()[1] != AuditHash.UNKEYED) {
      return;
    }
    if (keys.derivedKey(jdbc, AuditHash.KEY_ROOT, AuditHash.CHAIN_LABEL, false).isPresent()) {
      return;
    }
    long last = head.get()[0];
    append(
        new AuditEntry(
            "system",
            "-",
            ANCHOR,
            "audit:" + last,
            AuditEntry.Outcome.SUCCESS,
            "entries 1.." + last + " (SHA-256, before the keyed chain) anchored by this entry"));
  }

  private long append(AuditEntry entry) {
    var last =
        jdbc.sql("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .optional();
    long next = last.map(r -> (Long) r[0] + 1).orElse(1L);
    String prev = last.map(r -> (String) r[1]).orElse(AuditHash.GENESIS);
    // PostgreSQL keeps microseconds: hash exactly what is stored.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    byte[] chainKey =
        keys.derivedKey(jdbc, AuditHash.KEY_ROOT, AuditHash.CHAIN_LABEL, true).orElseThrow();
    String hash = AuditHash.keyed(chainKey, next, at, entry, prev);
    jdbc.sql(
            """
            INSERT INTO audit_event (seq, at, actor, agency, action, target, outcome, detail,
              prev_hash, hash, hash_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            next,
            java.sql.Timestamp.from(at),
            entry.actor(),
            entry.agency(),
            entry.action(),
            entry.target(),
            entry.outcome().name(),
            entry.detail(),
            prev,
            hash,
            AuditHash.KEYED)
        .update();
    return next;
  }
}

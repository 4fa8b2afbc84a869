package org.palermo.app.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the audit trail. Each append runs in its own transaction, serialised by an
 * advisory lock so that the chain has no forks, and survives a rollback of the caller's work.
 */
@Service
public class AuditLog {
  /** Advisory lock key that serialises appends (ASCII "AUDT"). */
  private static final long CHAIN_LOCK = 0x41554454L;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate tx;

  AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Appends one entry and returns its sequence number. */
  public long record(AuditEntry entry) {
    Long seq =
        tx.execute(
            status -> {
              jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
              var last =
                  jdbc.sql("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
                      .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                      .optional();
              long next = last.map(r -> (Long) r[0] + 1).orElse(1L);
              String prev = last.map(r -> (String) r[1]).orElse(AuditHash.GENESIS);
              // PostgreSQL keeps microseconds: hash exactly what is stored.
              Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
              String hash = AuditHash.of(next, at, entry, prev);
              jdbc.sql(
                      """
                      INSERT INTO audit_event
                        (seq, at, actor, agency, action, target, outcome, detail, prev_hash, hash)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
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
                      hash)
                  .update();
              return next;
            });
    return seq == null ? -1 : seq;
  }
}

package org.palermo.app.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tombstones of erased cases (GDPR Art. 17): {@link StatisticsErasure} records the ids of the
 * cases it erases, and every listener of the read model asks here first, so an event published
 * before the erasure and delivered after it (delivery is asynchronous and at least once) does not
 * write the case back. Ids only, nothing personal.
 *
 * <p>Erasure and the listeners are serialised by a transaction-scoped advisory lock: erasure holds
 * it exclusively until it commits, each listener shares it before it looks, so a listener never
 * reads "not erased" and then writes after the erasure deleted the rows.
 */
@Component
class ErasedCases {
  /** The advisory lock key of statistics erasure ("PALSTAT" in ASCII). */
  private static final long LOCK = 0x50414c53544154L;

  private final JdbcClient jdbc;

  ErasedCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the tombstones; call inside the erasure's transaction. */
  void record(Collection<UUID> caseIds, Instant at) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
    jdbc.sql(
            "INSERT INTO statistics_erased_case (case_id, erased_at)"
                + " SELECT unnest(CAST(? AS uuid[])), ? ON CONFLICT DO NOTHING")
        .params(caseIds.stream().map(UUID::toString).toArray(String[]::new), Timestamp.from(at))
        .update();
  }

  /** Whether the case was erased; call inside the listener's transaction, before it writes. */
  boolean erased(UUID caseId) {
    if (caseId == null) {
      return false;
    }
    return !retained(List.of(caseId)).contains(caseId);
  }

  /** The cases of {@code caseIds} that were not erased. */
  Set<UUID> retained(Collection<UUID> caseIds) {
    jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(LOCK).query().singleRow();
    Set<UUID> erased =
        Set.copyOf(
            jdbc.sql(
                    "SELECT case_id FROM statistics_erased_case"
                        + " WHERE case_id = ANY(CAST(? AS uuid[]))")
                .param(caseIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list());
    return caseIds.stream().filter(c -> !erased.contains(c)).collect(Collectors.toSet());
  }
}

package org.palermo.app.statistics;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.SubjectErasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erasure reaches the statistics read model (GDPR Art. 17; issue 12 §3): the rows of an erased
 * person's cases are deleted from every read-model table keyed by case, one statement per table, so
 * the figures no longer count them and nothing in the read model can be linked back to them.
 * Releases already published are not changed (they are aggregates under disclosure control). The
 * erased case ids are kept as tombstones ({@link ErasedCases}) so that a late event cannot write
 * the case back.
 */
@Component
class StatisticsErasure implements SubjectErasure {
  private final JdbcClient jdbc;
  private final ErasedCases tombstones;

  StatisticsErasure(JdbcClient jdbc, ErasedCases tombstones) {
    this.jdbc = jdbc;
    this.tombstones = tombstones;
  }

  @Override
  public Map<UUID, Set<UUID>> erase(Set<UUID> caseIds, Instant at) {
    if (caseIds.isEmpty()) {
      return Map.of();
    }
    // First the tombstones (and the lock the listeners share): an event about these cases still
    // on its way is then ignored when it arrives, instead of writing the rows back.
    tombstones.record(caseIds, at);
    String[] cases = caseIds.stream().map(UUID::toString).toArray(String[]::new);
    jdbc.sql("DELETE FROM statistics_victim WHERE case_id = ANY(CAST(? AS uuid[]))")
        .param(cases)
        .update();
    jdbc.sql("DELETE FROM statistics_trafficking_status WHERE case_id = ANY(CAST(? AS uuid[]))")
        .param(cases)
        .update();
    jdbc.sql("DELETE FROM statistics_decision WHERE case_id = ANY(CAST(? AS uuid[]))")
        .param(cases)
        .update();
    jdbc.sql("DELETE FROM statistics_referral_step WHERE case_id = ANY(CAST(? AS uuid[]))")
        .param(cases)
        .update();
    jdbc.sql("DELETE FROM statistics_service WHERE case_id = ANY(CAST(? AS uuid[]))")
        .param(cases)
        .update();
    return Map.of();
  }
}

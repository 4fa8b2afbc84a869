package org.palermo.app.identification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.ExpiringRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention's draft-screening rule (GDPR Art. 5(1)(e) storage limitation; SECURITY.md rule 8): a
 * screening still a draft, unchanged since the cutoff, is erased. Set-based: one query finds them,
 * one statement deletes them all.
 */
@Component
class DraftScreeningRetention implements ExpiringRecords {
  private final JdbcClient jdbc;

  DraftScreeningRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String rule() {
    return "draft-screening";
  }

  @Override
  public List<UUID> due(Instant cutoff) {
    return jdbc.sql("SELECT id FROM screening WHERE status = 'DRAFT' AND updated_at < ?")
        .param(Timestamp.from(cutoff))
        .query(UUID.class)
        .list();
  }

  @Override
  public Set<UUID> purge(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "DELETE FROM screening WHERE id = ANY(CAST(? AS uuid[])) AND status = 'DRAFT'"
                    + " RETURNING id")
            .param(ids.stream().map(UUID::toString).toArray(String[]::new))
            .query(UUID.class)
            .list());
  }
}

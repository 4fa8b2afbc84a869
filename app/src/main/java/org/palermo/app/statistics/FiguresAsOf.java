package org.palermo.app.statistics;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How fresh the read model is (issue 12 §3): the moment it last applied an event. Pages and
 * downloads never wait for events still on their way; they say "figures as of" this instead.
 */
@Component
class FiguresAsOf {
  private final JdbcClient jdbc;

  FiguresAsOf(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** When the last event was applied to the read model, {@code null} before the first. */
  Instant latest() {
    OffsetDateTime at =
        jdbc.sql(
                """
                SELECT greatest(
                  (SELECT max(received_at) FROM statistics_victim),
                  (SELECT max(applied_at) FROM statistics_referral_step),
                  (SELECT max(applied_at) FROM statistics_service),
                  (SELECT max(applied_at) FROM statistics_decision))""")
            .query(OffsetDateTime.class)
            .optional()
            .orElse(null);
    return at == null ? null : at.toInstant();
  }
}

package org.palermo.app.statistics;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits, bounded, until the statistics read model holds what a test published (issue 12 §3): pages
 * no longer wait for events on their way, so a test that reads figures right after publishing waits
 * for its own rows first. Never a fixed sleep.
 */
final class ReadModelAwait {
  static final Duration BOUND = Duration.ofSeconds(120);

  private ReadModelAwait() {}

  /**
   * Until {@code table} has at least {@code expected} rows whose {@code column} is in {@code ids}.
   */
  static void rows(
      JdbcClient jdbc, String table, String column, Collection<UUID> ids, long expected) {
    String[] values = ids.stream().map(UUID::toString).toArray(String[]::new);
    await(table)
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM "
                                + table
                                + " WHERE "
                                + column
                                + " = ANY(CAST(? AS uuid[]))")
                        .param(values)
                        .query(Long.class)
                        .single()
                    >= expected);
  }

  /** Until {@code table} has at least {@code expected} rows whose {@code column} is {@code id}. */
  static void rowsWhere(JdbcClient jdbc, String table, String column, UUID id, long expected) {
    rows(jdbc, table, column, java.util.List.of(id), expected);
  }

  /** Until {@code table} has a row for every one of {@code ids} in {@code column}. */
  static void rows(JdbcClient jdbc, String table, String column, Collection<UUID> ids) {
    rows(jdbc, table, column, ids, ids.size());
  }
}

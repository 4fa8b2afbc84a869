package org.palermo.app.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The audit trail's own connection pool (issue 11, item 4; see {@code
 * DatabaseConfiguration#auditConnections}): not a {@link DataSource} bean, so nothing else takes
 * its connections.
 */
public final class AuditConnections implements AutoCloseable {
  /** Connections of the audit pool. */
  public static final int SIZE = 4;

  private final HikariDataSource dataSource;

  AuditConnections(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}

package org.palermo.app.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Small instance-wide settings kept in the database, such as whether it holds demo data. */
@Service
public class InstanceSettings {
  public static final String MODE = "mode";
  public static final String DEMO = "demo";

  private final JdbcClient jdbc;
  private final Clock clock;

  InstanceSettings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<String> get(String name) {
    return jdbc.sql("SELECT value FROM instance_setting WHERE name = ?")
        .param(name)
        .query(String.class)
        .optional();
  }

  public void put(String name, String value) {
    jdbc.sql(
            """
            INSERT INTO instance_setting (name, value, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value,
              updated_at = excluded.updated_at""")
        .params(name, value, Timestamp.from(clock.instant()))
        .update();
  }

  /** True when this instance was filled with synthetic demo data. */
  public boolean isDemo() {
    return get(MODE).map(DEMO::equals).orElse(false);
  }
}

package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.palermo.app.cli.Palermo;
import org.palermo.app.platform.EmbeddedDatabase;
import picocli.CommandLine;

/**
 * {@code palermo demo seed} also seeds referrals, through the real use cases (timeline included).
 */
class DemoReferralsIT {

  @Test
  void the_demo_has_accepted_declined_and_pending_referrals_on_the_timeline() throws Exception {
    Path dir = Files.createTempDirectory("palermo-demo-referrals-");
    try {
      CommandLine cli = Palermo.commandLine();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(new StringWriter(), true));
      cli.setErr(new PrintWriter(err, true));
      int code =
          cli.execute("demo", "seed", "--data-dir", dir.toString(), "--cases", "80", "--seed", "5");
      assertThat(code).as(err.toString()).isZero();
      Map<String, Integer> byStatus = new HashMap<>();
      int timeline;
      try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
          Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
          Statement s = c.createStatement()) {
        try (ResultSet rs =
            s.executeQuery("SELECT status, count(*) FROM referral GROUP BY status")) {
          while (rs.next()) {
            byStatus.put(rs.getString(1), rs.getInt(2));
          }
        }
        try (ResultSet rs =
            s.executeQuery("SELECT count(*) FROM case_timeline WHERE kind = 'referral.created'")) {
          rs.next();
          timeline = rs.getInt(1);
        }
      }
      assertThat(byStatus).containsKeys("ACCEPTED", "DECLINED", "PENDING");
      assertThat(timeline).isEqualTo(byStatus.values().stream().mapToInt(Integer::intValue).sum());
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

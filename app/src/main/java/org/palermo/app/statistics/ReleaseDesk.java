package org.palermo.app.statistics;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.PalermoProperties;
import org.palermo.privacy.ReleaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Releases from the user interface, for statisticians: the same {@link Releases} service and
 * privacy-budget ledger as {@code palermo stats release}, writing into {@code <data-dir>/releases};
 * the list of past releases; and the download of a release's files.
 */
@Service
class ReleaseDesk {
  private final Releases releases;
  private final JdbcClient jdbc;
  private final PalermoProperties properties;
  private final StatisticsProperties statistics;
  private final JdbcLedgerStore ledger;
  private final AuditLog audit;

  ReleaseDesk(
      Releases releases,
      JdbcClient jdbc,
      PalermoProperties properties,
      StatisticsProperties statistics,
      JdbcLedgerStore ledger,
      AuditLog audit) {
    this.releases = releases;
    this.jdbc = jdbc;
    this.properties = properties;
    this.statistics = statistics;
    this.ledger = ledger;
    this.audit = audit;
  }

  /** A past release, for the list. */
  record Past(long id, String name, String kind, String dataset, Instant at, String by) {}

  /** The ledger of the read model: total, spent and remaining ε. */
  record Budget(BigDecimal total, BigDecimal spent, BigDecimal remaining) {}

  Releases.Result release(PalermoPrincipal who, ReleaseKind kind, Integer k, BigDecimal epsilon) {
    StatisticsAccess.requireStatistician(who);
    return releases.release(
        new Releases.Request(
            kind,
            null,
            properties.dataDir().resolve("releases"),
            kind == ReleaseKind.MICRODATA ? k : null,
            kind == ReleaseKind.DP_TABLE ? epsilon : null,
            who.username()));
  }

  List<Past> list(PalermoPrincipal who) {
    StatisticsAccess.requireStatistician(who);
    return jdbc.sql(
            "SELECT id, name, kind, dataset_id, released_at, released_by FROM statistics_release"
                + " ORDER BY released_at DESC, id DESC")
        .query(
            (rs, n) ->
                new Past(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getString(6)))
        .list();
  }

  Budget budget(PalermoPrincipal who) {
    StatisticsAccess.requireStatistician(who);
    BigDecimal spent =
        ledger.entries(new org.palermo.privacy.ledger.DatasetId(VictimReadModel.DATASET)).stream()
            .map(e -> e.cost().epsilon())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal total = statistics.totalEpsilon();
    return new Budget(total, spent, total.subtract(spent).max(BigDecimal.ZERO));
  }

  /** A file of a release: {@code data} (the CSV) or {@code sidecar} (the JSON). */
  Path file(PalermoPrincipal who, long id, String which) {
    StatisticsAccess.requireStatistician(who);
    int index =
        switch (which) {
          case "data" -> 1;
          case "sidecar" -> 2;
          default -> throw new PalermoException(ErrorCode.NOT_FOUND, "No such file.");
        };
    String file =
        jdbc.sql("SELECT files[" + index + "] FROM statistics_release WHERE id = ?")
            .param(id)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such release."));
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new PalermoException(
          ErrorCode.NOT_FOUND, "The file of this release is no longer there.", Map.of());
    }
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "statistics.release.download",
            "release:" + id,
            Outcome.SUCCESS,
            "file=" + which));
    return path;
  }
}

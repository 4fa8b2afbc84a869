package org.palermo.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.dp.DpTable;
import org.palermo.privacy.dp.DpTableMechanism;
import org.palermo.privacy.dp.DpTableRequest;
import org.palermo.privacy.kanon.InformationLoss;
import org.palermo.privacy.kanon.KAnonymisation;
import org.palermo.privacy.kanon.KAnonymityPolicy;
import org.palermo.privacy.kanon.KAnonymizer;
import org.palermo.privacy.kanon.QuasiIdentifier;
import org.palermo.privacy.ledger.BudgetExceededException;
import org.palermo.privacy.ledger.PrivacyBudgetLedger;
import org.palermo.privacy.table.CountTable;
import org.palermo.privacy.table.SmallCellSuppressor;
import org.palermo.privacy.table.TableProtection;
import org.palermo.privacy.table.TableProtectionPolicy;

/**
 * The entry point for {@code palermo stats release}: makes a release of each kind and its sidecar
 * metadata, with time from the injected clock and noise from the injected generator ({@link
 * java.security.SecureRandom} in production).
 */
public final class PrivacyReleases {
  private final Clock clock;
  private final KAnonymizer anonymizer = new KAnonymizer();
  private final SmallCellSuppressor suppressor = new SmallCellSuppressor();
  private final DpTableMechanism dp;

  public PrivacyReleases(Clock clock, RandomGenerator random, PrivacyBudgetLedger ledger) {
    this.clock = Objects.requireNonNull(clock);
    this.dp = new DpTableMechanism(ledger, random);
  }

  /** A k-anonymous CTDC microdata file ({@code --kind microdata}). */
  public MicrodataRelease microdata(
      String dataset, List<CtdcRecord> records, KAnonymityPolicy policy, String releasedBy) {
    requireReleasedBy(releasedBy);
    KAnonymisation data = anonymizer.anonymise(records, policy);
    List<String> columns = new ArrayList<>();
    for (QuasiIdentifier qi : policy.quasiIdentifiers()) {
      columns.addAll(qi.columns());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("inputRecords", Long.toString(data.inputRecords()));
    parameters.put("releasedRecords", Integer.toString(data.rows().size()));
    parameters.put("maxSuppressionRate", Double.toString(policy.maxSuppressionRate()));
    data.generalisation()
        .describe()
        .forEach((qi, level) -> parameters.put("level." + qi.columns().get(0), level));
    parameters.put("search", "exhaustive full-domain, " + data.latticeSize() + " nodes");
    parameters.put("lossMetric", InformationLoss.METRIC);
    parameters.put("loss", Double.toString(data.loss().normalisedCertaintyPenalty()));
    parameters.put("discernibility", Double.toString(data.loss().discernibility()));
    SuppressionCounts suppression =
        new SuppressionCounts(data.recordsSuppressed(), data.recordsDropped(), 0, 0);
    ReleaseMetadata metadata =
        metadata(
            ReleaseKind.MICRODATA,
            dataset,
            columns,
            policy.k(),
            suppression,
            parameters,
            releasedBy);
    return new MicrodataRelease(data, metadata);
  }

  /** An aggregate table with small-cell suppression and rounding ({@code --kind table}). */
  public TableRelease table(
      String dataset, CountTable table, TableProtectionPolicy policy, String releasedBy) {
    requireReleasedBy(releasedBy);
    TableProtection protection = suppressor.protect(table, policy);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("threshold", Long.toString(policy.threshold()));
    parameters.put("roundingBase", Integer.toString(policy.roundingBase()));
    parameters.put("rounding", "nearest multiple, halves up, never below the threshold");
    parameters.put("rows", Integer.toString(table.rows()));
    parameters.put("columns", Integer.toString(table.columns()));
    SuppressionCounts suppression =
        new SuppressionCounts(
            0, 0, protection.primarySuppressions(), protection.complementarySuppressions());
    ReleaseMetadata metadata =
        metadata(ReleaseKind.TABLE, dataset, List.of(), null, suppression, parameters, releasedBy);
    return new TableRelease(protection, metadata);
  }

  /**
   * A differentially private table ({@code --kind dp-table}), charged to the ledger first.
   *
   * @throws BudgetExceededException if the dataset's budget cannot pay; nothing is charged
   */
  public DpTableRelease dpTable(DpTableRequest request, String releasedBy) {
    requireReleasedBy(releasedBy);
    DpTable table = dp.release(request, releasedBy);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("mechanism", "discrete Laplace, exact (Canonne, Kamath & Steinke 2020)");
    parameters.put("maxCellsPerPerson", Integer.toString(table.maxCellsPerPerson()));
    parameters.put("l1Sensitivity", Integer.toString(table.maxCellsPerPerson()));
    parameters.put("noiseScale", table.scale().toString());
    parameters.put("ledgerSequence", Long.toString(table.charge().sequence()));
    parameters.put("purpose", request.purpose());
    ReleaseMetadata metadata =
        new ReleaseMetadata(
            ReleaseKind.DP_TABLE,
            request.dataset().value(),
            List.of(),
            null,
            SuppressionCounts.NONE,
            table.charge().cost().epsilon(),
            table.charge().cost().delta(),
            ReleaseMetadata.ENGINE_VERSION,
            table.charge().chargedAt(),
            releasedBy,
            parameters);
    return new DpTableRelease(table, metadata);
  }

  private ReleaseMetadata metadata(
      ReleaseKind kind,
      String dataset,
      List<String> quasiIdentifiers,
      Integer k,
      SuppressionCounts suppression,
      Map<String, String> parameters,
      String releasedBy) {
    requireReleasedBy(releasedBy);
    return new ReleaseMetadata(
        kind,
        dataset,
        quasiIdentifiers,
        k,
        suppression,
        null,
        null,
        ReleaseMetadata.ENGINE_VERSION,
        clock.instant(),
        releasedBy,
        parameters);
  }

  private static void requireReleasedBy(String releasedBy) {
    if (releasedBy == null || releasedBy.isBlank()) {
      throw new IllegalArgumentException("releasedBy must name who makes the release");
    }
  }
}

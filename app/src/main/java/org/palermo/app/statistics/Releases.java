package org.palermo.app.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.PendingEvents;
import org.palermo.privacy.DpTableRelease;
import org.palermo.privacy.MicrodataRelease;
import org.palermo.privacy.PrivacyReleases;
import org.palermo.privacy.ReleaseKind;
import org.palermo.privacy.ReleaseMetadata;
import org.palermo.privacy.TableRelease;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.dp.Contribution;
import org.palermo.privacy.dp.DpTableRequest;
import org.palermo.privacy.kanon.KAnonymityPolicy;
import org.palermo.privacy.kanon.KAnonymityUnattainableException;
import org.palermo.privacy.ledger.BudgetExceededException;
import org.palermo.privacy.ledger.DatasetId;
import org.palermo.privacy.ledger.PrivacyBudget;
import org.palermo.privacy.ledger.PrivacyBudgetLedger;
import org.palermo.privacy.table.TableProtectionPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Makes a privacy-safe statistical release ({@code palermo stats release}): loads the read model or
 * a reference dataset as CTDC records, protects them with the {@code privacy} engines, writes the
 * data file and its JSON sidecar, records the release and audits it. A differentially private
 * release is charged to the dataset's privacy budget first and refused, charging nothing, when the
 * budget cannot pay.
 */
@Service
public class Releases {
  /** ε of a dp-table release when none is given. */
  public static final BigDecimal DEFAULT_EPSILON = BigDecimal.ONE;

  private final VictimReadModel victims;
  private final ReferenceDatasets references;
  private final Actors actors;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final PrivacyReleases privacy;
  private final PendingEvents pendingEvents;

  Releases(
      VictimReadModel victims,
      ReferenceDatasets references,
      Actors actors,
      JdbcClient jdbc,
      AuditLog audit,
      JdbcLedgerStore ledgerStore,
      StatisticsProperties properties,
      PendingEvents pendingEvents,
      Clock clock) {
    this.victims = victims;
    this.pendingEvents = pendingEvents;
    this.references = references;
    this.actors = actors;
    this.jdbc = jdbc;
    this.audit = audit;
    PrivacyBudgetLedger ledger =
        PrivacyBudgetLedger.withBudget(
            ledgerStore, PrivacyBudget.ofEpsilon(properties.totalEpsilon()), clock);
    this.privacy = new PrivacyReleases(clock, new SecureRandom(), ledger);
  }

  /**
   * What to release.
   *
   * @param kind microdata, table or dp-table
   * @param referenceDataset an imported reference dataset, or {@code null} for the read model
   * @param outDir where the files go (created if missing; existing files are never overwritten)
   * @param k k of k-anonymity (microdata only; {@code null} for 11)
   * @param epsilon ε to spend (dp-table only; {@code null} for 1)
   * @param releasedBy {@code cli} or the username of an enabled account
   */
  public record Request(
      ReleaseKind kind,
      String referenceDataset,
      Path outDir,
      Integer k,
      BigDecimal epsilon,
      String releasedBy) {}

  /**
   * What a release wrote.
   *
   * @param name the release's name, the stem of its files
   * @param files the data file, then the JSON sidecar
   * @param metadata what the sidecar says
   */
  public record Result(String name, List<Path> files, ReleaseMetadata metadata) {}

  /** The records of a dataset, with pseudonymous keys for the contribution bound. */
  private record Source(
      String datasetId,
      String description,
      List<CtdcRecord> records,
      List<String> keys,
      long synthetic) {}

  /**
   * Makes the release.
   *
   * @throws PalermoException on invalid parameters, existing files, k that cannot be met or a spent
   *     privacy budget (nothing is charged then)
   */
  public Result release(Request request) {
    String by = actors.require(request.releasedBy());
    ReleaseKind kind = request.kind();
    if (kind == null || request.outDir() == null) {
      throw invalid("A release needs a kind and an output directory.", "kind");
    }
    if (request.k() != null && kind != ReleaseKind.MICRODATA) {
      throw invalid("k applies only to microdata releases.", "k");
    }
    if (request.epsilon() != null && kind != ReleaseKind.DP_TABLE) {
      throw invalid("epsilon applies only to dp-table releases.", "epsilon");
    }
    int k = request.k() == null ? KAnonymityPolicy.DEFAULT_K : request.k();
    if (k < 2 || k > 1000) {
      throw invalid("k must be between 2 and 1000.", "k");
    }
    BigDecimal epsilon = request.epsilon() == null ? DEFAULT_EPSILON : request.epsilon();
    if (epsilon.signum() <= 0) {
      throw invalid("epsilon must be greater than 0.", "epsilon");
    }
    Source source = source(request.referenceDataset());
    long id = jdbc.sql("SELECT nextval('statistics_release_seq')").query(Long.class).single();
    String name = source.datasetId().replace('/', '-') + "-" + kind.cliName() + "-" + id;
    Path dir = prepare(request.outDir());
    Path data = dir.resolve(name + ".csv");
    Path sidecar = dir.resolve(name + ".json");
    for (Path p : List.of(data, sidecar)) {
      if (Files.exists(p)) {
        throw new PalermoException(
            ErrorCode.CONFLICT, p + " already exists; nothing was released.");
      }
    }
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("source", source.description());
    extra.put("dataFile", data.getFileName().toString());
    if (source.synthetic() > 0) {
      extra.put("syntheticRecords", Long.toString(source.synthetic()));
    }
    Published published;
    try {
      published =
          switch (kind) {
            case MICRODATA -> microdata(source, k, by, data);
            case TABLE -> table(source, by, data, extra);
            case DP_TABLE -> dpTable(source, epsilon, by, data, extra);
          };
    } catch (BudgetExceededException e) {
      refused(by, source, kind, "budget exceeded; epsilon=" + epsilon.toPlainString());
      throw new PalermoException(ErrorCode.CONFLICT, "Release refused: " + e.getMessage() + ".");
    } catch (KAnonymityUnattainableException e) {
      refused(by, source, kind, "k unattainable; k=" + k);
      throw new PalermoException(ErrorCode.CONFLICT, "Release refused: " + e.getMessage() + ".");
    }
    ReleaseMetadata metadata = withParameters(published.metadata(), extra);
    write(sidecar, out -> out.write(metadata.toJson() + "\n"));
    record(id, name, metadata, List.of(data, sidecar));
    audit.record(
        new AuditEntry(
            by,
            "-",
            "statistics.release",
            "dataset:" + source.datasetId(),
            Outcome.SUCCESS,
            "kind=" + kind.cliName() + " name=" + name + " " + published.detail()));
    return new Result(name, List.of(data, sidecar), metadata);
  }

  /** A release's sidecar before the extra parameters, and the counts for the audit trail. */
  private record Published(ReleaseMetadata metadata, String detail) {}

  private Published microdata(Source source, int k, String by, Path data) {
    MicrodataRelease m =
        privacy.microdata(
            source.datasetId(), source.records(), KAnonymityPolicy.ctdcDefault().withK(k), by);
    write(data, m::writeCsv);
    return new Published(
        m.metadata(),
        "records="
            + m.data().inputRecords()
            + " released="
            + m.data().rows().size()
            + " suppressed="
            + m.data().recordsSuppressed()
            + " dropped="
            + m.data().recordsDropped()
            + " k="
            + k);
  }

  private Published table(Source source, String by, Path data, Map<String, String> extra) {
    TableRelease t =
        privacy.table(
            source.datasetId(),
            ExploitationTable.tabulate(source.records()),
            TableProtectionPolicy.defaults(),
            by);
    write(data, out -> ExploitationTable.write(t.table(), out));
    extra.put("table", ExploitationTable.DESCRIPTION);
    extra.put("suppressedMarker", ExploitationTable.SUPPRESSED);
    return new Published(
        t.metadata(),
        "records="
            + source.records().size()
            + " cellsPrimary="
            + t.metadata().suppression().cellsPrimary()
            + " cellsComplementary="
            + t.metadata().suppression().cellsComplementary());
  }

  private Published dpTable(
      Source source, BigDecimal epsilon, String by, Path data, Map<String, String> extra) {
    DpTableRelease t = privacy.dpTable(dpRequest(source, epsilon), by);
    write(data, out -> ExploitationTable.write(t.table(), out));
    extra.put("table", ExploitationTable.DESCRIPTION);
    extra.put("cells", "noisy counts clamped at 0; totals are sums of the published cells");
    return new Published(
        t.metadata(),
        "records="
            + source.records().size()
            + " epsilon="
            + epsilon.toPlainString()
            + " ledgerSequence="
            + t.table().charge().sequence());
  }

  private Source source(String referenceDataset) {
    List<CtdcRecord> records = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    if (referenceDataset == null) {
      long synthetic = 0;
      // A release counts every record committed before it began (issue 12 §3): it waits, within
      // palermo.events.catch-up-limit, for the events still on their way to the read model.
      pendingEvents.awaitDelivered();
      for (VictimReadModel.Victim v : victims.victims()) {
        records.add(v.record());
        keys.add(v.caseId().toString());
        synthetic += v.synthetic() ? 1 : 0;
      }
      return new Source(
          VictimReadModel.DATASET,
          "read model of registered victims (PersonRegistered events)",
          records,
          keys,
          synthetic);
    }
    records.addAll(references.records(referenceDataset));
    for (int i = 0; i < records.size(); i++) {
      keys.add("record-" + i);
    }
    return new Source(
        ReferenceDatasets.datasetId(referenceDataset),
        "imported CTDC reference dataset " + referenceDataset,
        records,
        keys,
        0);
  }

  /** One person, one cell: the contribution bound and so the L1 sensitivity are 1. */
  private static DpTableRequest dpRequest(Source source, BigDecimal epsilon) {
    List<Contribution> contributions = new ArrayList<>(source.records().size());
    for (int i = 0; i < source.records().size(); i++) {
      CtdcRecord r = source.records().get(i);
      contributions.add(
          new Contribution(
              source.keys().get(i), ExploitationTable.row(r), ExploitationTable.column(r)));
    }
    return new DpTableRequest(
        new DatasetId(source.datasetId()),
        ExploitationTable.ROWS,
        ExploitationTable.COLUMNS,
        contributions,
        1,
        epsilon,
        ExploitationTable.PURPOSE);
  }

  private void refused(String by, Source source, ReleaseKind kind, String why) {
    audit.record(
        new AuditEntry(
            by,
            "-",
            "statistics.release",
            "dataset:" + source.datasetId(),
            Outcome.DENIED,
            "kind=" + kind.cliName() + " " + why));
  }

  private void record(long id, String name, ReleaseMetadata m, List<Path> files) {
    jdbc.sql(
            """
            INSERT INTO statistics_release
              (id, name, kind, dataset_id, released_at, released_by, files, sidecar)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
        .params(
            id,
            name,
            m.kind().cliName(),
            m.dataset(),
            Timestamp.from(m.releasedAt()),
            m.releasedBy(),
            files.stream().map(Path::toString).toArray(String[]::new),
            m.toJson())
        .update();
  }

  private static ReleaseMetadata withParameters(ReleaseMetadata m, Map<String, String> extra) {
    Map<String, String> parameters = new LinkedHashMap<>(m.parameters());
    parameters.putAll(extra);
    return new ReleaseMetadata(
        m.kind(),
        m.dataset(),
        m.quasiIdentifiers(),
        m.k(),
        m.suppression(),
        m.epsilon(),
        m.delta(),
        m.engineVersion(),
        m.releasedAt(),
        m.releasedBy(),
        parameters);
  }

  private static Path prepare(Path outDir) {
    Path dir = outDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw invalid("Cannot create the output directory " + dir + ".", "out");
    }
    if (!Files.isWritable(dir)) {
      throw invalid("Cannot write to the output directory " + dir + ".", "out");
    }
    return dir;
  }

  private interface Content {
    void writeTo(Writer out) throws IOException;
  }

  private static void write(Path file, Content content) {
    try (Writer out =
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
      content.writeTo(out);
    } catch (FileAlreadyExistsException e) {
      throw new PalermoException(ErrorCode.CONFLICT, file + " already exists.");
    } catch (IOException | UncheckedIOException e) {
      throw invalid("Cannot write " + file + ".", "out");
    }
  }

  private static PalermoException invalid(String detail, String field) {
    return new PalermoException(ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field));
  }
}

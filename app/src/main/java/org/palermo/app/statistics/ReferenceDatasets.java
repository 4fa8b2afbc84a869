package org.palermo.app.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.privacy.ctdc.AgeBroad;
import org.palermo.privacy.ctdc.CtdcCsvReader;
import org.palermo.privacy.ctdc.CtdcFlags;
import org.palermo.privacy.ctdc.CtdcFormatException;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.ctdc.Gender;
import org.palermo.privacy.ctdc.MajorityStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CTDC-format reference datasets (such as the CTDC global k-anonymised file), imported from CSV or
 * tab-separated files into {@code statistics_reference_record}, apart from the victims registered
 * here. Full and 32-character column names are both read, and {@code -99} is missing.
 */
@Service
public class ReferenceDatasets {
  private static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,62}";
  private static final int CHUNK = 500;
  private static final String COLUMNS =
      "(dataset, seq, year_of_registration, datasource, gender, age_broad, majority_status,"
          + " majority_status_at_exploit, majority_entry, citizenship, country_of_exploitation,"
          + " traffick_months, flags_known, flags_ones)";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditLog audit;
  private final Actors actors;
  private final TransactionTemplate tx;

  ReferenceDatasets(
      JdbcClient jdbc,
      Clock clock,
      AuditLog audit,
      Actors actors,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
    this.actors = actors;
    this.tx = new TransactionTemplate(transactions);
  }

  /** What an import stored. */
  public record Imported(String dataset, long records) {}

  /**
   * Imports a CTDC file as a new reference dataset, all or nothing.
   *
   * @throws PalermoException if the name is taken or invalid, or the file cannot be read; a bad
   *     value is reported with its line and column
   */
  public Imported importCtdc(String name, Path file, String importedBy) {
    String actor = actors.require(importedBy);
    requireName(name);
    if (!Files.isRegularFile(file)) {
      throw invalid("No such file: " + file, "file");
    }
    if (exists(name)) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          "A reference dataset named '" + name + "' already exists; choose another name.",
          Map.of("field", "dataset"));
    }
    Long records;
    try (InputStream in = Files.newInputStream(file)) {
      records = tx.execute(status -> store(name, file, in, actor));
    } catch (CtdcFormatException e) {
      throw invalid(file.getFileName() + ": " + e.getMessage(), "file");
    } catch (IOException e) {
      throw invalid("Cannot read " + file + ": " + e.getMessage(), "file");
    }
    long count = records == null ? 0 : records;
    audit.record(
        new AuditEntry(
            actor,
            "-",
            "statistics.import",
            "dataset:" + datasetId(name),
            AuditEntry.Outcome.SUCCESS,
            "format=ctdc records=" + count));
    return new Imported(name, count);
  }

  /** The ledger and sidecar name of a reference dataset. */
  static String datasetId(String name) {
    return "reference/" + name;
  }

  boolean exists(String name) {
    return jdbc.sql("SELECT count(*) FROM statistics_reference_dataset WHERE name = ?")
            .param(name)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The records of a reference dataset, in file order. */
  List<CtdcRecord> records(String name) {
    requireName(name);
    if (!exists(name)) {
      throw new PalermoException(
          ErrorCode.NOT_FOUND,
          "No reference dataset named '" + name + "'; import one with stats import-ctdc.",
          Map.of("field", "dataset"));
    }
    return jdbc.sql("SELECT * FROM statistics_reference_record WHERE dataset = ? ORDER BY seq")
        .param(name)
        .query((rs, n) -> record(rs))
        .list();
  }

  private long store(String name, Path file, InputStream in, String actor) {
    jdbc.sql(
            """
            INSERT INTO statistics_reference_dataset
              (name, source_file, records, imported_at, imported_by)
            VALUES (?, ?, 0, ?, ?)""")
        .params(name, file.getFileName().toString(), Timestamp.from(clock.instant()), actor)
        .update();
    List<CtdcRecord> chunk = new ArrayList<>(CHUNK);
    long[] stored = {0};
    CtdcCsvReader.forEach(
        in,
        record -> {
          chunk.add(record);
          if (chunk.size() == CHUNK) {
            stored[0] += insert(name, stored[0], chunk);
            chunk.clear();
          }
        });
    stored[0] += insert(name, stored[0], chunk);
    if (stored[0] == 0) {
      throw invalid(file.getFileName() + " holds a header but no records.", "file");
    }
    jdbc.sql("UPDATE statistics_reference_dataset SET records = ? WHERE name = ?")
        .params(stored[0], name)
        .update();
    return stored[0];
  }

  private int insert(String name, long firstSeq, List<CtdcRecord> chunk) {
    if (chunk.isEmpty()) {
      return 0;
    }
    StringBuilder sql = new StringBuilder("INSERT INTO statistics_reference_record ");
    sql.append(COLUMNS).append(" VALUES ");
    List<Object> params = new ArrayList<>(chunk.size() * 14);
    for (int i = 0; i < chunk.size(); i++) {
      CtdcRecord r = chunk.get(i);
      sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      params.add(name);
      params.add(firstSeq + i);
      params.add(r.yearOfRegistration());
      params.add(r.datasource());
      params.add(r.gender() == null ? null : r.gender().label());
      params.add(r.ageBroad() == null ? null : r.ageBroad().label());
      params.add(label(r.majorityStatus()));
      params.add(label(r.majorityStatusAtExploit()));
      params.add(label(r.majorityEntry()));
      params.add(r.citizenship());
      params.add(r.countryOfExploitation());
      params.add(r.traffickMonths());
      params.add(r.flags().known());
      params.add(r.flags().ones());
    }
    jdbc.sql(sql.toString()).params(params).update();
    return chunk.size();
  }

  private static CtdcRecord record(ResultSet rs) throws SQLException {
    return CtdcRecord.builder()
        .yearOfRegistration((Integer) rs.getObject("year_of_registration"))
        .datasource(rs.getString("datasource"))
        .gender(parse(rs.getString("gender"), Gender::fromLabel))
        .ageBroad(parse(rs.getString("age_broad"), AgeBroad::fromLabel))
        .majorityStatus(parse(rs.getString("majority_status"), MajorityStatus::fromLabel))
        .majorityStatusAtExploit(
            parse(rs.getString("majority_status_at_exploit"), MajorityStatus::fromLabel))
        .majorityEntry(parse(rs.getString("majority_entry"), MajorityStatus::fromLabel))
        .citizenship(rs.getString("citizenship"))
        .countryOfExploitation(rs.getString("country_of_exploitation"))
        .traffickMonths((Integer) rs.getObject("traffick_months"))
        .flags(new CtdcFlags(rs.getLong("flags_known"), rs.getLong("flags_ones")))
        .build();
  }

  private static <T> T parse(
      String label, java.util.function.Function<String, java.util.Optional<T>> parser) {
    return label == null ? null : parser.apply(label).orElse(null);
  }

  private static String label(MajorityStatus status) {
    return status == null ? null : status.label();
  }

  private static void requireName(String name) {
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw invalid(
          "A dataset name has 1-63 characters: a-z, 0-9, '.', '_', '-', starting with a letter or"
              + " digit.",
          "dataset");
    }
  }

  private static PalermoException invalid(String detail, String field) {
    return new PalermoException(ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field));
  }
}

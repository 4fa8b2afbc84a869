package org.palermo.app.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The resident population by region, year, sex and age group: the denominators of SDG indicator
 * 16.2.2, "detected victims per 100,000 population" (DOMAIN.md §3). Imported from a UTF-8 CSV file
 * with the header {@code region,year,sex,age_group,population}:
 *
 * <ul>
 *   <li>{@code region}: an ISO 3166-1 alpha-2 code ({@code XC}) or an ISO 3166-2 subdivision
 *       ({@code XC-01}), matched against the country of exploitation of the victims;
 *   <li>{@code year}: the calendar year;
 *   <li>{@code sex}: {@code female}, {@code male} or {@code total};
 *   <li>{@code age_group}: {@code child} (under 18), {@code adult} (18 and over) or {@code total};
 *   <li>{@code population}: a positive whole number.
 * </ul>
 *
 * The import is all or nothing: every bad row is reported with its line number and nothing is
 * stored. A row for a region, year, sex and age group already imported replaces the old figure.
 */
@Service
public class Populations {
  static final List<String> HEADER = List.of("region", "year", "sex", "age_group", "population");
  static final Set<String> SEXES = Set.of("female", "male", "total");
  static final Set<String> AGE_GROUPS = Set.of("child", "adult", "total");
  private static final int MAX_REPORTED = 20;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditLog audit;
  private final Actors actors;
  private final TransactionTemplate tx;

  Populations(
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

  /** One population figure. */
  public record Figure(String region, int year, String sex, String ageGroup, long population) {}

  /** What an import stored. */
  public record Imported(int rows, Set<String> regions, Set<Integer> years) {}

  /** Imports a population file; see the class comment for its layout. */
  public Imported importCsv(Path file, String importedBy) {
    if (!Files.isRegularFile(file)) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED, "No such file: " + file, Map.of("field", "file"));
    }
    try (InputStream in = Files.newInputStream(file)) {
      return importCsv(in, file.getFileName().toString(), importedBy);
    } catch (IOException e) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED, "Cannot read " + file + ".", Map.of("field", "file"));
    }
  }

  /** Imports population figures from {@code in}, named {@code source} in messages and the audit. */
  public Imported importCsv(InputStream in, String source, String importedBy) {
    String actor = actors.require(importedBy);
    List<Figure> figures = parse(in, source);
    tx.executeWithoutResult(
        status -> {
          for (Figure f : figures) {
            jdbc.sql(
                    """
                    INSERT INTO statistics_population
                      (region, year, sex, age_group, population, imported_at, imported_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (region, year, sex, age_group) DO UPDATE
                      SET population = EXCLUDED.population, imported_at = EXCLUDED.imported_at,
                          imported_by = EXCLUDED.imported_by""")
                .params(
                    f.region(),
                    f.year(),
                    f.sex(),
                    f.ageGroup(),
                    f.population(),
                    Timestamp.from(clock.instant()),
                    actor)
                .update();
          }
        });
    Set<String> regions = new java.util.TreeSet<>();
    Set<Integer> years = new java.util.TreeSet<>();
    figures.forEach(
        f -> {
          regions.add(f.region());
          years.add(f.year());
        });
    audit.record(
        new AuditEntry(
            actor,
            "-",
            "statistics.population.import",
            "population",
            Outcome.SUCCESS,
            "rows=" + figures.size() + " regions=" + regions + " years=" + years));
    return new Imported(figures.size(), regions, years);
  }

  /** Parses and checks every row; throws with every problem found (up to 20) if any is bad. */
  static List<Figure> parse(InputStream in, String source) {
    List<String> problems = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser csv =
            CSVFormat.RFC4180
                .builder()
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(reader)) {
      boolean header = true;
      for (CSVRecord r : csv) {
        long line = r.getRecordNumber();
        if (header) {
          header = false;
          List<String> names = new ArrayList<>();
          r.forEach(v -> names.add(v.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)));
          if (!names.equals(HEADER)) {
            throw invalid(
                source
                    + ": the first line must be the header "
                    + String.join(",", HEADER)
                    + ", not "
                    + String.join(",", names)
                    + ".");
          }
          continue;
        }
        if (r.size() != HEADER.size()) {
          problems.add("line " + line + ": expected 5 values, found " + r.size());
          continue;
        }
        String region = r.get(0).toUpperCase(Locale.ROOT);
        String sex = r.get(2).toLowerCase(Locale.ROOT);
        String age = r.get(3).toLowerCase(Locale.ROOT);
        List<String> bad = new ArrayList<>();
        if (!region.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
          bad.add("region '" + r.get(0) + "' is not an ISO 3166 code such as XC or XC-01");
        }
        Integer year = integer(r.get(1));
        if (year == null || year < 1900 || year > 2200) {
          bad.add("year '" + r.get(1) + "' is not a year between 1900 and 2200");
        }
        if (!SEXES.contains(sex)) {
          bad.add("sex '" + r.get(2) + "' must be female, male or total");
        }
        if (!AGE_GROUPS.contains(age)) {
          bad.add("age_group '" + r.get(3) + "' must be child, adult or total");
        }
        Long population = whole(r.get(4));
        if (population == null || population <= 0) {
          bad.add("population '" + r.get(4) + "' must be a positive whole number");
        }
        if (bad.isEmpty() && !seen.add(region + "|" + year + "|" + sex + "|" + age)) {
          bad.add("a second row for " + region + " " + year + " " + sex + " " + age);
        }
        if (bad.isEmpty()) {
          figures.add(new Figure(region, year, sex, age, population));
        } else {
          problems.add("line " + line + ": " + String.join("; ", bad));
        }
      }
      if (header) {
        throw invalid(source + " is empty; it needs the header " + String.join(",", HEADER) + ".");
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw invalid(source + " is not a readable CSV file: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      int shown = Math.min(problems.size(), MAX_REPORTED);
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          source
              + ": "
              + problems.size()
              + " bad row(s), nothing imported. "
              + String.join(". ", problems.subList(0, shown))
              + (problems.size() > shown ? ". …" : "."),
          Map.of("field", "file", "problems", problems.subList(0, shown)));
    }
    if (figures.isEmpty()) {
      throw invalid(source + " has a header but no figures.");
    }
    return figures;
  }

  /** Every figure of a year, summed over the regions given (all regions when empty). */
  Map<String, Long> totals(int year, String region) {
    Map<String, Long> sums = new HashMap<>();
    jdbc.sql(
            """
            SELECT sex, age_group, sum(population) AS population FROM statistics_population
            WHERE year = ? AND (CAST(? AS TEXT) IS NULL OR region = ?)
            GROUP BY sex, age_group""")
        .params(year, region, region)
        .query(
            rs -> {
              sums.put(rs.getString("sex") + "|" + rs.getString("age_group"), rs.getLong(3));
            });
    return sums;
  }

  /** What is imported for one region and year: how many figures, and the total they give. */
  record Summary(String region, int year, int figures, Long total) {}

  /** One line per region and year imported, for the statisticians' page. */
  List<Summary> summary() {
    Map<String, Map<String, Long>> byRegionYear = new java.util.TreeMap<>();
    for (Figure f : figures()) {
      byRegionYear
          .computeIfAbsent(f.region() + "|" + f.year(), k -> new HashMap<>())
          .put(f.sex() + "|" + f.ageGroup(), f.population());
    }
    List<Summary> out = new ArrayList<>();
    byRegionYear.forEach(
        (key, totals) -> {
          String[] parts = key.split("\\|");
          out.add(
              new Summary(
                  parts[0],
                  Integer.parseInt(parts[1]),
                  totals.size(),
                  population(totals, "total", "total")));
        });
    return out;
  }

  /** The figures stored. */
  List<Figure> figures() {
    return jdbc.sql(
            "SELECT region, year, sex, age_group, population FROM statistics_population"
                + " ORDER BY region, year, sex, age_group")
        .query(
            (rs, n) ->
                new Figure(
                    rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
        .list();
  }

  /**
   * The population of one sex ({@code female}, {@code male}, {@code total}) and age group ({@code
   * child}, {@code adult}, {@code total}) from a year's totals: the figure itself when imported,
   * else the sum of its parts (child + adult, or female + male), else {@code null}.
   */
  static Long population(Map<String, Long> totals, String sex, String age) {
    Long exact = totals.get(sex + "|" + age);
    if (exact != null) {
      return exact;
    }
    if (age.equals("total")) {
      Long child = population(totals, sex, "child");
      Long adult = population(totals, sex, "adult");
      if (child != null && adult != null) {
        return child + adult;
      }
    }
    if (sex.equals("total")) {
      Long female = totals.get("female|" + age);
      Long male = totals.get("male|" + age);
      if (female == null && age.equals("total")) {
        female = population(totals, "female", "total");
      }
      if (male == null && age.equals("total")) {
        male = population(totals, "male", "total");
      }
      if (female != null && male != null) {
        return female + male;
      }
    }
    return null;
  }

  private static Integer integer(String s) {
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long whole(String s) {
    try {
      return Long.valueOf(s.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static PalermoException invalid(String detail) {
    return new PalermoException(ErrorCode.VALIDATION_FAILED, detail, Map.of("field", "file"));
  }
}

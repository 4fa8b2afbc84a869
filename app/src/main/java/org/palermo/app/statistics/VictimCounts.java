package org.palermo.app.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.palermo.privacy.table.CountTable;

/**
 * The detected victims of one view, counted by PostgreSQL along each dimension the victim tables
 * publish; each victim is in exactly one cell of each.
 *
 * @param sexAgeByForm the 5 × 4 SDG 16.2.2 table (rows {@link ExploitationTable#ROWS}: women, men,
 *     girls, boys, other or unknown; columns {@link ExploitationTable#COLUMNS}: sexual
 *     exploitation, forced labour, other purposes, not recorded)
 * @param citizenship by ISO code; {@code null} key for unknown
 * @param country by country of exploitation; {@code null} key for unknown
 * @param origin {@code domestic}, {@code foreign} or {@code unknown}
 * @param forms by the single HTCDS form, {@code mixed}, or {@code notRecorded}
 * @param migration by {@code MigrationStatus} name as stored; {@code null} key when not recorded
 * @param protection by {@code ProtectionStatus} name as stored; {@code null} key when not recorded
 */
record VictimCounts(
    long[][] sexAgeByForm,
    Map<String, Long> citizenship,
    Map<String, Long> country,
    Map<String, Long> origin,
    Map<String, Long> forms,
    Map<String, Long> migration,
    Map<String, Long> protection) {

  static VictimCounts empty() {
    return new VictimCounts(
        new long[ExploitationTable.ROWS.size()][ExploitationTable.COLUMNS.size()],
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        new LinkedHashMap<>());
  }

  /** The SDG 16.2.2 table as a count table. */
  CountTable sdg() {
    return CountTable.of(ExploitationTable.ROWS, ExploitationTable.COLUMNS, sexAgeByForm);
  }

  /** The count of one dimension by its name in the query. */
  Map<String, Long> dimension(String name) {
    return switch (name) {
      case "citizenship" -> citizenship;
      case "country" -> country;
      case "origin" -> origin;
      case "forms" -> forms;
      case "migration" -> migration;
      case "protection" -> protection;
      default -> throw new IllegalArgumentException(name);
    };
  }

  static final List<String> DIMENSIONS =
      List.of("citizenship", "country", "origin", "forms", "migration", "protection");
}

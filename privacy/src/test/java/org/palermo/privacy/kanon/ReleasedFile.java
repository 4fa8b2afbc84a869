package org.palermo.privacy.kanon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.palermo.privacy.ctdc.CtdcCsvWriter;

/** A released CSV file as an attacker sees it: text columns, grouped by quasi-identifiers. */
final class ReleasedFile {
  final List<String> header;
  final List<String[]> rows = new ArrayList<>();

  private ReleasedFile(String text) {
    assertThat(text).as("simple split is valid only without quotes").doesNotContain("\"");
    String[] lines = text.split("\n");
    header = Arrays.asList(lines[0].split(",", -1));
    for (int i = 1; i < lines.length; i++) {
      rows.add(lines[i].split(",", -1));
    }
  }

  static ReleasedFile of(KAnonymisation release) {
    StringWriter out = new StringWriter();
    new CtdcCsvWriter(out).writeAll(release.rows());
    return new ReleasedFile(out.toString());
  }

  static ReleasedFile ofRows(List<org.palermo.privacy.ctdc.CtdcRow> rows) {
    StringWriter out = new StringWriter();
    new CtdcCsvWriter(out).writeAll(rows);
    return new ReleasedFile(out.toString());
  }

  /** The size of each combination of the given columns' values. */
  Map<List<String>, Integer> classes(List<String> columns) {
    int[] at = columns.stream().mapToInt(header::indexOf).toArray();
    assertThat(at).as("columns present").doesNotContain(-1);
    Map<List<String>, Integer> sizes = new HashMap<>();
    for (String[] row : rows) {
      List<String> key = new ArrayList<>();
      for (int i : at) {
        key.add(row[i]);
      }
      sizes.merge(key, 1, Integer::sum);
    }
    return sizes;
  }

  static List<String> columns(KAnonymityPolicy policy) {
    List<String> columns = new ArrayList<>();
    policy.quasiIdentifiers().forEach(qi -> columns.addAll(qi.columns()));
    return columns;
  }
}

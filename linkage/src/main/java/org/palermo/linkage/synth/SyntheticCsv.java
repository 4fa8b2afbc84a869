package org.palermo.linkage.synth;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;

/**
 * Writes generated records as linkage CSV (the vocabulary of docs/linkage.md). With the truth, a
 * last column {@code entity_id} names the person of each record; the reader ignores it, being
 * outside the vocabulary.
 */
public final class SyntheticCsv {
  public static final String TRUTH_COLUMN = "entity_id";

  private SyntheticCsv() {}

  public static void write(Path out, SyntheticPopulation population, boolean withTruth)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      write(w, population, withTruth);
    }
  }

  public static void write(Writer out, SyntheticPopulation population, boolean withTruth)
      throws IOException {
    List<String> header = new ArrayList<>();
    for (Field f : Field.values()) {
      if (f != Field.FULL_NAME) {
        header.add(f.column());
      }
    }
    if (withTruth) {
      header.add(TRUTH_COLUMN);
    }
    CSVPrinter csv =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
    List<String> row = new ArrayList<>(header.size());
    for (LinkageRecord r : population.records()) {
      row.clear();
      for (Field f : Field.values()) {
        if (f != Field.FULL_NAME) {
          String v = r.get(f);
          row.add(v == null ? "" : v);
        }
      }
      if (withTruth) {
        row.add(population.entityOf().get(r.id()));
      }
      csv.printRecord(row);
    }
    csv.flush();
  }
}

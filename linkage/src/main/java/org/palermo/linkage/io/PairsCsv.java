package org.palermo.linkage.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.palermo.linkage.Pair;

/**
 * Writes the pairs file of the command-line contract (docs/linkage.md): header {@code
 * left_id,right_id,probability}, one row a pair, the probability with four decimals. The file is
 * written beside the target and moved into place at the end, so a failure leaves nothing behind.
 */
public final class PairsCsv {
  public static final String[] HEADER = {"left_id", "right_id", "probability"};

  private PairsCsv() {}

  public static void write(Path out, Iterable<Pair> pairs) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".pairs-", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
        for (Pair p : pairs) {
          csv.printRecord(
              p.leftId(), p.rightId(), String.format(Locale.ROOT, "%.4f", p.probability()));
        }
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

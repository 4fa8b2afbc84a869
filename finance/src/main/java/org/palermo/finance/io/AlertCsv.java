package org.palermo.finance.io;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.palermo.finance.Alert;

/**
 * Writes alerts as the CSV of docs/investigations.md: header {@code rule, account, first_timestamp,
 * last_timestamp, transactions, score, source}, one row per alert, the transaction ids joined by
 * {@code ;}, times in ISO 8601 with their offset, the score with two decimals.
 */
public final class AlertCsv {
  public static final String[] HEADER = {
    "rule", "account", "first_timestamp", "last_timestamp", "transactions", "score", "source"
  };

  private AlertCsv() {}

  public static void write(Iterable<Alert> alerts, Writer out) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\n").get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (Alert a : alerts) {
        printer.printRecord(
            a.rule(),
            a.account(),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(a.firstTimestamp()),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(a.lastTimestamp()),
            String.join(";", a.transactions()),
            String.format(Locale.ROOT, "%.2f", a.score()),
            a.source());
      }
    }
  }
}

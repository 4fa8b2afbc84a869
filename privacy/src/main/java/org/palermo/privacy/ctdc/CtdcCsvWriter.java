package org.palermo.privacy.ctdc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows in the CTDC k-anonymised column layout ({@link CtdcLayout#header()}): comma
 * separated, LF line ends, {@code -99} for missing, RFC 4180 quoting where a value needs it. The
 * concatenated columns are derived from the flags: the labels of the set flags joined by {@code ;
 * }, {@code -99} when every flag of the family is missing.
 */
public final class CtdcCsvWriter {
  private final Writer out;

  public CtdcCsvWriter(Writer out) {
    this.out = out;
  }

  /** Writes the header line. */
  public void writeHeader() {
    writeLine(CtdcLayout.header());
  }

  /** Writes one row. */
  public void write(CtdcRow row) {
    List<CtdcLayout.Column> columns = CtdcLayout.writtenColumns();
    String[] cells = new String[columns.size()];
    for (int i = 0; i < cells.length; i++) {
      CtdcLayout.Column column = columns.get(i);
      if (column.field() != null) {
        cells[i] = row.text(column.field());
      } else if (column.flag() != null) {
        cells[i] = row.flags().text(column.flag());
      } else {
        cells[i] = concatenated(row.flags(), column.concatenated());
      }
    }
    writeLine(List.of(cells));
  }

  /** Writes a header and then every row, and flushes. */
  public void writeAll(Iterable<CtdcRow> rows) {
    writeHeader();
    for (CtdcRow row : rows) {
      write(row);
    }
    flush();
  }

  /** Writes a header and every record unchanged (no disclosure control), and flushes. */
  public void writeRecords(Iterable<CtdcRecord> records) {
    writeHeader();
    for (CtdcRecord record : records) {
      write(CtdcRow.of(record));
    }
    flush();
  }

  /** Flushes the underlying writer. */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String concatenated(CtdcFlags flags, FlagGroup group) {
    StringBuilder text = new StringBuilder();
    boolean anyKnown = false;
    for (CtdcFlag flag : CtdcFlag.of(group)) {
      anyKnown |= flags.isKnown(flag);
      if (flags.isSet(flag)) {
        text.append(text.length() == 0 ? "" : "; ").append(flag.label());
      }
    }
    return anyKnown ? text.toString() : CtdcRecord.MISSING;
  }

  private void writeLine(List<String> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(quoted(cells.get(i)));
      }
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String cell) {
    boolean needsQuotes = false;
    for (int i = 0; i < cell.length() && !needsQuotes; i++) {
      char c = cell.charAt(i);
      needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }
}

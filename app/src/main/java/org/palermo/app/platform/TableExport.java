package org.palermo.app.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table as CSV or XLSX for list exports and statistics downloads (SECURITY.md rule 10). In
 * CSV, every text cell that a spreadsheet would read as a formula — one that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return — is prefixed with an apostrophe, so
 * that an exported name such as {@code =HYPERLINK(...)} stays inert text (OWASP "CSV injection"): a
 * spreadsheet opening a CSV file evaluates such text. XLSX cells are written as inline strings
 * ({@code t="inlineStr"}), never as formulas, and a spreadsheet never evaluates an inline string,
 * so XLSX values are kept exactly as recorded (no visible apostrophe). Callers pass only the
 * columns the user may see; this class does not decide that.
 */
public final class TableExport {
  private TableExport() {}

  /** A table: column headings and rows of cells ({@code null} for an empty cell). */
  public record Table(String sheetName, List<String> headings, List<List<?>> rows) {
    public Table {
      headings = List.copyOf(headings);
      rows = List.copyOf(rows);
    }
  }

  /** The export formats. */
  public enum Format {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }

    /** {@code csv} or {@code xlsx}, case-insensitive; a 400 problem for anything else. */
    public static Format parse(String s) {
      if (s != null) {
        for (Format f : values()) {
          if (f.extension.equalsIgnoreCase(s.strip())) {
            return f;
          }
        }
      }
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "format must be csv or xlsx.",
          java.util.Map.of("field", "format"));
    }
  }

  /** The cell as a spreadsheet must receive it: formula-leading text gets an apostrophe. */
  public static String inert(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return formula ? "'" + cell : cell;
  }

  /** Writes {@code table} to {@code out} in {@code format}; does not close {@code out}. */
  public static void write(Table table, Format format, OutputStream out) {
    try {
      if (format == Format.CSV) {
        writeCsv(table, out);
      } else {
        writeXlsx(table, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeCsv(Table table, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF'); // a byte-order mark, so that spreadsheets read the UTF-8 as UTF-8
    CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180);
    csv.printRecord(table.headings().stream().map(TableExport::inert).toList());
    for (List<?> row : table.rows()) {
      csv.printRecord(
          row.stream()
              .map(v -> v == null ? "" : v instanceof Number ? v.toString() : inert(v.toString()))
              .toList());
    }
    csv.flush();
  }

  private static void writeXlsx(Table table, OutputStream out) throws IOException {
    Workbook wb = new Workbook(out, "Palermo", "1.0");
    Worksheet ws = wb.newWorksheet(table.sheetName());
    for (int c = 0; c < table.headings().size(); c++) {
      ws.inlineString(0, c, table.headings().get(c));
      ws.style(0, c).bold().set();
    }
    int r = 1;
    for (List<?> row : table.rows()) {
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        if (v instanceof Number n) {
          ws.value(r, c, n);
        } else if (v != null) {
          // An inline string is text, never evaluated: no escaping needed, none added.
          ws.inlineString(r, c, v.toString());
        }
      }
      r++;
    }
    wb.finish();
  }
}

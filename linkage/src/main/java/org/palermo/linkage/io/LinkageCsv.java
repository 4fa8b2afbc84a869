package org.palermo.linkage.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;

/**
 * Reads the linkage CSV of docs/linkage.md: a header from the vocabulary ({@link Field}; other
 * columns ignored), one record a row, an empty cell unknown. Every problem is a {@link
 * LinkageInputException} naming the row and the column; nothing is returned then.
 */
public final class LinkageCsv {
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  private LinkageCsv() {}

  /** Reads a whole file (UTF-8, an optional byte-order mark is skipped). */
  public static List<LinkageRecord> read(Path file) throws LinkageInputException, IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
      return read(in);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new LinkageInputException("the file is not UTF-8 text");
      }
      throw e;
    } catch (CharacterCodingException e) {
      throw new LinkageInputException("the file is not UTF-8 text");
    }
  }

  /** Reads CSV text. */
  public static List<LinkageRecord> read(Reader in) throws LinkageInputException, IOException {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).setTrim(false).get();
    List<LinkageRecord> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(in, format)) {
      var rows = parser.iterator();
      if (!rows.hasNext()) {
        throw LinkageInputException.at(1, null, "the file is empty: a header row is needed");
      }
      CSVRecord header = rows.next();
      Map<Integer, Field> columns = new HashMap<>();
      Set<Field> seen = new HashSet<>();
      for (int i = 0; i < header.size(); i++) {
        String name = i == 0 ? stripBom(header.get(i)) : header.get(i);
        var field = Field.ofColumn(name);
        if (field.isPresent()) {
          if (!seen.add(field.get())) {
            throw LinkageInputException.at(1, field.get().column(), "the column appears twice");
          }
          columns.put(i, field.get());
        }
      }
      if (columns.isEmpty()) {
        throw LinkageInputException.at(
            1, null, "the header names none of the linkage columns (see docs/linkage.md)");
      }
      if (!seen.contains(Field.ID)) {
        throw LinkageInputException.at(1, null, "the header has no id column");
      }
      Set<String> ids = new HashSet<>();
      while (true) {
        CSVRecord row;
        try {
          if (!rows.hasNext()) {
            break;
          }
          row = rows.next();
        } catch (UncheckedIOException e) {
          if (e.getCause() instanceof CharacterCodingException) {
            throw e;
          }
          throw LinkageInputException.at(
              parser.getCurrentLineNumber(), null, "malformed CSV (" + firstLine(e) + ")");
        }
        long number = row.getRecordNumber();
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue; // a blank line
        }
        if (row.size() != header.size()) {
          throw LinkageInputException.at(
              number, null, "has " + row.size() + " cells where the header has " + header.size());
        }
        String id = null;
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (var column : columns.entrySet()) {
          Field field = column.getValue();
          String cell = row.get(column.getKey()).strip();
          if (cell.isEmpty()) {
            continue;
          }
          if (field == Field.ID) {
            id = cell;
          } else if (field == Field.BIRTH_DATE) {
            values.put(field, isoDate(cell, number));
          } else {
            values.put(field, cell);
          }
        }
        if (id == null) {
          throw LinkageInputException.at(number, "id", "the id is empty");
        }
        if (!ids.add(id)) {
          throw LinkageInputException.at(number, "id", "the id \"" + id + "\" appears twice");
        }
        records.add(new LinkageRecord(id, values));
      }
    }
    return records;
  }

  private static String isoDate(String cell, long row) throws LinkageInputException {
    var m = ISO_DATE.matcher(cell);
    if (!m.matches()) {
      m = COMPACT_DATE.matcher(cell);
    }
    if (m.matches()) {
      try {
        return LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)))
            .toString();
      } catch (DateTimeException e) {
        // falls through to the error below
      }
    }
    throw LinkageInputException.at(
        // The cell itself is not repeated: it is personal data, and stderr may end in a log.
        row, "birth_date", "not a date as YYYY-MM-DD or YYYYMMDD");
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static String firstLine(Exception e) {
    String m = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    if (m == null) {
      return "unreadable";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

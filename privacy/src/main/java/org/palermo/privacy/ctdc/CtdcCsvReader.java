package org.palermo.privacy.ctdc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads CTDC-format CSV (or tab-separated) files into {@link CtdcRecord}s. Column names may be
 * spelled in full or cut to 32 characters, in any case; {@code -99}, {@code NA} and empty cells are
 * missing; unknown columns and the derived concatenated columns are ignored. Bad input raises a
 * {@link CtdcFormatException} naming the line and column.
 */
public final class CtdcCsvReader {
  private static final Set<CtdcField> REQUIRED =
      EnumSet.of(
          CtdcField.YEAR_OF_REGISTRATION,
          CtdcField.GENDER,
          CtdcField.AGE_BROAD,
          CtdcField.MAJORITY_STATUS,
          CtdcField.CITIZENSHIP,
          CtdcField.COUNTRY_OF_EXPLOITATION);

  private CtdcCsvReader() {}

  /** Reads all records from UTF-8 bytes (a byte-order mark is skipped). */
  public static List<CtdcRecord> read(InputStream in) {
    List<CtdcRecord> records = new ArrayList<>();
    forEach(utf8(in), records::add);
    return records;
  }

  /** Reads all records from characters. */
  public static List<CtdcRecord> read(Reader in) {
    List<CtdcRecord> records = new ArrayList<>();
    forEach(in, records::add);
    return records;
  }

  /** Streams records from strict UTF-8 bytes to a consumer, one at a time. */
  public static void forEach(InputStream in, Consumer<CtdcRecord> sink) {
    forEach(utf8(in), sink);
  }

  /** Streams records to a consumer, one at a time, without holding the file in memory. */
  public static void forEach(Reader in, Consumer<CtdcRecord> sink) {
    BufferedReader buffered = new BufferedReader(in, 1 << 16);
    CsvParser parser = new CsvParser(buffered, detectDelimiter(buffered));
    List<String> header = parser.next();
    if (header == null) {
      throw new CtdcFormatException(1, null, "the file is empty: no header line");
    }
    CtdcLayout.Column[] columns = resolveHeader(header);
    List<String> fields;
    while ((fields = parser.next()) != null) {
      long line = parser.recordLine();
      if (fields.size() != header.size()) {
        throw new CtdcFormatException(
            line, null, "expected " + header.size() + " fields, found " + fields.size());
      }
      sink.accept(toRecord(fields, columns, header, line));
    }
  }

  private static Reader utf8(InputStream in) {
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private static char detectDelimiter(BufferedReader in) {
    try {
      in.mark(1 << 15);
      int commas = 0;
      int tabs = 0;
      for (int i = 0, c = in.read(); i < (1 << 15) - 1 && c != -1 && c != '\n'; i++) {
        commas += c == ',' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
        c = in.read();
      }
      in.reset();
      return tabs > commas ? '\t' : ',';
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new CtdcFormatException(1, null, CsvParser.NOT_UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CtdcLayout.Column[] resolveHeader(List<String> header) {
    CtdcLayout.Column[] columns = new CtdcLayout.Column[header.size()];
    Set<CtdcField> seenFields = EnumSet.noneOf(CtdcField.class);
    Set<CtdcFlag> seenFlags = EnumSet.noneOf(CtdcFlag.class);
    for (int i = 0; i < header.size(); i++) {
      CtdcLayout.Column column = CtdcLayout.resolve(header.get(i));
      if (column == null || column.concatenated() != null) {
        continue;
      }
      boolean fresh =
          column.field() != null ? seenFields.add(column.field()) : seenFlags.add(column.flag());
      if (!fresh) {
        throw new CtdcFormatException(
            1, header.get(i), "column appears twice (full and truncated spellings?)");
      }
      columns[i] = column;
    }
    for (CtdcField field : REQUIRED) {
      if (!seenFields.contains(field)) {
        throw new CtdcFormatException(1, field.column(), "required column is missing");
      }
    }
    return columns;
  }

  private static CtdcRecord toRecord(
      List<String> fields, CtdcLayout.Column[] columns, List<String> header, long line) {
    CtdcRecord.Builder b = CtdcRecord.builder();
    for (int i = 0; i < columns.length; i++) {
      CtdcLayout.Column column = columns[i];
      String text = fields.get(i).trim();
      if (column == null || isMissing(text)) {
        continue;
      }
      if (column.flag() != null) {
        b.flag(column.flag(), flag(text, header.get(i).trim(), line));
      } else {
        setField(b, column.field(), text, line);
      }
    }
    return b.build();
  }

  private static boolean isMissing(String text) {
    return text.isEmpty() || text.equals(CtdcRecord.MISSING) || text.equalsIgnoreCase("NA");
  }

  private static boolean flag(String text, String column, long line) {
    if (text.equals("1")) {
      return true;
    }
    if (text.equals("0")) {
      return false;
    }
    throw new CtdcFormatException(line, column, "expected 1, 0 or -99 but found '" + text + "'");
  }

  private static void setField(CtdcRecord.Builder b, CtdcField field, String text, long line) {
    switch (field) {
      case YEAR_OF_REGISTRATION:
        int year = integer(text, field, line);
        if (year < 1900 || year > 2200) {
          throw bad(line, field, text, "a plausible year");
        }
        b.yearOfRegistration(year);
        break;
      case TRAFFICK_MONTHS:
        int months = integer(text, field, line);
        if (months < 0) {
          throw bad(line, field, text, "a non-negative number of months");
        }
        b.traffickMonths(months);
        break;
      case DATASOURCE:
        b.datasource(text);
        break;
      case GENDER:
        b.gender(known(Gender.fromLabel(text), line, field, text, "Male, Female or Other"));
        break;
      case AGE_BROAD:
        b.ageBroad(known(AgeBroad.fromLabel(text), line, field, text, "a CTDC age band"));
        break;
      case MAJORITY_STATUS:
        b.majorityStatus(majority(text, field, line));
        break;
      case MAJORITY_STATUS_AT_EXPLOIT:
        b.majorityStatusAtExploit(majority(text, field, line));
        break;
      case MAJORITY_ENTRY:
        b.majorityEntry(majority(text, field, line));
        break;
      case CITIZENSHIP:
        b.citizenship(country(text, field, line));
        break;
      case COUNTRY_OF_EXPLOITATION:
        b.countryOfExploitation(country(text, field, line));
        break;
      default:
        throw new IllegalStateException("unhandled field " + field);
    }
  }

  private static MajorityStatus majority(String text, CtdcField field, long line) {
    return known(MajorityStatus.fromLabel(text), line, field, text, "Adult or Minor");
  }

  private static String country(String text, CtdcField field, long line) {
    String code = text.toUpperCase(Locale.ROOT);
    if (!CtdcRecord.isCountryCode(code)) {
      throw bad(line, field, text, "an ISO 3166-1 alpha-2 code");
    }
    return code;
  }

  private static int integer(String text, CtdcField field, long line) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw bad(line, field, text, "a whole number");
    }
  }

  private static <T> T known(
      Optional<T> value, long line, CtdcField field, String text, String expected) {
    return value.orElseThrow(() -> bad(line, field, text, expected));
  }

  private static CtdcFormatException bad(long line, CtdcField field, String text, String wanted) {
    return new CtdcFormatException(
        line, field.column(), "expected " + wanted + " or -99 but found '" + text + "'");
  }
}

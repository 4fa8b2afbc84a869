package org.palermo.privacy.ctdc;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 parser: quoted fields with doubled quotes, delimiters and line breaks inside
 * quotes, CRLF, LF or CR line ends, a leading byte-order mark. It reports the physical line on
 * which each record starts.
 *
 * <p>Memory is bounded whatever the file holds: a field longer than {@link #MAX_FIELD_CHARS}
 * characters or a record of more than {@link #MAX_FIELDS} fields is refused, naming the line, as
 * soon as the limit is passed (a CTDC value is a code, a label or a short free text; a 300 MB field
 * would otherwise be read whole into the heap).
 */
final class CsvParser {
  /** Decoding reads ahead, so the bad bytes lie on the reported line or a later one. */
  static final String NOT_UTF8 = "the file is not valid UTF-8 (at this line or a later one)";

  /** The longest field read, in characters; far above any CTDC value. */
  static final int MAX_FIELD_CHARS = 64 * 1024;

  /** The most fields in one record; the CTDC layout has fewer than two hundred columns. */
  static final int MAX_FIELDS = 4096;

  /** The most characters in one record, all fields together. */
  static final int MAX_RECORD_CHARS = 1024 * 1024;

  private static final int EOF = -1;
  private int recordChars;
  private final Reader in;
  private final char delimiter;
  private long line = 1;
  private long recordLine;
  private int pushedBack = Integer.MIN_VALUE;
  private boolean first = true;

  CsvParser(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** The physical line on which the record last returned by {@link #next()} starts. */
  long recordLine() {
    return recordLine;
  }

  /** The next record's fields, skipping blank lines, or {@code null} at the end of input. */
  List<String> next() {
    int c;
    do {
      c = read();
      if (c == '\r' || c == '\n') {
        endOfLine(c);
      }
    } while (c == '\r' || c == '\n');
    if (c == EOF) {
      return null;
    }
    recordLine = line;
    recordChars = 0;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.length() == 0) {
        c = readQuoted(field, fields.size() + 1);
      } else {
        while (c != EOF && c != delimiter && c != '\r' && c != '\n') {
          if (c == '"') {
            throw new CtdcFormatException(
                line, "#" + (fields.size() + 1), "quote inside an unquoted field");
          }
          append(field, c, fields.size() + 1);
          c = read();
        }
      }
      if (fields.size() == MAX_FIELDS) {
        throw new CtdcFormatException(
            recordLine, null, "more than " + MAX_FIELDS + " fields in one record");
      }
      fields.add(field.toString());
      field.setLength(0);
      if (c == delimiter) {
        c = read();
        continue;
      }
      if (c == '\r' || c == '\n') {
        endOfLine(c);
      }
      return fields;
    }
  }

  private int readQuoted(StringBuilder field, int position) {
    long startLine = line;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new CtdcFormatException(startLine, "#" + position, "quoted field is never closed");
      }
      if (c == '"') {
        int after = read();
        if (after == '"') {
          append(field, '"', position);
          continue;
        }
        if (after != EOF && after != delimiter && after != '\r' && after != '\n') {
          throw new CtdcFormatException(
              line, "#" + position, "text after the closing quote of a quoted field");
        }
        return after;
      }
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        int after = read();
        if (after != '\n') {
          pushedBack = after;
        }
        append(field, '\r', position);
        line++;
        if (after == '\n') {
          append(field, '\n', position);
        }
        continue;
      }
      append(field, c, position);
    }
  }

  /** Appends one character, refusing a field that grows past {@link #MAX_FIELD_CHARS}. */
  private void append(StringBuilder field, int c, int position) {
    if (field.length() == MAX_FIELD_CHARS) {
      throw new CtdcFormatException(
          recordLine,
          "#" + position,
          "field longer than " + MAX_FIELD_CHARS + " characters (not a CTDC value)");
    }
    if (++recordChars > MAX_RECORD_CHARS) {
      throw new CtdcFormatException(
          recordLine, null, "record longer than " + MAX_RECORD_CHARS + " characters");
    }
    field.append((char) c);
  }

  private void endOfLine(int c) {
    if (c == '\r') {
      int after = read();
      if (after != '\n') {
        pushedBack = after;
      }
    }
    line++;
  }

  private int read() {
    if (pushedBack != Integer.MIN_VALUE) {
      int c = pushedBack;
      pushedBack = Integer.MIN_VALUE;
      return c;
    }
    try {
      int c = in.read();
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          c = in.read();
        }
      }
      return c;
    } catch (CharacterCodingException e) {
      throw new CtdcFormatException(line, null, NOT_UTF8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

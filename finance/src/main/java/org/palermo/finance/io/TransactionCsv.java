package org.palermo.finance.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.palermo.finance.Channel;
import org.palermo.finance.Direction;
import org.palermo.finance.FinanceInputException;
import org.palermo.finance.Transaction;

/**
 * Reads the transactions CSV of docs/investigations.md, streaming: a header from the vocabulary
 * ({@link #COLUMNS}, any order, other columns ignored), one transaction a row, an empty cell
 * unknown. Every problem is a {@link FinanceInputException} naming the row and the column. Rows are
 * handed over in file order as they are read; only the set of ids seen is held (to refuse a
 * duplicate).
 */
public final class TransactionCsv {
  /** The vocabulary of the header. */
  public static final java.util.List<String> COLUMNS =
      java.util.List.of(
          "id",
          "timestamp",
          "account",
          "account_holder",
          "counterparty_account",
          "counterparty_name",
          "amount",
          "currency",
          "direction",
          "channel",
          "merchant_category",
          "city",
          "country",
          "description");

  private static final int ID = 0;
  private static final int TIMESTAMP = 1;
  private static final int ACCOUNT = 2;
  private static final int HOLDER = 3;
  private static final int CP_ACCOUNT = 4;
  private static final int CP_NAME = 5;
  private static final int AMOUNT = 6;
  private static final int CURRENCY = 7;
  private static final int DIRECTION = 8;
  private static final int CHANNEL = 9;
  private static final int MCC = 10;
  private static final int CITY = 11;
  private static final int COUNTRY = 12;
  private static final int DESCRIPTION = 13;

  private TransactionCsv() {}

  /** Reads a whole file (UTF-8, an optional byte-order mark is skipped), row by row. */
  public static long read(Path file, Consumer<Transaction> sink)
      throws FinanceInputException, IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
      return read(in, sink);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new FinanceInputException("the file is not UTF-8 text");
      }
      throw e;
    } catch (CharacterCodingException e) {
      throw new FinanceInputException("the file is not UTF-8 text");
    }
  }

  /** Reads CSV text, handing each transaction to {@code sink}; returns how many were read. */
  public static long read(Reader in, Consumer<Transaction> sink)
      throws FinanceInputException, IOException {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).setTrim(false).get();
    long count = 0;
    try (CSVParser parser = CSVParser.parse(in, format)) {
      var rows = parser.iterator();
      if (!hasNext(rows, parser)) {
        throw FinanceInputException.at(1, null, "the file is empty: a header row is needed");
      }
      CSVRecord header = rows.next();
      int[] index = new int[COLUMNS.size()];
      java.util.Arrays.fill(index, -1);
      int known = 0;
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).strip().toLowerCase(Locale.ROOT);
        if (i == 0 && name.startsWith("\uFEFF")) {
          name = name.substring(1);
        }
        int c = COLUMNS.indexOf(name);
        if (c >= 0) {
          if (index[c] >= 0) {
            throw FinanceInputException.at(1, name, "the column appears twice");
          }
          index[c] = i;
          known++;
        }
      }
      if (known == 0) {
        throw FinanceInputException.at(
            1,
            null,
            "the header names none of the transaction columns "
                + String.join(", ", COLUMNS)
                + " (docs/investigations.md)");
      }
      for (int required : new int[] {ID, TIMESTAMP, ACCOUNT}) {
        if (index[required] < 0) {
          throw FinanceInputException.at(
              1, null, "the header has no " + COLUMNS.get(required) + " column");
        }
      }
      Set<String> ids = new HashSet<>();
      while (hasNext(rows, parser)) {
        CSVRecord row = rows.next();
        long number = row.getRecordNumber(); // the header is record 1
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue; // a blank line
        }
        if (row.size() != header.size()) {
          throw FinanceInputException.at(
              number, null, "has " + row.size() + " cells where the header has " + header.size());
        }
        Transaction t = transaction(row, index, number);
        if (!ids.add(t.id())) {
          throw FinanceInputException.at(
              number, "id", "the id \"" + shorten(t.id()) + "\" appears twice");
        }
        sink.accept(t);
        count++;
      }
    }
    return count;
  }

  private static boolean hasNext(java.util.Iterator<CSVRecord> rows, CSVParser parser)
      throws FinanceInputException {
    try {
      return rows.hasNext();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw e;
      }
      throw FinanceInputException.at(
          parser.getCurrentLineNumber(), null, "malformed CSV (" + firstLine(e) + ")");
    }
  }

  private static Transaction transaction(CSVRecord row, int[] index, long number)
      throws FinanceInputException {
    String id = cell(row, index, ID);
    if (id == null) {
      throw FinanceInputException.at(number, "id", "the id is empty");
    }
    String account = cell(row, index, ACCOUNT);
    if (account == null) {
      throw FinanceInputException.at(number, "account", "the account is empty");
    }
    OffsetDateTime timestamp = timestamp(cell(row, index, TIMESTAMP), number);
    double amount = Double.NaN;
    Direction direction = null;
    String d = cell(row, index, DIRECTION);
    if (d != null) {
      try {
        direction = Direction.valueOf(d.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw FinanceInputException.at(
            number, "direction", "\"" + shorten(d) + "\" is not IN or OUT");
      }
    }
    String a = cell(row, index, AMOUNT);
    if (a != null) {
      BigDecimal value;
      try {
        value = new BigDecimal(a);
      } catch (NumberFormatException e) {
        throw FinanceInputException.at(
            number, "amount", "\"" + shorten(a) + "\" is not a number (e.g. 1250.00)");
      }
      if (value.signum() < 0) {
        if (direction == Direction.IN) {
          throw FinanceInputException.at(
              number,
              "amount",
              "a negative amount with direction IN (the direction gives the sign)");
        }
        direction = Direction.OUT;
      }
      amount = value.abs().doubleValue();
    }
    Channel channel = null;
    String c = cell(row, index, CHANNEL);
    if (c != null) {
      try {
        channel = Channel.valueOf(c.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw FinanceInputException.at(
            number,
            "channel",
            "\""
                + shorten(c)
                + "\" is not one of CASH, WIRE, CARD, ATM, ACH, PREPAID, CRYPTO, OTHER");
      }
    }
    int mcc = -1;
    String m = cell(row, index, MCC);
    if (m != null) {
      if (!m.matches("\\d{1,4}")) {
        throw FinanceInputException.at(
            number,
            "merchant_category",
            "\"" + shorten(m) + "\" is not an ISO 18245 code (4 digits)");
      }
      mcc = Integer.parseInt(m);
    }
    String currency = cell(row, index, CURRENCY);
    if (currency != null) {
      if (!currency.matches("[A-Za-z]{3}")) {
        throw FinanceInputException.at(
            number, "currency", "\"" + shorten(currency) + "\" is not an ISO 4217 code");
      }
      currency = currency.toUpperCase(Locale.ROOT);
    }
    String country = cell(row, index, COUNTRY);
    if (country != null) {
      if (!country.matches("[A-Za-z]{2}")) {
        throw FinanceInputException.at(
            number, "country", "\"" + shorten(country) + "\" is not an ISO 3166 alpha-2 code");
      }
      country = country.toUpperCase(Locale.ROOT);
    }
    String city = cell(row, index, CITY);
    return new Transaction(
        id,
        timestamp,
        account,
        cell(row, index, HOLDER),
        cell(row, index, CP_ACCOUNT),
        cell(row, index, CP_NAME),
        amount,
        currency,
        direction,
        channel,
        mcc,
        city == null ? null : city.toLowerCase(Locale.ROOT),
        country,
        cell(row, index, DESCRIPTION));
  }

  private static OffsetDateTime timestamp(String cell, long number) throws FinanceInputException {
    if (cell == null) {
      throw FinanceInputException.at(number, "timestamp", "the timestamp is empty");
    }
    try {
      return OffsetDateTime.parse(cell, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      try {
        java.time.LocalDateTime.parse(cell);
        throw FinanceInputException.at(
            number,
            "timestamp",
            "\"" + shorten(cell) + "\" has no UTC offset (e.g. 2024-03-01T22:15:00+01:00)");
      } catch (DateTimeParseException notLocal) {
        throw FinanceInputException.at(
            number,
            "timestamp",
            "\""
                + shorten(cell)
                + "\" is not an ISO 8601 date-time with offset"
                + " (e.g. 2024-03-01T22:15:00+01:00)");
      }
    }
  }

  private static String cell(CSVRecord row, int[] index, int column) {
    int i = index[column];
    if (i < 0) {
      return null;
    }
    String v = row.get(i).strip();
    return v.isEmpty() ? null : v;
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
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

package org.palermo.finance.io;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.palermo.finance.Channel;
import org.palermo.finance.Direction;
import org.palermo.finance.FinanceInputException;
import org.palermo.finance.Transaction;

/**
 * Reads an ISO 20022 {@code camt.053} bank-to-customer statement (any version {@code
 * camt.053.001.NN}) with the JDK's StAX, streaming, one {@link Transaction} per entry ({@code
 * Ntry}). Secure: DTDs and external entities are refused. Refused too: another namespace, a
 * statement without a balance ({@code Bal}), an entry without amount, credit/debit indicator or
 * date. Mapping: docs/investigations.md, "camt.053".
 */
public final class Camt053 {
  static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";

  private Camt053() {}

  public static long read(Path file, Consumer<Transaction> sink)
      throws FinanceInputException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, sink);
    }
  }

  public static long read(InputStream in, Consumer<Transaction> sink) throws FinanceInputException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader x = null;
    try {
      x = factory.createXMLStreamReader(in);
      return new Parse(x, sink).run();
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      throw new FinanceInputException(
          "line " + line + ": not well-formed XML (" + firstLine(e.getMessage()) + ")");
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException ignored) {
          // closing a broken reader
        }
      }
    }
  }

  private static final class Parse {
    final XMLStreamReader x;
    final Consumer<Transaction> sink;
    final Deque<String> path = new ArrayDeque<>();
    final Set<String> ids = new HashSet<>();
    long count;
    String stmtId;
    String account;
    String holder;
    int balances;
    int entries;
    Entry e;

    Parse(XMLStreamReader x, Consumer<Transaction> sink) {
      this.x = x;
      this.sink = sink;
    }

    long run() throws XMLStreamException, FinanceInputException {
      boolean root = true;
      while (x.hasNext()) {
        int event = x.next();
        if (event == XMLStreamConstants.DTD) {
          throw at("a DTD or entity declaration is refused");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = x.getLocalName();
          if (root) {
            String ns = x.getNamespaceURI();
            if (!"Document".equals(name) || ns == null || !ns.startsWith(NAMESPACE)) {
              throw at(
                  "not a camt.053 statement: the root is "
                      + name
                      + " in namespace "
                      + (ns == null || ns.isEmpty() ? "(none)" : ns)
                      + ", not Document in "
                      + NAMESPACE
                      + "NN");
            }
            root = false;
          }
          path.push(name);
          start(name);
        } else if (event == XMLStreamConstants.CHARACTERS && !path.isEmpty()) {
          text(x.getText().strip());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          end(path.pop());
        }
      }
      if (root) {
        throw new FinanceInputException("line 1: the file is empty");
      }
      return count;
    }

    boolean under(String... names) {
      int i = 0;
      for (String p : path) {
        if (i == names.length) {
          return true;
        }
        if (!p.equals(names[i])) {
          return false;
        }
        i++;
      }
      return i == names.length;
    }

    boolean inside(String name) {
      return path.contains(name);
    }

    void start(String name) throws FinanceInputException {
      switch (name) {
        case "Stmt" -> {
          stmtId = null;
          account = null;
          holder = null;
          balances = 0;
          entries = 0;
        }
        case "Bal" -> {
          if (path.size() >= 2 && "Stmt".equals(second())) {
            balances++;
          }
        }
        case "Ntry" -> {
          if (balances == 0) {
            throw at("statement " + (stmtId == null ? "" : stmtId + " ") + "has no balance (Bal)");
          }
          entries++;
          e = new Entry();
        }
        case "Amt" -> {
          if (e != null && under("Amt", "Ntry")) {
            e.currency = x.getAttributeValue(null, "Ccy");
          }
        }
        default -> {}
      }
    }

    String second() {
      var it = path.iterator();
      it.next();
      return it.next();
    }

    void text(String t) throws FinanceInputException {
      if (t.isEmpty()) {
        return;
      }
      if (e == null) {
        if (under("Id", "Stmt")) {
          stmtId = t;
        } else if ((under("IBAN", "Id", "Acct", "Stmt")
                || under("Id", "Othr", "Id", "Acct", "Stmt"))
            && account == null) {
          account = t;
        } else if (under("Nm", "Ownr", "Acct", "Stmt")) {
          holder = t;
        }
        return;
      }
      if (under("Amt", "Ntry")) {
        try {
          e.amount = new BigDecimal(t).abs().doubleValue();
        } catch (NumberFormatException ex) {
          throw at("entry " + entries + ": Amt \"" + t + "\" is not a number");
        }
      } else if (under("CdtDbtInd", "Ntry")) {
        e.direction =
            switch (t) {
              case "CRDT" -> Direction.IN;
              case "DBIT" -> Direction.OUT;
              default ->
                  throw at("entry " + entries + ": CdtDbtInd \"" + t + "\" is not CRDT or DBIT");
            };
      } else if (under("DtTm", "BookgDt", "Ntry") || under("DtTm", "ValDt", "Ntry")) {
        if (e.time == null) {
          try {
            e.time = OffsetDateTime.parse(t);
          } catch (DateTimeParseException ex) {
            throw at(
                "entry "
                    + entries
                    + ": DtTm \""
                    + t
                    + "\" has no UTC offset or is not a date-time");
          }
        }
      } else if (under("Dt", "BookgDt", "Ntry") || under("Dt", "ValDt", "Ntry")) {
        if (e.time == null) {
          try {
            e.time = LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
          } catch (DateTimeParseException ex) {
            throw at("entry " + entries + ": Dt \"" + t + "\" is not a date");
          }
        }
      } else if (under("NtryRef", "Ntry") || under("AcctSvcrRef", "Ntry")) {
        if (e.ref == null) {
          e.ref = t;
        }
      } else if (under("Cd", "Fmly", "Domn", "BkTxCd", "Ntry")) {
        e.family = t;
      } else if (under("SubFmlyCd", "Fmly", "Domn", "BkTxCd", "Ntry")) {
        e.subFamily = t;
      } else if (inside("RmtInf") && under("Ustrd")) {
        e.description = e.description == null ? t : e.description + " " + t;
      } else if (inside("AddtlNtryInf") && e.description == null) {
        e.description = t;
      } else if (inside("RltdPties") && under("Nm")) {
        String party = partyRole();
        if (party != null && party.equals(e.counterpartyRole())) {
          e.counterpartyName = t;
        }
      } else if (inside("RltdPties") && (under("IBAN") || under("Id", "Othr"))) {
        String acct = accountRole();
        if (acct != null && acct.equals(e.counterpartyRole() + "Acct")) {
          e.counterpartyAccount = t;
        }
      } else if (inside("MrchntCtgyCd") || under("MrchntCtgyCd")) {
        e.mcc = t;
      }
    }

    String partyRole() {
      for (String p : path) {
        if (p.equals("Cdtr") || p.equals("Dbtr")) {
          return p;
        }
      }
      return null;
    }

    String accountRole() {
      for (String p : path) {
        if (p.equals("CdtrAcct") || p.equals("DbtrAcct")) {
          return p;
        }
      }
      return null;
    }

    void end(String name) throws FinanceInputException {
      if (name.equals("Ntry") && e != null) {
        emit();
        e = null;
      } else if (name.equals("Stmt") && balances == 0) {
        throw at("statement " + (stmtId == null ? "" : stmtId + " ") + "has no balance (Bal)");
      }
    }

    void emit() throws FinanceInputException {
      String where = "entry " + entries + (stmtId == null ? "" : " of statement " + stmtId);
      if (account == null) {
        throw at(where + ": the statement names no account (Acct/Id)");
      }
      if (Double.isNaN(e.amount)) {
        throw at(where + ": no amount (Amt)");
      }
      if (e.direction == null) {
        throw at(where + ": no credit/debit indicator (CdtDbtInd)");
      }
      if (e.time == null) {
        throw at(where + ": no booking or value date (BookgDt, ValDt)");
      }
      String id = e.ref != null ? e.ref : (stmtId == null ? "stmt" : stmtId) + "-" + entries;
      if (!ids.add(id)) {
        throw at(where + ": the reference \"" + id + "\" appears twice");
      }
      int mcc = -1;
      if (e.mcc != null && e.mcc.matches("\\d{1,4}")) {
        mcc = Integer.parseInt(e.mcc);
      }
      sink.accept(
          new Transaction(
              id,
              e.time,
              account,
              holder,
              e.counterpartyAccount,
              e.counterpartyName,
              e.amount,
              e.currency,
              e.direction,
              e.channel(),
              mcc,
              null,
              null,
              e.description));
      count++;
    }

    FinanceInputException at(String problem) {
      return new FinanceInputException("line " + x.getLocation().getLineNumber() + ": " + problem);
    }
  }

  private static final class Entry {
    double amount = Double.NaN;
    String currency;
    Direction direction;
    OffsetDateTime time;
    String ref;
    String family;
    String subFamily;
    String description;
    String counterpartyName;
    String counterpartyAccount;
    String mcc;

    /** For money out the counterparty is the creditor, for money in the debtor. */
    String counterpartyRole() {
      return direction == Direction.IN ? "Dbtr" : "Cdtr";
    }

    Channel channel() {
      if (family == null) {
        return null;
      }
      return switch (family) {
        case "CCRD", "DCRD" ->
            "CWDL".equals(subFamily) || "CDPT".equals(subFamily) ? Channel.ATM : Channel.CARD;
        case "CNTR" -> Channel.CASH;
        case "RCDT", "ICDT" -> Channel.WIRE;
        case "RDDT", "IDDT" -> Channel.ACH;
        default -> Channel.OTHER;
      };
    }
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unreadable";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

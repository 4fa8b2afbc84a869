package org.palermo.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.palermo.finance.Alert;
import org.palermo.finance.Engine;
import org.palermo.finance.FinanceInputException;
import org.palermo.finance.Transaction;
import org.palermo.finance.io.AlertCsv;
import org.palermo.finance.io.Camt053;
import org.palermo.finance.io.TransactionCsv;
import org.palermo.finance.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code palermo finance}: financial red-flag rules on files, with no database (issue 17 item 2;
 * the stable contract is in docs/investigations.md).
 */
@Command(
    name = "finance",
    mixinStandardHelpOptions = true,
    description = {
      "Financial red flags of human trafficking and smuggling (FinCEN, FINTRAC, FATF/APG"
          + " indicators) over bank transactions. Needs no database."
    },
    subcommands = {FinanceCommand.Scan.class})
final class FinanceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code palermo finance scan --input FILE.csv --out ALERTS.csv [--rules default|FILE]}. */
  @Command(
      name = "scan",
      mixinStandardHelpOptions = true,
      description = {
        "Run the red-flag rule library over transactions and write one CSV row per alert:"
            + " rule, account, first_timestamp, last_timestamp, transactions, score, source.",
        "Input: CSV with a header from the vocabulary id, timestamp, account, account_holder,"
            + " counterparty_account, counterparty_name, amount, currency, direction, channel,"
            + " merchant_category, city, country, description (docs/investigations.md);"
            + " or an ISO 20022 camt.053 statement (XML, told by its content)."
            + " Unsorted input is sorted by timestamp.",
        "Bad input prints one line naming the row and column and exits 2; nothing is written then."
      })
  static final class Scan implements Callable<Integer> {
    @Option(
        names = "--input",
        required = true,
        paramLabel = "FILE.csv",
        description = "Transactions.")
    Path input;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "ALERTS.csv",
        description = "Alerts to write.")
    Path out;

    @Option(
        names = "--rules",
        paramLabel = "default|FILE",
        defaultValue = "default",
        description =
            "The built-in rule set (default), or a properties file overriding its parameters"
                + " (docs/investigations.md lists them).")
    String rules;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      try {
        RuleSet set = RuleSet.load(rules);
        if (!Files.isRegularFile(input)) {
          throw new FinanceInputException("no such file: " + input);
        }
        // ISO 20022 camt.053 is told from CSV by its content: XML starts with "<".
        Source source = looksLikeXml(input) ? Camt053::read : TransactionCsv::read;
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
          throw new FinanceInputException("the directory of --out does not exist: " + out);
        }
        // Sorted input (the usual case) streams straight through the engine; the first row out of
        // time order stops that, the rest is still checked, and the file is then read again,
        // held and sorted by timestamp.
        Engine engine = new Engine(set);
        List<Alert> alerts = new ArrayList<>();
        boolean[] sorted = {true};
        long[] last = {Long.MIN_VALUE};
        long count =
            source.read(
                input,
                t -> {
                  if (!sorted[0]) {
                    return;
                  }
                  if (t.epochSecond() < last[0]) {
                    sorted[0] = false;
                    return;
                  }
                  last[0] = t.epochSecond();
                  alerts.addAll(engine.accept(t));
                });
        if (sorted[0]) {
          alerts.addAll(engine.flush());
        } else {
          List<Transaction> all = new ArrayList<>();
          source.read(input, all::add);
          alerts.clear();
          alerts.addAll(Engine.scan(all, set));
        }
        alerts.sort(
            Comparator.comparing((Alert a) -> a.firstTimestamp().toInstant())
                .thenComparing(Alert::rule)
                .thenComparing(Alert::account));
        write(alerts, dir);
        spec.commandLine()
            .getOut()
            .println(
                "finance scan: "
                    + count
                    + " transactions"
                    + (sorted[0] ? "" : " (sorted by timestamp)")
                    + ", "
                    + alerts.size()
                    + " alerts written to "
                    + out);
        return 0;
      } catch (FinanceInputException e) {
        spec.commandLine().getErr().println("finance scan: " + e.getMessage());
        return 2;
      } catch (NoSuchFileException e) {
        spec.commandLine().getErr().println("finance scan: no such file: " + e.getFile());
        return 2;
      }
    }

    private void write(List<Alert> alerts, Path dir) throws IOException {
      Path temp = Files.createTempFile(dir, ".alerts-", ".csv.part");
      try {
        try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
          AlertCsv.write(alerts, w);
        }
        try {
          Files.move(
              temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    }

    /** A reader of transactions: the CSV of the contract or a camt.053 statement. */
    interface Source {
      long read(Path file, java.util.function.Consumer<Transaction> sink)
          throws FinanceInputException, IOException;
    }

    private static boolean looksLikeXml(Path file) throws IOException {
      try (InputStream in = Files.newInputStream(file)) {
        byte[] head = in.readNBytes(512);
        String s = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (s.startsWith("\uFEFF")) {
          s = s.substring(1).stripLeading();
        }
        return s.startsWith("<");
      }
    }
  }
}

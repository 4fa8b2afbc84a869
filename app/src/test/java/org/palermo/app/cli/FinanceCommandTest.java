package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palermo finance scan}: the contract of docs/investigations.md on the command line. */
class FinanceCommandTest {
  static final String HEADER =
      "id,timestamp,account,account_holder,counterparty_account,counterparty_name,amount,currency,"
          + "direction,channel,merchant_category,city,country,description";

  /** A funnel account (FinCEN FIN-2014-A008), out of time order, among ordinary card spending. */
  static final String FUNNEL =
      HEADER
          + "\n"
          + "f4,2024-02-13T09:00:00+01:00,ACC-7,,TH-88,K. S.,7000,EUR,OUT,WIRE,,paris,FR,\n"
          + "f1,2024-02-10T11:00:00+01:00,ACC-7,,,,2500,EUR,IN,CASH,,Marseille,FR,\n"
          + "f2,2024-02-11T15:00:00+01:00,ACC-7,,,,2400,EUR,IN,CASH,,Nice,FR,\n"
          + "c1,2024-02-11T16:00:00+01:00,ACC-8,,,Supermarket,45.10,EUR,OUT,CARD,5411,lyon,FR,\n"
          + "f3,2024-02-12T10:00:00+01:00,ACC-7,,,,2600,EUR,IN,CASH,,Toulouse,FR,\n";

  @TempDir Path dir;

  Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void scan_writes_one_row_per_alert_citing_its_source_and_sorts_unsorted_input()
      throws IOException {
    Path in = file("tx.csv", FUNNEL);
    Path out = dir.resolve("alerts.csv");
    CliRun run = CliRun.of("finance", "scan", "--input", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("5 transactions (sorted by timestamp), 1 alerts");
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines)
        .containsExactly(
            "rule,account,first_timestamp,last_timestamp,transactions,score,source",
            "funnel-account/1,ACC-7,2024-02-10T11:00:00+01:00,2024-02-13T09:00:00+01:00,"
                + "f1;f2;f3;f4,0.50,FinCEN FIN-2014-A008 and FIN-2020-A008; funnel account: cash"
                + " deposits in several cities quickly withdrawn or wired elsewhere");
  }

  @Test
  void a_camt053_statement_is_read_by_its_content() throws IOException {
    StringBuilder entries = new StringBuilder();
    for (int i = 1; i <= 4; i++) {
      entries.append(
          "<Ntry><NtryRef>E%d</NtryRef><Amt Ccy=\"EUR\">7%d0.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
                  .formatted(i, i)
              + "<BookgDt><DtTm>2024-03-0%dT18:00:00+01:00</DtTm></BookgDt>".formatted(i)
              + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly>"
              + "</Domn></BkTxCd><NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Worker %d</Nm></Cdtr>"
                  .formatted(i)
              + "</RltdPties></TxDtls></NtryDtls></Ntry>");
    }
    Path in =
        file(
            "statement.xml",
            "<?xml version=\"1.0\"?><Document"
                + " xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>"
                + "<Id>S1</Id><Acct><Id><IBAN>FR761234</IBAN></Id><Ownr><Nm>Night Cleaning Ltd</Nm>"
                + "</Ownr></Acct><Bal><Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>"
                + entries
                + "</Stmt></BkToCstmrStmt></Document>");
    Path out = dir.resolve("alerts.csv");
    CliRun run = CliRun.of("finance", "scan", "--input", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out))
        .hasSize(2)
        .last()
        .asString()
        .startsWith(
            "missing-payroll/1,FR761234,2024-03-01T18:00:00+01:00,2024-03-04T18:00:00+01:00,E1;E2;E3;E4,");
  }

  @Test
  void a_rules_file_changes_the_thresholds() throws IOException {
    Path in = file("tx.csv", FUNNEL);
    Path rules = file("strict.properties", "funnel-account.min-cities=4\n");
    Path out = dir.resolve("alerts.csv");
    CliRun run =
        CliRun.of(
            "finance",
            "scan",
            "--input",
            in.toString(),
            "--out",
            out.toString(),
            "--rules",
            rules.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(1); // the header only
    CliRun defaults =
        CliRun.of(
            "finance",
            "scan",
            "--input",
            in.toString(),
            "--out",
            out.toString(),
            "--rules",
            "default");
    assertThat(defaults.exitCode()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(2);
  }

  @Test
  void bad_input_prints_one_line_exits_2_and_writes_nothing() throws IOException {
    Path out = dir.resolve("alerts.csv");
    Files.writeString(out, "an earlier result\n");
    String[][] cases = {
      {HEADER + "\nt1,2024-03-01T10:00:00,A1,,,,100,EUR,IN,CASH,,,,\n", "row 2, column timestamp"},
      {HEADER + "\nt1,2024-03-01T10:00:00Z,A1,,,,ten,EUR,IN,CASH,,,,\n", "row 2, column amount"},
      {HEADER + "\nt1,2024-03-01T10:00:00Z,A1,,,,10,EUR,UP,CASH,,,,\n", "row 2, column direction"},
      {HEADER + "\nt1,2024-03-01T10:00:00Z,A1,,,,10,EUR,IN,BARTER,,,,\n", "row 2, column channel"},
      {
        HEADER
            + "\nt1,2024-03-01T10:00:00Z,A1,,,,10,EUR,IN,CASH,,,,\nt1,2024-03-01T11:00:00Z,A1,,,,10,EUR,IN,CASH,,,,\n",
        "row 3, column id"
      },
      {HEADER + "\nt1,\"2024-03-01T10:00:00Z,A1\n", "malformed CSV"},
      {"colour,size\nred,2\n", "row 1: the header names none"},
      {"<?xml version=\"1.0\"?><Document/>", "camt.053"},
    };
    for (String[] c : cases) {
      Path in = file("bad.csv", c[0]);
      CliRun run = CliRun.of("finance", "scan", "--input", in.toString(), "--out", out.toString());
      assertThat(run.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(run.err()).as(c[0]).startsWith("finance scan: ").contains(c[1]);
      assertThat(run.err().strip()).doesNotContain("\n");
      assertThat(Files.readString(out)).isEqualTo("an earlier result\n");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".part"));
    }
    Path good = file("good.csv", FUNNEL);
    CliRun unknownKey =
        CliRun.of(
            "finance",
            "scan",
            "--input",
            good.toString(),
            "--out",
            out.toString(),
            "--rules",
            file("r.properties", "funnel-account.colour=red\n").toString());
    assertThat(unknownKey.exitCode()).isEqualTo(2);
    assertThat(unknownKey.err()).contains("rules, key funnel-account.colour: unknown key");
    CliRun noRules =
        CliRun.of(
            "finance",
            "scan",
            "--input",
            good.toString(),
            "--out",
            out.toString(),
            "--rules",
            dir.resolve("nope.properties").toString());
    assertThat(noRules.exitCode()).isEqualTo(2);
    CliRun noInput =
        CliRun.of(
            "finance",
            "scan",
            "--input",
            dir.resolve("nope.csv").toString(),
            "--out",
            out.toString());
    assertThat(noInput.exitCode()).isEqualTo(2);
    assertThat(noInput.err()).contains("no such file");
    CliRun noDir =
        CliRun.of(
            "finance",
            "scan",
            "--input",
            good.toString(),
            "--out",
            dir.resolve("missing/alerts.csv").toString());
    assertThat(noDir.exitCode()).isEqualTo(2);
    assertThat(Files.readString(out)).isEqualTo("an earlier result\n");
  }
}

package org.palermo.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.finance.io.Camt053;
import org.palermo.finance.rules.RuleSet;

/** ISO 20022 camt.053 statements in, transactions out; the wrong files refused. */
class Camt053Test {
  static String statement(String balance, String entries) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
         <BkToCstmrStmt>
          <GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-03-31T23:00:00+01:00</CreDtTm></GrpHdr>
          <Stmt>
           <Id>S-1</Id>
           <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ownr><Nm>Star Cleaning Services LLC</Nm></Ownr></Acct>
           %s
           %s
          </Stmt>
         </BkToCstmrStmt>
        </Document>
        """
        .formatted(balance, entries);
  }

  static final String BALANCE =
      "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1000.00</Amt>"
          + "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>";

  static String entry(
      String ref,
      String amount,
      String ind,
      String dtTm,
      String family,
      String party,
      String info) {
    String role = ind.equals("DBIT") ? "Cdtr" : "Dbtr";
    return "<Ntry><NtryRef>"
        + ref
        + "</NtryRef><Amt Ccy=\"EUR\">"
        + amount
        + "</Amt><CdtDbtInd>"
        + ind
        + "</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><DtTm>"
        + dtTm
        + "</DtTm></BookgDt>"
        + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>"
        + family
        + "</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
        + "<NtryDtls><TxDtls><Amt Ccy=\"EUR\">"
        + amount
        + "</Amt><RltdPties><"
        + role
        + "><Nm>"
        + party
        + "</Nm></"
        + role
        + "><"
        + role
        + "Acct><Id><IBAN>"
        + party.replace(" ", "")
        + "</IBAN></Id></"
        + role
        + "Acct></RltdPties>"
        + "<RmtInf><Ustrd>"
        + info
        + "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>";
  }

  static List<Transaction> read(String xml) throws FinanceInputException {
    List<Transaction> all = new ArrayList<>();
    Camt053.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), all::add);
    return all;
  }

  @Test
  void entries_become_transactions_and_the_rules_run_on_them() throws Exception {
    StringBuilder entries = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      entries.append(
          entry(
              "E" + i,
              "6" + i + "0.00",
              "DBIT",
              "2024-03-0" + i + "T18:00:00+01:00",
              "ICDT",
              "Worker " + i,
              "week " + i));
    }
    List<Transaction> ts = read(statement(BALANCE, entries.toString()));
    assertThat(ts).hasSize(5);
    Transaction t = ts.get(0);
    assertThat(t.id()).isEqualTo("E1");
    assertThat(t.account()).isEqualTo("FR7630006000011234567890189");
    assertThat(t.accountHolder()).isEqualTo("Star Cleaning Services LLC");
    assertThat(t.amount()).isEqualTo(610.0);
    assertThat(t.currency()).isEqualTo("EUR");
    assertThat(t.direction()).isEqualTo(Direction.OUT);
    assertThat(t.channel()).isEqualTo(Channel.WIRE);
    assertThat(t.counterpartyName()).isEqualTo("Worker 1");
    assertThat(t.counterpartyAccount()).isEqualTo("Worker1");
    assertThat(t.description()).isEqualTo("week 1");
    assertThat(Engine.scan(ts, RuleSet.defaults()))
        .extracting(Alert::rule, Alert::account)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "missing-payroll/1", "FR7630006000011234567890189"));
  }

  @Test
  void wrong_files_are_refused_with_one_line() {
    String ok = entry("E1", "10.00", "CRDT", "2024-03-01T10:00:00+01:00", "RCDT", "A", "x");
    String[][] cases = {
      {statement("", ok), "has no balance (Bal)"},
      {statement("", ""), "has no balance (Bal)"},
      {
        statement(BALANCE, ok).replace("camt.053.001.08", "camt.052.001.08"),
        "not a camt.053 statement"
      },
      {"<Document><x/></Document>", "namespace (none)"},
      {
        statement(BALANCE, ok.replace("2024-03-01T10:00:00+01:00", "2024-03-01T10:00:00")),
        "no UTC offset"
      },
      {statement(BALANCE, ok.replace(">10.00<", ">ten<")), "not a number"},
      {statement(BALANCE, ok.replace(">CRDT<", ">BOTH<")), "CRDT or DBIT"},
      {statement(BALANCE, ok + ok), "appears twice"},
      {statement(BALANCE, ok).replace("</Stmt>", ""), "not well-formed"},
      {
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&x;</Document>",
        "line "
      },
      {"", "line "},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> read(c[0]))
          .as(c[0])
          .isInstanceOf(FinanceInputException.class)
          .hasMessageStartingWith("line ")
          .hasMessageContaining(c[1])
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("root:"));
    }
  }
}

package org.palermo.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palermo.finance.io.TransactionCsv;

/** The transactions CSV: the vocabulary in any order, and one clear line for each bad input. */
class TransactionCsvTest {
  static final String HEADER =
      "id,timestamp,account,account_holder,counterparty_account,counterparty_name,amount,currency,"
          + "direction,channel,merchant_category,city,country,description";

  static List<Transaction> read(String csv) throws FinanceInputException, IOException {
    List<Transaction> all = new ArrayList<>();
    TransactionCsv.read(new StringReader(csv), all::add);
    return all;
  }

  @Test
  void reads_every_column_in_any_order_ignoring_others() throws Exception {
    List<Transaction> ts =
        read(
            "\uFEFFnote,description,country,city,merchant_category,channel,direction,currency,amount,"
                + "counterparty_name,counterparty_account,account_holder,account,timestamp,id\n"
                + "x,\"Hotel, two nights\",fr,Lyon,7011,card,out,eur,-220.50,Hotel Bleu,H1,Ann,A1,"
                + "2024-03-01T22:15:00+01:00,t1\n"
                + "\n"
                + "y,,,,,,,,,,,,A2,2024-03-02T08:00:00Z,t2\n");
    assertThat(ts).hasSize(2);
    Transaction t = ts.get(0);
    assertThat(t.id()).isEqualTo("t1");
    assertThat(t.account()).isEqualTo("A1");
    assertThat(t.accountHolder()).isEqualTo("Ann");
    assertThat(t.counterparty()).isEqualTo("H1");
    assertThat(t.counterpartyName()).isEqualTo("Hotel Bleu");
    assertThat(t.amount()).isEqualTo(220.50);
    assertThat(t.direction()).isEqualTo(Direction.OUT);
    assertThat(t.channel()).isEqualTo(Channel.CARD);
    assertThat(t.merchantCategory()).isEqualTo(7011);
    assertThat(t.currency()).isEqualTo("EUR");
    assertThat(t.country()).isEqualTo("FR");
    assertThat(t.city()).isEqualTo("lyon");
    assertThat(t.description()).isEqualTo("Hotel, two nights");
    assertThat(t.timestamp().getHour()).isEqualTo(22);
    Transaction unknown = ts.get(1);
    assertThat(unknown.amount()).isNaN();
    assertThat(unknown.direction()).isNull();
    assertThat(unknown.channel()).isNull();
    assertThat(unknown.merchantCategory()).isEqualTo(-1);
    assertThat(unknown.counterparty()).isNull();
  }

  @Test
  void each_bad_input_is_one_line_naming_row_and_column() {
    String ok = "t1,2024-03-01T10:00:00+01:00,A1,,,,100,EUR,IN,CASH,,,,";
    String[][] cases = {
      {
        HEADER + "\nt1,2024-03-01T10:00:00,A1,,,,100,EUR,IN,CASH,,,,",
        "row 2, column timestamp",
        "no UTC offset"
      },
      {HEADER + "\nt1,yesterday,A1,,,,100,EUR,IN,CASH,,,,", "row 2, column timestamp", "ISO 8601"},
      {HEADER + "\nt1,,A1,,,,100,EUR,IN,CASH,,,,", "row 2, column timestamp", "empty"},
      {
        HEADER + "\n" + ok + "\nt2,2024-03-01T10:00:00+01:00,A1,,,,1O0,EUR,IN,CASH,,,,",
        "row 3, column amount",
        "not a number"
      },
      {
        HEADER + "\nt1,2024-03-01T10:00:00+01:00,A1,,,,100,EUR,SIDEWAYS,CASH,,,,",
        "row 2, column direction",
        "IN or OUT"
      },
      {
        HEADER + "\nt1,2024-03-01T10:00:00+01:00,A1,,,,100,EUR,IN,PIGEON,,,,",
        "row 2, column channel",
        "PIGEON"
      },
      {
        HEADER + "\nt1,2024-03-01T10:00:00+01:00,A1,,,,-100,EUR,IN,CASH,,,,",
        "row 2, column amount",
        "negative"
      },
      {
        HEADER + "\nt1,2024-03-01T10:00:00+01:00,A1,,,,100,EUR,IN,CASH,hotel,,,",
        "row 2, column merchant_category",
        "ISO 18245"
      },
      {
        HEADER + "\nt1,2024-03-01T10:00:00+01:00,A1,,,,100,EURO,IN,CASH,,,,",
        "row 2, column currency",
        "ISO 4217"
      },
      {
        HEADER + "\nt1,2024-03-01T10:00:00+01:00,A1,,,,100,EUR,IN,CASH,,,France,",
        "row 2, column country",
        "ISO 3166"
      },
      {HEADER + "\n" + ok + "\n" + ok, "row 3, column id", "appears twice"},
      {
        HEADER + "\n,2024-03-01T10:00:00+01:00,A1,,,,100,EUR,IN,CASH,,,,",
        "row 2, column id",
        "empty"
      },
      {
        HEADER + "\nt1,2024-03-01T10:00:00+01:00,,,,,100,EUR,IN,CASH,,,,",
        "row 2, column account",
        "empty"
      },
      {HEADER + "\nt1,2024-03-01T10:00:00+01:00,A1", "row 2", "3 cells where the header has 14"},
      {HEADER + "\n" + ok + "\nt2,\"2024-03-01,A1", "row 3", "malformed CSV"},
      {"name,birth_date\nAnn,1990-01-01", "row 1", "none of the transaction columns"},
      {"id,account\nt1,A1", "row 1", "no timestamp column"},
      {"id,timestamp,id\n", "row 1, column id", "twice"},
      {"", "row 1", "empty"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> read(c[0]))
          .as(c[0])
          .isInstanceOf(FinanceInputException.class)
          .hasMessageStartingWith(c[1])
          .hasMessageContaining(c[2])
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void a_file_that_is_not_utf8_is_refused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.csv");
    Files.write(f, new byte[] {'i', 'd', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThatThrownBy(() -> TransactionCsv.read(f, t -> {}))
        .isInstanceOf(FinanceInputException.class)
        .hasMessageContaining("UTF-8");
    Path good = dir.resolve("g.csv");
    Files.writeString(
        good,
        HEADER + "\nt1,2024-03-01T10:00:00+01:00,A1,,,,100,EUR,IN,CASH,,,,\n",
        StandardCharsets.UTF_8);
    assertThat(TransactionCsv.read(good, t -> {})).isEqualTo(1);
  }
}

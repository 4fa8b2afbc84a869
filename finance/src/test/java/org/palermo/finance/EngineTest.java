package org.palermo.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palermo.finance.io.AlertCsv;
import org.palermo.finance.rules.RuleSet;

/** Streaming and batch give the same alerts; an episode is one alert; the rules file is checked. */
class EngineTest {
  static List<Transaction> nightAtm(String account, int day) {
    return List.of(
        Tx.of(account + "-1", account).at(day, 23, 30).out(Channel.ATM, 300).city("lyon").build(),
        Tx.of(account + "-2", account)
            .at(day + 1, 1, 15)
            .out(Channel.ATM, 200)
            .city("grenoble")
            .build(),
        Tx.of(account + "-3", account)
            .at(day + 2, 2, 40)
            .out(Channel.ATM, 500)
            .city("dijon")
            .build());
  }

  @Test
  void streaming_reports_an_episode_when_its_window_has_passed_and_batch_agrees() {
    List<Transaction> all = new ArrayList<>(OrdinaryTransactions.generate(3));
    all.addAll(nightAtm("P002", 10));
    all.addAll(nightAtm("P004", 60));
    List<Alert> batch = Engine.scan(all, RuleSet.defaults());
    all.sort(java.util.Comparator.comparing(Transaction::timestamp));
    Engine engine = new Engine(RuleSet.defaults());
    List<Alert> streamed = new ArrayList<>();
    boolean firstBeforeEnd = false;
    for (Transaction t : all) {
      List<Alert> fired = engine.accept(t);
      if (!fired.isEmpty() && t.timestamp().isBefore(Tx.START.plusDays(30))) {
        firstBeforeEnd = true; // the P002 episode ended 7 days after its last ATM visit
      }
      streamed.addAll(fired);
    }
    streamed.addAll(engine.flush());
    assertThat(firstBeforeEnd).isTrue();
    assertThat(streamed).containsExactlyInAnyOrderElementsOf(batch);
    assertThat(batch).extracting(Alert::account).containsExactlyInAnyOrder("P002", "P004");
  }

  @Test
  void a_pattern_that_goes_on_is_one_alert_not_a_flood() {
    List<Transaction> all = new ArrayList<>();
    for (int week = 0; week < 4; week++) {
      for (Transaction t : nightAtm("A" + week, 3 * week)) {
        all.add(
            new Transaction(
                t.id(),
                t.timestamp(),
                "A",
                null,
                null,
                null,
                t.amount(),
                null,
                t.direction(),
                t.channel(),
                -1,
                t.city(),
                null,
                null));
      }
    }
    List<Alert> alerts = Engine.scan(all, RuleSet.defaults());
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).transactions()).hasSize(12);
    assertThat(alerts.get(0).score()).isEqualTo(0.75); // three cities over two needed
  }

  @Test
  void out_of_order_input_is_refused_by_the_streaming_engine() {
    Engine engine = new Engine(RuleSet.defaults());
    List<Transaction> ts = nightAtm("A", 5);
    engine.accept(ts.get(1));
    assertThatThrownBy(() -> engine.accept(ts.get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time order");
  }

  @Test
  void alerts_are_written_as_the_contract_says() throws Exception {
    StringWriter out = new StringWriter();
    AlertCsv.write(Engine.scan(nightAtm("A", 5), RuleSet.defaults()), out);
    assertThat(out.toString())
        .isEqualTo(
            "rule,account,first_timestamp,last_timestamp,transactions,score,source\n"
                + "late-night-atm/1,A,2024-01-06T23:30:00+01:00,2024-01-08T02:40:00+01:00,"
                + "A-1;A-2;A-3,0.50,FINTRAC 2016-OA003 and 2021-OA001; late-night ATM activity"
                + " across several cities\n");
  }

  @Test
  void parameters_are_configurable_and_checked() throws Exception {
    List<Transaction> ts = nightAtm("A", 5);
    assertThat(Engine.scan(ts, RuleSet.of(Map.of("late-night-atm.min-cities", "4")))).isEmpty();
    assertThat(Engine.scan(ts, RuleSet.of(Map.of("rules", "structuring")))).isEmpty();
    assertThat(RuleSet.of(Map.of("rules", "structuring, structuring")).enabled())
        .containsExactly("structuring");
    assertThat(
            Engine.scan(
                ts,
                RuleSet.of(
                    Map.of("late-night-atm.night-start", "1", "late-night-atm.night-end", "3"))))
        .isEmpty();
    String[][] bad = {
      {"late-night-atm.window", "seven days", "ISO 8601 duration"},
      {"late-night-atm.window", "-P1D", "positive"},
      {"late-night-atm.min-count", "0", "at least 1"},
      {"late-night-atm.min-count", "three", "whole number"},
      {"late-night-atm.night-start", "25", "hour"},
      {"late-night-atm.night-start", "late", "hour"},
      {"late-night-atm.channels", "ATM,TELEPORT", "TELEPORT"},
      {"structuring.threshold", "lots", "not a number"},
      {"structuring.threshold", "-5", "at least 0"},
      {"lodging-rentals.hotel-categories", "7011,abc", "abc"},
      {"lodging-rentals.hotel-categories", "3999-3501", "3999-3501"},
      {"adult-advertising.pattern", "escort(", "regular expression"},
      {"rules", "structuring,astrology", "astrology"},
      {"late-night-atm.colour", "red", "unknown key"},
    };
    for (String[] b : bad) {
      assertThatThrownBy(() -> RuleSet.of(Map.of(b[0], b[1])))
          .as(b[0] + "=" + b[1])
          .isInstanceOf(FinanceInputException.class)
          .hasMessageStartingWith("rules, key " + b[0])
          .hasMessageContaining(b[2]);
    }
  }
}

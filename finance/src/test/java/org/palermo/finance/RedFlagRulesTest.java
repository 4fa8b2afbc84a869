package org.palermo.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.palermo.finance.rules.RuleSet;

/**
 * Each red flag planted into ordinary generated banking is found, on the right account with the
 * planted transactions; the same data without the plant raises no alert from that rule.
 */
class RedFlagRulesTest {
  static List<Transaction> ordinary;

  @BeforeAll
  static void generate() {
    ordinary = OrdinaryTransactions.generate(17);
  }

  static List<Alert> scan(List<Transaction> plant) {
    return scan(plant, RuleSet.defaults());
  }

  static List<Alert> scan(List<Transaction> plant, RuleSet rules) {
    List<Transaction> all = new ArrayList<>(ordinary);
    all.addAll(plant);
    return Engine.scan(all, rules);
  }

  static List<Alert> of(List<Alert> alerts, String rule) {
    return alerts.stream().filter(a -> a.rule().equals(rule)).toList();
  }

  static List<String> ids(List<Transaction> ts) {
    return ts.stream().map(Transaction::id).toList();
  }

  /** The plant is found once, on {@code account}, with exactly the planted ids. */
  static Alert foundOnce(List<Transaction> plant, String rule, String account) {
    Alert a = found(plant, rule, account);
    assertThat(a.transactions()).containsExactlyInAnyOrderElementsOf(ids(plant));
    return a;
  }

  /** The plant is found once, on {@code account}, with the planted ids among its evidence. */
  static Alert found(List<Transaction> plant, String rule, String account) {
    List<Alert> alerts = of(scan(plant), rule);
    assertThat(alerts).as("alerts of " + rule).hasSize(1);
    Alert a = alerts.get(0);
    assertThat(a.account()).isEqualTo(account);
    assertThat(a.transactions()).containsAll(ids(plant));
    assertThat(a.score()).isBetween(0.5, 1.0);
    assertThat(a.source()).contains(rule.startsWith("late-night") ? "FINTRAC" : "FinCEN");
    return a;
  }

  @Test
  void ordinary_banking_raises_no_alert_at_all() {
    assertThat(ordinary).hasSizeGreaterThan(2000);
    assertThat(Engine.scan(ordinary, RuleSet.defaults())).isEmpty();
  }

  @Test
  void funnel_account() {
    List<Transaction> plant =
        List.of(
            Tx.of("f1", "P003").at(40, 11, 0).in(Channel.CASH, 2500).city("marseille").build(),
            Tx.of("f2", "P003").at(41, 15, 0).in(Channel.CASH, 2400).city("nice").build(),
            Tx.of("f3", "P003").at(42, 10, 0).in(Channel.CASH, 2600).city("toulouse").build(),
            Tx.of("f4", "P003").at(43, 9, 0).out(Channel.WIRE, 7000).to("TH-88", "K. S.").build());
    Alert a = foundOnce(plant, "funnel-account/1", "P003");
    assertThat(a.firstTimestamp()).isEqualTo(plant.get(0).timestamp());
    assertThat(a.lastTimestamp()).isEqualTo(plant.get(3).timestamp());
    // without the quick outflow, or in one city only, it is no funnel
    assertThat(of(scan(plant.subList(0, 3)), "funnel-account/1")).isEmpty();
    List<Transaction> oneCity =
        plant.stream().map(t -> withCity(t, t.city() == null ? null : "lyon")).toList();
    assertThat(of(scan(oneCity), "funnel-account/1")).isEmpty();
  }

  @Test
  void structuring_per_account_per_relationship_and_split() {
    List<Transaction> deposits =
        List.of(
            Tx.of("s1", "P005").at(50, 11, 0).in(Channel.CASH, 9500).build(),
            Tx.of("s2", "P005").at(52, 11, 0).in(Channel.CASH, 9800).build(),
            Tx.of("s3", "P005").at(54, 11, 0).in(Channel.CASH, 9200).build());
    foundOnce(deposits, "structuring/1", "P005");
    List<Transaction> wires =
        List.of(
            Tx.of("w1", "P006").at(30, 11, 0).out(Channel.WIRE, 9900).to("X1", "Z").build(),
            Tx.of("w2", "P006").at(31, 11, 0).out(Channel.WIRE, 9850).to("X1", "Z").build(),
            Tx.of("w3", "P006").at(33, 11, 0).out(Channel.WIRE, 9700).to("X1", "Z").build());
    foundOnce(wires, "structuring/1", "P006");
    List<Transaction> split =
        List.of(
            Tx.of("d1", "P020").at(20, 9, 0).in(Channel.CASH, 4000).build(),
            Tx.of("d2", "P020").at(20, 12, 0).in(Channel.ATM, 4000).build(),
            Tx.of("d3", "P020").at(20, 16, 0).in(Channel.CASH, 3000).build());
    foundOnce(split, "structuring/1", "P020");
    // above the threshold is reported anyway, not structured; to three payees is no relationship
    List<Transaction> above = deposits.stream().map(t -> withAmount(t, 10500)).toList();
    assertThat(of(scan(above), "structuring/1")).isEmpty();
    List<Transaction> spread =
        List.of(
            Tx.of("w1", "P006").at(30, 11, 0).out(Channel.WIRE, 9900).to("X1", "Z").build(),
            Tx.of("w2", "P006").at(31, 11, 0).out(Channel.WIRE, 9850).to("X2", "Y").build(),
            Tx.of("w3", "P006").at(33, 11, 0).out(Channel.WIRE, 9700).to("X3", "W").build());
    assertThat(of(scan(spread), "structuring/1")).isEmpty();
    // the threshold is configurable
    assertThat(of(scan(deposits, rules(Map.of("structuring.threshold", "20000"))), "structuring/1"))
        .isEmpty();
  }

  @Test
  void several_workers_wages_in_one_account() {
    List<Transaction> payers =
        List.of(
            Tx.of("a1", "P007")
                .at(60, 6, 0)
                .in(Channel.ACH, 1100)
                .to("F1", "Ferme Roux")
                .desc("SALAIRE")
                .build(),
            Tx.of("a2", "P007")
                .at(61, 6, 0)
                .in(Channel.ACH, 1050)
                .to("F2", "Vergers Sud")
                .desc("salary")
                .build(),
            Tx.of("a3", "P007")
                .at(62, 6, 0)
                .in(Channel.WIRE, 990)
                .to("F3", "Serres Nord")
                .desc("WAGES WEEK 9")
                .build());
    // the account's own salary in the window is a payroll credit too, and part of the evidence
    Alert pooled = found(payers, "wage-pooling/1", "P007");
    assertThat(pooled.transactions())
        .allMatch(
            id ->
                ids(payers).contains(id)
                    || ordinary.stream()
                        .anyMatch(
                            t ->
                                t.id().equals(id)
                                    && t.account().equals("P007")
                                    && "SALARY".equals(t.description())));
    List<Transaction> burst =
        List.of(
            Tx.of("b1", "P008")
                .at(45, 6, 0)
                .in(Channel.ACH, 800)
                .to("F9", "AgriCo")
                .desc("PAYROLL A. B.")
                .build(),
            Tx.of("b2", "P008")
                .at(45, 6, 1)
                .in(Channel.ACH, 810)
                .to("F9", "AgriCo")
                .desc("PAYROLL C. D.")
                .build(),
            Tx.of("b3", "P008")
                .at(45, 6, 2)
                .in(Channel.ACH, 790)
                .to("F9", "AgriCo")
                .desc("PAYROLL E. F.")
                .build());
    foundOnce(burst, "wage-pooling/1", "P008");
    List<Transaction> sweep =
        List.of(
            Tx.of("c1", "P099")
                .at(70, 6, 0)
                .in(Channel.ACH, 900)
                .to("F7", "Hotel Luxe")
                .desc("SALARY")
                .build(),
            Tx.of("c2", "P099")
                .at(70, 6, 5)
                .in(Channel.ACH, 950)
                .to("F8", "Clean Pro")
                .desc("SALARY")
                .build(),
            Tx.of("c3", "P099").at(70, 9, 0).out(Channel.ATM, 1800).build());
    foundOnce(sweep, "wage-pooling/1", "P099");
    // two payers, not swept, is a second job
    assertThat(of(scan(sweep.subList(0, 2)), "wage-pooling/1")).isEmpty();
    List<Transaction> secondJob =
        List.of(
            Tx.of("j1", "P021")
                .at(40, 6, 0)
                .in(Channel.ACH, 600)
                .to("F7", "Hotel Luxe")
                .desc("SALARY")
                .build());
    assertThat(of(scan(secondJob), "wage-pooling/1")).isEmpty();
  }

  @Test
  void business_paying_staff_without_payroll() {
    List<Transaction> plant = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      plant.add(
          Tx.of("m" + i, "B009")
              .holder("Star Cleaning Services LLC")
              .at(30 + i, 18, 0)
              .out(Channel.WIRE, 600 + 50 * i)
              .to("W" + i, "Worker " + i)
              .build());
    }
    foundOnce(plant, "missing-payroll/1", "B009");
    // the same payments with a payroll in the window are wages
    List<Transaction> withPayroll = new ArrayList<>(plant);
    withPayroll.add(
        Tx.of("m0", "B009")
            .holder("Star Cleaning Services LLC")
            .at(29, 7, 0)
            .out(Channel.ACH, 2000)
            .to("URSSAF", "URSSAF")
            .desc("payroll tax")
            .build());
    assertThat(of(scan(withPayroll), "missing-payroll/1")).isEmpty();
    // a private person paying five people is not a business
    List<Transaction> person = plant.stream().map(t -> withHolder(t, "Jeanne Martin")).toList();
    assertThat(of(scan(person), "missing-payroll/1")).isEmpty();
  }

  @Test
  void escort_advertising() {
    List<Transaction> plant =
        List.of(
            Tx.of("e1", "P009")
                .at(33, 23, 0)
                .out(Channel.CARD, 35)
                .mcc(7311)
                .to(null, "SKIPTHEGAMES POSTING")
                .build(),
            Tx.of("e2", "P009")
                .at(36, 1, 0)
                .out(Channel.CARD, 25)
                .mcc(5967)
                .to(null, "Web listing")
                .desc("adult ad renewal")
                .build(),
            Tx.of("e3", "P009")
                .at(39, 22, 0)
                .out(Channel.CARD, 60)
                .mcc(7273)
                .to(null, "XYZ media")
                .build());
    foundOnce(plant, "adult-advertising/1", "P009");
    assertThat(of(scan(plant.subList(0, 1)), "adult-advertising/1")).isEmpty();
  }

  @Test
  void hotels_and_car_rentals_out_of_profile() {
    List<Transaction> plant =
        List.of(
            Tx.of("h1", "P010")
                .at(20, 22, 0)
                .out(Channel.CARD, 89)
                .mcc(7011)
                .to(null, "Motel 1")
                .city("lille")
                .build(),
            Tx.of("h2", "P010")
                .at(22, 22, 0)
                .out(Channel.CASH, 95)
                .mcc(7011)
                .to(null, "Motel 2")
                .city("metz")
                .build(),
            Tx.of("h3", "P010")
                .at(24, 21, 0)
                .out(Channel.CARD, 120)
                .mcc(3504)
                .to(null, "Chain Hotel")
                .city("reims")
                .build(),
            Tx.of("h4", "P010")
                .at(25, 9, 0)
                .out(Channel.CARD, 75)
                .mcc(7512)
                .to(null, "Car rental")
                .city("reims")
                .build(),
            Tx.of("h5", "P010")
                .at(27, 22, 0)
                .out(Channel.CARD, 90)
                .mcc(7011)
                .to(null, "Motel 1")
                .city("lille")
                .build());
    foundOnce(plant, "lodging-rentals/1", "P010");
    assertThat(of(scan(plant.subList(0, 3)), "lodging-rentals/1")).isEmpty();
  }

  @Test
  void late_night_atm_across_cities() {
    List<Transaction> plant =
        List.of(
            Tx.of("n1", "P011").at(50, 23, 30).out(Channel.ATM, 300).city("lyon").build(),
            Tx.of("n2", "P011").at(52, 1, 15).out(Channel.ATM, 200).city("grenoble").build(),
            Tx.of("n3", "P011").at(53, 2, 40).in(Channel.ATM, 500).city("dijon").build());
    foundOnce(plant, "late-night-atm/1", "P011");
    List<Transaction> daytime =
        List.of(
            Tx.of("n1", "P011").at(50, 13, 30).out(Channel.ATM, 300).city("lyon").build(),
            Tx.of("n2", "P011").at(52, 11, 15).out(Channel.ATM, 200).city("grenoble").build(),
            Tx.of("n3", "P011").at(53, 12, 40).in(Channel.ATM, 500).city("dijon").build());
    assertThat(of(scan(daytime), "late-night-atm/1")).isEmpty();
  }

  @Test
  void prepaid_cards_crypto_and_dark_web() {
    List<Transaction> prepaid =
        List.of(
            Tx.of("p1", "P012").at(10, 14, 0).out(Channel.PREPAID, 500).to(null, "Store").build(),
            Tx.of("p2", "P012")
                .at(15, 14, 0)
                .out(Channel.CARD, 500)
                .mcc(6540)
                .to(null, "Kiosk")
                .build(),
            Tx.of("p3", "P012")
                .at(21, 14, 0)
                .out(Channel.CRYPTO, 700)
                .to(null, "Coinbase")
                .build());
    foundOnce(prepaid, "prepaid-crypto/1", "P012");
    List<Transaction> dark =
        List.of(
            Tx.of("x1", "P013")
                .at(70, 3, 0)
                .out(Channel.CRYPTO, 250)
                .desc("BTC to AlphaBay market wallet")
                .build());
    Alert a = foundOnce(dark, "prepaid-crypto/1", "P013");
    assertThat(a.score()).isEqualTo(1.0);
    assertThat(of(scan(prepaid.subList(0, 2)), "prepaid-crypto/1")).isEmpty();
  }

  @Test
  void recruitment_fees_paid_by_workers_to_one_recipient() {
    List<Transaction> plant = new ArrayList<>();
    for (int i = 14; i <= 17; i++) {
      plant.add(
          Tx.of("r" + i, OrdinaryTransactions.person(i))
              .at(30 + i - 14, 12, 0)
              .out(Channel.WIRE, 300 + 40 * (i - 13))
              .to("AG-99", "Global Jobs")
              .desc("recruitment fee")
              .build());
    }
    foundOnce(plant, "recruitment-fees/1", "AG-99");
    assertThat(of(scan(plant.subList(0, 2)), "recruitment-fees/1")).isEmpty();
    // the same payments without recruitment wording are ordinary transfers
    List<Transaction> plain = plant.stream().map(t -> withDescription(t, "dinner")).toList();
    assertThat(of(scan(plain), "recruitment-fees/1")).isEmpty();
  }

  static RuleSet rules(Map<String, String> overrides) {
    try {
      return RuleSet.of(overrides);
    } catch (FinanceInputException e) {
      throw new AssertionError(e);
    }
  }

  static Transaction withCity(Transaction t, String city) {
    return new Transaction(
        t.id(),
        t.timestamp(),
        t.account(),
        t.accountHolder(),
        t.counterpartyAccount(),
        t.counterpartyName(),
        t.amount(),
        t.currency(),
        t.direction(),
        t.channel(),
        t.merchantCategory(),
        city,
        t.country(),
        t.description());
  }

  static Transaction withAmount(Transaction t, double amount) {
    return new Transaction(
        t.id(),
        t.timestamp(),
        t.account(),
        t.accountHolder(),
        t.counterpartyAccount(),
        t.counterpartyName(),
        amount,
        t.currency(),
        t.direction(),
        t.channel(),
        t.merchantCategory(),
        t.city(),
        t.country(),
        t.description());
  }

  static Transaction withHolder(Transaction t, String holder) {
    return new Transaction(
        t.id(),
        t.timestamp(),
        t.account(),
        holder,
        t.counterpartyAccount(),
        t.counterpartyName(),
        t.amount(),
        t.currency(),
        t.direction(),
        t.channel(),
        t.merchantCategory(),
        t.city(),
        t.country(),
        t.description());
  }

  static Transaction withDescription(Transaction t, String d) {
    return new Transaction(
        t.id(),
        t.timestamp(),
        t.account(),
        t.accountHolder(),
        t.counterpartyAccount(),
        t.counterpartyName(),
        t.amount(),
        t.currency(),
        t.direction(),
        t.channel(),
        t.merchantCategory(),
        t.city(),
        t.country(),
        d);
  }
}

package org.palermo.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.palermo.privacy.ledger.BudgetExceededException;
import org.palermo.privacy.ledger.DatasetId;
import org.palermo.privacy.ledger.InMemoryLedgerStore;
import org.palermo.privacy.ledger.PrivacyBudget;
import org.palermo.privacy.ledger.PrivacyBudgetLedger;

class DpTableMechanismTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final DatasetId DATASET = new DatasetId("victims");
  private static final List<String> SEX = List.of("Female", "Male");
  private static final List<String> FORMS = List.of("sexual", "labour", "other");

  private final PrivacyBudgetLedger ledger =
      PrivacyBudgetLedger.withBudget(
          new InMemoryLedgerStore(), PrivacyBudget.ofEpsilon(new BigDecimal("1.5")), CLOCK);

  @Test
  void boundsEachPersonToMCellsAndCountsAPersonOncePerCell() {
    List<Contribution> contributions = new ArrayList<>();
    for (String form : FORMS) {
      contributions.add(new Contribution("p1", "Female", form));
      contributions.add(new Contribution("p1", "Female", form));
    }
    contributions.add(new Contribution("p2", "Male", "labour"));
    PrivacyBudgetLedger generous =
        PrivacyBudgetLedger.withBudget(
            new InMemoryLedgerStore(), PrivacyBudget.ofEpsilon(new BigDecimal("10000")), CLOCK);
    DpTableRequest request =
        new DpTableRequest(DATASET, SEX, FORMS, contributions, 2, new BigDecimal("2000"), "t");

    DpTable table = new DpTableMechanism(generous, new SplittableRandom(1)).release(request, "x");

    assertThat(table.rowTotal(0)).as("p1 kept in 2 of 3 cells, noise scale 1/1000").isEqualTo(2);
    assertThat(table.rowTotal(1)).isEqualTo(1);
    assertThat(table.count(1, 1)).isEqualTo(1);
    assertThat(table.scale()).isEqualTo(Rational.of(1, 1000));
  }

  @Test
  void chargesTheLedgerAndRefusesOnceTheBudgetIsSpentWithoutCharging() {
    DpTableMechanism mechanism = new DpTableMechanism(ledger, new SplittableRandom(3));
    DpTableRequest request = request(new BigDecimal("1.0"));

    DpTable first = mechanism.release(request, "analyst");

    assertThat(first.charge().sequence()).isZero();
    assertThat(first.scale()).isEqualTo(Rational.of(2, 1));
    assertThatThrownBy(() -> mechanism.release(request, "analyst"))
        .isInstanceOf(BudgetExceededException.class);
    assertThat(ledger.statement(DATASET).spentEpsilon()).isEqualByComparingTo("1.0");
    assertThat(mechanism.release(request(new BigDecimal("0.5")), "analyst").charge().sequence())
        .isEqualTo(1);
  }

  @Test
  void aMalformedRequestSpendsNothing() {
    DpTableMechanism mechanism = new DpTableMechanism(ledger, new SplittableRandom(3));
    DpTableRequest request =
        new DpTableRequest(
            DATASET,
            SEX,
            FORMS,
            List.of(new Contribution("p", "Other", "sexual")),
            1,
            BigDecimal.ONE,
            "t");

    assertThatThrownBy(() -> mechanism.release(request, "analyst"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("undeclared cell");
    assertThat(ledger.statement(DATASET).releases()).isZero();
  }

  @Test
  void everyDeclaredCellIsNoisedEvenWhenEmptyAndSeedsReproduce() {
    DpTableRequest request =
        new DpTableRequest(DATASET, SEX, FORMS, List.of(), 1, new BigDecimal("0.5"), "t");
    PrivacyBudgetLedger big =
        PrivacyBudgetLedger.withBudget(
            new InMemoryLedgerStore(), PrivacyBudget.ofEpsilon(BigDecimal.TEN), CLOCK);

    DpTable a = new DpTableMechanism(big, new SplittableRandom(42)).release(request, "x");
    DpTable b = new DpTableMechanism(big, new SplittableRandom(42)).release(request, "x");

    boolean anyNonZero = false;
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 3; c++) {
        anyNonZero |= a.count(r, c) != 0;
        assertThat(a.count(r, c)).isEqualTo(b.count(r, c));
        assertThat(a.nonNegativeCount(r, c)).isGreaterThanOrEqualTo(0);
      }
    }
    assertThat(anyNonZero).isTrue();
  }

  private static DpTableRequest request(BigDecimal epsilon) {
    List<Contribution> c = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      c.add(new Contribution("p" + i, SEX.get(i % 2), FORMS.get(i % 3)));
    }
    return new DpTableRequest(DATASET, SEX, FORMS, c, 2, epsilon, "sex by form");
  }
}

package org.palermo.privacy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrivacyBudgetLedgerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final DatasetId CTDC = new DatasetId("ctdc-2026");

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final PrivacyBudgetLedger ledger =
      PrivacyBudgetLedger.withBudget(store, PrivacyBudget.ofEpsilon(new BigDecimal("1.0")), CLOCK);

  @Test
  void tenChargesOfOneTenthSumExactlyToTheBudget() {
    for (int i = 0; i < 10; i++) {
      ledger.charge(CTDC, eps("0.1"), "table " + i, "analyst");
    }

    BudgetStatement statement = ledger.statement(CTDC);
    assertThat(statement.spentEpsilon()).isEqualByComparingTo("1.0");
    assertThat(statement.remainingEpsilon()).isEqualByComparingTo("0");
    assertThat(statement.releases()).isEqualTo(10);
    double floating = 0;
    for (int i = 0; i < 10; i++) {
      floating += 0.1;
    }
    assertThat(floating).as("why doubles are not used").isNotEqualTo(1.0);
  }

  @Test
  void refusesAChargeOverBudgetAndChargesNothing() {
    ledger.charge(CTDC, eps("0.7"), "first", "analyst");

    assertThatThrownBy(() -> ledger.charge(CTDC, eps("0.300001"), "second", "analyst"))
        .isInstanceOfSatisfying(
            BudgetExceededException.class,
            e -> {
              assertThat(e.requested().epsilon()).isEqualByComparingTo("0.300001");
              assertThat(e.statement().spentEpsilon()).isEqualByComparingTo("0.7");
            })
        .hasMessageContaining("ctdc-2026")
        .hasMessageContaining("nothing was charged");

    assertThat(store.entries(CTDC)).hasSize(1);
    assertThat(ledger.statement(CTDC).spentEpsilon()).isEqualByComparingTo("0.7");
    LedgerEntry exact = ledger.charge(CTDC, eps("0.3"), "fits exactly", "analyst");
    assertThat(exact.sequence()).isEqualTo(1);
    assertThatThrownBy(() -> ledger.charge(CTDC, eps("0.000000001"), "more", "analyst"))
        .isInstanceOf(BudgetExceededException.class);
  }

  @Test
  void entriesRecordWhoWhatAndWhen() {
    LedgerEntry entry = ledger.charge(CTDC, eps("0.25"), "sex x age table", "coordinator@mol");

    assertThat(entry)
        .isEqualTo(
            new LedgerEntry(
                CTDC, 0, eps("0.25"), "sex x age table", "coordinator@mol", CLOCK.instant()));
  }

  @Test
  void budgetsAreKeptPerDatasetAndDeltaIsBudgetedToo() {
    PrivacyBudgetLedger perDataset =
        new PrivacyBudgetLedger(
            store,
            d ->
                Map.of("a", new PrivacyBudget(new BigDecimal("2"), new BigDecimal("1e-6")))
                    .getOrDefault(d.value(), PrivacyBudget.ofEpsilon(BigDecimal.ONE)),
            CLOCK);
    DatasetId a = new DatasetId("a");
    DatasetId b = new DatasetId("b");

    perDataset.charge(a, eps("1.5"), "", "x");
    perDataset.charge(b, eps("1"), "", "x");
    perDataset.charge(a, new PrivacyCost(new BigDecimal("0.5"), new BigDecimal("1e-6")), "", "x");

    assertThat(perDataset.statement(a).spentEpsilon()).isEqualByComparingTo("2");
    assertThat(perDataset.statement(b).spentEpsilon()).isEqualByComparingTo("1");
    assertThatThrownBy(
            () ->
                perDataset.charge(
                    b, new PrivacyCost(new BigDecimal("0"), BigDecimal.ZERO), "", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ledger.charge(
                    new DatasetId("c"),
                    new PrivacyCost(new BigDecimal("0.1"), new BigDecimal("1e-9")),
                    "",
                    "x"))
        .as("a pure-epsilon budget refuses any delta")
        .isInstanceOf(BudgetExceededException.class);
  }

  @Test
  void rereadsTheLedgerWhenAnotherReleaseChargedInBetween() {
    AtomicInteger appends = new AtomicInteger();
    LedgerStore racing =
        new LedgerStore() {
          @Override
          public List<LedgerEntry> entries(DatasetId dataset) {
            return store.entries(dataset);
          }

          @Override
          public void append(LedgerEntry entry) {
            if (appends.getAndIncrement() == 1) {
              store.append(
                  new LedgerEntry(
                      CTDC, entry.sequence(), eps("0.4"), "other", "rival", CLOCK.instant()));
            }
            store.append(entry);
          }
        };
    PrivacyBudgetLedger contested =
        PrivacyBudgetLedger.withBudget(racing, PrivacyBudget.ofEpsilon(BigDecimal.ONE), CLOCK);
    contested.charge(CTDC, eps("0.5"), "first", "me");

    assertThatThrownBy(() -> contested.charge(CTDC, eps("0.3"), "second", "me"))
        .isInstanceOf(BudgetExceededException.class);
    assertThat(store.entries(CTDC)).extracting(e -> e.releasedBy()).containsExactly("me", "rival");
  }

  @Test
  void concurrentChargesNeverOverspend() throws Exception {
    PrivacyBudgetLedger shared =
        PrivacyBudgetLedger.withBudget(store, PrivacyBudget.ofEpsilon(new BigDecimal("3")), CLOCK);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      results.add(
          pool.submit(
              () -> {
                try {
                  shared.charge(CTDC, eps("0.1"), "", "t");
                  return true;
                } catch (BudgetExceededException refused) {
                  return false;
                }
              }));
    }
    int granted = 0;
    for (Future<Boolean> f : results) {
      granted += f.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(granted).isEqualTo(30);
    assertThat(shared.statement(CTDC).spentEpsilon()).isEqualByComparingTo("3.0");
  }

  private static PrivacyCost eps(String epsilon) {
    return PrivacyCost.pure(new BigDecimal(epsilon));
  }
}

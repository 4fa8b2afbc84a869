package org.palermo.privacy.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateViewTest {
  private static final PublishedCell X = new PublishedCell.Suppressed(PublishedCell.Reason.PRIMARY);
  private final AggregateView view = AggregateView.withMinPopulation(20);

  @Test
  void aStandaloneCountIsWithheldFromZeroToBelowTheThresholdAndRoundedAbove() {
    assertThat(view.count(0)).as("a zero looks like a small count").isEqualTo(X);
    assertThat(view.count(1)).isEqualTo(X);
    assertThat(view.count(9)).isEqualTo(X);
    assertThat(view.count(10)).isEqualTo(new PublishedCell.Count(10));
    assertThat(view.count(12)).isEqualTo(new PublishedCell.Count(10));
    assertThat(view.count(13)).isEqualTo(new PublishedCell.Count(15));
    assertThatThrownBy(() -> view.count(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStatisticNeedsAsManyUnitsAsTheThreshold() {
    assertThat(view.showsStatisticOver(9)).isFalse();
    assertThat(view.showsStatisticOver(10)).isTrue();
  }

  @Test
  void zerosAreWithheldAndTheRestIsProtectedAsAReleasedTable() {
    // Row a: 0 and 30 (total 30); row b: 25 and 40 (total 65); columns 25 and 70; grand 95.
    CountTable t =
        CountTable.of(List.of("a", "b"), List.of("x", "y"), new long[][] {{0, 30}, {25, 40}});

    TableProtection p = view.protect(t, t.grandTotal());

    assertThat(p.cell(0, 0)).as("zero").isEqualTo(X);
    assertThat(p.cell(0, 1)).isEqualTo(new PublishedCell.Count(30));
    assertThat(p.cell(1, 0)).isEqualTo(new PublishedCell.Count(25));
    assertThat(p.cell(1, 1)).isEqualTo(new PublishedCell.Count(40));
    assertThat(p.rowTotal(1)).isEqualTo(new PublishedCell.Count(65));
    assertThat(p.columnTotal(1)).isEqualTo(new PublishedCell.Count(70));
    assertThat(p.grandTotal()).isEqualTo(new PublishedCell.Count(95));
  }

  @Test
  void smallCellsKeepTheirComplementarySuppression() {
    CountTable t =
        CountTable.of(List.of("a", "b"), List.of("x", "y"), new long[][] {{3, 30}, {25, 40}});

    TableProtection p = view.protect(t, t.grandTotal());

    assertThat(p.cell(0, 0)).isEqualTo(X);
    assertThat(p.cell(0, 1))
        .as("row a's total minus 30 would give the 3")
        .isInstanceOf(PublishedCell.Suppressed.class);
  }

  @Test
  void aViewBelowTheMinimumPopulationShowsNothing() {
    CountTable t = CountTable.of(List.of("a"), List.of("x", "y"), new long[][] {{10, 9}});

    TableProtection p = view.protect(t, 19);

    assertThat(p.cell(0, 0)).isEqualTo(X);
    assertThat(p.rowTotal(0)).isEqualTo(X);
    assertThat(p.grandTotal()).isEqualTo(X);
    assertThat(view.tooSmall(19)).isTrue();
    assertThat(view.tooSmall(20)).isFalse();
  }

  @Test
  void theMinimumPopulationIsNeverBelowTheThreshold() {
    assertThatThrownBy(() -> AggregateView.withMinPopulation(9))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.palermo.privacy.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundingAndThresholdTest {

  @Test
  void roundsToTheNearestMultipleWithHalvesUp() {
    assertThat(Rounding.round(0, 5, 10)).isZero();
    assertThat(Rounding.round(10, 5, 10)).isEqualTo(10);
    assertThat(Rounding.round(12, 5, 10)).isEqualTo(10);
    assertThat(Rounding.round(13, 5, 10)).isEqualTo(15);
    assertThat(Rounding.round(17, 5, 10)).isEqualTo(15);
    assertThat(Rounding.round(18, 5, 10)).isEqualTo(20);
    assertThat(Rounding.round(14, 10, 10)).isEqualTo(10);
    assertThat(Rounding.round(15, 10, 10)).isEqualTo(20);
    assertThat(Rounding.round(1234, 10, 10)).isEqualTo(1230);
    assertThat(Rounding.round(37, 1, 10)).isEqualTo(37);
  }

  @Test
  void neverRoundsAPublishableCountBelowTheThreshold() {
    assertThat(Rounding.round(7, 5, 7)).as("7 would round to 5").isEqualTo(10);
    assertThat(Rounding.round(11, 10, 11)).as("11 would round to 10").isEqualTo(20);
    assertThat(Rounding.round(1, 5, 1)).as("a non-zero count is not shown as 0").isEqualTo(5);
    assertThatThrownBy(() -> Rounding.round(-1, 5, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void suppressesExactlyTheCountsFromOneToBelowTheThreshold() {
    long[][] counts = {{0, 1, 9, 10}, {4, 5, 100, 200}};
    CountTable table = CountTable.of(List.of("a", "b"), List.of("w", "x", "y", "z"), counts);

    TableProtection tenAndUnrounded =
        new SmallCellSuppressor().protect(table, new TableProtectionPolicy(10, 1));
    TableProtection five =
        new SmallCellSuppressor().protect(table, new TableProtectionPolicy(5, 1));

    assertThat(reason(tenAndUnrounded.cell(0, 0)))
        .as("0 is not small")
        .isNotEqualTo(PublishedCell.Reason.PRIMARY);
    assertThat(tenAndUnrounded.cell(0, 3)).isEqualTo(new PublishedCell.Count(10));
    assertThat(reason(tenAndUnrounded.cell(0, 1))).isEqualTo(PublishedCell.Reason.PRIMARY);
    assertThat(reason(tenAndUnrounded.cell(0, 2))).isEqualTo(PublishedCell.Reason.PRIMARY);
    assertThat(reason(tenAndUnrounded.cell(1, 0))).isEqualTo(PublishedCell.Reason.PRIMARY);
    assertThat(reason(tenAndUnrounded.cell(1, 1))).isEqualTo(PublishedCell.Reason.PRIMARY);
    assertThat(reason(five.cell(1, 0))).isEqualTo(PublishedCell.Reason.PRIMARY);
    assertThat(reason(five.cell(1, 1)))
        .as("5 passes a threshold of 5")
        .isNotEqualTo(PublishedCell.Reason.PRIMARY);
  }

  @Test
  void publishedCountsAreRounded() {
    CountTable table = CountTable.of(List.of("a"), List.of("x", "y"), new long[][] {{12, 33}});

    TableProtection release =
        new SmallCellSuppressor().protect(table, TableProtectionPolicy.defaults());

    assertThat(release.cell(0, 0)).isEqualTo(new PublishedCell.Count(10));
    assertThat(release.cell(0, 1)).isEqualTo(new PublishedCell.Count(35));
    assertThat(release.rowTotal(0))
        .as("45 rounded from the true total")
        .isEqualTo(new PublishedCell.Count(45));
  }

  @Test
  void tabulatesDeclaredCategoriesOnly() {
    CountTable t =
        CountTable.tabulate(
            List.of("F:NG", "F:NG", "M:GH"),
            s -> s.substring(0, 1),
            s -> s.substring(2),
            List.of("F", "M", "X"),
            List.of("NG", "GH"));

    assertThat(t.count(0, 0)).isEqualTo(2);
    assertThat(t.count(2, 1)).isZero();
    assertThatThrownBy(
            () ->
                CountTable.tabulate(
                    List.of("Q:NG"),
                    s -> s.substring(0, 1),
                    s -> s.substring(2),
                    List.of("F"),
                    List.of("NG")))
        .hasMessageContaining("undeclared label: Q");
  }

  private static PublishedCell.Reason reason(PublishedCell cell) {
    return cell instanceof PublishedCell.Suppressed s ? s.reason() : null;
  }
}

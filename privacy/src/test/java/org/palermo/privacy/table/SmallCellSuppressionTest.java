package org.palermo.privacy.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Attack tests: an attacker who knows every published cell and total exactly must not be able to
 * pin down any suppressed value, neither by interval reasoning from the row, column and grand
 * totals nor by the linear equations alone.
 */
class SmallCellSuppressionTest {
  private final SmallCellSuppressor suppressor = new SmallCellSuppressor();

  @Test
  void noSuppressedValueIsRecoverableFromTheMarginalsOnSeededRandomTables() {
    int protectedCells = 0;
    for (long seed = 1; seed <= 400; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      CountTable table = randomTable(random);
      long threshold = new long[] {5, 10, 10, 20}[random.nextInt(4)];
      int base = new int[] {1, 5, 10}[random.nextInt(3)];
      TableProtectionPolicy policy = new TableProtectionPolicy(threshold, base);
      String where = "seed=" + seed + " " + policy + " " + describe(table);

      TableProtection release = suppressor.protect(table, policy);

      long[][] truth = extended(table);
      boolean[][] hidden = hidden(release, table);
      MarginalAttack attack = new MarginalAttack(truth, hidden).propagate();
      for (int i = 0; i < truth.length; i++) {
        for (int j = 0; j < truth[0].length; j++) {
          String at = where + " entry (" + i + "," + j + ")";
          boolean small = truth[i][j] >= 1 && truth[i][j] < threshold;
          assertThat(hidden[i][j])
              .as(at + " small values are suppressed")
              .isEqualTo(small || hidden[i][j]);
          if (!hidden[i][j]) {
            continue;
          }
          protectedCells++;
          assertThat(truth[i][j])
              .as(at + " attack is sound")
              .isBetween(attack.lo[i][j], attack.hi[i][j]);
          assertThat(attack.lo[i][j]).as(at + " pinned by bounds").isLessThan(attack.hi[i][j]);
          assertThat(attack.determinedByEquations(i, j)).as(at + " fixed by equations").isFalse();
        }
        assertNeverAloneInLine(hidden, where);
      }
      assertPublishedValuesAreNeverSmall(release, table, threshold, where);
    }
    assertThat(protectedCells).as("suppressed entries checked").isGreaterThan(1000);
  }

  @Test
  void theAttackPinsACellProtectedOnlyByPrimarySuppression() {
    CountTable table =
        CountTable.of(
            List.of("a", "b"), List.of("x", "y", "z"), new long[][] {{3, 40, 50}, {60, 70, 80}});
    boolean[][] onlyPrimary = new boolean[3][4];
    onlyPrimary[0][0] = true;

    MarginalAttack attack = new MarginalAttack(extended(table), onlyPrimary).propagate();

    assertThat(attack.lo[0][0]).isEqualTo(3);
    assertThat(attack.hi[0][0]).isEqualTo(3);
    assertThat(attack.determinedByEquations(0, 0)).isTrue();
  }

  @Test
  void complementaryCellsCloseACycleAndTotalsStayPublishedWhenPossible() {
    CountTable table =
        CountTable.of(
            List.of("a", "b", "c"),
            List.of("x", "y", "z"),
            new long[][] {{3, 40, 50}, {60, 70, 80}, {90, 15, 100}});

    TableProtection release = suppressor.protect(table, TableProtectionPolicy.defaults());

    assertThat(release.cell(0, 0))
        .isEqualTo(new PublishedCell.Suppressed(PublishedCell.Reason.PRIMARY));
    assertThat(release.primarySuppressions()).isEqualTo(1);
    assertThat(release.complementarySuppressions()).isEqualTo(3);
    assertThat(release.cell(2, 1))
        .as("cheapest partner cells chosen")
        .isEqualTo(new PublishedCell.Suppressed(PublishedCell.Reason.COMPLEMENTARY));
    assertThat(release.grandTotal()).isEqualTo(new PublishedCell.Count(510));
    for (int r = 0; r < 3; r++) {
      assertThat(release.rowTotal(r)).isInstanceOf(PublishedCell.Count.class);
      assertThat(release.columnTotal(r)).isInstanceOf(PublishedCell.Count.class);
    }
  }

  @Test
  void aSmallTotalIsSuppressedAndProtectedToo() {
    CountTable table =
        CountTable.of(List.of("a", "b"), List.of("x", "y"), new long[][] {{2, 3}, {40, 50}});

    TableProtection release = suppressor.protect(table, TableProtectionPolicy.defaults());

    assertThat(release.rowTotal(0)).isInstanceOf(PublishedCell.Suppressed.class);
    MarginalAttack attack = new MarginalAttack(extended(table), hidden(release, table)).propagate();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        if (attack.hidden[i][j]) {
          assertThat(attack.lo[i][j]).isLessThan(attack.hi[i][j]);
        }
      }
    }
  }

  static long[][] extended(CountTable t) {
    long[][] v = new long[t.rows() + 1][t.columns() + 1];
    for (int i = 0; i < t.rows(); i++) {
      for (int j = 0; j < t.columns(); j++) {
        v[i][j] = t.count(i, j);
      }
      v[i][t.columns()] = t.rowTotal(i);
    }
    for (int j = 0; j < t.columns(); j++) {
      v[t.rows()][j] = t.columnTotal(j);
    }
    v[t.rows()][t.columns()] = t.grandTotal();
    return v;
  }

  static boolean[][] hidden(TableProtection release, CountTable t) {
    boolean[][] h = new boolean[t.rows() + 1][t.columns() + 1];
    for (int i = 0; i <= t.rows(); i++) {
      for (int j = 0; j <= t.columns(); j++) {
        h[i][j] = published(release, t, i, j) instanceof PublishedCell.Suppressed;
      }
    }
    return h;
  }

  private static PublishedCell published(TableProtection release, CountTable t, int i, int j) {
    if (i == t.rows() && j == t.columns()) {
      return release.grandTotal();
    }
    if (i == t.rows()) {
      return release.columnTotal(j);
    }
    return j == t.columns() ? release.rowTotal(i) : release.cell(i, j);
  }

  private static void assertNeverAloneInLine(boolean[][] hidden, String where) {
    for (int i = 0; i < hidden.length; i++) {
      int count = 0;
      for (boolean h : hidden[i]) {
        count += h ? 1 : 0;
      }
      assertThat(count).as(where + " suppressed entries in row " + i).isNotEqualTo(1);
    }
    for (int j = 0; j < hidden[0].length; j++) {
      int count = 0;
      for (boolean[] row : hidden) {
        count += row[j] ? 1 : 0;
      }
      assertThat(count).as(where + " suppressed entries in column " + j).isNotEqualTo(1);
    }
  }

  private static void assertPublishedValuesAreNeverSmall(
      TableProtection release, CountTable t, long threshold, String where) {
    for (int i = 0; i <= t.rows(); i++) {
      for (int j = 0; j <= t.columns(); j++) {
        if (published(release, t, i, j) instanceof PublishedCell.Count c) {
          assertThat(c.value() == 0 || c.value() >= threshold)
              .as(where + " published (" + i + "," + j + ")=" + c.value())
              .isTrue();
        }
      }
    }
  }

  private static CountTable randomTable(SplittableRandom random) {
    int rows = random.nextInt(1, 8);
    int cols = random.nextInt(1, 8);
    long[][] counts = new long[rows][cols];
    List<String> rowLabels = new ArrayList<>();
    List<String> colLabels = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      rowLabels.add("r" + i);
      for (int j = 0; j < cols; j++) {
        double u = random.nextDouble();
        counts[i][j] = u < 0.3 ? 0 : u < 0.65 ? random.nextInt(1, 10) : random.nextInt(10, 300);
      }
    }
    for (int j = 0; j < cols; j++) {
      colLabels.add("c" + j);
    }
    return CountTable.of(rowLabels, colLabels, counts);
  }

  private static String describe(CountTable t) {
    StringBuilder s = new StringBuilder("table=");
    for (int i = 0; i < t.rows(); i++) {
      List<Long> row = new ArrayList<>();
      for (int j = 0; j < t.columns(); j++) {
        row.add(t.count(i, j));
      }
      s.append(row);
    }
    return s.toString();
  }
}

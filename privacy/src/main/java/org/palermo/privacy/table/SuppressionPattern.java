package org.palermo.privacy.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The suppression pattern of a table extended by its totals: an {@code (R+1) × (C+1)} grid whose
 * last row and column hold the column totals, row totals and grand total. With totals negated,
 * every row and column of the grid sums to zero, so the values an attacker can still choose for the
 * suppressed entries differ from the true ones exactly by circulations on the bipartite graph of
 * rows and columns whose edges are the suppressed entries. A suppressed entry is therefore pinned
 * unless it lies on a cycle of suppressed entries that can be shifted by one in some direction
 * without taking any count below zero; this class finds such cycles and, where none exists, adds
 * the cheapest complementary suppressions that create one.
 */
final class SuppressionPattern {
  static final int NONE = 0;
  static final int PRIMARY = 1;
  static final int COMPLEMENTARY = 2;

  private final long[][] value;
  private final int[][] status;
  private final int rows;
  private final int cols;
  private final long marginPenalty;

  SuppressionPattern(CountTable table, long threshold) {
    int r = table.rows();
    int c = table.columns();
    this.rows = r + 1;
    this.cols = c + 1;
    this.value = new long[rows][cols];
    this.status = new int[rows][cols];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        value[i][j] = table.count(i, j);
      }
      value[i][c] = table.rowTotal(i);
    }
    for (int j = 0; j < c; j++) {
      value[r][j] = table.columnTotal(j);
    }
    value[r][c] = table.grandTotal();
    this.marginPenalty = Math.multiplyExact(value[r][c] + 1, (long) r * c + 1);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (value[i][j] >= 1 && value[i][j] < threshold) {
          status[i][j] = PRIMARY;
        }
      }
    }
  }

  /** Adds complementary suppressions until no suppressed entry is pinned. */
  void protect() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          if (status[i][j] != NONE && isPinned(i, j)) {
            addCheapestCycle(i, j);
            changed = true;
          }
        }
      }
    }
  }

  int status(int i, int j) {
    return status[i][j];
  }

  long value(int i, int j) {
    return value[i][j];
  }

  /** Whether a suppressed entry's value follows from the published entries and non-negativity. */
  boolean isPinned(int i, int j) {
    boolean up = forwardAllowed(i, j) && reachable(colNode(j), i, i, j);
    return !up && !(backwardAllowed(i, j) && reachable(i, colNode(j), i, j));
  }

  private boolean isTotal(int i, int j) {
    return (i == rows - 1) != (j == cols - 1);
  }

  /** Shifting the entry by +1 along a cycle (row to column) keeps its count non-negative. */
  private boolean forwardAllowed(int i, int j) {
    return !isTotal(i, j) || value[i][j] > 0;
  }

  /** Shifting the entry by -1 along a cycle (column to row) keeps its count non-negative. */
  private boolean backwardAllowed(int i, int j) {
    return isTotal(i, j) || value[i][j] > 0;
  }

  private int colNode(int j) {
    return rows + j;
  }

  private boolean reachable(int from, int to, int skipI, int skipJ) {
    boolean[] seen = new boolean[rows + cols];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(from);
    seen[from] = true;
    while (!queue.isEmpty()) {
      int node = queue.poll();
      if (node == to) {
        return true;
      }
      for (int other = 0; other < (node < rows ? cols : rows); other++) {
        int i = node < rows ? node : other;
        int j = node < rows ? other : node - rows;
        int next = node < rows ? colNode(j) : i;
        boolean allowed = node < rows ? forwardAllowed(i, j) : backwardAllowed(i, j);
        if (!seen[next] && status[i][j] != NONE && allowed && !(i == skipI && j == skipJ)) {
          seen[next] = true;
          queue.add(next);
        }
      }
    }
    return false;
  }

  private void addCheapestCycle(int i, int j) {
    List<int[]> best = null;
    long bestCost = Long.MAX_VALUE;
    if (forwardAllowed(i, j)) {
      List<int[]> path = new ArrayList<>();
      long cost = cheapestPath(colNode(j), i, i, j, path);
      if (cost < bestCost) {
        best = path;
        bestCost = cost;
      }
    }
    if (backwardAllowed(i, j)) {
      List<int[]> path = new ArrayList<>();
      long cost = cheapestPath(i, colNode(j), i, j, path);
      if (cost < bestCost) {
        best = path;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no cycle can protect entry (" + i + ", " + j + ")");
    }
    for (int[] entry : best) {
      if (status[entry[0]][entry[1]] == NONE) {
        status[entry[0]][entry[1]] = COMPLEMENTARY;
      }
    }
  }

  /** Dijkstra over all entries but the skipped one; suppressed entries cost nothing. */
  private long cheapestPath(int from, int to, int skipI, int skipJ, List<int[]> path) {
    int nodes = rows + cols;
    long[] dist = new long[nodes];
    int[][] via = new int[nodes][];
    boolean[] done = new boolean[nodes];
    Arrays.fill(dist, Long.MAX_VALUE);
    dist[from] = 0;
    for (int round = 0; round < nodes; round++) {
      int node = -1;
      for (int v = 0; v < nodes; v++) {
        if (!done[v] && dist[v] != Long.MAX_VALUE && (node < 0 || dist[v] < dist[node])) {
          node = v;
        }
      }
      if (node < 0 || node == to) {
        break;
      }
      done[node] = true;
      for (int other = 0; other < (node < rows ? cols : rows); other++) {
        int i = node < rows ? node : other;
        int j = node < rows ? other : node - rows;
        int next = node < rows ? colNode(j) : i;
        boolean allowed = node < rows ? forwardAllowed(i, j) : backwardAllowed(i, j);
        if (!allowed || (i == skipI && j == skipJ) || done[next]) {
          continue;
        }
        long d = dist[node] + cost(i, j);
        if (d < dist[next]) {
          dist[next] = d;
          via[next] = new int[] {i, j, node};
        }
      }
    }
    if (dist[to] == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    for (int node = to; node != from; node = via[node][2]) {
      path.add(new int[] {via[node][0], via[node][1]});
    }
    return dist[to];
  }

  private long cost(int i, int j) {
    if (status[i][j] != NONE) {
      return 0;
    }
    long cost = value[i][j] + 1;
    return isTotal(i, j) || (i == rows - 1 && j == cols - 1) ? cost + marginPenalty : cost;
  }
}

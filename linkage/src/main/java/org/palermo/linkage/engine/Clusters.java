package org.palermo.linkage.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.palermo.linkage.Pair;

/**
 * Persons from pairs: the connected components of the graph whose edges are the matched pairs
 * (union–find). A record in no pair is a person of its own and is not listed. Transitive: if A
 * matches B and B matches C, A, B and C are one person even when A and C were not called a match; a
 * higher threshold keeps such chains short (docs/linkage.md).
 */
public final class Clusters {
  private Clusters() {}

  /** The clusters of two or more ids, each sorted, ordered by their first id. */
  public static List<List<String>> of(Iterable<Pair> pairs) {
    Map<String, String> parent = new HashMap<>();
    for (Pair p : pairs) {
      String a = find(parent, p.leftId());
      String b = find(parent, p.rightId());
      if (!a.equals(b)) {
        parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
      }
    }
    Map<String, TreeSet<String>> groups = new HashMap<>();
    for (String id : parent.keySet()) {
      groups.computeIfAbsent(find(parent, id), k -> new TreeSet<>()).add(id);
    }
    List<List<String>> out = new ArrayList<>();
    for (TreeSet<String> g : groups.values()) {
      out.add(List.copyOf(g));
    }
    out.sort((x, y) -> x.get(0).compareTo(y.get(0)));
    return out;
  }

  private static String find(Map<String, String> parent, String id) {
    String root = id;
    String next;
    while ((next = parent.putIfAbsent(root, root)) != null && !next.equals(root)) {
      root = next;
    }
    // path compression
    String cur = id;
    while (!cur.equals(root)) {
      String up = parent.get(cur);
      parent.put(cur, root);
      cur = up;
    }
    return root;
  }
}

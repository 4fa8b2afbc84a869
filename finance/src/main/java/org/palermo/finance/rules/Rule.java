package org.palermo.finance.rules;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.palermo.finance.Alert;
import org.palermo.finance.Transaction;

/**
 * One red-flag rule: a versioned id ({@code name/version}), the advisory and indicator it applies,
 * and its windows. A rule sees every transaction in time order ({@link #accept}) and reports a
 * match of its pattern for a key; matches of one key that follow each other within the rule's
 * window are one <em>episode</em>, reported as one alert when the episode ends (no further match
 * within the window, or {@link #flush} at the end of the input) — so a pattern that goes on for a
 * week is one alert with all its transactions, not one alert per transaction.
 */
public abstract class Rule {
  private final String id;
  private final String source;
  private final Map<String, Episode> open = new HashMap<>();
  private long nextDeadline = Long.MAX_VALUE;

  /** Counts distinct tags in a window without allocating. */
  protected final Distinct distinct = new Distinct();

  protected Rule(String id, String source) {
    this.id = id;
    this.source = source;
  }

  /** The versioned id, e.g. {@code funnel-account/1}. */
  public final String id() {
    return id;
  }

  /**
   * The advisory and indicator the rule applies, e.g. {@code FinCEN FIN-2020-A008; funnel account}.
   */
  public final String source() {
    return source;
  }

  /** Sees the next transaction ({@code now} its epoch second, never earlier than the last). */
  public abstract void accept(Transaction t, long now);

  /** Reports the episodes that ended before {@code now} into {@code out}. */
  public final void expire(long now, List<Alert> out) {
    if (now <= nextDeadline) {
      return;
    }
    long next = Long.MAX_VALUE;
    for (Iterator<Episode> it = open.values().iterator(); it.hasNext(); ) {
      Episode e = it.next();
      if (now > e.deadline) {
        out.add(e.alert(this));
        it.remove();
      } else {
        next = Math.min(next, e.deadline);
      }
    }
    nextDeadline = next;
  }

  /** Reports every open episode (end of input). */
  public final void flush(List<Alert> out) {
    List<Episode> all = new ArrayList<>(open.values());
    all.sort(
        (x, y) ->
            x.first.isEqual(y.first) ? x.account.compareTo(y.account) : x.first.compareTo(y.first));
    for (Episode e : all) {
      out.add(e.alert(this));
    }
    open.clear();
    nextDeadline = Long.MAX_VALUE;
  }

  /**
   * The pattern matched for {@code key}: the evidence is the events of {@code ring} from {@code
   * since} (epoch seconds) on, with an amount of at least {@code minAmount}; the episode stays open
   * until {@code window} seconds pass without a further match.
   */
  protected final void matched(
      String key,
      String account,
      Ring ring,
      long since,
      double minAmount,
      double score,
      long now,
      long window) {
    Episode e = open.get(key);
    if (e == null) {
      e = new Episode(account);
      open.put(key, e);
    }
    for (int i = 0; i < ring.size(); i++) {
      if (ring.time(i) >= since && !(ring.amount(i) < minAmount)) {
        e.add(ring.id(i), ring.stamp(i));
      }
    }
    e.score = Math.max(e.score, score);
    e.deadline = now + window;
    nextDeadline = Math.min(nextDeadline, e.deadline);
  }

  /** {@code min(1, 0.5 × ratio)}: 0.5 when the evidence just meets the threshold, 1 at twice it. */
  protected static double score(double ratio) {
    return Math.min(1.0, 0.5 * ratio);
  }

  private static final class Episode {
    final String account;
    final Set<String> ids = new LinkedHashSet<>();
    OffsetDateTime first;
    OffsetDateTime last;
    double score;
    long deadline;

    Episode(String account) {
      this.account = account;
    }

    void add(String id, OffsetDateTime at) {
      if (ids.add(id)) {
        if (first == null || at.isBefore(first)) {
          first = at;
        }
        if (last == null || at.isAfter(last)) {
          last = at;
        }
      }
    }

    Alert alert(Rule rule) {
      return new Alert(
          rule.id,
          account,
          first,
          last,
          List.copyOf(ids),
          Math.round(score * 100) / 100.0,
          rule.source);
    }
  }
}

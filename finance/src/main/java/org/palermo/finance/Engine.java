package org.palermo.finance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.palermo.finance.rules.Rule;
import org.palermo.finance.rules.RuleSet;

/**
 * Runs a rule library over transactions in time order, one at a time ({@link #accept}, streaming)
 * or all at once ({@link #scan}, batch: the same code after a sort by time). An alert is reported
 * when its episode ends, i.e. when a later transaction shows that the rule's window has passed
 * without a further match, or at {@link #flush} (end of input).
 */
public final class Engine {
  private final List<Rule> rules;
  private final ArrayList<Alert> out = new ArrayList<>();
  private long last = Long.MIN_VALUE;

  public Engine(RuleSet set) {
    this.rules = set.newRules();
  }

  /**
   * Sees the next transaction; returns the alerts whose episodes ended before it (usually none).
   *
   * @throws IllegalArgumentException when {@code t} is earlier than the transaction before
   */
  public List<Alert> accept(Transaction t) {
    long now = t.epochSecond();
    if (now < last) {
      throw new IllegalArgumentException(
          "transaction "
              + t.id()
              + " is earlier than the one before: the input must be in time order");
    }
    last = now;
    out.clear();
    for (Rule r : rules) {
      r.expire(now, out);
      r.accept(t, now);
    }
    return out.isEmpty() ? List.of() : List.copyOf(out);
  }

  /** Ends the input: returns the alerts of every episode still open. */
  public List<Alert> flush() {
    out.clear();
    for (Rule r : rules) {
      r.flush(out);
    }
    return List.copyOf(out);
  }

  /** Batch: sorts by time (stable, so ties keep their order) and runs the same engine. */
  public static List<Alert> scan(List<Transaction> transactions, RuleSet set) {
    List<Transaction> sorted = new ArrayList<>(transactions);
    sorted.sort(Comparator.comparingLong(Transaction::epochSecond));
    Engine engine = new Engine(set);
    List<Alert> alerts = new ArrayList<>();
    for (Transaction t : sorted) {
      alerts.addAll(engine.accept(t));
    }
    alerts.addAll(engine.flush());
    return alerts;
  }
}

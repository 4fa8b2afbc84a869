package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.palermo.finance.Channel;
import org.palermo.finance.Transaction;

/**
 * {@code structuring/1}: amounts kept just below the reporting threshold. FinCEN FIN-2014-A008
 * (Appendix B: cash deposits or wires kept just below reporting thresholds), FIN-2020-A008
 * (financial indicator 10: avoiding transactions that would trigger reporting), FINTRAC (amounts
 * just below thresholds). Two windows: per account for deposits through {@code deposit-channels},
 * and per relationship (account → counterparty) for payments out through {@code
 * relationship-channels}. Matches when, within {@code window}, at least {@code min-count} amounts
 * fall in [threshold × (1 − margin), threshold), or when amounts each below the threshold sum to
 * the threshold or more within {@code split-window} (at least two of them). Score: count /
 * min-count, or sum / threshold for a split.
 */
final class Structuring extends Rule {
  static final String NAME = "structuring";
  private final double threshold;
  private final double lower;
  private final int minCount;
  private final long window;
  private final long split;
  private final Set<Channel> depositChannels;
  private final Set<Channel> relationshipChannels;
  private final Map<String, Ring> accounts = new HashMap<>();
  private final Map<String, Map<String, Ring>> relationships = new HashMap<>();

  Structuring(Params p, Symbols symbols) {
    super(
        NAME + "/1",
        "FinCEN FIN-2014-A008 and FIN-2020-A008; structuring: cash deposits or wires kept just below"
            + " the reporting threshold");
    threshold = p.decimal("threshold");
    lower = threshold * (1 - p.decimal("margin"));
    minCount = p.count("min-count");
    window = p.seconds("window");
    split = p.seconds("split-window");
    depositChannels = p.channels("deposit-channels");
    relationshipChannels = p.channels("relationship-channels");
  }

  @Override
  public void accept(Transaction t, long now) {
    double amount = t.amount();
    if (!(amount < threshold) || amount <= 0 || t.channel() == null) {
      return;
    }
    Ring r;
    String counterparty = null;
    if (t.in() && depositChannels.contains(t.channel())) {
      r = accounts.computeIfAbsent(t.account(), k -> new Ring());
    } else if (t.out() && relationshipChannels.contains(t.channel()) && t.counterparty() != null) {
      counterparty = t.counterparty();
      r =
          relationships
              .computeIfAbsent(t.account(), k -> new HashMap<>())
              .computeIfAbsent(counterparty, k -> new Ring());
    } else {
      return;
    }
    r.evictBefore(now - window);
    r.push(now, t.timestamp(), t.id(), amount, -1, 0);
    int near = 0;
    double recent = 0;
    int recentCount = 0;
    for (int i = 0; i < r.size(); i++) {
      if (r.amount(i) >= lower) {
        near++;
      }
      if (r.time(i) >= now - split) {
        recent += r.amount(i);
        recentCount++;
      }
    }
    String key = counterparty == null ? t.account() : t.account() + " → " + counterparty;
    if (near >= minCount) {
      matched(
          key, t.account(), r, Long.MIN_VALUE, lower, score(near / (double) minCount), now, window);
    }
    if (recentCount >= 2 && recent >= threshold) {
      matched(key, t.account(), r, now - split, 0, score(recent / threshold), now, window);
    }
  }
}

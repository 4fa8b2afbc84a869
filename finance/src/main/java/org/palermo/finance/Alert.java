package org.palermo.finance;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A red flag raised by one rule on one account for one episode: the transactions that triggered it,
 * the first and last of their times, a score in (0, 1] and the advisory and indicator the rule
 * applies. An alert is an indication to look, never a finding (DOMAIN.md §8: "no single transaction
 * proves trafficking").
 *
 * @param rule the versioned rule id, e.g. {@code funnel-account/1}
 * @param score {@code min(1, 0.5 × weakest ratio of evidence to its threshold)} (plus the bonuses a
 *     rule documents): 0.5 when the evidence just meets the thresholds, 1 at twice them
 */
public record Alert(
    String rule,
    String account,
    OffsetDateTime firstTimestamp,
    OffsetDateTime lastTimestamp,
    List<String> transactions,
    double score,
    String source) {

  public Alert {
    transactions = List.copyOf(transactions);
  }
}

package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.palermo.finance.Channel;
import org.palermo.finance.Transaction;

/**
 * {@code wage-pooling/1}: several workers' wages paid into one account, or withdrawn at once.
 * FinCEN FIN-2020-A008 (multiple employees' salaries paid into the same account; salary payments
 * immediately withdrawn or moved to another account) and FATF/APG 2018 (several workers' wages paid
 * into one account; wages withdrawn immediately after being paid). A payroll credit is money in
 * (not through {@code excluded-channels}) whose description or counterparty name matches {@code
 * payroll-pattern}; its payer is the counterparty. Matches when within {@code window} the account
 * receives payroll credits from at least {@code min-payers} distinct payers, or at least {@code
 * burst-credits} payroll credits within {@code burst-window} (whoever pays them), or when at least
 * {@code sweep-min-credits} payroll credits within {@code sweep-window} are followed, still within
 * it, by one outflow through {@code sweep-channels} of at least {@code sweep-share} of their sum.
 * Score: the matched count over its threshold (or the swept share over sweep-share).
 */
final class WagePooling extends Rule {
  static final String NAME = "wage-pooling";
  private final Symbols symbols;
  private final Pattern payroll;
  private final Set<Channel> excluded;
  private final long window;
  private final int minPayers;
  private final long burstWindow;
  private final int burstCredits;
  private final int sweepMinCredits;
  private final long sweepWindow;
  private final double sweepShare;
  private final Set<Channel> sweepChannels;
  private final Map<String, Ring> rings = new HashMap<>();

  WagePooling(Params p, Symbols symbols) {
    super(
        NAME + "/1",
        "FinCEN FIN-2020-A008 and FATF/APG 2018; several workers' wages paid into one account or"
            + " withdrawn at once");
    this.symbols = symbols;
    payroll = p.pattern("payroll-pattern");
    excluded = p.channels("excluded-channels");
    window = p.seconds("window");
    minPayers = p.count("min-payers");
    burstWindow = p.seconds("burst-window");
    burstCredits = p.count("burst-credits");
    sweepMinCredits = p.count("sweep-min-credits");
    sweepWindow = p.seconds("sweep-window");
    sweepShare = p.decimal("sweep-share");
    sweepChannels = p.channels("sweep-channels");
  }

  @Override
  public void accept(Transaction t, long now) {
    if (Double.isNaN(t.amount())) {
      return;
    }
    if (t.in() && !excluded.contains(t.channel()) && Text.matches(payroll, t)) {
      Ring r = rings.computeIfAbsent(t.account(), k -> new Ring());
      r.evictBefore(now - window);
      r.push(now, t.timestamp(), t.id(), t.amount(), symbols.of(t.counterparty()), 0);
      int payers = distinct.count(r, 0);
      if (payers >= minPayers) {
        matched(
            t.account(),
            t.account(),
            r,
            Long.MIN_VALUE,
            0,
            score(payers / (double) minPayers),
            now,
            window);
      }
      int burst = 0;
      for (int i = 0; i < r.size(); i++) {
        if (r.b(i) == 0 && r.time(i) >= now - burstWindow) {
          burst++;
        }
      }
      if (burst >= burstCredits) {
        matched(
            t.account(),
            t.account(),
            r,
            now - burstWindow,
            0,
            score(burst / (double) burstCredits),
            now,
            window);
      }
      return;
    }
    if (!t.out() || t.channel() == null || !sweepChannels.contains(t.channel())) {
      return;
    }
    Ring r = rings.get(t.account());
    if (r == null) {
      return;
    }
    r.evictBefore(now - window);
    int credits = 0;
    double sum = 0;
    long since = now - sweepWindow;
    for (int i = 0; i < r.size(); i++) {
      if (r.b(i) == 0 && r.time(i) >= since) {
        credits++;
        sum += r.amount(i);
      }
    }
    if (credits >= sweepMinCredits && sum > 0 && t.amount() >= sweepShare * sum) {
      r.push(now, t.timestamp(), t.id(), t.amount(), -1, 1);
      double ratio = sweepShare > 0 ? t.amount() / (sweepShare * sum) : 1;
      matched(
          t.account(),
          t.account(),
          r,
          since,
          0,
          score(Math.min(ratio, credits / (double) sweepMinCredits)),
          now,
          window);
    }
  }
}

package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.palermo.finance.Channel;
import org.palermo.finance.Transaction;

/**
 * {@code funnel-account/1}: cash deposited into one account in several cities within the window,
 * then quickly withdrawn or wired out. FinCEN FIN-2014-A008 (Appendix B, "funnel accounts": cash
 * deposited in cities where the holder does not live and withdrawn quickly elsewhere) and
 * FIN-2020-A008 (typology "funnel accounts"); FATF/APG 2018 (cash deposits at multiple locations).
 * Matches when, within {@code window}, at least {@code min-deposits} deposits through {@code
 * deposit-channels} were made in at least {@code min-cities} distinct cities and the outflows
 * through {@code outflow-channels} after the first of them reach {@code outflow-share} of the
 * deposited sum. Score: the weaker of (cities / min-cities) and (outflow / (share × deposits)).
 */
final class FunnelAccount extends Rule {
  static final String NAME = "funnel-account";
  private final Symbols symbols;
  private final long window;
  private final int minCities;
  private final int minDeposits;
  private final double share;
  private final Set<Channel> depositChannels;
  private final Set<Channel> outflowChannels;
  private final Map<String, Ring> rings = new HashMap<>();

  FunnelAccount(Params p, Symbols symbols) {
    super(
        NAME + "/1",
        "FinCEN FIN-2014-A008 and FIN-2020-A008; funnel account: cash deposits in several cities"
            + " quickly withdrawn or wired elsewhere");
    this.symbols = symbols;
    window = p.seconds("window");
    minCities = p.count("min-cities");
    minDeposits = p.count("min-deposits");
    share = p.decimal("outflow-share");
    depositChannels = p.channels("deposit-channels");
    outflowChannels = p.channels("outflow-channels");
  }

  @Override
  public void accept(Transaction t, long now) {
    if (Double.isNaN(t.amount()) || t.channel() == null) {
      return;
    }
    boolean deposit = t.in() && depositChannels.contains(t.channel());
    boolean outflow = !deposit && t.out() && outflowChannels.contains(t.channel());
    if (!deposit && !outflow) {
      return;
    }
    Ring r = rings.get(t.account());
    if (r == null) {
      if (outflow) {
        return;
      }
      r = new Ring();
      rings.put(t.account(), r);
    }
    r.evictBefore(now - window);
    while (r.size() > 0 && r.b(0) == 1) {
      r.popFirst(); // outflows before the first deposit in the window are not part of it
    }
    if (outflow && r.size() == 0) {
      return;
    }
    r.push(
        now,
        t.timestamp(),
        t.id(),
        t.amount(),
        deposit ? symbols.of(t.city()) : -1,
        deposit ? 0 : 1);
    int deposits = 0;
    double in = 0;
    double out = 0;
    for (int i = 0; i < r.size(); i++) {
      if (r.b(i) == 0) {
        deposits++;
        in += r.amount(i);
      } else {
        out += r.amount(i);
      }
    }
    if (deposits < minDeposits || in <= 0 || out <= 0 || out < share * in) {
      return;
    }
    int cities = distinct.count(r, 0);
    if (cities < minCities) {
      return;
    }
    double ratio = cities / (double) minCities;
    if (share > 0) {
      ratio = Math.min(ratio, out / (share * in));
    }
    matched(t.account(), t.account(), r, Long.MIN_VALUE, 0, score(ratio), now, window);
  }
}

package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.palermo.finance.Channel;
import org.palermo.finance.Transaction;

/**
 * {@code missing-payroll/1}: a business that pays staff-like amounts to many individuals but shows
 * no payroll. FinCEN FIN-2014-A008 (Appendix B: a business account with no normal payroll costs:
 * wages, payroll tax, unemployment insurance) and FIN-2020-A008 (financial indicator 4: no ACH
 * payroll-type payments). The CSV carries no business profile, so the rule uses a proxy: a business
 * is an account whose holder matches {@code business-pattern}; a staff-like outflow is money out
 * through {@code staff-channels} of an amount in [{@code staff-min}, {@code staff-max}] to a
 * counterparty whose name does not match {@code business-pattern} and whose description does not
 * match {@code payroll-pattern}; payroll is money out whose description or counterparty matches
 * {@code payroll-pattern}. Matches when within {@code window} the business pays at least {@code
 * min-payees} distinct such payees and made no payroll payment in the window. Score: payees /
 * min-payees.
 */
final class MissingPayroll extends Rule {
  static final String NAME = "missing-payroll";
  private final Symbols symbols;
  private final Pattern business;
  private final Pattern payroll;
  private final Set<Channel> staffChannels;
  private final double staffMin;
  private final double staffMax;
  private final long window;
  private final int minPayees;
  private final Map<String, Boolean> isBusiness = new HashMap<>();
  private final Map<String, long[]> lastPayroll = new HashMap<>();
  private final Map<String, Ring> rings = new HashMap<>();

  MissingPayroll(Params p, Symbols symbols) {
    super(
        NAME + "/1",
        "FinCEN FIN-2014-A008 and FIN-2020-A008; business account without normal payroll costs");
    this.symbols = symbols;
    business = p.pattern("business-pattern");
    payroll = p.pattern("payroll-pattern");
    staffChannels = p.channels("staff-channels");
    staffMin = p.decimal("staff-min");
    staffMax = p.decimal("staff-max");
    window = p.seconds("window");
    minPayees = p.count("min-payees");
  }

  @Override
  public void accept(Transaction t, long now) {
    if (!t.out() || !business(t)) {
      return;
    }
    if (Text.matches(payroll, t)) {
      lastPayroll.computeIfAbsent(t.account(), k -> new long[1])[0] = now;
      return;
    }
    double amount = t.amount();
    if (t.channel() == null
        || !staffChannels.contains(t.channel())
        || !(amount >= staffMin && amount <= staffMax)
        || t.counterparty() == null
        || (t.counterpartyName() != null && business.matcher(t.counterpartyName()).find())) {
      return;
    }
    Ring r = rings.computeIfAbsent(t.account(), k -> new Ring());
    r.evictBefore(now - window);
    r.push(now, t.timestamp(), t.id(), amount, symbols.of(t.counterparty()), 0);
    long[] payroll = lastPayroll.get(t.account());
    if (payroll != null && payroll[0] >= now - window) {
      return;
    }
    int payees = distinct.count(r, -1);
    if (payees >= minPayees) {
      matched(
          t.account(),
          t.account(),
          r,
          Long.MIN_VALUE,
          0,
          score(payees / (double) minPayees),
          now,
          window);
    }
  }

  private boolean business(Transaction t) {
    Boolean b = isBusiness.get(t.account());
    if (b == null) {
      if (t.accountHolder() == null) {
        return false; // unknown yet: decided on the first row that names the holder
      }
      b = business.matcher(t.accountHolder()).find();
      isBusiness.put(t.account(), b);
    }
    return b;
  }
}

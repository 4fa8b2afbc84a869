package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.palermo.finance.Transaction;

/**
 * {@code recruitment-fees/1}: workers paying recruitment fees to one recipient. FinCEN
 * FIN-2020-A008 (typology "exploitative employment practices": recruitment fees), FinCEN
 * FIN-2014-A008 (Appendix B: payments to unlicensed or unregistered employment or recruitment
 * agencies), FATF/APG 2018 (recruitment-fee payments by workers). The window is per recipient: a
 * payment out of an account counts for its counterparty, a payment into an account for that
 * account. A payment counts when its amount is at most {@code max-amount} and its description or
 * counterparty matches {@code pattern}. Matches when within {@code window} the recipient is paid by
 * at least {@code min-payers} distinct accounts. The alert's account is the recipient. Score:
 * payers / min-payers.
 */
final class RecruitmentFees extends Rule {
  static final String NAME = "recruitment-fees";
  private final Symbols symbols;
  private final Pattern pattern;
  private final double maxAmount;
  private final long window;
  private final int minPayers;
  private final Map<String, Ring> rings = new HashMap<>();

  RecruitmentFees(Params p, Symbols symbols) {
    super(
        NAME + "/1",
        "FinCEN FIN-2020-A008 and FATF/APG 2018; recruitment-fee payments by workers to one recipient");
    this.symbols = symbols;
    pattern = p.pattern("pattern");
    maxAmount = p.decimal("max-amount");
    window = p.seconds("window");
    minPayers = p.count("min-payers");
  }

  @Override
  public void accept(Transaction t, long now) {
    if (t.direction() == null || t.amount() > maxAmount || !Text.matches(pattern, t)) {
      return;
    }
    String recipient = t.out() ? t.counterparty() : t.account();
    String payer = t.out() ? t.account() : t.counterparty();
    if (recipient == null) {
      return;
    }
    Ring r = rings.computeIfAbsent(recipient, k -> new Ring());
    r.evictBefore(now - window);
    r.push(now, t.timestamp(), t.id(), t.amount(), symbols.of(payer), 0);
    int payers = distinct.count(r, -1);
    if (payers >= minPayers) {
      matched(
          recipient,
          recipient,
          r,
          Long.MIN_VALUE,
          Double.NEGATIVE_INFINITY,
          score(payers / (double) minPayers),
          now,
          window);
    }
  }
}

package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.palermo.finance.Transaction;

/**
 * {@code adult-advertising/1}: frequent payments to online escort or adult classified-ad services.
 * FinCEN FIN-2014-A008 (Appendix B: frequent payments to online escort / classified-ad services,
 * small posting fees and higher-end advertising), FIN-2020-A008 (financial indicator 7: frequent
 * dealings with foreign-based online classified sites), FINTRAC 2016-OA003 and 2021-OA001 (payments
 * for online escort ads), FATF/APG 2018 (spending on websites that advertise the victims). A
 * payment counts when it goes out with a merchant category in {@code categories} or a description
 * or counterparty matching {@code pattern}. Matches at least {@code min-count} within {@code
 * window}. Score: count / min-count.
 */
final class AdultAdvertising extends Rule {
  static final String NAME = "adult-advertising";
  private final boolean[] categories;
  private final Pattern pattern;
  private final long window;
  private final int minCount;
  private final Map<String, Ring> rings = new HashMap<>();

  AdultAdvertising(Params p, Symbols symbols) {
    super(
        NAME + "/1",
        "FinCEN FIN-2014-A008 and FIN-2020-A008, FINTRAC 2016-OA003; payments to online escort or"
            + " adult classified-ad services");
    categories = p.categories("categories");
    pattern = p.pattern("pattern");
    window = p.seconds("window");
    minCount = p.count("min-count");
  }

  @Override
  public void accept(Transaction t, long now) {
    if (!t.out() || !(Text.category(categories, t) || Text.matches(pattern, t))) {
      return;
    }
    Ring r = rings.computeIfAbsent(t.account(), k -> new Ring());
    r.evictBefore(now - window);
    r.push(now, t.timestamp(), t.id(), t.amount(), -1, 0);
    if (r.size() >= minCount) {
      matched(
          t.account(),
          t.account(),
          r,
          Long.MIN_VALUE,
          Double.NEGATIVE_INFINITY,
          score(r.size() / (double) minCount),
          now,
          window);
    }
  }
}

package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.palermo.finance.Channel;
import org.palermo.finance.Transaction;

/**
 * {@code prepaid-crypto/1}: frequent purchases of prepaid access and virtual currency, and any
 * virtual-currency dealing with dark-web markets. FinCEN FIN-2020-A008 (typology "alternative
 * payment methods"; financial indicators 5, frequent purchase and use of prepaid access cards, and
 * 8, frequent virtual-currency transfers to or from dark-web markets), FINTRAC 2021-OA001 (payments
 * in bitcoin). A purchase is money out through {@code channels}, with a merchant category in {@code
 * categories}, or with a description or counterparty matching {@code pattern}; a dark-web dealing
 * is such a transaction, in or out, matching {@code darkweb-pattern}. Matches at least {@code
 * min-count} purchases within {@code window}, or at least {@code darkweb-min-count} dark-web
 * dealings. Score: count / min-count, and 1 when a dark-web market is named.
 */
final class PrepaidAndCrypto extends Rule {
  static final String NAME = "prepaid-crypto";
  private final Set<Channel> channels;
  private final boolean[] categories;
  private final Pattern pattern;
  private final Pattern darkweb;
  private final long window;
  private final int minCount;
  private final int darkwebMinCount;
  private final Map<String, Ring> rings = new HashMap<>();

  PrepaidAndCrypto(Params p, Symbols symbols) {
    super(
        NAME + "/1",
        "FinCEN FIN-2020-A008, FINTRAC 2021-OA001; prepaid cards and virtual currency, to dark-web"
            + " markets");
    channels = p.channels("channels");
    categories = p.categories("categories");
    pattern = p.pattern("pattern");
    darkweb = p.pattern("darkweb-pattern");
    window = p.seconds("window");
    minCount = p.count("min-count");
    darkwebMinCount = p.count("darkweb-min-count");
  }

  @Override
  public void accept(Transaction t, long now) {
    boolean kind =
        (t.channel() != null && channels.contains(t.channel()))
            || Text.category(categories, t)
            || Text.matches(pattern, t);
    if (!kind) {
      return;
    }
    boolean dark = Text.matches(darkweb, t);
    if (!dark && !t.out()) {
      return;
    }
    Ring r = rings.computeIfAbsent(t.account(), k -> new Ring());
    r.evictBefore(now - window);
    r.push(now, t.timestamp(), t.id(), t.amount(), -1, dark ? 1 : 0);
    int darkCount = 0;
    for (int i = 0; i < r.size(); i++) {
      darkCount += r.b(i);
    }
    if (darkCount >= darkwebMinCount) {
      matched(
          t.account(), t.account(), r, Long.MIN_VALUE, Double.NEGATIVE_INFINITY, 1.0, now, window);
    } else if (r.size() >= minCount) {
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

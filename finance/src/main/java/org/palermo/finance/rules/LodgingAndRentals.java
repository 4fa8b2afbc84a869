package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;
import org.palermo.finance.Transaction;

/**
 * {@code lodging-rentals/1}: repeated spending on hotels and car rentals. FinCEN FIN-2014-A008
 * (Appendix B: a business paying for others' lodging and regular vehicle rentals; unusual spending
 * on hotels and car services), FIN-2020-A008 (financial indicator 2: spending that covers victims'
 * living and transport), FINTRAC 2016-OA003 and 2021-OA001 (multiple hotel/motel bookings). A
 * payment counts when it goes out with a merchant category in {@code hotel-categories} (7011 and
 * the lodging chains 3501–3999) or {@code rental-categories} (7512 and the car-rental chains
 * 3351–3441). The CSV carries no customer profile: "out of profile" is approximated by frequency,
 * at least {@code min-count} such payments within {@code window}, across at least {@code
 * min-merchants} distinct merchants or cities (several rooms or places, not one stay). Score: count
 * / min-count.
 */
final class LodgingAndRentals extends Rule {
  static final String NAME = "lodging-rentals";
  private final Symbols symbols;
  private final boolean[] hotels;
  private final boolean[] rentals;
  private final long window;
  private final int minCount;
  private final int minMerchants;
  private final Map<String, Ring> rings = new HashMap<>();

  LodgingAndRentals(Params p, Symbols symbols) {
    super(
        NAME + "/1",
        "FinCEN FIN-2014-A008 and FIN-2020-A008, FINTRAC 2016-OA003; hotel and car-rental spending"
            + " out of profile");
    this.symbols = symbols;
    hotels = p.categories("hotel-categories");
    rentals = p.categories("rental-categories");
    window = p.seconds("window");
    minCount = p.count("min-count");
    minMerchants = p.count("min-merchants");
  }

  @Override
  public void accept(Transaction t, long now) {
    if (!t.out() || !(Text.category(hotels, t) || Text.category(rentals, t))) {
      return;
    }
    Ring r = rings.computeIfAbsent(t.account(), k -> new Ring());
    r.evictBefore(now - window);
    String place = t.counterparty() != null ? t.counterparty() : t.city();
    r.push(now, t.timestamp(), t.id(), t.amount(), symbols.of(place), 0);
    if (r.size() >= minCount && Math.max(distinct.count(r, -1), 1) >= minMerchants) {
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

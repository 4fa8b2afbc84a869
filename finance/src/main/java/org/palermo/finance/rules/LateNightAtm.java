package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.palermo.finance.Channel;
import org.palermo.finance.Transaction;

/**
 * {@code late-night-atm/1}: ATM activity late at night in several cities. FINTRAC 2016-OA003 and
 * 2021-OA001 (Project Protect: frequent ATM deposits or withdrawals late at night, about 22:00 to
 * 06:00; ATM or banking activity in different cities within short periods); FinCEN FIN-2014-A008
 * (transactions outside business hours) and FIN-2020-A008 (financial indicator 1: frequent movement
 * between locations). Counts transactions through {@code channels} whose local hour (the hour of
 * the timestamp at its own offset) is at or after {@code night-start} or before {@code night-end}.
 * Matches at least {@code min-count} within {@code window} in at least {@code min-cities} distinct
 * cities. Score: the weaker of count / min-count and cities / min-cities.
 */
final class LateNightAtm extends Rule {
  static final String NAME = "late-night-atm";
  private final Symbols symbols;
  private final Set<Channel> channels;
  private final int nightStart;
  private final int nightEnd;
  private final long window;
  private final int minCount;
  private final int minCities;
  private final Map<String, Ring> rings = new HashMap<>();

  LateNightAtm(Params p, Symbols symbols) {
    super(
        NAME + "/1",
        "FINTRAC 2016-OA003 and 2021-OA001; late-night ATM activity across several cities");
    this.symbols = symbols;
    channels = p.channels("channels");
    nightStart = p.hour("night-start");
    nightEnd = p.hour("night-end");
    window = p.seconds("window");
    minCount = p.count("min-count");
    minCities = p.count("min-cities");
  }

  @Override
  public void accept(Transaction t, long now) {
    if (t.channel() == null || !channels.contains(t.channel())) {
      return;
    }
    int hour = t.timestamp().getHour();
    boolean night =
        nightStart > nightEnd
            ? hour >= nightStart || hour < nightEnd
            : hour >= nightStart && hour < nightEnd;
    if (!night) {
      return;
    }
    Ring r = rings.computeIfAbsent(t.account(), k -> new Ring());
    r.evictBefore(now - window);
    r.push(now, t.timestamp(), t.id(), t.amount(), symbols.of(t.city()), 0);
    if (r.size() < minCount) {
      return;
    }
    int cities = distinct.count(r, -1);
    if (cities >= minCities) {
      double ratio = Math.min(r.size() / (double) minCount, cities / (double) minCities);
      matched(
          t.account(),
          t.account(),
          r,
          Long.MIN_VALUE,
          Double.NEGATIVE_INFINITY,
          score(ratio),
          now,
          window);
    }
  }
}

package org.palermo.app.referral;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.directory.Providers.Opening;
import org.palermo.app.directory.Providers.Provider;

/**
 * Orders providers of one service type for one person, and says why. The keys, in order: whether
 * the person is eligible by the directory's HSDS eligibility data (age within {@code minimum_age}
 * and {@code maximum_age}, a service for one sex) — an ineligible provider is listed last, marked,
 * never first (a children's shelter is not offered first to an adult woman; a child is not offered
 * an adults-only service first: CRC art. 3(1)); free capacity (places free first, unknown next,
 * full last); for a child, child-protection agencies first; a language the person speaks; open now,
 * then opening soon, then unknown hours, then closed; the shorter distance (haversine) from the
 * origin. Ties keep the directory's order. Plain Java: the caller supplies the time and the
 * agencies that are child-protection agencies.
 */
final class ProviderRanking {
  private ProviderRanking() {}

  /** A point on the earth. */
  record Place(double latitude, double longitude) {}

  /** How free capacity stands. */
  enum Capacity {
    FREE,
    UNKNOWN,
    FULL
  }

  /** Whether the service is open. */
  enum Hours {
    OPEN_NOW,
    OPENS_SOON,
    UNKNOWN,
    CLOSED
  }

  /** One reason for a provider's place: a message key suffix and its arguments. */
  record Reason(String key, List<Object> args) {}

  /** A ranked provider: its place (1 first), the facts that placed it, and the reasons in words. */
  record Ranked(
      int rank,
      Provider provider,
      Capacity capacity,
      boolean childProtectionAgency,
      List<String> sharedLanguages,
      Hours hours,
      Double distanceKm,
      List<Reason> reasons,
      Eligible eligible) {
    Ranked(
        int rank,
        Provider provider,
        Capacity capacity,
        boolean childProtectionAgency,
        List<String> sharedLanguages,
        Hours hours,
        Double distanceKm,
        List<Reason> reasons) {
      this(
          rank,
          provider,
          capacity,
          childProtectionAgency,
          sharedLanguages,
          hours,
          distanceKm,
          reasons,
          Eligible.YES);
    }
  }

  /**
   * Whether the person meets the provider's eligibility: yes (or nothing says otherwise), or not by
   * age, or not by sex.
   */
  enum Eligible {
    YES,
    NOT_BY_AGE,
    NOT_BY_SEX
  }

  /** What the ranking needs to know about the person and the moment. */
  record Query(
      Collection<String> languages,
      Place origin,
      LocalDateTime now,
      Duration soon,
      boolean child,
      Set<UUID> childProtectionAgencies,
      Integer age,
      String sex) {
    /** A query that knows nothing of the person's age or sex: every provider is eligible. */
    Query(
        Collection<String> languages,
        Place origin,
        LocalDateTime now,
        Duration soon,
        boolean child,
        Set<UUID> childProtectionAgencies) {
      this(languages, origin, now, soon, child, childProtectionAgencies, null, null);
    }
  }

  /**
   * The person's eligibility for the provider. An unknown age or sex, or a provider that gives no
   * limit, never excludes. A child is under 18 even when the recorded age says otherwise while the
   * age is disputed (CoE Convention art. 10(3)): the caller then gives the child's age as unknown
   * for the upper limit (see {@code ReferralQueries}).
   */
  static Eligible eligible(Provider p, Integer age, String sex) {
    if (age != null
        && ((p.minimumAge() != null && age < p.minimumAge())
            || (p.maximumAge() != null && age > p.maximumAge()))) {
      return Eligible.NOT_BY_AGE;
    }
    if (sex != null && p.sexServed() != null && !p.sexServed().equals(sex)) {
      return Eligible.NOT_BY_SEX;
    }
    return Eligible.YES;
  }

  static List<Ranked> rank(List<Provider> providers, Query q) {
    List<Ranked> unordered = new ArrayList<>();
    for (Provider p : providers) {
      Capacity capacity =
          p.capacityAvailable() == null
              ? Capacity.UNKNOWN
              : p.capacityAvailable() > 0 ? Capacity.FREE : Capacity.FULL;
      boolean cp = p.agencyId() != null && q.childProtectionAgencies().contains(p.agencyId());
      List<String> shared = sharedLanguages(q.languages(), p.languages());
      Hours hours = hours(p.openings(), q.now(), q.soon());
      Double km = distanceKm(q.origin(), p.latitude(), p.longitude());
      unordered.add(
          new Ranked(
              0, p, capacity, cp, shared, hours, km, List.of(), eligible(p, q.age(), q.sex())));
    }
    Comparator<Ranked> order =
        Comparator.comparing((Ranked r) -> r.eligible() != Eligible.YES)
            .thenComparing(Ranked::capacity)
            .thenComparing(r -> q.child() && !r.childProtectionAgency())
            .thenComparing(r -> r.sharedLanguages().isEmpty())
            .thenComparing(Ranked::hours)
            .thenComparing(r -> r.distanceKm() == null ? Double.MAX_VALUE : r.distanceKm());
    List<Ranked> sorted = unordered.stream().sorted(order).toList();
    List<Ranked> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Ranked r = sorted.get(i);
      out.add(
          new Ranked(
              i + 1,
              r.provider(),
              r.capacity(),
              r.childProtectionAgency(),
              r.sharedLanguages(),
              r.hours(),
              r.distanceKm(),
              reasons(r, q),
              r.eligible()));
    }
    return List.copyOf(out);
  }

  private static List<Reason> reasons(Ranked r, Query q) {
    List<Reason> out = new ArrayList<>();
    switch (r.eligible()) {
      case NOT_BY_AGE -> {
        Integer min = r.provider().minimumAge();
        Integer max = r.provider().maximumAge();
        out.add(
            min != null && max != null
                ? new Reason("eligibility.age", List.of(min, max))
                : min != null
                    ? new Reason("eligibility.ageFrom", List.of(min))
                    : new Reason("eligibility.ageTo", List.of(max)));
      }
      case NOT_BY_SEX ->
          out.add(new Reason("eligibility.sex." + r.provider().sexServed(), List.of()));
      case YES -> {}
    }
    switch (r.capacity()) {
      case FREE -> out.add(new Reason("capacity.free", List.of(r.provider().capacityAvailable())));
      case FULL -> out.add(new Reason("capacity.full", List.of()));
      case UNKNOWN -> out.add(new Reason("capacity.unknown", List.of()));
    }
    if (q.child()) {
      out.add(
          new Reason(r.childProtectionAgency() ? "child.agency" : "child.notAgency", List.of()));
    }
    if (r.sharedLanguages().isEmpty()) {
      out.add(new Reason("language.none", List.of()));
    } else {
      out.add(new Reason("language.match", List.of(String.join(", ", r.sharedLanguages()))));
    }
    out.add(new Reason("hours." + r.hours().name(), List.of()));
    if (r.distanceKm() == null) {
      out.add(new Reason("distance.unknown", List.of()));
    } else {
      out.add(new Reason("distance.km", List.of(Math.round(r.distanceKm()))));
    }
    return List.copyOf(out);
  }

  static List<String> sharedLanguages(Collection<String> person, List<String> provider) {
    List<String> out = new ArrayList<>();
    for (String l : person) {
      String base = primary(l);
      if (provider.stream().anyMatch(p -> primary(p).equals(base)) && !out.contains(base)) {
        out.add(base);
      }
    }
    return out;
  }

  /** ISO 639-2 codes (as the demo directory uses: "fra") to ISO 639-1 ("fr"). */
  private static final java.util.Map<String, String> ISO3 = iso3();

  private static java.util.Map<String, String> iso3() {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        m.put(new Locale(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code for this language
      }
    }
    m.put("fre", "fr");
    m.put("ger", "de");
    m.put("chi", "zh");
    m.put("per", "fa");
    return java.util.Map.copyOf(m);
  }

  /** The primary language subtag of a BCP 47 tag or ISO 639 code, as ISO 639-1 when one exists. */
  static String primary(String tag) {
    String lang = Locale.forLanguageTag(tag.strip()).getLanguage().toLowerCase(Locale.ROOT);
    return ISO3.getOrDefault(lang, lang);
  }

  static Hours hours(List<Opening> openings, LocalDateTime now, Duration soon) {
    if (openings == null || openings.isEmpty()) {
      return Hours.UNKNOWN;
    }
    DayOfWeek day = now.getDayOfWeek();
    LocalTime time = now.toLocalTime();
    LocalTime later = time.plus(soon);
    boolean wraps = later.isBefore(time);
    for (Opening o : openings) {
      if (o.day() == day && !time.isBefore(o.opens()) && time.isBefore(o.closes())) {
        return Hours.OPEN_NOW;
      }
    }
    for (Opening o : openings) {
      if (o.day() == day && o.opens().isAfter(time) && (wraps || !o.opens().isAfter(later))) {
        return Hours.OPENS_SOON;
      }
    }
    return Hours.CLOSED;
  }

  /** Great-circle distance in kilometres (haversine, mean earth radius 6,371 km). */
  static Double distanceKm(Place origin, BigDecimal lat, BigDecimal lon) {
    if (origin == null || lat == null || lon == null) {
      return null;
    }
    double p1 = Math.toRadians(origin.latitude());
    double p2 = Math.toRadians(lat.doubleValue());
    double dp = p2 - p1;
    double dl = Math.toRadians(lon.doubleValue() - origin.longitude());
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}

package org.palermo.app.demo;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.Agency;
import org.palermo.app.directory.DirectoryRecords;
import org.palermo.app.directory.Providers;
import org.palermo.app.directory.ServiceType;
import org.springframework.stereotype.Service;

/**
 * The demo service directory: every provider of {@link DemoRoute} with its services, each with
 * languages, weekly opening hours and free capacity that follow from its place in the list, so that
 * the same seed always gives the same directory and referral ranking has differences to rank.
 */
@Service
public class DemoDirectory {
  /** Languages spoken along the route, as BCP 47 tags. */
  private static final List<List<String>> LANGUAGES =
      List.of(
          List.of("en", "fr", "ar"),
          List.of("en", "es"),
          List.of("fr", "ar", "ti"),
          List.of("en", "ar", "fa", "ps"),
          List.of("es", "fr", "en"),
          List.of("ar", "en"));

  private final DirectoryRecords directory;

  DemoDirectory(DirectoryRecords directory) {
    this.directory = directory;
  }

  /** Adds the route's providers; {@code agencies} maps provider names to their agencies. */
  public void seed(Map<String, Agency> agencies) {
    int n = 0;
    for (int p = 0; p < DemoRoute.PROVIDERS.size(); p++) {
      DemoRoute.Provider provider = DemoRoute.PROVIDERS.get(p);
      DemoRoute.Stop stop = provider.stop();
      List<DirectoryRecords.Offer> offers = new ArrayList<>();
      for (ServiceType type : provider.services()) {
        offers.add(
            new DirectoryRecords.Offer(
                new DirectoryRecords.NewService(
                    provider.name() + ": " + type.name().toLowerCase().replace('_', ' '),
                    "Synthetic demo service. Not a real organisation.",
                    type,
                    LANGUAGES.get(n % LANGUAGES.size())),
                openings(type, n),
                capacity(type, n)));
        n++;
      }
      Agency agency = agencies.get(provider.name());
      UUID agencyId = agency == null ? null : agency.id();
      directory.addOrganisation(
          agencyId,
          provider.name(),
          "Synthetic demo organisation on the fictional route. Not real.",
          new DirectoryRecords.NewLocation(
              provider.name(), stop.city(), stop.country(), stop.latitude(), stop.longitude()),
          String.format("+999 555 %04d", 100 + p),
          offers);
    }
  }

  /** Hotlines and shelters never close; the others keep office hours that vary along the list. */
  static List<Providers.Opening> openings(ServiceType type, int n) {
    List<Providers.Opening> out = new ArrayList<>();
    boolean always = type == ServiceType.HOTLINE || type == ServiceType.SHELTER;
    LocalTime opens = always ? LocalTime.MIN : LocalTime.of(8 + n % 3, n % 2 == 0 ? 0 : 30);
    LocalTime closes = always ? LocalTime.of(23, 59) : LocalTime.of(16 + n % 3, 0);
    int lastDay = always ? 7 : (n % 4 == 0 ? 6 : 5);
    for (int d = 1; d <= lastDay; d++) {
      out.add(new Providers.Opening(DayOfWeek.of(d), opens, closes));
    }
    return out;
  }

  /** Free places: beds for shelters, appointment slots otherwise; some are full, one unknown. */
  static Integer capacity(ServiceType type, int n) {
    if (n % 11 == 10) {
      return null;
    }
    if (type == ServiceType.SHELTER) {
      return n % 3 == 0 ? 0 : 2 + n % 7;
    }
    return 5 + (n * 7) % 20;
  }
}

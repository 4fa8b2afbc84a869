package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.directory.Providers.Opening;
import org.palermo.app.directory.Providers.Provider;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.referral.ProviderRanking.Capacity;
import org.palermo.app.referral.ProviderRanking.Hours;
import org.palermo.app.referral.ProviderRanking.Place;
import org.palermo.app.referral.ProviderRanking.Query;
import org.palermo.app.referral.ProviderRanking.Ranked;
import org.palermo.law.ProtectionNeed;

/** The ranking order and its reasons on fixed data; the pathway file. */
class ProviderRankingTest {
  static final Place HARBOUR = new Place(43.0, 10.0);

  /** Wednesday 10:00. */
  static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 4, 10, 0);

  static Provider provider(
      String name, List<String> languages, double lat, Integer free, List<Opening> openings) {
    return provider(name, null, languages, lat, free, openings);
  }

  static Provider provider(
      String name,
      UUID agency,
      List<String> languages,
      double lat,
      Integer free,
      List<Opening> openings) {
    return new Provider(
        UUID.randomUUID(),
        name,
        ServiceType.SHELTER,
        UUID.randomUUID(),
        name + " org",
        agency == null ? UUID.randomUUID() : agency,
        languages,
        "City",
        "XC",
        BigDecimal.valueOf(lat),
        BigDecimal.valueOf(10.0),
        openings,
        free,
        // no eligibility data: it serves every age and sex
        null,
        null,
        null);
  }

  static Query arabicSpeaker(boolean child, Set<UUID> childAgencies) {
    return new Query(List.of("ar"), HARBOUR, NOW, Duration.ofHours(2), child, childAgencies);
  }

  static List<String> names(List<Ranked> ranked) {
    return ranked.stream().map(r -> r.provider().serviceName()).toList();
  }

  @Test
  void capacity_then_language_then_distance() {
    Provider fullArabicNear = provider("full-ar-near", List.of("ar"), 43.01, 0, List.of());
    Provider freeFrenchNear = provider("free-fr-near", List.of("fr"), 43.01, 3, List.of());
    Provider freeArabicFar = provider("free-ar-far", List.of("ar-EG", "en"), 44.0, 1, List.of());
    Provider freeArabicNear = provider("free-ar-near", List.of("ar"), 43.1, 2, List.of());
    Provider unknownArabic = provider("unknown-ar", List.of("ar"), 43.0, null, List.of());
    List<Ranked> ranked =
        ProviderRanking.rank(
            List.of(fullArabicNear, freeFrenchNear, freeArabicFar, freeArabicNear, unknownArabic),
            arabicSpeaker(false, Set.of()));
    assertThat(names(ranked))
        .containsExactly(
            "free-ar-near", "free-ar-far", "free-fr-near", "unknown-ar", "full-ar-near");
    Ranked first = ranked.get(0);
    assertThat(first.rank()).isEqualTo(1);
    assertThat(first.capacity()).isEqualTo(Capacity.FREE);
    assertThat(first.sharedLanguages()).containsExactly("ar");
    assertThat(first.distanceKm()).isBetween(10.0, 12.0);
    assertThat(first.reasons())
        .extracting(ProviderRanking.Reason::key)
        .containsExactly("capacity.free", "language.match", "hours.UNKNOWN", "distance.km");
    assertThat(ranked.get(1).sharedLanguages()).containsExactly("ar");
    assertThat(ranked.get(4).reasons().get(0).key()).isEqualTo("capacity.full");
  }

  @Test
  void languages_match_across_iso_639_1_and_639_2_codes_and_regions() {
    assertThat(
            ProviderRanking.sharedLanguages(List.of("fr", "ar-EG"), List.of("fra", "ara", "eng")))
        .containsExactly("fr", "ar");
    assertThat(ProviderRanking.sharedLanguages(List.of("es"), List.of("fr"))).isEmpty();
  }

  @Test
  void open_now_before_opening_soon_before_closed() {
    List<Opening> openNow =
        List.of(new Opening(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
    List<Opening> soon =
        List.of(new Opening(DayOfWeek.WEDNESDAY, LocalTime.of(11, 0), LocalTime.of(17, 0)));
    List<Opening> closed =
        List.of(new Opening(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
    List<Ranked> ranked =
        ProviderRanking.rank(
            List.of(
                provider("closed", List.of("ar"), 43.0, 1, closed),
                provider("soon", List.of("ar"), 43.0, 1, soon),
                provider("open", List.of("ar"), 43.5, 1, openNow)),
            arabicSpeaker(false, Set.of()));
    assertThat(names(ranked)).containsExactly("open", "soon", "closed");
    assertThat(ranked.get(1).hours()).isEqualTo(Hours.OPENS_SOON);
  }

  @Test
  void a_child_goes_to_child_protection_agencies_first() {
    UUID cp = UUID.randomUUID();
    List<Ranked> ranked =
        ProviderRanking.rank(
            List.of(
                provider("adult-shelter", List.of("ar"), 43.0, 5, List.of()),
                provider("child-care", cp, List.of("fr"), 44.0, 1, List.of())),
            arabicSpeaker(true, Set.of(cp)));
    assertThat(names(ranked)).containsExactly("child-care", "adult-shelter");
    assertThat(ranked.get(0).reasons())
        .extracting(ProviderRanking.Reason::key)
        .contains("child.agency");
  }

  @Test
  void the_pathways_map_every_need_and_children_go_to_child_protection() {
    Pathways p = Pathways.load();
    assertThat(p.serviceTypes(ProtectionNeed.SAFE_ACCOMMODATION, false))
        .containsExactly(ServiceType.SHELTER);
    assertThat(p.serviceTypes(ProtectionNeed.SAFE_ACCOMMODATION, true))
        .containsExactly(ServiceType.CHILD_PROTECTION, ServiceType.SHELTER);
    for (ProtectionNeed need : ProtectionNeed.values()) {
      assertThat(p.serviceTypes(need, true)).isNotEmpty();
    }
    Properties missing = new Properties();
    missing.setProperty("adult.MEDICAL", "MEDICAL");
    assertThatThrownBy(() -> Pathways.parse(missing)).hasMessageContaining("do not map");
    Properties wrong = new Properties();
    wrong.setProperty("adult.MEDICAL", "HOSPITAL");
    assertThatThrownBy(() -> Pathways.parse(wrong)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_provider_the_person_is_not_eligible_for_is_never_first() {
    Provider p = provider("children", List.of("ar"), 43.0, 5, List.of());
    Provider children =
        new Provider(
            p.serviceId(),
            "children",
            p.type(),
            p.organizationId(),
            p.organizationName(),
            p.agencyId(),
            p.languages(),
            p.city(),
            p.country(),
            p.latitude(),
            p.longitude(),
            p.openings(),
            5,
            0,
            17,
            null);
    Provider q = provider("men", List.of("ar"), 43.0, 5, List.of());
    Provider men =
        new Provider(
            q.serviceId(),
            "men",
            q.type(),
            q.organizationId(),
            q.organizationName(),
            q.agencyId(),
            q.languages(),
            q.city(),
            q.country(),
            q.latitude(),
            q.longitude(),
            q.openings(),
            5,
            null,
            null,
            "male");
    Provider adults = provider("adults", List.of(), 44.0, null, List.of());
    Query woman =
        new Query(List.of("ar"), HARBOUR, NOW, Duration.ofHours(2), false, Set.of(), 36, "female");
    List<Ranked> ranked = ProviderRanking.rank(List.of(children, men, adults), woman);
    assertThat(names(ranked)).containsExactly("adults", "children", "men");
    assertThat(ranked.get(1).reasons().get(0).key()).isEqualTo("eligibility.age");
    assertThat(ranked.get(2).reasons().get(0).key()).isEqualTo("eligibility.sex.male");
    // Without age or sex, nothing is excluded: the free, Arabic-speaking places come first.
    Query unknown =
        new Query(List.of("ar"), HARBOUR, NOW, Duration.ofHours(2), false, Set.of(), null, null);
    assertThat(names(ProviderRanking.rank(List.of(children, men, adults), unknown)))
        .containsExactly("children", "men", "adults");
  }
}

package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.palermo.privacy.table.AggregateView;
import org.palermo.privacy.table.CountTable;
import org.springframework.context.support.StaticMessageSource;

/**
 * What a user sees of one figure: exact for statisticians; for aggregate-only users what the
 * privacy module's {@link AggregateView} publishes, nothing of a view below its minimum population,
 * and agency types instead of names.
 */
class PublicationTest {
  static final AggregateView VIEW = AggregateView.withMinPopulation(20);

  static Publication publication(StatisticsAccess.Level level, Publication.Noise noise) {
    return new Publication(
        level,
        new Publication.Text(new StaticMessageSource(), Locale.ENGLISH),
        VIEW,
        noise,
        Map.of(UUID.randomUUID(), "Shelter North"));
  }

  @Test
  void statisticiansSeeExactCountsAndEveryStatistic() {
    Publication p = publication(StatisticsAccess.Level.EXACT, Publication.Noise.NONE);

    assertThat(p.count(0)).isEqualTo(Cell.of(0L));
    assertThat(p.count(3)).isEqualTo(Cell.of(3L));
    assertThat(p.count(12)).isEqualTo(Cell.of(12L));
    assertThat(p.showsStatisticOver(1)).isTrue();
    assertThat(p.fixedAgencyRows()).isEmpty();
    assertThat(p.agencyNames()).containsExactly("Shelter North");
  }

  @Test
  void anAggregateOnlyUserSeesCountsFromTheThresholdRoundedToFive() {
    Publication p = publication(StatisticsAccess.Level.SUPPRESSED, Publication.Noise.NONE);

    assertThat(p.count(0)).isEqualTo(Cell.HIDDEN);
    assertThat(p.count(9)).isEqualTo(Cell.HIDDEN);
    assertThat(p.count(12)).isEqualTo(Cell.of(10L));
    assertThat(p.count(13)).isEqualTo(Cell.of(15L));
    assertThat(p.showsStatisticOver(9)).isFalse();
    assertThat(p.showsStatisticOver(10)).isTrue();
    assertThat(p.fixedAgencyRows()).as("one row per agency type").isNotEmpty();
  }

  @Test
  void aViewBelowTheMinimumPopulationHidesEveryCellOfEveryTable() {
    CountTable noisy = CountTable.of(List.of("a"), List.of("n"), new long[][] {{15}});
    Publication small =
        publication(
            StatisticsAccess.Level.SUPPRESSED,
            new Publication.Noise(Map.of(Indicators.SDG, noisy), 15, null));
    Publication enough =
        publication(
            StatisticsAccess.Level.SUPPRESSED,
            new Publication.Noise(Map.of(Indicators.SDG, noisy), 20, null));
    StatTable services =
        new StatTable(
            Indicators.SERVICES,
            "t",
            "d",
            List.of("agency", "services"),
            List.of(new Row("Shelters", List.of(Cell.of(40L)), false)),
            0,
            null);

    assertThat(small.small()).isTrue();
    assertThat(small.grid(Indicators.SDG, noisy).cell(0, 0)).isEqualTo(Cell.HIDDEN);
    assertThat(small.hiddenIfSmall(services).rows().get(0).cells()).containsExactly(Cell.HIDDEN);
    assertThat(enough.small()).isFalse();
    assertThat(enough.grid(Indicators.SDG, noisy).cell(0, 0))
        .as("the noisy count, rounded")
        .isEqualTo(Cell.of(15L));
    assertThat(enough.hiddenIfSmall(services)).isSameAs(services);
  }
}

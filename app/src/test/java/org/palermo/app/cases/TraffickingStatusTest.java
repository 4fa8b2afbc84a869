package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.app.cases.TraffickingStatus.Evidence;
import org.palermo.app.cases.TraffickingStatus.Source;

/** The one trafficking status: what each piece of evidence says, and what they add up to. */
class TraffickingStatusTest {
  static final Instant MARCH = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant APRIL = Instant.parse("2026-04-01T10:00:00Z");

  static TraffickingStatus derive(Evidence... evidence) {
    return TraffickingStatus.derive(List.of(evidence))
        .map(Evidence::says)
        .orElse(TraffickingStatus.NOT_ASSESSED);
  }

  @Test
  void a_screening_says_indicated_undetermined_smuggling_only_or_not_indicated() {
    assertThat(TraffickingStatus.ofScreening("INDICATED", "INDICATED"))
        .isEqualTo(TraffickingStatus.INDICATED);
    assertThat(TraffickingStatus.ofScreening("UNDETERMINED", "NOT_INDICATED"))
        .isEqualTo(TraffickingStatus.UNDETERMINED);
    assertThat(TraffickingStatus.ofScreening("NOT_INDICATED", "INDICATED"))
        .isEqualTo(TraffickingStatus.SMUGGLING_ONLY);
    assertThat(TraffickingStatus.ofScreening("NOT_INDICATED", "UNDETERMINED"))
        .isEqualTo(TraffickingStatus.NOT_INDICATED);
  }

  @Test
  void only_a_negative_conclusive_grounds_decision_is_not_a_victim_in_htcds() {
    assertThat(TraffickingStatus.ofDecision(Source.REASONABLE_GROUNDS, false).htcds()).isNull();
    assertThat(TraffickingStatus.ofDecision(Source.REASONABLE_GROUNDS, true).htcds())
        .isEqualTo("PossibleVictimOfTrafficking");
    assertThat(TraffickingStatus.ofDecision(Source.CONCLUSIVE_GROUNDS, true).htcds())
        .isEqualTo("ActualVictimOfTrafficking");
    assertThat(TraffickingStatus.ofDecision(Source.CONCLUSIVE_GROUNDS, false).htcds())
        .isEqualTo("NotAVictimOfTrafficking");
    assertThat(TraffickingStatus.INDICATED.htcds()).isEqualTo("PossibleVictimOfTrafficking");
    for (TraffickingStatus s : TraffickingStatus.values()) {
      if (s != TraffickingStatus.NOT_IDENTIFIED) {
        assertThat(s.htcds()).as(s.name()).isNotEqualTo("NotAVictimOfTrafficking");
      }
    }
  }

  @Test
  void detected_means_indicated_or_identified() {
    assertThat(TraffickingStatus.values())
        .filteredOn(TraffickingStatus::detected)
        .containsExactlyInAnyOrder(
            TraffickingStatus.INDICATED,
            TraffickingStatus.REASONABLE_GROUNDS,
            TraffickingStatus.IDENTIFIED);
  }

  @Test
  void a_decision_outranks_a_later_screening_and_the_latest_decision_counts() {
    Evidence screening = new Evidence(Source.SCREENING, TraffickingStatus.INDICATED, MARCH);
    Evidence negativeRg =
        new Evidence(
            Source.REASONABLE_GROUNDS, TraffickingStatus.REASONABLE_GROUNDS_NOT_MET, MARCH);
    Evidence laterScreening =
        new Evidence(Source.SCREENING, TraffickingStatus.NOT_INDICATED, APRIL);
    assertThat(derive()).isEqualTo(TraffickingStatus.NOT_ASSESSED);
    assertThat(derive(screening)).isEqualTo(TraffickingStatus.INDICATED);
    assertThat(derive(screening, negativeRg, laterScreening))
        .isEqualTo(TraffickingStatus.REASONABLE_GROUNDS_NOT_MET);
    Evidence positiveRg =
        new Evidence(Source.REASONABLE_GROUNDS, TraffickingStatus.REASONABLE_GROUNDS, MARCH);
    Evidence positiveCg =
        new Evidence(Source.CONCLUSIVE_GROUNDS, TraffickingStatus.IDENTIFIED, APRIL);
    assertThat(derive(positiveCg, positiveRg, screening)).isEqualTo(TraffickingStatus.IDENTIFIED);
    // Same instant: the conclusive decision counts.
    Evidence sameTimeCg =
        new Evidence(Source.CONCLUSIVE_GROUNDS, TraffickingStatus.NOT_IDENTIFIED, MARCH);
    assertThat(derive(positiveRg, sameTimeCg)).isEqualTo(TraffickingStatus.NOT_IDENTIFIED);
    // A withdrawn decision is left out by the store: the status falls back to pending.
    assertThat(derive(screening)).isEqualTo(TraffickingStatus.INDICATED);
  }
}

package org.palermo.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.palermo.privacy.ctdc.CtdcLayout;
import org.palermo.privacy.ctdc.SyntheticCtdcGenerator;
import org.palermo.privacy.dp.Contribution;
import org.palermo.privacy.dp.DpTableRequest;
import org.palermo.privacy.kanon.KAnonymityPolicy;
import org.palermo.privacy.ledger.BudgetExceededException;
import org.palermo.privacy.ledger.DatasetId;
import org.palermo.privacy.ledger.InMemoryLedgerStore;
import org.palermo.privacy.ledger.PrivacyBudget;
import org.palermo.privacy.ledger.PrivacyBudgetLedger;
import org.palermo.privacy.table.CountTable;
import org.palermo.privacy.table.TableProtectionPolicy;

class PrivacyReleasesTest {
  private static final Instant NOW = Instant.parse("2026-05-04T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final PrivacyBudgetLedger ledger =
      PrivacyBudgetLedger.withBudget(
          new InMemoryLedgerStore(), PrivacyBudget.ofEpsilon(BigDecimal.ONE), CLOCK);
  private final PrivacyReleases releases =
      new PrivacyReleases(CLOCK, new SplittableRandom(8), ledger);

  @Test
  void microdataReleaseCarriesItsSidecarMetadata() {
    MicrodataRelease release =
        releases.microdata(
            "ctdc-2026",
            new SyntheticCtdcGenerator(4).generate(3000),
            KAnonymityPolicy.ctdcDefault(),
            "stats@ministry");

    ReleaseMetadata m = release.metadata();
    assertThat(m.kind()).isEqualTo(ReleaseKind.MICRODATA);
    assertThat(m.k()).isEqualTo(11);
    assertThat(m.quasiIdentifiers())
        .contains("gender", "ageBroad", "majorityStatus", "citizenship", "CountryOfExploitation")
        .contains("yearOfRegistration", "isForcedLabour", "isSexualExploit");
    assertThat(m.releasedAt()).isEqualTo(NOW);
    assertThat(m.releasedBy()).isEqualTo("stats@ministry");
    assertThat(m.engineVersion()).isEqualTo(ReleaseMetadata.ENGINE_VERSION);
    assertThat(m.suppression().recordsSuppressed()).isEqualTo(release.data().recordsSuppressed());
    assertThat(m.epsilon()).isNull();
    assertThat(m.parameters()).containsKeys("lossMetric", "loss", "level.citizenship");
    StringWriter csv = new StringWriter();
    release.writeCsv(csv);
    assertThat(csv.toString()).startsWith(String.join(",", CtdcLayout.header()));
  }

  @Test
  void tableAndDpTableReleasesReportTheirParameters() {
    CountTable table =
        CountTable.of(List.of("F", "M"), List.of("NG", "GH"), new long[][] {{3, 40}, {25, 60}});

    TableRelease protectedTable =
        releases.table("ctdc-2026", table, TableProtectionPolicy.defaults(), "stats");
    assertThat(protectedTable.metadata().suppression().cellsPrimary()).isEqualTo(1);
    assertThat(protectedTable.metadata().suppression().cellsComplementary()).isGreaterThan(0);
    assertThat(protectedTable.metadata().parameters())
        .containsEntry("threshold", "10")
        .containsEntry("roundingBase", "5");

    DpTableRequest request =
        new DpTableRequest(
            new DatasetId("ctdc-2026"),
            List.of("F", "M"),
            List.of("NG"),
            List.of(new Contribution("p1", "F", "NG")),
            1,
            new BigDecimal("0.75"),
            "sex by citizenship");
    DpTableRelease dp = releases.dpTable(request, "stats");
    assertThat(dp.metadata().epsilon()).isEqualByComparingTo("0.75");
    assertThat(dp.metadata().delta()).isEqualByComparingTo("0");
    assertThat(dp.metadata().parameters()).containsEntry("noiseScale", "4/3");
    assertThatThrownBy(() -> releases.dpTable(request, "stats"))
        .isInstanceOf(BudgetExceededException.class);
  }

  @Test
  void sidecarJsonHasEveryFieldAndEscapesText() {
    ReleaseMetadata m =
        new ReleaseMetadata(
            ReleaseKind.DP_TABLE,
            "set \"A\"",
            List.of("gender"),
            null,
            new SuppressionCounts(1, 2, 3, 4),
            new BigDecimal("0.50"),
            BigDecimal.ZERO,
            ReleaseMetadata.ENGINE_VERSION,
            NOW,
            "ana\\b",
            java.util.Map.of("purpose", "line\nbreak"));

    assertThat(m.toJson())
        .isEqualTo(
            "{\"kind\":\"dp-table\",\"dataset\":\"set \\\"A\\\"\",\"quasiIdentifiers\":[\"gender\"],"
                + "\"k\":null,\"suppression\":{\"recordsSuppressed\":1,\"recordsDropped\":2,"
                + "\"cellsPrimary\":3,\"cellsComplementary\":4},\"epsilon\":0.50,\"delta\":0,"
                + "\"engineVersion\":\"palermo-privacy/1.0\",\"releasedAt\":\"2026-05-04T08:30:00Z\","
                + "\"releasedBy\":\"ana\\\\b\",\"parameters\":{\"purpose\":\"line\\u000abreak\"}}");
    assertThatThrownBy(
            () -> releases.microdata("x", List.of(), KAnonymityPolicy.ctdcDefault(), " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

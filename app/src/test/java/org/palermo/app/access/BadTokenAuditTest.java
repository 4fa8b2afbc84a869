package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.app.audit.AuditEntry;

class BadTokenAuditTest {
  Instant now = Instant.parse("2026-12-07T10:00:00Z");
  final List<AuditEntry> recorded = new ArrayList<>();
  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void a_flood_from_one_source_writes_one_entry_then_one_count_per_interval() {
    BadTokenAudit audit = new BadTokenAudit(recorded::add, clock, Duration.ofMinutes(1), 100);
    for (int i = 0; i < 600; i++) {
      audit.refused("198.51.100.7");
    }
    assertThat(recorded).hasSize(1);
    assertThat(recorded.get(0).detail()).isEqualTo("source=198.51.100.7 refusals=1");
    assertThat(recorded.get(0).action()).isEqualTo("access.token.use");
    assertThat(recorded.get(0).outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);

    audit.flush(); // the interval has not ended: nothing yet
    assertThat(recorded).hasSize(1);
    now = now.plusSeconds(60);
    audit.flush();
    assertThat(recorded).hasSize(2);
    assertThat(recorded.get(1).detail())
        .isEqualTo("source=198.51.100.7 refusals=599 since=2026-12-07T10:00:00Z");
  }

  @Test
  void sources_are_counted_apart_and_the_oldest_is_recorded_when_the_table_is_full() {
    BadTokenAudit audit = new BadTokenAudit(recorded::add, clock, Duration.ofMinutes(1), 2);
    audit.refused("a");
    audit.refused("a");
    audit.refused("b");
    assertThat(recorded).extracting(AuditEntry::detail).hasSize(2);
    audit.refused("c"); // drops "a", recording its count
    assertThat(recorded)
        .extracting(AuditEntry::detail)
        .contains("source=a refusals=1 since=2026-12-07T10:00:00Z", "source=c refusals=1");
  }

  @Test
  void a_refusal_after_the_interval_opens_a_new_one_and_records_the_last_count() {
    BadTokenAudit audit = new BadTokenAudit(recorded::add, clock, Duration.ofMinutes(1), 100);
    audit.refused("a");
    audit.refused("a");
    now = now.plusSeconds(61);
    audit.refused("a");
    assertThat(recorded)
        .extracting(AuditEntry::detail)
        .containsExactly(
            "source=a refusals=1",
            "source=a refusals=1 since=2026-12-07T10:00:00Z",
            "source=a refusals=1");
  }
}

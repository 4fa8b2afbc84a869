package org.palermo.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.palermo.app.audit.AuditEntry.Outcome;

class AuditHashTest {
  static final Instant AT = Instant.parse("2026-11-22T10:00:00.123456Z");

  @Test
  void every_field_and_the_previous_hash_change_the_hash() {
    AuditEntry e = new AuditEntry("a", "b", "c", "d", Outcome.SUCCESS, "e");
    String base = AuditHash.of(1, AT, e, AuditHash.GENESIS);
    assertThat(AuditHash.of(2, AT, e, AuditHash.GENESIS)).isNotEqualTo(base);
    assertThat(AuditHash.of(1, AT.plusNanos(1000), e, AuditHash.GENESIS)).isNotEqualTo(base);
    assertThat(AuditHash.of(1, AT, e, "1".repeat(64))).isNotEqualTo(base);
    assertThat(
            AuditHash.of(
                1, AT, new AuditEntry("a", "b", "c", "d", Outcome.FAILURE, "e"), AuditHash.GENESIS))
        .isNotEqualTo(base);
    assertThat(AuditHash.of(1, AT, e, AuditHash.GENESIS)).isEqualTo(base).hasSize(64);
  }

  @Test
  void moving_text_between_fields_changes_the_hash() {
    String one =
        AuditHash.of(
            1, AT, new AuditEntry("ab", "c", "x", "t", Outcome.SUCCESS, ""), AuditHash.GENESIS);
    String two =
        AuditHash.of(
            1, AT, new AuditEntry("a", "bc", "x", "t", Outcome.SUCCESS, ""), AuditHash.GENESIS);
    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void the_keyed_hash_depends_on_the_key_and_differs_from_the_unkeyed_one() {
    AuditEntry e = new AuditEntry("a", "b", "c", "d", Outcome.SUCCESS, "e");
    byte[] key = new byte[32];
    byte[] other = new byte[32];
    other[0] = 1;
    String keyed = AuditHash.keyed(key, 1, AT, e, AuditHash.GENESIS);
    assertThat(keyed).hasSize(64).isEqualTo(AuditHash.keyed(key, 1, AT, e, AuditHash.GENESIS));
    assertThat(AuditHash.keyed(other, 1, AT, e, AuditHash.GENESIS)).isNotEqualTo(keyed);
    assertThat(AuditHash.of(1, AT, e, AuditHash.GENESIS)).isNotEqualTo(keyed);
  }
}

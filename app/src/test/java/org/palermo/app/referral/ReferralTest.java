package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.Referral.Basis;
import org.palermo.app.referral.Referral.DeclineReason;

/** The referral's transitions, without a database. */
class ReferralTest {
  static final Instant T0 = Instant.parse("2026-03-04T09:00:00Z");

  static Referral pending() {
    return new Referral(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        null,
        "SHELTER",
        null,
        false,
        false,
        "",
        ReferralStatus.PENDING,
        Basis.CONSENT,
        null,
        Set.of(FieldGroup.IDENTITY),
        null,
        null,
        "u",
        T0,
        T0.plusSeconds(86400),
        null,
        null,
        null,
        null,
        0);
  }

  static ErrorCode code(Runnable r) {
    try {
      r.run();
    } catch (PalermoException e) {
      return e.code();
    }
    return null;
  }

  @Test
  void pending_accepted_completed() {
    Referral done = pending().accept(T0.plusSeconds(60)).complete(T0.plusSeconds(120));
    assertThat(done.status()).isEqualTo(ReferralStatus.COMPLETED);
    assertThat(done.answeredAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(done.closedAt()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void illegal_moves_are_refused() {
    assertThat(code(() -> pending().complete(T0))).isEqualTo(ErrorCode.CONFLICT);
    Referral declined = pending().decline(T0, DeclineReason.NO_CAPACITY, null);
    assertThat(code(() -> declined.accept(T0))).isEqualTo(ErrorCode.CONFLICT);
    assertThat(code(() -> declined.revoke(T0))).isEqualTo(ErrorCode.CONFLICT);
    assertThat(pending().accept(T0).revoke(T0).status()).isEqualTo(ReferralStatus.REVOKED);
  }

  @Test
  void a_decline_needs_a_reason_and_other_needs_words() {
    assertThatThrownBy(() -> pending().decline(T0, null, "full"))
        .isInstanceOf(PalermoException.class);
    assertThatThrownBy(() -> pending().decline(T0, DeclineReason.OTHER, " "))
        .isInstanceOf(PalermoException.class);
    assertThat(pending().decline(T0, DeclineReason.OTHER, "Closed").declineText())
        .isEqualTo("Closed");
  }

  @Test
  void overdue_only_while_pending_and_after_the_deadline() {
    Referral r = pending();
    assertThat(r.overdue(T0.plusSeconds(86400))).isFalse();
    assertThat(r.overdue(T0.plusSeconds(86401))).isTrue();
    assertThat(r.accept(T0).overdue(T0.plusSeconds(90000))).isFalse();
  }
}

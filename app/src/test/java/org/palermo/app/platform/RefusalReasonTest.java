package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palermo.app.cases.protection.ProtectionRefusal;
import org.palermo.app.referral.ReferralRefusal;

/**
 * A refusal carries its typed reason (issue #12 §4): the problem's {@code reason} member is the
 * enum's code, the other members stay, and a caller recognises the reason by the enum, not by
 * comparing text.
 */
class RefusalReasonTest {
  @Test
  void the_problem_reason_is_the_enum_code_and_callers_compare_the_enum() {
    PalermoException e =
        new PalermoException(
            ErrorCode.FORBIDDEN,
            ReferralRefusal.OVERRIDE_NOT_ALLOWED,
            "Only a user with the override permission may refer without consent.",
            Map.of("field", "overrideReason"));

    assertThat(e.properties())
        .containsEntry("reason", "OVERRIDE_NOT_ALLOWED")
        .containsEntry("field", "overrideReason");
    assertThat(e.reason()).isSameAs(ReferralRefusal.OVERRIDE_NOT_ALLOWED);
    assertThat(e.is(ReferralRefusal.OVERRIDE_NOT_ALLOWED)).isTrue();
    assertThat(e.is(ReferralRefusal.CONSENT_REQUIRED)).isFalse();
    // Two modules may share a code; the enums still differ.
    assertThat(e.is(ProtectionRefusal.CONSENT_REQUIRED)).isFalse();
  }

  @Test
  void a_failure_that_is_no_refusal_has_no_reason() {
    PalermoException e = new PalermoException(ErrorCode.NOT_FOUND, "No such case.");
    assertThat(e.reason()).isNull();
    assertThat(e.is(ReferralRefusal.OVERRIDE_NOT_ALLOWED)).isFalse();
    assertThat(e.properties()).doesNotContainKey("reason");
  }
}

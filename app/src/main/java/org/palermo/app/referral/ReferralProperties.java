package org.palermo.app.referral;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Referral settings, bound from {@code palermo.referral.*}.
 *
 * @param answerWithinWorkingDays working days (Monday to Friday) the recipient has to accept or
 *     decline before the referral is overdue (default 2)
 * @param opensSoon how far ahead "opens soon" looks when ranking providers (default 2 hours)
 * @param overrideRole the role that may make a referral without consent or a best-interests
 *     determination, with a reason (default CASE_SUPERVISOR)
 * @param keepAfterCompletion how long the recipient keeps the referral view after it marked the
 *     referral completed: the period the service lasts (default 90 days); the sender may withdraw
 *     it sooner
 */
@ConfigurationProperties("palermo.referral")
public record ReferralProperties(
    Integer answerWithinWorkingDays,
    Duration opensSoon,
    String overrideRole,
    Duration keepAfterCompletion) {

  public ReferralProperties {
    answerWithinWorkingDays =
        answerWithinWorkingDays == null || answerWithinWorkingDays < 1
            ? 2
            : answerWithinWorkingDays;
    opensSoon = opensSoon == null ? Duration.ofHours(2) : opensSoon;
    overrideRole =
        overrideRole == null || overrideRole.isBlank() ? "CASE_SUPERVISOR" : overrideRole;
    keepAfterCompletion =
        keepAfterCompletion == null || keepAfterCompletion.isNegative()
            ? Duration.ofDays(90)
            : keepAfterCompletion;
  }
}

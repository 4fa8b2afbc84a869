package org.palermo.app.cases.protection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the protection records, bound from {@code palermo.protection.*}.
 *
 * @param residenceReminderDays how many days before a residence permit or reflection period ends it
 *     appears on the expiring-soon list (default 30)
 * @param riskAssessmentValidDays how many days a return risk assessment stays current; a return on
 *     an older one is refused (default 30)
 * @param reviewWindowDays how many days after a negative identification decision the person may ask
 *     for reconsideration or review, during which no removal is recorded (default 30)
 * @param ageChallengeDays how many days after an age assessment concluded adulthood the person may
 *     challenge it, during which they stay protected from removal as a presumed child (default 30)
 */
@ConfigurationProperties("palermo.protection")
public record ProtectionProperties(
    Integer residenceReminderDays,
    Integer riskAssessmentValidDays,
    Integer reviewWindowDays,
    Integer ageChallengeDays) {
  public ProtectionProperties {
    residenceReminderDays =
        residenceReminderDays == null || residenceReminderDays < 1 ? 30 : residenceReminderDays;
    riskAssessmentValidDays =
        riskAssessmentValidDays == null || riskAssessmentValidDays < 1
            ? 30
            : riskAssessmentValidDays;
    reviewWindowDays = reviewWindowDays == null || reviewWindowDays < 0 ? 30 : reviewWindowDays;
    ageChallengeDays = ageChallengeDays == null || ageChallengeDays < 0 ? 30 : ageChallengeDays;
  }
}

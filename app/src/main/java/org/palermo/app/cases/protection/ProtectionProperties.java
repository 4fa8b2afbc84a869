package org.palermo.app.cases.protection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the protection records, bound from {@code palermo.protection.*}.
 *
 * @param residenceReminderDays how many days before a residence permit or reflection period ends it
 *     appears on the expiring-soon list (default 30)
 */
@ConfigurationProperties("palermo.protection")
public record ProtectionProperties(Integer residenceReminderDays) {
  public ProtectionProperties {
    residenceReminderDays =
        residenceReminderDays == null || residenceReminderDays < 1 ? 30 : residenceReminderDays;
  }
}

package org.palermo.app.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records a module holds that a rule of {@link Retention} erases after a period (GDPR Art.
 * 5(1)(e)), e.g. {@code identification}'s draft screenings: the SPI through which retention finds
 * and purges them without touching the module's tables.
 */
public interface ExpiringRecords {
  /**
   * The rule, as named in the configuration ({@code palermo.retention.<rule>}), the report and the
   * audit: e.g. {@code draft-screening}.
   */
  String rule();

  /** The records the rule erases when the cutoff is {@code cutoff}. */
  List<UUID> due(Instant cutoff);

  /**
   * Deletes {@code ids} (one statement per table, still only those the rule applies to); returns
   * the ids deleted, whose data keys the caller shreds.
   */
  Set<UUID> purge(Collection<UUID> ids);
}

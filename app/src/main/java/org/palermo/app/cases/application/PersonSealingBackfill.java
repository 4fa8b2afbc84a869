package org.palermo.app.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import org.palermo.app.cases.persistence.PersonStore;
import org.palermo.app.platform.crypto.InvalidMasterKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the person table free of plaintext (SECURITY.md rule 6) and its {@code minor} flag true to
 * the sealed date of birth. At start-up: seals the persons stored before V15 and writes their blind
 * name tokens (does nothing once every row is sealed), then refreshes {@code minor}. Every day
 * (cron {@code palermo.cases.minor-cron}, 00:05 by default): clears {@code minor} for those who
 * turned 18, so the case list's child filter ({@code age_disputed OR minor}) needs no plaintext
 * date of birth. The date comes from the injected {@link Clock}.
 */
@Component
class PersonSealingBackfill {
  private static final Logger log = LoggerFactory.getLogger(PersonSealingBackfill.class);
  private final PersonStore persons;
  private final Clock clock;

  PersonSealingBackfill(PersonStore persons, Clock clock) {
    this.persons = persons;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void backfill() {
    try {
      while (persons.backfillSealing() > 0) {
        // batches of 500 until none is left
      }
      refreshMinors();
    } catch (InvalidMasterKeyException missing) {
      // Only a command can get here (the server refuses to start without every master key):
      // 'palermo keys status' must still start to count the data keys it cannot open. Nothing was
      // changed; the next start with every key (or the daily run) does the work.
      log.warn("Start-up sealing and minor refresh skipped: a master key is not given.");
    }
  }

  /** Clears the flag of those who turned 18; returns how many. */
  @Scheduled(cron = "${palermo.cases.minor-cron:0 5 0 * * *}")
  int refreshMinors() {
    return persons.refreshMinors(LocalDate.now(clock));
  }
}

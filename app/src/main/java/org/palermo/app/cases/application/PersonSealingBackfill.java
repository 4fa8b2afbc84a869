package org.palermo.app.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import org.palermo.app.cases.persistence.PersonStore;
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
  private final PersonStore persons;
  private final Clock clock;

  PersonSealingBackfill(PersonStore persons, Clock clock) {
    this.persons = persons;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void backfill() {
    while (persons.backfillSealing() > 0) {
      // batches of 500 until none is left
    }
    refreshMinors();
  }

  /** Clears the flag of those who turned 18; returns how many. */
  @Scheduled(cron = "${palermo.cases.minor-cron:0 5 0 * * *}")
  int refreshMinors() {
    return persons.refreshMinors(LocalDate.now(clock));
  }
}

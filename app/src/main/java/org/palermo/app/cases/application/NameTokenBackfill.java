package org.palermo.app.cases.application;

import org.palermo.app.cases.persistence.PersonStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives persons stored before V11 their name tokens at start-up, so that search-before-create and
 * name search find them too. Does nothing once every person has tokens.
 */
@Component
class NameTokenBackfill {
  private final PersonStore persons;

  NameTokenBackfill(PersonStore persons) {
    this.persons = persons;
  }

  @EventListener(ApplicationReadyEvent.class)
  void backfill() {
    while (persons.backfillTokens() > 0) {
      // batches of 5,000 until none is left
    }
  }
}

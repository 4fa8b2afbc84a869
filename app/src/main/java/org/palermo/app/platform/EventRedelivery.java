package org.palermo.app.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events between modules whose listener failed (issue 11, item 4): Spring
 * Modulith records every publication before the transaction commits and marks it complete when its
 * listener succeeds, but re-submits incomplete ones only at the next start (a statistics event lost
 * to an exhausted pool stayed missing until a restart). Every {@code
 * palermo.events.redelivery-interval} (default one minute) the publications still incomplete after
 * that interval are submitted again. Listeners are idempotent (delivery is at least once).
 */
@Component
class EventRedelivery {
  private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);
  private final IncompleteEventPublications incomplete;
  private final Duration olderThan;

  EventRedelivery(
      IncompleteEventPublications incomplete,
      @Value("${palermo.events.redelivery-interval:60s}") Duration olderThan) {
    this.incomplete = incomplete;
    this.olderThan = olderThan;
  }

  @Scheduled(
      fixedDelayString = "${palermo.events.redelivery-interval:60s}",
      initialDelayString = "${palermo.events.redelivery-interval:60s}")
  void redeliver() {
    try {
      incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    } catch (RuntimeException e) {
      log.warn("Re-delivering incomplete events failed; next attempt in {}", olderThan, e);
    }
  }

  /** Submits again every incomplete publication older than {@code age} (tests, operators). */
  void redeliverOlderThan(Duration age) {
    incomplete.resubmitIncompletePublicationsOlderThan(age);
  }
}

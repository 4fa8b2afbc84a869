package org.palermo.app.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * The events between modules still on their way, read through Spring Modulith's own registry (issue
 * 12 §3), never its table. No web request waits here: pages answer at once with "figures as of"
 * (the statistics read model). Only the command line and statistical releases, which must count
 * every record committed before they began, wait for the publications incomplete at their start,
 * within a bound, and log what they waited for (counts and listener names, nothing personal).
 */
@Component
public class PendingEvents {
  private static final Logger log = LoggerFactory.getLogger(PendingEvents.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final EventPublicationRegistry registry;
  private final JdbcClient jdbc;
  private final Duration catchUpLimit;

  PendingEvents(
      EventPublicationRegistry registry,
      JdbcClient jdbc,
      @Value("${palermo.events.catch-up-limit:30s}") Duration catchUpLimit) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.catchUpLimit = catchUpLimit;
  }

  /**
   * Forgets every delivered publication whose event names one of {@code caseIds} (GDPR Art. 17):
   * the event store keeps completed events with their payloads (sex, age, citizenship, forms of
   * exploitation of a case). Called by erasure in the same transaction. Publications still on their
   * way are left to be delivered: one event may name several cases (a status change of a person's
   * cases), and dropping it would lose the others' update. The registry's API cannot select by
   * payload, so this is the one statement on the table that {@code platform} owns.
   *
   * @return how many publications were forgotten
   */
  public int forgetCases(Collection<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return 0;
    }
    String[] patterns = caseIds.stream().map(id -> "%" + id + "%").toArray(String[]::new);
    return jdbc.sql(
            "DELETE FROM event_publication WHERE completion_date IS NOT NULL"
                + " AND serialized_event LIKE ANY(CAST(? AS text[]))")
        .param(patterns)
        .update();
  }

  /** {@link #awaitDelivered(Duration)} within {@code palermo.events.catch-up-limit} (30 s). */
  public boolean awaitDelivered() {
    return awaitDelivered(catchUpLimit);
  }

  /**
   * Waits until every publication that was incomplete when called (and not marked failed, nor older
   * than {@code limit}: those wait for {@link EventRedelivery}) has been handled by its listener,
   * or {@code limit} has passed.
   *
   * @return whether all of them were handled in time
   */
  public boolean awaitDelivered(Duration limit) {
    long start = System.nanoTime();
    // A publication older than the limit is not on its way but stuck (its listener's process or
    // context ended while handling it): EventRedelivery resubmits it, and waiting for it would make
    // every caller wait the whole limit (issue 12 §3). Erasure does not depend on it: the
    // statistics' tombstones ignore a late event about an erased case.
    // A publication becomes stuck once it is older than the limit, also while we wait.
    java.util.Map<UUID, Instant> waitingFor = new java.util.HashMap<>();
    for (TargetEventPublication p : registry.findIncompletePublications()) {
      if (p.getStatus() != EventPublication.Status.FAILED) {
        waitingFor.put(p.getIdentifier(), p.getPublicationDate());
      }
    }
    long deadline = start + limit.toNanos();
    int initially = 0;
    try {
      while (true) {
        Instant stuckBefore = Instant.now().minus(limit);
        waitingFor.values().removeIf(published -> published.isBefore(stuckBefore));
        if (waitingFor.isEmpty()) {
          if (initially > 0) {
            log.info(
                "All {} event publications delivered after {} ms",
                initially,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
          }
          return true;
        }
        if (initially == 0) {
          initially = waitingFor.size();
          log.info("Waiting up to {} for {} event publications on their way", limit, initially);
        }
        if (System.nanoTime() >= deadline) {
          log.warn(
              "{} of {} event publications still undelivered after {}; going on without them",
              waitingFor.size(),
              initially,
              limit);
          return false;
        }
        Thread.sleep(POLL.toMillis());
        waitingFor.keySet().retainAll(incompleteIds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The incomplete publications published more than {@code age} ago: stuck ones. */
  Collection<TargetEventPublication> olderThan(Duration age) {
    return registry.findIncompletePublicationsOlderThan(age);
  }

  /** When the oldest of {@code publications} was published, or {@code null} if none. */
  static Instant oldest(Collection<? extends EventPublication> publications) {
    return publications.stream()
        .map(EventPublication::getPublicationDate)
        .min(Instant::compareTo)
        .orElse(null);
  }

  private Set<UUID> incompleteIds() {
    Set<UUID> ids = new HashSet<>();
    for (TargetEventPublication p : registry.findIncompletePublications()) {
      ids.add(p.getIdentifier());
    }
    return ids;
  }
}

package org.palermo.app.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * The health component {@code events} (issue 12 §3): {@code STUCK} while an event between modules
 * has waited for its listener longer than {@code palermo.events.stuck-after} (default two
 * redelivery intervals; a listener that failed, or a publication left {@code PROCESSING} by a
 * crash), {@code UP} otherwise. {@link EventRedelivery} resubmits such publications; this makes
 * them visible meanwhile. Its details (shown to administrators only) are a count, the age of the
 * oldest and the listeners concerned: no event content, so nothing personal.
 *
 * <p>{@code STUCK} ranks after {@code UP} in the overall status (application.properties): a late
 * statistic does not take the application out of service. The group {@code
 * /actuator/health/event-delivery} answers {@code STUCK} or {@code UP} to monitoring without
 * signing in.
 */
@Component("events")
class EventsHealth implements HealthIndicator {
  static final Status STUCK = new Status("STUCK", "An event between modules awaits its listener");

  private final PendingEvents pending;
  private final Duration stuckAfter;
  private final Clock clock;

  EventsHealth(
      PendingEvents pending,
      @Value("${palermo.events.stuck-after:120s}") Duration stuckAfter,
      Clock clock) {
    this.pending = pending;
    this.stuckAfter = stuckAfter;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Collection<TargetEventPublication> stuck = pending.olderThan(stuckAfter);
    if (stuck.isEmpty()) {
      return Health.up().withDetail("stuck", 0).build();
    }
    Instant oldest = PendingEvents.oldest(stuck);
    TreeSet<String> listeners = new TreeSet<>();
    stuck.forEach(p -> listeners.add(p.getTargetIdentifier().getValue()));
    return Health.status(STUCK)
        .withDetail("stuck", stuck.size())
        .withDetail("oldestAgeSeconds", Duration.between(oldest, clock.instant()).toSeconds())
        .withDetail("listeners", listeners)
        .build();
  }
}

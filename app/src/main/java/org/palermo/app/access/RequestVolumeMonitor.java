package org.palermo.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Detects an abnormal number of requests by one user (ASVS 8.1.4): more than {@code
 * palermo.security.abnormal-requests-per-hour} (default 5,000) signed-in requests in one clock hour
 * — a caseworker's day is a few hundred; a script copying the agency's records is many thousands.
 * The first request over the line in each hour appends an audit entry {@code
 * access.volume.abnormal} and notifies the user's agency ({@code /notifications}), once per user
 * and hour; requests are not refused (a refusal could stop urgent work; the agency decides). Counts
 * are kept in memory only.
 */
@Component
public class RequestVolumeMonitor {
  private static final Duration WINDOW = Duration.ofHours(1);

  private final int threshold;
  private final Clock clock;
  private final AuditLog audit;
  private final Notifications notifications;
  private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

  private record Window(Instant start, AtomicInteger count) {}

  RequestVolumeMonitor(
      @Value("${palermo.security.abnormal-requests-per-hour:5000}") int threshold,
      Clock clock,
      AuditLog audit,
      Notifications notifications) {
    this.threshold = threshold <= 0 ? Integer.MAX_VALUE : threshold;
    this.clock = clock;
    this.audit = audit;
    this.notifications = notifications;
  }

  /** Counts one request of {@code who}; alerts when it is the first over the line this hour. */
  void count(PalermoPrincipal who) {
    Instant now = clock.instant();
    Instant hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    Window w =
        windows.compute(
            who.userId(),
            (id, old) ->
                old != null && old.start().equals(hour)
                    ? old
                    : new Window(hour, new AtomicInteger()));
    if (w.count().incrementAndGet() == threshold + 1) {
      String detail = "over " + threshold + " requests since " + hour + " (" + WINDOW + ")";
      audit.record(
          new AuditEntry(
              who.username(),
              who.agencyName(),
              "access.volume.abnormal",
              "user:" + who.userId(),
              Outcome.SUCCESS,
              detail));
      notifications.notify(who.agencyId(), "abnormalVolume", null, who.username() + ": " + detail);
    }
  }
}

package org.palermo.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;

/**
 * Audits refused API tokens without letting them flood the audit log (issue #11 item 15; ASVS 7.2.1
 * and 7.4): the first refusal from a source address in an interval is recorded at once; the ones
 * that follow in the same interval are only counted, and the count is recorded as one entry when
 * the interval ends ({@code access.token.use}, {@code FAILURE}, detail {@code source=<address>
 * refusals=<n> since=<instant>}). A client sending 600 bad tokens a second thus writes two entries
 * a minute, not 36,000. At most {@code maxSources} addresses are tracked; when more arrive, the
 * oldest is recorded and dropped, never lost silently.
 */
@org.springframework.stereotype.Component
class BadTokenAudit {
  static final String ACTION = "access.token.use";
  private final Consumer<AuditEntry> sink;
  private final Clock clock;
  private final Duration interval;
  private final int maxSources;
  private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

  private static final class Window {
    final Instant start;
    int suppressed;

    Window(Instant start) {
      this.start = start;
    }
  }

  @org.springframework.beans.factory.annotation.Autowired
  BadTokenAudit(
      org.palermo.app.audit.AuditLog audit,
      Clock clock,
      @org.springframework.beans.factory.annotation.Value(
              "${palermo.security.bad-token-audit-interval:PT1M}")
          Duration interval) {
    this(audit::record, clock, interval, 10_000);
  }

  BadTokenAudit(Consumer<AuditEntry> sink, Clock clock, Duration interval, int maxSources) {
    this.sink = sink;
    this.clock = clock;
    this.interval = interval;
    this.maxSources = maxSources;
  }

  /** One refused token from {@code source}. */
  void refused(String source) {
    Instant now = clock.instant();
    List<AuditEntry> due = new ArrayList<>();
    boolean first;
    synchronized (windows) {
      Window w = windows.get(source);
      if (w != null && now.isBefore(w.start.plus(interval)) && !now.isBefore(w.start)) {
        w.suppressed++;
        first = false;
      } else {
        if (w != null) {
          windows.remove(source);
          summary(source, w).ifPresent(due::add);
        }
        windows.put(source, new Window(now));
        first = true;
        while (windows.size() > maxSources) {
          Iterator<Map.Entry<String, Window>> oldest = windows.entrySet().iterator();
          Map.Entry<String, Window> e = oldest.next();
          oldest.remove();
          summary(e.getKey(), e.getValue()).ifPresent(due::add);
        }
      }
    }
    if (first) {
      due.add(entry("source=" + source + " refusals=1"));
    }
    due.forEach(sink);
  }

  /** Records the counts of every interval that has ended; called periodically. */
  @org.springframework.scheduling.annotation.Scheduled(
      fixedDelayString = "${palermo.security.bad-token-audit-interval:PT1M}")
  void flush() {
    Instant now = clock.instant();
    List<AuditEntry> due = new ArrayList<>();
    synchronized (windows) {
      Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Window> e = it.next();
        if (!now.isBefore(e.getValue().start.plus(interval))) {
          it.remove();
          summary(e.getKey(), e.getValue()).ifPresent(due::add);
        }
      }
    }
    due.forEach(sink);
  }

  private java.util.Optional<AuditEntry> summary(String source, Window w) {
    if (w.suppressed == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        entry("source=" + source + " refusals=" + w.suppressed + " since=" + w.start));
  }

  private static AuditEntry entry(String detail) {
    return new AuditEntry("unknown-token", "-", ACTION, "-", Outcome.FAILURE, detail);
  }
}

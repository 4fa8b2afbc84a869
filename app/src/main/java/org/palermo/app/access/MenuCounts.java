package org.palermo.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.palermo.app.platform.PalermoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The counts on the main menu (issue 14 item 7): for each menu entry, how many rows wait for the
 * user in the {@link WorkQueue queues} that declare it as their {@link WorkQueue#menu()}. Each
 * count is the queue's own ({@link WorkQueue#count}), read through the module's API under the
 * access policy, so a count never includes a record the user may not see; a queue the user may not
 * use counts nothing. One call per queue and per request, and only when a page shows the menu; the
 * home page hands over the counts of the queues it has just read ({@link #known}), so they are not
 * read twice. The counts are kept in the session for {@link #FRESH} so that browsing from page to
 * page does not read (and audit) every queue each time; a form posted in the session ({@link
 * #forget}) and the home page make them fresh again.
 */
@Component
class MenuCounts {
  private static final Logger log = LoggerFactory.getLogger(MenuCounts.class);
  private static final String KNOWN = MenuCounts.class.getName() + ".known";
  private static final String KEPT = MenuCounts.class.getName() + ".kept";

  /** How long the session keeps the counts between two pages. */
  static final Duration FRESH = Duration.ofSeconds(30);

  /** The counts of the queues, by key, as read at {@code at}. */
  /**
   * The counts kept for a moment, with whose they are: a session taken over by another sign-in on
   * the same browser, or a user moved to another agency, never shows the earlier counts.
   */
  private record Kept(
      java.util.UUID userId, java.util.UUID agencyId, Instant at, Map<String, Integer> byQueue)
      implements java.io.Serializable {}

  private final List<WorkQueue> queues;
  private final Clock clock;

  MenuCounts(List<WorkQueue> queues, Clock clock) {
    this.clock = clock;
    this.queues =
        queues.stream()
            .filter(q -> q.menu() != null)
            .sorted(Comparator.comparingInt(WorkQueue::order))
            .toList();
  }

  /** Records that queue {@code key} has {@code count} rows for this request's user. */
  static void known(HttpServletRequest request, String key, int count) {
    known(request).put(key, count);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> known(HttpServletRequest request) {
    Object m = request.getAttribute(KNOWN);
    if (m == null) {
      m = new HashMap<String, Integer>();
      request.setAttribute(KNOWN, m);
    }
    return (Map<String, Integer>) m;
  }

  /** Forgets the session's counts: something may have changed (a form was posted). */
  static void forget(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(KEPT);
    }
  }

  /** The count per menu href for {@code who}; an entry with nothing waiting is absent. */
  Map<String, Integer> of(PalermoPrincipal who, HttpServletRequest request) {
    Map<String, Integer> known = known(request);
    HttpSession session = request.getSession(false);
    Instant now = clock.instant();
    if (known.isEmpty()
        && session != null
        && session.getAttribute(KEPT) instanceof Kept kept
        && java.util.Objects.equals(kept.userId(), who.userId())
        && java.util.Objects.equals(kept.agencyId(), who.agencyId())
        && kept.at().plus(FRESH).isAfter(now)) {
      known.putAll(kept.byQueue());
    }
    Map<String, Integer> out = new HashMap<>();
    for (WorkQueue q : queues) {
      if (!q.appliesTo(who)) {
        continue;
      }
      Integer n = known.get(q.key());
      if (n == null) {
        try {
          n = q.count(who);
        } catch (PalermoException e) {
          n = 0; // refused (and audited) by the list's own guard: nothing to count for this user
        } catch (RuntimeException e) {
          // A count is a convenience: it must not take the page down. No personal data here.
          log.warn("Menu count of queue {} failed: {}", q.key(), e.getClass().getSimpleName());
          n = 0;
        }
        known.put(q.key(), n);
      }
      if (n > 0) {
        out.merge(q.menu(), n, Integer::sum);
      }
    }
    if (session != null) {
      session.setAttribute(KEPT, new Kept(who.userId(), who.agencyId(), now, Map.copyOf(known)));
    }
    return out;
  }
}

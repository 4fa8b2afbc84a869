package org.palermo.app.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Whose the sessions were that the container freed after the idle timeout (issue #14 item 3): a
 * form posted later still carries the freed session's id and CSRF token, and {@link
 * KeptSubmissions} keeps it for that user only if both match what is remembered here. In memory
 * only, for {@link KeptSubmissions#LIFETIME}, at most {@value #LIMIT} sessions, and each is taken
 * at most once: after a restart a late post is not kept (the user signs in again as before).
 */
@Component
class EndedSessions {
  static final int LIMIT = 10_000;

  record Ended(PalermoPrincipal who, CsrfToken token, Instant endedAt) {}

  private final Map<String, Ended> ended = new ConcurrentHashMap<>();
  private final Clock clock;

  EndedSessions(Clock clock) {
    this.clock = clock;
  }

  void remember(String sessionId, PalermoPrincipal who, CsrfToken token) {
    if (sessionId == null || who == null || token == null) {
      return;
    }
    Instant now = clock.instant();
    ended.values().removeIf(e -> e.endedAt().plus(KeptSubmissions.LIFETIME).isBefore(now));
    if (ended.size() < LIMIT) {
      ended.put(sessionId, new Ended(who, token, now));
    }
  }

  /** Who held this (freed) session, once; empty when unknown or too long ago. */
  Optional<Ended> take(String sessionId) {
    if (sessionId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(ended.remove(sessionId))
        .filter(e -> !e.endedAt().plus(KeptSubmissions.LIFETIME).isBefore(clock.instant()));
  }
}

package org.palermo.app.access;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * "Stay signed in" (issue #14 item 3): the warning that {@code js/session.js} shows shortly before
 * the idle timeout ({@code palermo.session.idle-timeout}) posts here; the request itself is what
 * keeps the session ({@link SessionTimeouts} notes it as the last use). It reads and returns
 * nothing. A session already expired is sent to the sign-in page by {@link SessionTimeouts}.
 * Without JavaScript there is no warning and nothing else changes.
 */
@Controller
class SessionKeepAlive {

  @PostMapping("/session/keep-alive")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void keepAlive() {
    // The request is the keep-alive: SessionTimeouts has already noted it.
  }

  /** The idle timeout in seconds, for the warning of signed-in pages (layout {@code head}). */
  @ControllerAdvice(annotations = Controller.class)
  static final class IdleTimeoutAttribute {
    private final SessionProperties properties;

    IdleTimeoutAttribute(SessionProperties properties) {
      this.properties = properties;
    }

    @ModelAttribute("sessionIdleSeconds")
    long sessionIdleSeconds() {
      return properties.idleTimeout().toSeconds();
    }
  }
}

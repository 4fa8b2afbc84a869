package org.palermo.app.access;

import java.util.Optional;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in the current request. */
public final class CurrentUser {
  private CurrentUser() {}

  /** The fully authenticated principal, if any. */
  public static Optional<PalermoPrincipal> find() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || auth instanceof MfaPendingAuthentication
        || !(auth.getPrincipal() instanceof PalermoPrincipal p)) {
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** The fully authenticated principal; a 401 problem if there is none. */
  public static PalermoPrincipal get() {
    return find()
        .orElseThrow(() -> new PalermoException(ErrorCode.UNAUTHENTICATED, "Sign in first."));
  }
}

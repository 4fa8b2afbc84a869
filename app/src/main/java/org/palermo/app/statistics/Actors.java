package org.palermo.app.statistics;

import java.util.Map;
import org.palermo.app.access.Accounts;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Component;

/** Checks who makes a release or an import: the command line itself, or an enabled account. */
@Component
class Actors {
  /** The actor of command-line runs that name nobody else. */
  static final String CLI = "cli";

  private final Accounts accounts;

  Actors(Accounts accounts) {
    this.accounts = accounts;
  }

  /** The normalised name, if it is {@code cli} or the username of an enabled account. */
  String require(String name) {
    String normalised = Accounts.normalise(name);
    if (normalised.equals(CLI)) {
      return CLI;
    }
    boolean known =
        normalised.matches("[a-z0-9._-]{2,64}")
            && accounts.user(normalised).map(Accounts.UserSummary::enabled).orElse(false);
    if (!known) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Who makes a release must be 'cli' or the username of an enabled account; '"
              + name
              + "' is neither.",
          Map.of("field", "releasedBy"));
    }
    return normalised;
  }
}

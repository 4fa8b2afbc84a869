package org.palermo.app.federation.protocol;

import org.palermo.app.platform.RefusalReason;

/**
 * A card or a message refused, with the reason's code (a {@link CardRefusal} or {@link
 * MessageRefusal}). The detail names the rule, never the content: it may be logged and answered to
 * the sender.
 */
public final class FederationRefused extends RuntimeException {
  private final RefusalReason reason;

  public FederationRefused(RefusalReason reason, String detail) {
    super(reason.code() + ": " + detail, null, false, false);
    this.reason = reason;
  }

  public RefusalReason reason() {
    return reason;
  }

  public boolean is(RefusalReason r) {
    return reason == r;
  }
}

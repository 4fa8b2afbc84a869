package org.palermo.app.federation;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.palermo.app.federation.protocol.MechanismRole;

/**
 * A trusted partner instance as this instance stores it: the details of its current card, the
 * fingerprint the operator confirmed, who trusted it and when, whether it was revoked, and the
 * signed card itself.
 */
public record Partner(
    UUID instance,
    String country,
    String organisation,
    MechanismRole role,
    URI inbox,
    int cardVersion,
    String fingerprint,
    Instant notBefore,
    Instant notAfter,
    Instant trustedAt,
    String trustedBy,
    Instant revokedAt,
    String card) {
  /** Whether the partner was revoked. */
  public boolean revoked() {
    return revokedAt != null;
  }
}

package org.palermo.app.access;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token, as stored: only a SHA-256 hash of the secret is kept, with a short prefix
 * so its owner can tell tokens apart.
 */
public record ApiToken(
    UUID id,
    UUID userId,
    String name,
    String prefix,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  /** Usable: not revoked and not expired. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}

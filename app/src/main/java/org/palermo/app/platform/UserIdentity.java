package org.palermo.app.platform;

import java.util.UUID;

/**
 * The stable identifier of a signed-in user, for {@code platform}'s per-user records (the
 * idempotency keys): the user's id, never the username, which can be renamed or given again to
 * someone else. The access module's principal implements it.
 */
public interface UserIdentity {
  /** The user's id. */
  UUID userId();
}

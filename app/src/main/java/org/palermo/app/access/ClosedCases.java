package org.palermo.app.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The cases closed before a moment whose person is not yet anonymised and has no other case still
 * open or closed since that moment (anonymising clears the person, whom all their cases share):
 * what the closed-case rule of {@link Retention} reads from the module that owns cases ({@code
 * cases}), instead of its tables.
 */
public interface ClosedCases {
  /** The ids, oldest closure first. */
  List<UUID> closedBefore(Instant cutoff);
}

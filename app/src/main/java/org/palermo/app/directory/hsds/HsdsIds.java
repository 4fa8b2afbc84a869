package org.palermo.app.directory.hsds;

import java.util.UUID;
import org.palermo.app.directory.ServiceType;

/** Fixed ids of Palermo's own taxonomy of service types (created by migration V9). */
public final class HsdsIds {
  /** The taxonomy "Palermo service types". */
  public static final UUID PALERMO_TAXONOMY =
      UUID.fromString("5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1000");

  private HsdsIds() {}

  /** The taxonomy term of a service type. */
  public static UUID term(ServiceType type) {
    return UUID.fromString(
        String.format("5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a%04d", type.ordinal() + 1001));
  }
}

package org.palermo.app.platform;

import java.util.UUID;

/**
 * Reads optional values of a submitted form leniently: an empty, unknown or malformed value becomes
 * {@code null}, and the use case behind the page then refuses it with the catalogue's error naming
 * the field. Pages never fail with a 500 on a hand-edited form.
 */
public final class FormValues {
  private FormValues() {}

  /** The constant of {@code type} named exactly {@code value}, or {@code null}. */
  public static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    return null;
  }

  /** {@code value} as a UUID, or {@code null} when empty or malformed. */
  public static UUID uuid(String value) {
    try {
      return value == null || value.isEmpty() ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

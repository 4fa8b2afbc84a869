package org.palermo.app.access;

import org.palermo.app.platform.RefusalReason;

/**
 * Why an access rule (break-the-glass, disclosure) refused a step: the problem's {@code reason}.
 */
public enum AccessRefusal implements RefusalReason {
  /**
   * A consulate or embassy may represent the state the person fled: it reads nothing about a person
   * who seeks or has international protection (Directive 2013/32/EU art. 30; 1951 Convention art.
   * 33).
   */
  RECIPIENT_CONSULAR;

  @Override
  public String messageKey() {
    return "access.problem." + code();
  }
}

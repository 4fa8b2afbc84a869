package org.palermo.app.referral;

import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;

/**
 * No information on an asylum seeker, a refugee or a beneficiary of complementary protection goes
 * to the consular or diplomatic representation of a state of their citizenship: that state may be
 * the alleged actor of persecution (Directive 2013/32/EU art. 30; 1951 Convention art. 33). The
 * directory records where a consulate sits, not which state it represents, so every consular agency
 * is treated as possibly representing the person's state: none receives a referral or a transfer of
 * such a person, and none is offered for them.
 */
final class ConsularBar {
  static final String DETAIL =
      "This person seeks or has international protection: nothing about them goes to a consulate"
          + " or embassy, which may represent the state they fled (Directive 2013/32/EU art. 30;"
          + " 1951 Convention art. 33).";

  private ConsularBar() {}

  /** Whether the agency is a consular or diplomatic representation. */
  static boolean consular(Agency a) {
    return a.type() == AgencyType.CONSULATE || a.function() == AgencyType.CONSULATE;
  }
}

package org.palermo.app.federation.protocol;

import org.palermo.app.platform.RefusalReason;

/** Why a partner card is not trusted (docs/federation.md, "Partner cards"). */
public enum CardRefusal implements RefusalReason {
  /** Not a compact JWS of a version-1 card, or a field is missing or malformed. */
  MALFORMED_CARD,
  /** The signature does not verify with the signing key the card itself carries. */
  FORGED_CARD,
  /** The card's not-after time has passed. */
  CARD_EXPIRED,
  /** The card's not-before time has not come yet. */
  CARD_NOT_YET_VALID,
  /** The fingerprint the operator confirmed is not the card's. */
  FINGERPRINT_MISMATCH,
  /** A card of this partner with the same or a higher version is already trusted. */
  OLDER_CARD,
  /** The partner was revoked; trusting it again needs a new card after an explicit decision. */
  PARTNER_REVOKED,
  /** The card is this instance's own. */
  OWN_CARD,
  /** No trusted partner has this instance id. */
  NOT_A_PARTNER
}

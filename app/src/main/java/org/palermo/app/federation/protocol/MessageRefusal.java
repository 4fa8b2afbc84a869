package org.palermo.app.federation.protocol;

import org.palermo.app.platform.RefusalReason;

/**
 * Why a message is refused when it is opened (docs/federation.md, "Opening a message"): each reason
 * is its own code in the message log and in the answer to the sender.
 */
public enum MessageRefusal implements RefusalReason {
  /** Larger than the configured limit ({@code palermo.federation.max-message-bytes}). */
  OVERSIZED_PAYLOAD,
  /** Not a compact JWE (ECDH-ES, A256GCM, no compression) holding a compact JWS (ES256). */
  MALFORMED_MESSAGE,
  /** Encrypted to a key that is not one of this instance's, or addressed to another instance. */
  NOT_FOR_THIS_INSTANCE,
  /** The ciphertext, tag, header or encrypted key was altered: decryption fails. */
  ALTERED_CIPHERTEXT,
  /** The signing key is not the key of any trusted partner. */
  UNKNOWN_SENDER,
  /** The sender's partner entry was revoked. */
  REVOKED_SENDER,
  /** The sender's card has expired, or the key was replaced and its grace period is over. */
  SENDER_KEY_EXPIRED,
  /** The signature does not verify with the key it names. */
  FORGED_SIGNATURE,
  /** The envelope names another sender than the partner whose key signed it. */
  SENDER_MISMATCH,
  /** The envelope's expiry has passed. */
  EXPIRED_MESSAGE,
  /** The message id was seen before, or it was created outside the replay window. */
  REPLAYED_MESSAGE,
  /** No schema is known for the envelope's type. */
  UNKNOWN_TYPE,
  /** The payload does not match the JSON Schema of its type. */
  SCHEMA_MISMATCH
}

package org.palermo.app.platform;

/**
 * Why the HTTP edge refused a write before any module's rule ran: a missing or malformed {@code
 * If-Match} (optimistic locking, RFC 9110 § 13.1.1) and a malformed, busy or reused {@code
 * Idempotency-Key} ({@link Idempotency}). The codes are the problem's {@code reason}, unchanged.
 */
public enum RequestRefusal implements RefusalReason {
  /** A write without the ETag that was read. */
  IF_MATCH_REQUIRED,
  /** An {@code If-Match} that is no ETag of the record. */
  IF_MATCH_INVALID,
  /** The first request with this key is still being processed. */
  IDEMPOTENCY_KEY_IN_USE,
  /** A key that is blank or too long. */
  IDEMPOTENCY_KEY_INVALID,
  /** A key already used for another request. */
  IDEMPOTENCY_KEY_REUSED;

  @Override
  public String messageKey() {
    return "request.problem." + code();
  }
}

package org.palermo.app.platform;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The one catalogue of error codes. Each leaves the API as an RFC 9457 problem whose {@code type}
 * is {@code urn:palermo:problem:<code>} (docs/api.md lists them).
 */
public enum ErrorCode {
  VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "The request is not valid."),
  MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request body cannot be read."),
  UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication is required."),
  FORBIDDEN(HttpStatus.FORBIDDEN, "You are not allowed to do this."),
  NOT_FOUND(HttpStatus.NOT_FOUND, "Not found."),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "This method is not allowed here."),
  CONFLICT(HttpStatus.CONFLICT, "The request conflicts with the current state."),
  PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "The record has changed since you read it."),
  IDEMPOTENCY_KEY_REUSED(
      HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was used for another request."),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large."),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This content type is not accepted."),
  TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; try again later."),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.");

  private final HttpStatus status;
  private final String title;

  ErrorCode(HttpStatus status, String title) {
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public URI type() {
    return URI.create("urn:palermo:problem:" + name().toLowerCase().replace('_', '-'));
  }
}

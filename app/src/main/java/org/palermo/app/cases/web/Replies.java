package org.palermo.app.cases.web;

import org.palermo.app.platform.Idempotency;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored or fresh response of a creating request. */
final class Replies {
  private Replies() {}

  static ResponseEntity<String> of(Idempotency.Reply r) {
    ResponseEntity.BodyBuilder b =
        ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_JSON);
    if (r.location() != null) {
      b.header(HttpHeaders.LOCATION, r.location());
    }
    return b.body(r.body());
  }
}

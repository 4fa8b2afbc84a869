package org.palermo.app.federation.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.palermo.app.federation.FederationProperties;
import org.palermo.app.federation.application.ReceiveMessage;
import org.palermo.app.federation.protocol.FederationRefused;
import org.palermo.app.federation.protocol.MessageRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /federation/v1/inbox} (docs/federation.md, "The inbox"): no user and no session — the
 * message's signature is the authentication, checked by {@link ReceiveMessage} before anything is
 * stored; CSRF does not apply (no cookie is used). The body is the compact JWE ({@code
 * application/jose}), limited at the edge to {@code palermo.federation.max-message-size}; each
 * client address may post {@code palermo.federation.inbox-per-minute} messages a minute. The answer
 * is the signed receipt ({@code application/jose}), or a problem document whose {@code reason} is
 * the refusal code.
 */
@RestController
class InboxController {
  static final String PATH = "/federation/v1/inbox";
  private static final MediaType JOSE = MediaType.parseMediaType("application/jose");
  private static final int MAX_TRACKED = 10_000;

  private final ReceiveMessage receive;
  private final FederationProperties properties;
  private final Map<String, Bucket> buckets =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  InboxController(ReceiveMessage receive, FederationProperties properties) {
    this.receive = receive;
    this.properties = properties;
  }

  @PostMapping(PATH)
  ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
    if (!bucket(request.getRemoteAddr()).tryConsume(1)) {
      return problem(
          429, "RATE_LIMITED", "Too many messages from this address; retry in a minute.");
    }
    long max = properties.maxMessageSize().toBytes();
    if (request.getContentLengthLong() > max) {
      return refused(MessageRefusal.OVERSIZED_PAYLOAD, "larger than " + max + " bytes");
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
    if (body.length > max) {
      return refused(MessageRefusal.OVERSIZED_PAYLOAD, "larger than " + max + " bytes");
    }
    String compact = new String(body, StandardCharsets.US_ASCII).strip();
    try {
      ReceiveMessage.Outcome o = receive.receive(compact);
      return ResponseEntity.ok().contentType(JOSE).body(o.receipt());
    } catch (FederationRefused r) {
      return refused((MessageRefusal) r.reason(), r.getMessage());
    } catch (IllegalStateException noIdentity) {
      return problem(503, "NOT_FEDERATED", "This instance takes no federation messages.");
    }
  }

  private ResponseEntity<ProblemDetail> refused(MessageRefusal reason, String detail) {
    int status =
        switch (reason) {
          case OVERSIZED_PAYLOAD -> 413;
          case UNKNOWN_SENDER,
              REVOKED_SENDER,
              SENDER_KEY_EXPIRED,
              FORGED_SIGNATURE,
              SENDER_MISMATCH ->
              403;
          case REPLAYED_MESSAGE -> 409;
          case UNKNOWN_TYPE, SCHEMA_MISMATCH -> 422;
          default -> 400;
        };
    return problem(status, reason.code(), detail);
  }

  /** A problem document (RFC 9457) whose {@code reason} is the refusal code. */
  private static ResponseEntity<ProblemDetail> problem(int status, String reason, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    p.setType(URI.create("https://palermo.example/problems/federation-message-refused"));
    p.setTitle("Message refused");
    p.setProperty("reason", reason);
    var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == 429) {
      answer = answer.header("Retry-After", "60");
    }
    return answer.body(p);
  }

  private Bucket bucket(String address) {
    int perMinute = properties.inboxPerMinute();
    synchronized (buckets) {
      return buckets.computeIfAbsent(
          address == null ? "-" : address,
          a ->
              Bucket.builder()
                  .addLimit(
                      Bandwidth.builder()
                          .capacity(perMinute)
                          .refillGreedy(perMinute, Duration.ofMinutes(1))
                          .build())
                  .build());
    }
  }
}

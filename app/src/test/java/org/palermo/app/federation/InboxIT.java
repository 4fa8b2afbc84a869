package org.palermo.app.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.federation.application.OwnIdentity;
import org.palermo.app.federation.application.Partners;
import org.palermo.app.federation.protocol.Envelope;
import org.palermo.app.federation.protocol.Keys;
import org.palermo.app.federation.protocol.MechanismRole;
import org.palermo.app.federation.protocol.Messages;
import org.palermo.app.federation.protocol.PartnerCard;
import org.palermo.app.federation.protocol.Receipt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox over real HTTP (issue 15 §3): this application is Ardenia; the test holds Corvania's
 * keys, trusted by fingerprint. A message is received once and answered with a receipt signed by
 * Ardenia; the same message again gets the same receipt and is stored once; a different message
 * under a known id, a forged signature, an altered ciphertext, an unknown sender and an oversized
 * body are refused with their reason codes; each receipt and refusal is a message-log entry in the
 * audit trail with nothing of the payload; no session is made.
 */
@PalermoIntegrationTest
class InboxIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired OwnIdentity own;
  @Autowired Partners partners;
  @Autowired JdbcClient jdbc;

  final UUID corvania = UUID.randomUUID();
  final ECKey corvaniaSigning = Keys.newSigningKey();
  PartnerCard ardenia;

  @BeforeEach
  void twoInstances() {
    if (own.identity().isEmpty()) {
      own.establish(
          "ES",
          "Ardenia Oficina Nacional",
          MechanismRole.NATIONAL_COORDINATOR,
          URI.create("http://localhost:" + port + "/federation/v1/inbox"),
          "test");
    }
    ardenia = own.card();
    Instant now = Instant.now();
    PartnerCard card =
        new PartnerCard(
            corvania,
            "PT",
            "Corvania National Referral Mechanism",
            MechanismRole.NATIONAL_COORDINATOR,
            URI.create("https://nrm.corvania.example/federation/v1/inbox"),
            1,
            now.minusSeconds(60),
            now.plus(Duration.ofDays(30)),
            corvaniaSigning.toPublicJWK(),
            Keys.newEncryptionKey().toPublicJWK());
    partners.trust(card.sign(corvaniaSigning), card.fingerprint(), "test");
  }

  private Envelope ping(UUID id, String note) {
    Instant now = Instant.now();
    return new Envelope(
        id,
        corvania,
        ardenia.instance(),
        "ping.v1",
        now,
        now.plus(Duration.ofHours(1)),
        null,
        JSON.createObjectNode().put("note", note).put("lang", "en"));
  }

  private String seal(Envelope e, ECKey signing) {
    return Messages.seal(e, signing, ardenia.encryptionKey());
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/federation/v1/inbox"))
            .header("Content-Type", "application/jose")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String reason(HttpResponse<String> r) {
    JsonNode n = JSON.readTree(r.body());
    return n.path("reason").asString();
  }

  private List<String> log(String digestOrId) {
    return jdbc.sql(
            "SELECT outcome || ' ' || target || ' ' || detail FROM audit_event"
                + " WHERE action = 'federation.message.receive' AND (detail LIKE ? OR target LIKE ?)"
                + " ORDER BY seq")
        .params("%" + digestOrId + "%", "%" + digestOrId + "%")
        .query(String.class)
        .list();
  }

  @Test
  void a_message_is_received_once_with_a_signed_receipt_and_a_log_entry() throws Exception {
    UUID id = UUID.randomUUID();
    String message = seal(ping(id, "a secret note"), corvaniaSigning);

    HttpResponse<String> first = post(message);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/jose"));
    assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
    Receipt receipt = Receipt.verify(first.body(), ardenia.signingKey());
    assertThat(receipt.message()).isEqualTo(id);
    assertThat(receipt.from()).isEqualTo(corvania);
    assertThat(receipt.by()).isEqualTo(ardenia.instance());
    assertThat(receipt.digest()).isEqualTo(Messages.sha256(message));

    HttpResponse<String> again = post(message);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Receipt.verify(again.body(), ardenia.signingKey())).isEqualTo(receipt);
    assertThat(
            jdbc.sql("SELECT count(*) FROM federation_message WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    byte[] stored =
        jdbc.sql("SELECT signed_sealed FROM federation_message WHERE id = ?")
            .param(id)
            .query(byte[].class)
            .single();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("secret");

    HttpResponse<String> sameIdOtherContent = post(seal(ping(id, "other"), corvaniaSigning));
    assertThat(sameIdOtherContent.statusCode()).isEqualTo(409);
    assertThat(reason(sameIdOtherContent)).isEqualTo("REPLAYED_MESSAGE");

    List<String> entries = log(id.toString());
    assertThat(entries).hasSize(2).allMatch(e -> e.startsWith("SUCCESS federation_message/" + id));
    assertThat(entries.get(1)).contains("duplicate");
    assertThat(String.join("\n", entries)).doesNotContain("secret");
  }

  @Test
  void every_attack_is_refused_over_http_with_its_reason_and_logged() throws Exception {
    ECKey attacker = Keys.newSigningKey();
    ECKey disguised = new ECKey.Builder(attacker).keyID(corvaniaSigning.getKeyID()).build();
    String forged = seal(ping(UUID.randomUUID(), "x"), disguised);
    HttpResponse<String> f = post(forged);
    assertThat(f.statusCode()).isEqualTo(403);
    assertThat(reason(f)).isEqualTo("FORGED_SIGNATURE");
    List<String> refusal = log(Messages.sha256(forged));
    assertThat(refusal).hasSize(1);
    assertThat(refusal.get(0)).startsWith("DENIED").contains("reason=FORGED_SIGNATURE");

    String[] parts = seal(ping(UUID.randomUUID(), "x"), corvaniaSigning).split("\\.");
    char[] ct = parts[3].toCharArray();
    ct[ct.length / 2] = ct[ct.length / 2] == 'A' ? 'B' : 'A';
    parts[3] = new String(ct);
    HttpResponse<String> altered = post(String.join(".", parts));
    assertThat(altered.statusCode()).isEqualTo(400);
    assertThat(reason(altered)).isEqualTo("ALTERED_CIPHERTEXT");

    HttpResponse<String> unknown = post(seal(ping(UUID.randomUUID(), "x"), attacker));
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(reason(unknown)).isEqualTo("UNKNOWN_SENDER");

    HttpResponse<String> big = post("x".repeat(300 * 1024));
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(reason(big)).isEqualTo("OVERSIZED_PAYLOAD");

    HttpResponse<String> garbage = post("not a message");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(reason(garbage)).isEqualTo("MALFORMED_MESSAGE");

    HttpResponse<String> get =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/federation/v1/inbox"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isIn(403, 405);
  }
}

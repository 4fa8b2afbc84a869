package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.federation.application.Channel;
import org.palermo.app.federation.protocol.Envelope;
import org.palermo.app.federation.protocol.FederationRefused;
import org.palermo.app.federation.protocol.Keys;
import org.palermo.app.federation.protocol.MechanismRole;
import org.palermo.app.federation.protocol.MessageRefusal;
import org.palermo.app.federation.protocol.Messages;
import org.palermo.app.federation.protocol.PartnerCard;
import org.palermo.app.platform.DatabaseServer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code palermo federation} on a real data directory (issue 15 §1–2): Ardenia establishes its
 * identity and prints its card; it trusts Corvania's card only with the right fingerprint, refuses
 * a forged or expired card (exit 2); a message Corvania seals to the printed card opens in Ardenia;
 * a rotated card replaces the old one while the old key stays valid for the grace period; a revoked
 * partner's messages are refused; Ardenia's own rotation keeps messages sealed to its old key
 * readable; its private keys are stored only sealed.
 */
class FederationCliIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  Path dir;

  @AfterEach
  void deleteDataDir() throws IOException {
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Corvania, the partner, whose keys this test holds. */
  private record Corvania(UUID id, ECKey signing, ECKey encryption, int version) {
    static Corvania create() {
      return new Corvania(UUID.randomUUID(), Keys.newSigningKey(), Keys.newEncryptionKey(), 1);
    }

    Corvania rotated() {
      return new Corvania(id, Keys.newSigningKey(), Keys.newEncryptionKey(), version + 1);
    }

    PartnerCard card(Instant notBefore, Instant notAfter) {
      return new PartnerCard(
          id,
          "PT",
          "Corvania National Referral Mechanism",
          MechanismRole.NATIONAL_COORDINATOR,
          URI.create("https://nrm.corvania.example/federation/v1/inbox"),
          version,
          notBefore,
          notAfter,
          signing.toPublicJWK(),
          encryption.toPublicJWK());
    }

    String signedCard() {
      Instant now = Instant.now();
      return card(now.minusSeconds(60), now.plus(Duration.ofDays(365))).sign(signing);
    }

    String ping(PartnerCard to, String note) {
      Instant now = Instant.now();
      return Messages.seal(
          Envelope.create(
              id,
              to.instance(),
              "ping.v1",
              now,
              Duration.ofHours(1),
              null,
              JSON.createObjectNode().put("note", note)),
          signing,
          to.encryptionKey());
    }
  }

  @Test
  void an_instance_trusts_a_partner_by_fingerprint_and_opens_its_messages() throws Exception {
    dir = Files.createTempDirectory("palermo-federation-");
    Path data = dir.resolve("ardenia");
    String d = data.toString();
    Corvania corvania = Corvania.create();
    Path card = Files.writeString(dir.resolve("corvania.jws"), corvania.signedCard());

    try (ConfigurableApplicationContext context = Launch.share(data)) {
      CliRun none = CliRun.of("federation", "identity", "--data-dir", d);
      assertThat(none.exitCode()).isEqualTo(2);
      assertThat(none.err()).contains("no federation identity yet");

      CliRun established =
          CliRun.of(
              "federation",
              "identity",
              "--country",
              "es",
              "--organisation",
              "Ardenia Oficina Nacional",
              "--role",
              "NATIONAL_COORDINATOR",
              "--inbox",
              "https://ardenia.example/federation/v1/inbox",
              "--data-dir",
              d);
      assertThat(established.exitCode()).as(established.err()).isZero();
      PartnerCard ardenia = PartnerCard.verify(established.out().strip(), Instant.now());
      assertThat(ardenia.country()).isEqualTo("ES");
      assertThat(established.err()).contains("Fingerprint: " + ardenia.fingerprint());

      CliRun wrong =
          CliRun.of(
              "federation",
              "trust",
              card.toString(),
              "--fingerprint",
              Keys.fingerprint(Keys.newSigningKey()),
              "--data-dir",
              d);
      assertThat(wrong.exitCode()).isEqualTo(2);
      assertThat(wrong.out()).contains(corvania.card(Instant.now(), Instant.MAX).fingerprint());
      assertThat(wrong.err()).contains("FINGERPRINT_MISMATCH");

      String[] parts = corvania.signedCard().split("\\.");
      parts[1] =
          com.nimbusds.jose.util.Base64URL.encode(
                  corvania
                      .card(Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(9)))
                      .json()
                      .put("inbox", "https://attacker.example/inbox")
                      .toString())
              .toString();
      Path forged = Files.writeString(dir.resolve("forged.jws"), String.join(".", parts));
      CliRun forgedRun =
          CliRun.of(
              "federation", "trust", forged.toString(), "--fingerprint", "x", "--data-dir", d);
      assertThat(forgedRun.exitCode()).isEqualTo(2);
      assertThat(forgedRun.err()).contains("FORGED_CARD");

      Path expired =
          Files.writeString(
              dir.resolve("expired.jws"),
              corvania
                  .card(Instant.now().minus(Duration.ofDays(400)), Instant.now().minusSeconds(5))
                  .sign(corvania.signing()));
      CliRun expiredRun =
          CliRun.of(
              "federation", "trust", expired.toString(), "--fingerprint", "x", "--data-dir", d);
      assertThat(expiredRun.exitCode()).isEqualTo(2);
      assertThat(expiredRun.err()).contains("CARD_EXPIRED");

      String fingerprint = PartnerCard.verify(corvania.signedCard(), Instant.now()).fingerprint();
      CliRun trusted =
          CliRun.of(
              "federation",
              "trust",
              card.toString(),
              "--fingerprint",
              fingerprint.toLowerCase().replace(" ", ":"),
              "--data-dir",
              d);
      assertThat(trusted.exitCode()).as(trusted.err()).isZero();
      assertThat(trusted.out()).contains("Fingerprint: " + fingerprint).contains("Trusted.");

      CliRun listed = CliRun.of("federation", "partners", "--data-dir", d);
      assertThat(listed.out())
          .contains(corvania.id().toString())
          .contains("Corvania National Referral")
          .contains("trusted")
          .contains(fingerprint);

      Channel channel = context.getBean(Channel.class);
      String first = corvania.ping(ardenia, "first");
      assertThat(channel.open(first, id -> false).envelope().payload().path("note").asString())
          .isEqualTo("first");

      // Corvania rotates: its new card replaces the old one; the old key is still good (grace)
      Corvania renewed = corvania.rotated();
      Path card2 = Files.writeString(dir.resolve("corvania-2.jws"), renewed.signedCard());
      String fingerprint2 = PartnerCard.verify(renewed.signedCard(), Instant.now()).fingerprint();
      assertThat(
              CliRun.of(
                      "federation",
                      "trust",
                      card2.toString(),
                      "--fingerprint",
                      fingerprint2,
                      "--data-dir",
                      d)
                  .exitCode())
          .isZero();
      CliRun again =
          CliRun.of(
              "federation",
              "trust",
              card.toString(),
              "--fingerprint",
              fingerprint,
              "--data-dir",
              d);
      assertThat(again.exitCode()).isEqualTo(2);
      assertThat(again.err()).contains("OLDER_CARD");
      assertThat(channel.open(corvania.ping(ardenia, "old key"), id -> false).envelope().type())
          .isEqualTo("ping.v1");
      assertThat(channel.open(renewed.ping(ardenia, "new key"), id -> false).envelope().type())
          .isEqualTo("ping.v1");

      // Ardenia rotates: a message sealed to its previous card still opens during the grace
      String toOldKey = renewed.ping(ardenia, "to the old card");
      assertThat(CliRun.of("federation", "rotate-keys", "--data-dir", d).exitCode()).isZero();
      PartnerCard ardenia2 =
          PartnerCard.verify(
              CliRun.of("federation", "identity", "--data-dir", d).out().strip(), Instant.now());
      assertThat(ardenia2.version()).isEqualTo(2);
      assertThat(ardenia2.fingerprint()).isNotEqualTo(ardenia.fingerprint());
      assertThat(channel.open(toOldKey, id -> false).envelope().type()).isEqualTo("ping.v1");
      assertThat(channel.open(renewed.ping(ardenia2, "new"), id -> false).envelope().type())
          .isEqualTo("ping.v1");

      // revoked: every key of the partner is refused
      CliRun revoked = CliRun.of("federation", "revoke", corvania.id().toString(), "--data-dir", d);
      assertThat(revoked.exitCode()).as(revoked.err()).isZero();
      assertThatThrownBy(() -> channel.open(renewed.ping(ardenia2, "late"), id -> false))
          .isInstanceOfSatisfying(
              FederationRefused.class,
              r -> assertThat(r.reason()).isEqualTo(MessageRefusal.REVOKED_SENDER));
      assertThat(CliRun.of("federation", "partners", "--data-dir", d).out()).contains("revoked");

      // private keys only sealed; each change audited
      DatabaseServer server = context.getBean(DatabaseServer.class);
      try (Connection c =
          DriverManager.getConnection(
              server.jdbcUrl(), server.owner().username(), server.owner().password())) {
        var keys = DataDirDatabase.rows(c, "SELECT public_jwk, private_sealed FROM federation_key");
        assertThat(keys).hasSize(4).noneMatch(r -> r.contains("\"d\""));
        assertThat(
                DataDirDatabase.rows(
                    c,
                    "SELECT action, outcome FROM audit_event WHERE action LIKE 'federation.%'"
                        + " ORDER BY seq"))
            .contains(
                "federation.identity.establish|SUCCESS|",
                "federation.partner.trust|DENIED|",
                "federation.partner.trust|SUCCESS|",
                "federation.partner.renew|SUCCESS|",
                "federation.keys.rotate|SUCCESS|",
                "federation.partner.revoke|SUCCESS|");
      }
    }
  }
}

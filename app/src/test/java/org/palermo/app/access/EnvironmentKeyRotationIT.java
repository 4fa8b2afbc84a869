package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoApplication;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.care.Attachments;
import org.palermo.app.cli.Palermo;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.platform.crypto.FieldCipher;
import org.palermo.app.platform.crypto.InvalidMasterKeyException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/**
 * Rotating a master key given by the environment (docs/security.md, "Rotating a key from the
 * environment"): records of every kind sealed under key A (a person's names, an attachment, a TOTP
 * secret, screening answers); a server given only the new key B refuses to start and {@code keys
 * rotate} refuses, naming how many records it cannot open and changing nothing; with A in {@code
 * PALERMO_MASTER_KEY_PREVIOUS} everything reads and the admin API re-wraps every data key under B;
 * {@code keys status} then shows none under A; a server with B alone reads everything.
 */
class EnvironmentKeyRotationIT {
  private final List<Path> dirs = new ArrayList<>();

  @AfterEach
  void delete() throws IOException {
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  record Run(int code, String out, String err) {}

  /** The command line with the master keys as the environment would give them. */
  static Run palermo(String key, String previous, String... args) {
    CommandLine cli = Palermo.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    try {
      set("palermo.master-key", key);
      set("palermo.master-key-previous", previous);
      int code = cli.execute(args);
      return new Run(code, out.toString(), err.toString());
    } finally {
      System.clearProperty("palermo.master-key");
      System.clearProperty("palermo.master-key-previous");
    }
  }

  private static void set(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }

  /** A server (web, random port) on {@code dir} with these keys. */
  static ConfigurableApplicationContext server(Path dir, String key, String previous) {
    return new SpringApplicationBuilder(PalermoApplication.class)
        .web(WebApplicationType.SERVLET)
        .run(
            "--palermo.data-dir=" + dir,
            "--palermo.master-key=" + key,
            "--palermo.master-key-previous=" + (previous == null ? "" : previous),
            "--server.port=0",
            "--palermo.security.login-attempts-per-minute=100000",
            "--logging.structured.format.console=",
            "--logging.level.root=WARN",
            "--spring.main.log-startup-info=false");
  }

  /** What was sealed, and how it reads. */
  record Records(
      UUID person,
      UUID caseId,
      UUID user,
      UUID screening,
      UUID attachment,
      PalermoPrincipal caseworker,
      UUID child) {}

  record Read(
      String given, String family, String totp, Map<String, String> answers, byte[] attachment) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Read r
          && given.equals(r.given)
          && family.equals(r.family)
          && totp.equals(r.totp)
          && answers.equals(r.answers)
          && java.util.Arrays.equals(attachment, r.attachment);
    }

    @Override
    public int hashCode() {
      return given.hashCode();
    }
  }

  static Records seal(ConfigurableApplicationContext ctx) {
    TestAccounts accounts = ctx.getBean(TestAccounts.class);
    JdbcClient jdbc = ctx.getBean(JdbcClient.class);
    TestUser cw =
        accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER, Role.FRONTLINE_OFFICER);
    PalermoPrincipal who = ScreeningFixtures.principal(cw, Role.CASEWORKER, Role.FRONTLINE_OFFICER);
    String ref =
        ctx.getBean(CaseRecords.class)
            .register(
                CaseFixtures.openCase(
                    "Keyrotina", "Envarova", LocalDate.of(1992, 4, 5), cw.agency().id()));
    UUID caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(ref)
            .query(UUID.class)
            .single();
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    // A child too: the start-up "still a minor?" check opens the sealed date of birth.
    String childRef =
        ctx.getBean(CaseRecords.class)
            .register(
                CaseFixtures.openCase(
                    "Kidrotina", "Envarova", LocalDate.now().minusYears(12), cw.agency().id()));
    ctx.getBean(AccessRepository.class).saveTotp(cw.id(), "JBSWY3DPEHPK3PXPJBSWY3DP", null);
    UUID screening = ctx.getBean(ScreeningFixtures.class).completedScreening(who);
    UUID attachment =
        ctx.getBean(Attachments.class)
            .upload(
                who,
                caseId,
                "statement.txt",
                "A statement sealed under key A.\n".getBytes(StandardCharsets.UTF_8));
    UUID child =
        jdbc.sql("SELECT person_id FROM case_file WHERE reference = ?")
            .param(childRef)
            .query(UUID.class)
            .single();
    return new Records(person, caseId, cw.id(), screening, attachment, who, child);
  }

  static Read read(ConfigurableApplicationContext ctx, Records r) {
    JdbcClient jdbc = ctx.getBean(JdbcClient.class);
    FieldCipher cipher = ctx.getBean(FieldCipher.class);
    Map<String, Object> row =
        jdbc.sql("SELECT given_name, family_name FROM person WHERE id = ?")
            .param(r.person())
            .query()
            .singleRow();
    return new Read(
        cipher.open(r.person(), (String) row.get("given_name")),
        cipher.open(r.person(), (String) row.get("family_name")),
        ctx.getBean(AccessRepository.class).user(r.user()).orElseThrow().totpSecret(),
        ctx.getBean(ScreeningStore.class).find(r.screening()).orElseThrow().answers().values(),
        ctx.getBean(Attachments.class)
            .download(r.caseworker(), r.caseId(), r.attachment())
            .content());
  }

  static long underKey(ConfigurableApplicationContext ctx, String keyId) {
    return ctx.getBean(JdbcClient.class)
        .sql("SELECT count(*) FROM data_key WHERE master_key_id = ?")
        .param(keyId)
        .query(Long.class)
        .single();
  }

  static String id(ConfigurableApplicationContext ctx) {
    return ctx.getBean(org.palermo.app.platform.crypto.KeyRing.class).current().id();
  }

  @Test
  void a_key_from_the_environment_is_rotated_to_a_new_one_and_every_record_still_reads()
      throws Exception {
    Path dir = Files.createTempDirectory("palermo-envkey-");
    dirs.add(dir);
    Run generated = palermo(null, null, "keys", "generate");
    assertThat(generated.code()).isZero();
    assertThat(generated.err()).isEmpty();
    String keyA = generated.out().strip();
    assertThat(Base64.getDecoder().decode(keyA)).hasSize(32);
    String keyB = palermo(null, null, "keys", "generate").out().strip();
    assertThat(keyB).isNotEqualTo(keyA);

    Records records;
    Read before;
    String idA;
    long sealedUnderA;
    try (ConfigurableApplicationContext a = server(dir, keyA, null)) {
      idA = id(a);
      records = seal(a);
      before = read(a, records);
      sealedUnderA = underKey(a, idA);
    }
    assertThat(before.given()).isEqualTo("Keyrotina");
    assertThat(before.answers()).isNotEmpty();
    assertThat(sealedUnderA).isGreaterThanOrEqualTo(4);

    // B alone while data is under A: the server does not start, the rotation changes nothing.
    assertThatThrownBy(() -> server(dir, keyB, null))
        .isInstanceOf(InvalidMasterKeyException.class)
        .hasMessageContaining(sealedUnderA + " data keys")
        .hasMessageContaining(idA)
        .hasMessageContaining("PALERMO_MASTER_KEY_PREVIOUS")
        .hasMessageNotContaining(keyA)
        .hasMessageNotContaining(keyB);
    Run refused = palermo(keyB, null, "keys", "rotate", "--data-dir", dir.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .contains(sealedUnderA + " data keys")
        .contains("Nothing was changed")
        .doesNotContain(keyA)
        .doesNotContain(keyB);
    Run missing = palermo(keyB, null, "keys", "status", "--data-dir", dir.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.out()).contains("NOT GIVEN");

    // A wrong or short key is refused with a clear message that does not repeat it.
    Run shortKey =
        palermo(
            Base64.getEncoder().encodeToString(new byte[16]),
            null,
            "keys",
            "status",
            "--data-dir",
            dir.toString());
    assertThat(shortKey.code()).isEqualTo(2);
    assertThat(shortKey.err()).contains("PALERMO_MASTER_KEY decodes to 16 bytes");
    Run notBase64 = palermo("not*base64!", null, "keys", "status", "--data-dir", dir.toString());
    assertThat(notBase64.code()).isEqualTo(2);
    assertThat(notBase64.err())
        .contains("PALERMO_MASTER_KEY is not valid base64")
        .doesNotContain("not*base64!");

    // B with A as the previous key: status counts the keys under A.
    Run status = palermo(keyB, keyA, "keys", "status", "--data-dir", dir.toString());
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).contains("Previous keys (PALERMO_MASTER_KEY_PREVIOUS): " + idA);
    assertThat(status.out()).containsPattern(idA + " +" + sealedUnderA + " +previous");

    // The running server reads everything through the previous key, then re-wraps online.
    String idB;
    try (ConfigurableApplicationContext b = server(dir, keyB, keyA)) {
      idB = id(b);
      assertThat(idB).isNotEqualTo(idA);
      assertThat(read(b, records)).isEqualTo(before);
      TestAccounts accounts = b.getBean(TestAccounts.class);
      String token = accounts.token(accounts.user(AgencyType.COORDINATION, Role.ADMIN));
      String port = b.getEnvironment().getProperty("local.server.port");
      String caseworker =
          accounts.token(accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER));
      assertThat(get(port, "/api/v1/admin/keys", caseworker).statusCode()).isEqualTo(403);
      HttpResponse<String> keys = get(port, "/api/v1/admin/keys", token);
      assertThat(keys.statusCode()).isEqualTo(200);
      tools.jackson.databind.JsonNode counts = JSON.readTree(keys.body());
      assertThat(counts.get("currentKeyId").asString()).isEqualTo(idB);
      assertThat(counts.get("source").asString()).isEqualTo("environment");
      assertThat(counts.get("previousKeyIds").get(0).asString()).isEqualTo(idA);
      assertThat(keyCount(counts, idA)).isEqualTo(sealedUnderA);
      HttpResponse<String> rotated =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/api/v1/admin/keys/rotate"))
                      .header("Authorization", "Bearer " + token)
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
      assertThat(rotated.body())
          .contains("\"toKeyId\":\"" + idB + "\"")
          .contains("\"fromKeyId\":\"" + idA + "\"");
      assertThat(underKey(b, idA)).isZero();
      assertThat(keyCount(JSON.readTree(get(port, "/api/v1/admin/keys", token).body()), idA))
          .isZero();
      assertThat(
              b.getBean(JdbcClient.class)
                  .sql("SELECT count(*) FROM audit_event WHERE detail LIKE ? OR detail LIKE ?")
                  .params("%" + keyA + "%", "%" + keyB + "%")
                  .query(Long.class)
                  .single())
          .isZero();
    }

    Run after = palermo(keyB, keyA, "keys", "status", "--data-dir", dir.toString());
    assertThat(after.code()).isZero();
    assertThat(after.out())
        .containsPattern(idA + " +0 +previous")
        .contains("PALERMO_MASTER_KEY_PREVIOUS can be removed");
    Run again = palermo(keyB, keyA, "keys", "rotate", "--data-dir", dir.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 data keys re-wrapped with master key " + idB);

    // B alone now starts and reads every record; the child is still a child (the runs without A
    // did not take the unreadable date of birth for an adult's).
    try (ConfigurableApplicationContext b = server(dir, keyB, null)) {
      assertThat(read(b, records)).isEqualTo(before);
      assertThat(
              b.getBean(JdbcClient.class)
                  .sql("SELECT minor FROM person WHERE id = ?")
                  .param(records.child())
                  .query(Boolean.class)
                  .single())
          .isTrue();
      assertThat(underKey(b, idB)).isGreaterThanOrEqualTo(sealedUnderA);
    }
  }

  static HttpResponse<String> get(String port, String path, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  /** The {@code dataKeys} of master key {@code id} in a {@code GET /api/v1/admin/keys} answer. */
  static long keyCount(tools.jackson.databind.JsonNode status, String id) {
    for (tools.jackson.databind.JsonNode k : status.get("keys")) {
      if (k.get("masterKeyId").asString().equals(id)) {
        assertThat(k.get("loaded").asBoolean()).isTrue();
        return k.get("dataKeys").asLong();
      }
    }
    throw new AssertionError("no master key " + id + " in " + status);
  }
}

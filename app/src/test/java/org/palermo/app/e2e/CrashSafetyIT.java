package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.palermo.app.e2e.PalermoServer.DemoUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Crash safety (SECURITY.md, "How it is proven"): the packaged server, as a real process, takes
 * writes through the API from several clients; once {@value #ACKNOWLEDGED_BEFORE_CRASH} person
 * registrations have been acknowledged, and while the clients keep sending, the JVM and every
 * process of its embedded PostgreSQL are killed with SIGKILL (nothing runs a shutdown hook, nothing
 * flushes on the way down). The server then starts again on the same data directory — the crashed
 * PostgreSQL recovers from its write-ahead log, the stale {@code postmaster.pid} and {@code
 * palermo.lock} do not block it — and every write that had been answered with 2xx reads back
 * intact: each person with its names, each case note with its text. Once that server has stopped,
 * {@code palermo audit verify} finds the audit hash chain intact: a request cut off by the crash
 * left nothing or a whole entry, never a broken chain.
 *
 * <p>What it proves is the promise of {@code synchronous_commit=on} ({@code
 * platform.EmbeddedDatabase}) and of committing before answering: an acknowledged write is in the
 * write-ahead log before the client hears of it. A crash of the process is what a test can cause; a
 * power cut (the operating system's page cache lost too) additionally relies on fsync reaching the
 * disk, which PostgreSQL does at every commit.
 */
class CrashSafetyIT {
  static final int ACKNOWLEDGED_BEFORE_CRASH = 50;
  static final int CLIENTS = 6;
  static final Duration WRITE_LIMIT = Duration.ofSeconds(120);
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A registration the server acknowledged with 201. */
  record AckedPerson(String personId, String caseId, String givenName, String familyName) {}

  /** A case note the server acknowledged with 201. */
  record AckedNote(String caseId, String noteId, String text) {}

  @Test
  void every_acknowledged_write_survives_a_kill_of_the_server_and_its_database() throws Exception {
    Assumptions.assumeFalse(DemoBrowserTest.SKIP, "skipped with -Dskip.e2e=true");
    String jarProperty = System.getProperty("palermo.jar");
    if (jarProperty == null || !Files.isRegularFile(Path.of(jarProperty))) {
      fail("System property palermo.jar must name the packaged jar: run through ./mvnw verify.");
    }
    Path jar = Path.of(jarProperty);
    Path artefacts = jar.toAbsolutePath().getParent().resolve("e2e");
    Path dataDir = Files.createTempDirectory("palermo-crash-data-");
    PalermoServer first = null;
    PalermoServer second = null;
    try {
      // 1. A real server on a fresh data directory, with demo users and their API tokens.
      first =
          PalermoServer.startOn(
              jar,
              dataDir,
              artefacts.resolve("crash-before.log"),
              DemoBrowserTest.STARTUP_LIMIT,
              List.of("--cases", "10"));
      String token = caseworkerToken(first.demoUsers());
      long personsBefore = personCount(first.baseUrl(), token);

      // 2. Clients write; 3. the server and its database are killed while they do.
      Workload load = new Workload(first.baseUrl(), token);
      load.start();
      if (!load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_CRASH, WRITE_LIMIT)) {
        fail(
            "Only "
                + load.persons.size()
                + " registrations acknowledged within "
                + WRITE_LIMIT.toSeconds()
                + " s; failures: "
                + load.failures
                + "\nServer output:\n"
                + first.output());
      }
      load.killing();
      List<ProcessHandle> killed = first.crash();
      load.awaitEnd();
      assertThat(load.failures).as("requests refused or failed before the crash").isEmpty();
      assertThat(killed.stream().filter(p -> p.isAlive()).toList()).isEmpty();
      assertThat(PalermoServer.postgresOf(dataDir)).as("PostgreSQL left running").isEmpty();
      // PostgreSQL did not shut down: its control file still says it is running, so the next start
      // must recover from the write-ahead log.
      assertThat(PalermoServer.clusterState(dataDir))
          .as("pg_control state after the kill")
          .isEqualTo(PalermoServer.DB_IN_PRODUCTION);
      // What a crash leaves behind and the restart must cope with.
      assertThat(dataDir.resolve("pg").resolve("postmaster.pid")).exists();
      assertThat(dataDir.resolve("palermo.lock")).exists();
      assertThat(killed.size())
          .as("the JVM, the postmaster and PostgreSQL's own processes were killed: " + killed)
          .isGreaterThanOrEqualTo(3);
      List<AckedPerson> persons = List.copyOf(load.persons);
      List<AckedNote> notes = List.copyOf(load.notes);
      System.out.printf(
          "CrashSafetyIT: killed %d processes after %d registrations and %d notes were"
              + " acknowledged; %d client requests got no answer (cut off by the kill, or sent"
              + " after it)%n",
          killed.size(), persons.size(), notes.size(), load.cutOff.get());

      // 4. The server starts again on the crashed data directory.
      second =
          PalermoServer.startOn(
              jar,
              dataDir,
              artefacts.resolve("crash-after.log"),
              DemoBrowserTest.STARTUP_LIMIT,
              List.of());

      // 5. Every acknowledged write reads back intact (all of them are checked, then reported).
      HttpClient http = client();
      List<String> lost = new ArrayList<>();
      for (AckedPerson p : persons) {
        HttpResponse<String> r =
            get(http, second.baseUrl() + "/api/v1/persons/" + p.personId(), token);
        if (r.statusCode() != 200) {
          lost.add(p + ": GET answered " + r.statusCode());
          continue;
        }
        JsonNode body = JSON.readTree(r.body());
        if (!p.givenName().equals(body.path("givenName").asString())
            || !p.familyName().equals(body.path("familyName").asString())) {
          lost.add(p + ": reads back as " + body.path("givenName") + " " + body.path("familyName"));
        }
      }
      Map<String, List<AckedNote>> notesByCase = new HashMap<>();
      for (AckedNote n : notes) {
        notesByCase.computeIfAbsent(n.caseId(), c -> new ArrayList<>()).add(n);
      }
      for (Map.Entry<String, List<AckedNote>> e : notesByCase.entrySet()) {
        HttpResponse<String> r =
            get(http, second.baseUrl() + "/api/v1/cases/" + e.getKey() + "/notes", token);
        Map<String, String> stored = new HashMap<>();
        if (r.statusCode() == 200) {
          for (JsonNode n : JSON.readTree(r.body()).path("notes")) {
            stored.put(n.path("id").asString(), n.path("text").asString());
          }
        }
        for (AckedNote n : e.getValue()) {
          if (!n.text().equals(stored.get(n.noteId()))) {
            lost.add(n + ": notes of the case answered " + r.statusCode() + ", " + stored);
          }
        }
      }
      assertThat(lost)
          .as(
              "acknowledged writes lost or changed by the crash (of %d persons and %d notes)",
              persons.size(), notes.size())
          .isEmpty();
      assertThat(personCount(second.baseUrl(), token))
          .as("persons after the crash (before the load: %d)", personsBefore)
          .isGreaterThanOrEqualTo(personsBefore + persons.size());

      second.close();
      assertThat(second.leftoverPostgres()).as("the restarted server stops its database").isZero();
      assertThat(PalermoServer.clusterState(dataDir))
          .as("pg_control state after a clean stop")
          .isEqualTo(PalermoServer.DB_SHUTDOWNED);
      second = null;
      String audit = auditVerify(jar, dataDir, artefacts.resolve("crash-audit-verify.log"));
      assertThat(audit).contains("Audit chain intact");
    } finally {
      if (first != null) {
        first.close();
      }
      if (second != null) {
        second.close();
      }
      PalermoServer.deleteRecursively(dataDir);
    }
  }

  /** Clients that register persons and write a note on each new case until stopped. */
  static final class Workload {
    final List<AckedPerson> persons = Collections.synchronizedList(new ArrayList<>());
    final List<AckedNote> notes = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger cutOff = new AtomicInteger();
    private final AtomicBoolean killing = new AtomicBoolean();
    private final String baseUrl;
    private final String token;
    private final HttpClient http = client();
    private final List<Thread> threads = new ArrayList<>();

    Workload(String baseUrl, String token) {
      this.baseUrl = baseUrl;
      this.token = token;
    }

    void start() {
      for (int t = 0; t < CLIENTS; t++) {
        int client = t;
        Thread thread = new Thread(() -> run(client), "crash-client-" + t);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
    }

    boolean awaitAcknowledged(int count, Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (persons.size() < count) {
        if (System.nanoTime() > deadline || !failures.isEmpty()) {
          return false;
        }
        Thread.sleep(20);
      }
      return true;
    }

    /**
     * From now on a cut connection or an error answer is the crash, not a failure. The clients go
     * on sending until their request fails because the server is gone.
     */
    void killing() {
      killing.set(true);
    }

    /** Once the server is dead: every client's next request fails and it ends. */
    void awaitEnd() throws InterruptedException {
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(60));
        if (t.isAlive()) {
          throw new AssertionError(t.getName() + " did not end");
        }
      }
    }

    private void run(int client) {
      for (int i = 0; failures.isEmpty(); i++) {
        // Distinctive names (letters only): client letter and counter spelled in letters.
        String givenName = "Crash" + (char) ('A' + client);
        String familyName = "Witness" + spelled(i);
        ObjectNode person = JSON.createObjectNode();
        person.put("givenName", givenName);
        person.put("familyName", familyName);
        person.put("birthDate", "1999-05-06");
        person.putArray("citizenships").add("XA");
        person.put("legalBasis", "VITAL_INTEREST");
        person.put("purpose", "Protection and assistance");
        JsonNode created = post(baseUrl + "/api/v1/persons", person);
        if (created == null) {
          return;
        }
        AckedPerson p =
            new AckedPerson(
                created.path("personId").asString(),
                created.path("caseId").asString(),
                givenName,
                familyName);
        persons.add(p);
        String text =
            "Crash-safety note of " + givenName + " " + familyName + ": seen at the shelter.";
        ObjectNode note = JSON.createObjectNode();
        note.put("text", text);
        note.put("health", false);
        JsonNode noteCreated = post(baseUrl + "/api/v1/cases/" + p.caseId() + "/notes", note);
        if (noteCreated == null) {
          return;
        }
        notes.add(new AckedNote(p.caseId(), noteCreated.path("id").asString(), text));
      }
    }

    /** The created resource of a 201, or null when this client must end. */
    private JsonNode post(String url, JsonNode body) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
          if (!killing.get()) {
            failures.add("POST " + url + " → " + r.statusCode() + " " + r.body());
          }
          return null;
        }
        return JSON.readTree(r.body());
      } catch (IOException e) {
        if (killing.get()) {
          // The kill cut the connection (or there is no server any more): nothing was promised.
          cutOff.incrementAndGet();
        } else {
          failures.add("POST " + url + " → " + e);
        }
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private static String spelled(int n) {
    StringBuilder s = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      s.append((char) ('a' + (c - '0')));
    }
    return s.toString();
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static String caseworkerToken(Map<String, DemoUser> users) {
    DemoUser u = users.get("caseworker");
    assertThat(u).as("demo user caseworker").isNotNull();
    return u.apiToken();
  }

  private static long personCount(String baseUrl, String token)
      throws IOException, InterruptedException {
    HttpResponse<String> r = get(client(), baseUrl + "/api/v1/persons?size=1", token);
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).path("totalItems").asLong();
  }

  private static HttpResponse<String> get(HttpClient http, String url, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code palermo audit verify} on the stopped data directory; fails unless it exits 0. */
  private static String auditVerify(Path jar, Path dataDir, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(PalermoServer.LAUNCHER_JVM_OPTIONS);
    command.addAll(
        List.of("-jar", jar.toString(), "audit", "verify", "--data-dir", dataDir.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().keySet().removeIf(k -> k.startsWith("PALERMO_"));
    Process p = builder.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("palermo audit verify did not finish within 180 s: " + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("palermo audit verify exit code; output:\n%s", output).isZero();
    return output;
  }
}

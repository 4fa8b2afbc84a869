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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palermo.app.e2e.PalermoServer.DemoUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * sqlmap (Debian's package) against the running API, signed in with demo API tokens (SECURITY.md,
 * "How it is proven": injection). The targets are generated from the OpenAPI description, so every
 * {@code /api/v1} operation — present and future — is attacked: each path and query parameter, and
 * each string, number and boolean of a JSON request body built from the operation's schema.
 *
 * <p>It fails if sqlmap reports an injection point, if the server answers any attack with a 500
 * (hostile input must be refused with a clear error, not crash a handler), or if sqlmap did not
 * finish testing every target (so that a run that tested nothing cannot pass).
 *
 * <p>It attacks the run's one demo server ({@link SharedDemoServer}), shared with the browser
 * classes, as {@link #ATTACKER}. The targets run {@link #LANES} at a time (issue #12 §5: most of a
 * target's time is sqlmap starting and waiting, not attacking), reads before writes; every target
 * is attacked with the same options as when they ran one by one.
 */
@ExtendWith(SharedDemoServer.class)
class SqlmapIT {
  static final Path SQLMAP = Path.of("/usr/bin/sqlmap");
  static final Duration PER_TARGET = Duration.ofMinutes(4);
  static final JsonMapper JSON = JsonMapper.builder().build();

  static PalermoServer server;
  static Path work;

  @BeforeAll
  static void startServer() throws Exception {
    Assumptions.assumeFalse(DemoBrowserTest.SKIP, "skipped with -Dskip.e2e=true");
    if (!Files.isExecutable(SQLMAP)) {
      fail(SQLMAP + " is missing: install it with apt-get install -y sqlmap (.ci/run does).");
    }
    work = Files.createTempDirectory("palermo-sqlmap-");
    server = SharedDemoServer.server();
  }

  @AfterAll
  static void stopServer() {
    // the shared server runs on for the other classes; SharedDemoServer stops it after the run
    server = null;
    if (work != null) {
      PalermoServer.deleteRecursively(work);
    }
  }

  /** One attack: a method, a URL with {@code *} at each injection point, and maybe a body. */
  record Target(String method, String url, String body) {}

  @Test
  void no_api_operation_has_an_injection_point_or_fails_on_hostile_input() throws Exception {
    Map<String, DemoUser> users = server.demoUsers();
    String token = tokenOf(users, ATTACKER);
    List<Target> targets = targets(openApi(token));
    assertThat(targets).as("operations found in the OpenAPI description").isNotEmpty();
    // Reads first, then writes, each phase on a few sqlmap processes at once (most of a target's
    // time is sqlmap's own start-up and waits, not requests): a write never runs beside a read
    // whose answer it could change (a list that grows while sqlmap compares its pages), and the
    // writes change nothing another write's answer depends on, as in the one-by-one run before.
    List<Target> ordered = new ArrayList<>();
    targets.stream().filter(t -> t.method().equals("GET")).forEach(ordered::add);
    List<String> outputs = new ArrayList<>(runAll(ordered, token));
    List<Target> writes = targets.stream().filter(t -> !t.method().equals("GET")).toList();
    outputs.addAll(runAll(writes, token));
    ordered.addAll(writes);
    assertThat(ordered).as("every target attacked once").hasSameSizeAs(targets);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Target t = ordered.get(i);
      String output = outputs.get(i);
      if (output.contains("identified the following injection point")
          || output.matches("(?s).*parameter '[^']*' is vulnerable.*")) {
        problems.add(t + ": injection point\n" + output);
      }
      if (output.contains("500 (Internal Server Error)")) {
        problems.add(t + ": the server answered an attack with 500");
      }
      if (!output.contains("do not appear to be injectable")
          && !output.contains("does not seem to be injectable")) {
        problems.add(t + ": sqlmap did not finish testing\n" + tail(output));
      }
    }
    assertThat(problems).as("sqlmap findings").isEmpty();
  }

  /** sqlmap processes at once; each keeps its own output directory (its session file). */
  static final int LANES = 4;

  /** Runs sqlmap on each target, {@link #LANES} at a time; the outputs in the targets' order. */
  private static List<String> runAll(List<Target> targets, String token) throws Exception {
    ExecutorService lanes = Executors.newFixedThreadPool(LANES);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (Target t : targets) {
        runs.add(lanes.submit(() -> sqlmap(t, token)));
      }
      List<String> outputs = new ArrayList<>();
      for (Future<String> run : runs) {
        try {
          outputs.add(run.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error; // a target that did not finish in time fails the test, as before
          }
          throw e;
        }
      }
      return outputs;
    } finally {
      lanes.shutdownNow();
    }
  }

  /**
   * The caseworker whose API token attacks: the attacks that get through create persons and cases
   * in its agency, so it is the shelter's caseworker, not the demo {@code caseworker} whose
   * agency's cases the browser classes on the same shared server count and open.
   */
  static final String ATTACKER = "caseworker.valmont";

  private static String tokenOf(Map<String, DemoUser> users, String username) {
    DemoUser user = users.get(username);
    if (user == null) {
      throw new AssertionError("no demo user " + username);
    }
    assertThat(user.role()).as("role of %s", username).isEqualTo("CASEWORKER");
    return user.apiToken();
  }

  private static JsonNode openApi(String token) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v3/api-docs"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Every {@code /api/v1} operation with at least one place to inject. */
  static List<Target> targets(JsonNode api) {
    List<Target> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
      if (!path.getKey().startsWith("/api/v1")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String method = op.getKey().toUpperCase();
        JsonNode operation = op.getValue();
        StringBuilder url = new StringBuilder(server.baseUrl());
        boolean marked = false;
        String p = path.getKey();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(p);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(filled, UUID.randomUUID() + "*");
          marked = true;
        }
        m.appendTail(filled);
        url.append(filled);
        String sep = "?";
        for (JsonNode param : operation.path("parameters")) {
          if ("query".equals(param.path("in").asString())) {
            url.append(sep)
                .append(param.path("name").asString())
                .append('=')
                .append(sample(param.path("schema"), api))
                .append('*');
            sep = "&";
            marked = true;
          }
        }
        String body = null;
        JsonNode schema =
            operation.path("requestBody").path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
          body = JSON.writeValueAsString(example(schema, api, 0));
          marked = true;
        }
        if (marked) {
          out.add(new Target(method, url.toString(), body));
        }
      }
    }
    return out;
  }

  private static String sample(JsonNode schema, JsonNode api) {
    JsonNode s = resolve(schema, api);
    if (s.has("enum")) {
      return s.path("enum").get(0).asString();
    }
    return switch (s.path("type").asString("string")) {
      case "integer", "number" -> "1";
      case "boolean" -> "true";
      default -> "a";
    };
  }

  /** A JSON value of the schema's shape, with plain sample values for sqlmap to replace. */
  private static JsonNode example(JsonNode schema, JsonNode api, int depth) {
    JsonNode s = resolve(schema, api);
    if (s.has("enum")) {
      return s.path("enum").get(0);
    }
    String type = s.path("type").asString(s.has("properties") ? "object" : "string");
    return switch (type) {
      case "object" -> {
        ObjectNode o = JSON.createObjectNode();
        if (depth < 4) {
          Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").properties().iterator();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            o.set(e.getKey(), example(e.getValue(), api, depth + 1));
          }
        }
        yield o;
      }
      case "array" -> {
        var a = JSON.createArrayNode();
        if (depth < 4) {
          a.add(example(s.path("items"), api, depth + 1));
        }
        yield a;
      }
      case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
      case "boolean" -> JSON.getNodeFactory().booleanNode(true);
      default -> JSON.getNodeFactory().stringNode("a");
    };
  }

  private static JsonNode resolve(JsonNode schema, JsonNode api) {
    JsonNode s = schema;
    for (int i = 0; i < 10 && s.has("$ref"); i++) {
      String ref = s.path("$ref").asString().replaceFirst("^#/", "");
      JsonNode target = api;
      for (String part : ref.split("/")) {
        target = target.path(part);
      }
      s = target;
    }
    if (s.has("allOf") && s.path("allOf").size() == 1) {
      return resolve(s.path("allOf").get(0), api);
    }
    if (s.has("oneOf") && s.path("oneOf").size() > 0) {
      return resolve(s.path("oneOf").get(0), api);
    }
    return s;
  }

  /**
   * Runs sqlmap on one target in batch mode, with an output directory of its own (sqlmap keeps a
   * session file per host there, and {@code --flush-session} would clear another run's).
   * Boolean-blind, error-based and UNION techniques at level 1 and risk 1 keep the run short;
   * time-based blind attacks would take minutes per parameter for what parameterised SQL rules out
   * in the same way.
   */
  private static String sqlmap(Target t, String token) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                SQLMAP.toString(),
                "-u",
                t.url(),
                "--method",
                t.method(),
                "--headers",
                "Authorization: Bearer "
                    + token
                    + (t.body() == null ? "" : "\\nContent-Type: application/json"),
                "--batch",
                "--level",
                "1",
                "--risk",
                "1",
                "--technique",
                "BEU",
                "--threads",
                "2",
                "--disable-coloring",
                "--flush-session",
                "--skip-waf",
                // Refusals (unknown id, invalid value, wrong role) are the pages to compare, not
                // reasons to stop: parameterised SQL must answer every variant the same way.
                "--ignore-code",
                "400,403,404,405,409,412,413,415,422,428",
                "--output-dir",
                Files.createTempDirectory(work, "out-").toString()));
    if (t.body() != null) {
      command.addAll(List.of("--data", t.body().replace("\"a\"", "\"a*\"")));
    }
    Path log = Files.createTempFile(work, "sqlmap-", ".log");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    try {
      if (!p.waitFor(PER_TARGET.toSeconds(), TimeUnit.SECONDS)) {
        fail("sqlmap did not finish " + t + " within " + PER_TARGET);
      }
    } finally {
      // also when another lane failed and this one is interrupted: no sqlmap outlives the test
      p.destroyForcibly();
    }
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
  }
}

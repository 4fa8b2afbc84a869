package org.palermo.app.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged {@code palermo.jar} running {@code serve --demo} as a separate operating-system
 * process on a fresh data directory, as a person starts it. Its standard output and error go to a
 * log file (kept under {@code target/e2e/}) so a failure can show what the server said.
 */
final class PalermoServer implements AutoCloseable {
  static final String READY = "Palermo is running at";

  /** The launcher's (./palermo) default JVM options: what a person actually runs. */
  static final List<String> LAUNCHER_JVM_OPTIONS =
      List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  private static final Pattern URL =
      Pattern.compile("^" + Pattern.quote(READY) + " (http://\\S+?)/?$", Pattern.MULTILINE);

  /** One account of demo-credentials.json. */
  record DemoUser(
      String username,
      String password,
      String apiToken,
      String role,
      String agency,
      String agencyType) {}

  private final Process process;
  private final Path dataDir;
  private final Path logFile;
  private final boolean ownsDataDir;
  private final Thread shutdownHook;
  private String baseUrl;
  private volatile int leftoverPostgres;

  private PalermoServer(Process process, Path dataDir, Path logFile, boolean ownsDataDir) {
    this.process = process;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.ownsDataDir = ownsDataDir;
    // Should the test JVM itself be stopped, still stop the server (and so its PostgreSQL).
    shutdownHook = new Thread(this::stopProcess, "palermo-e2e-server-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code java -jar palermo.jar serve --demo} on a new temporary data directory and a port
   * the server picks itself ({@code --port 0}: no race for a free port), and waits, at most {@code
   * startupLimit}, until it prints that it is running.
   */
  static PalermoServer start(Path jar, Path logFile, Duration startupLimit)
      throws IOException, InterruptedException {
    return start(jar, logFile, startupLimit, List.of());
  }

  /**
   * As {@link #start(Path, Path, Duration)}, with more JVM options for the server (e.g. {@code
   * -Dpalermo.session.idle-timeout=PT40S}).
   */
  static PalermoServer start(Path jar, Path logFile, Duration startupLimit, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path dataDir = Files.createTempDirectory("palermo-e2e-data-");
    return start(jar, dataDir, true, logFile, startupLimit, List.of(), jvmOptions);
  }

  /**
   * Starts {@code java -jar palermo.jar serve --demo <serveOptions>} on a data directory the caller
   * owns (it may already hold data, e.g. of a server that crashed): {@link #close()} leaves it in
   * place.
   */
  static PalermoServer startOn(
      Path jar, Path dataDir, Path logFile, Duration startupLimit, List<String> serveOptions)
      throws IOException, InterruptedException {
    return start(jar, dataDir, false, logFile, startupLimit, serveOptions, List.of());
  }

  /**
   * The build's JaCoCo agent ({@code -javaagent:...}, system property {@code
   * palermo.jar.coverage-agent}, set by app/pom.xml), so that what the packaged jar runs counts in
   * the coverage report; nothing when coverage is off. It writes its data when the server stops
   * with SIGTERM ({@link #close()}), not after {@link #crash()}.
   */
  static List<String> coverageAgent() {
    String agent = System.getProperty("palermo.jar.coverage-agent", "");
    return agent.startsWith("-javaagent:") ? List.of(agent) : List.of();
  }

  private static PalermoServer start(
      Path jar,
      Path dataDir,
      boolean ownsDataDir,
      Path logFile,
      Duration startupLimit,
      List<String> serveOptions,
      List<String> jvmOptions)
      throws IOException, InterruptedException {
    Files.createDirectories(logFile.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LAUNCHER_JVM_OPTIONS);
    command.addAll(coverageAgent());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "serve",
            "--demo",
            "--data-dir",
            dataDir.toString(),
            "--port",
            "0"));
    command.addAll(serveOptions);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dataDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    // The test runs against the embedded database of its own data directory, nothing else.
    builder.environment().keySet().removeIf(k -> k.startsWith("PALERMO_"));
    PalermoServer server = new PalermoServer(builder.start(), dataDir, logFile, ownsDataDir);
    server.awaitReady(startupLimit);
    return server;
  }

  /**
   * Kills the server as a crash would: SIGKILL, at once, to the JVM, everything it started and
   * every process of its embedded PostgreSQL (the postmaster named by {@code pg/postmaster.pid},
   * which runs detached from the JVM, and its backends, WAL writer and checkpointer), so that
   * neither Palermo nor PostgreSQL runs any shutdown code or flushes anything on the way down.
   * Returns once all of them are gone.
   */
  List<ProcessHandle> crash() throws IOException, InterruptedException {
    java.util.Set<ProcessHandle> victims = new java.util.LinkedHashSet<>();
    victims.add(process.toHandle());
    process.toHandle().descendants().forEach(victims::add);
    Path pid = dataDir.resolve("pg").resolve("postmaster.pid");
    if (Files.exists(pid)) {
      String first = Files.readAllLines(pid, StandardCharsets.US_ASCII).get(0).strip();
      ProcessHandle.of(Long.parseLong(first))
          .ifPresent(
              postmaster -> {
                victims.add(postmaster);
                postmaster.descendants().forEach(victims::add);
              });
    }
    postgresOf(dataDir).forEach(victims::add);
    for (ProcessHandle p : victims) {
      p.destroyForcibly();
    }
    for (ProcessHandle p : victims) {
      try {
        p.onExit().get(20, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("process " + p.pid() + " survived SIGKILL", e);
      }
    }
    appendToLog("[e2e: killed with SIGKILL: " + victims + "]");
    return List.copyOf(victims);
  }

  /** PostgreSQL's {@code DBState} in {@code pg_control}: shut down cleanly. */
  static final int DB_SHUTDOWNED = 1;

  /** PostgreSQL's {@code DBState} in {@code pg_control}: running (or crashed while running). */
  static final int DB_IN_PRODUCTION = 6;

  /**
   * The cluster state PostgreSQL recorded in {@code pg/global/pg_control}, as {@code
   * pg_controldata} shows it: the {@code DBState} after the system identifier (8 bytes), the
   * control file version and the catalogue version (4 bytes each), in the machine's byte order.
   */
  static int clusterState(Path dataDir) throws IOException {
    byte[] control =
        Files.readAllBytes(dataDir.resolve("pg").resolve("global").resolve("pg_control"));
    return java.nio.ByteBuffer.wrap(control).order(java.nio.ByteOrder.nativeOrder()).getInt(16);
  }

  /** The PostgreSQL processes still running on this data directory. */
  static List<ProcessHandle> postgresOf(Path dataDir) {
    String pgDir = dataDir.resolve("pg").toString();
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("postgres") && c.contains(pgDir))
                    .orElse(false))
        .toList();
  }

  private void awaitReady(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<String> url = readyUrl();
      if (url.isPresent()) {
        baseUrl = url.get();
        return;
      }
      if (!process.isAlive()) {
        close();
        fail(
            "The Palermo server exited with code "
                + process.exitValue()
                + " before printing '"
                + READY
                + "'. Its output ("
                + logFile
                + "):\n"
                + output());
      }
      if (System.nanoTime() > deadline) {
        close();
        fail(
            "The Palermo server did not print '"
                + READY
                + "' within "
                + limit.toSeconds()
                + " s. Its output ("
                + logFile
                + "):\n"
                + output());
      }
      Thread.sleep(200);
    }
  }

  private Optional<String> readyUrl() {
    Matcher m = URL.matcher(output());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The server's base URL, without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
  String baseUrl() {
    return baseUrl;
  }

  Path dataDir() {
    return dataDir;
  }

  /** Everything the server has printed so far (standard output and error). */
  String output() {
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo accounts, by username, from {@code <data-dir>/demo-credentials.json}. */
  Map<String, DemoUser> demoUsers() {
    Path file = dataDir.resolve("demo-credentials.json");
    JsonNode root = JsonMapper.builder().build().readTree(file);
    Map<String, DemoUser> users = new LinkedHashMap<>();
    for (JsonNode u : root.path("users")) {
      DemoUser user =
          new DemoUser(
              u.path("username").asString(),
              u.path("password").asString(),
              u.path("apiToken").asString(),
              u.path("role").asString(),
              u.path("agency").asString(),
              u.path("agencyType").asString());
      users.put(user.username(), user);
    }
    return users;
  }

  /**
   * Stops the server with SIGTERM (its shutdown hook stops the embedded PostgreSQL), forcibly if it
   * does not stop in time, makes sure no PostgreSQL of this data directory is left running, and
   * deletes the data directory. The log file stays.
   */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or about to: it stops the process
    }
    stopProcess();
    if (ownsDataDir) {
      deleteRecursively(dataDir);
    }
  }

  private void stopProcess() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    stopLeftoverPostgres();
  }

  /**
   * The embedded PostgreSQL runs detached from the JVM (started by pg_ctl, its parent is init), so
   * a JVM that had to be killed leaves it behind: find it by its data directory on its command line
   * and stop it.
   */
  private void stopLeftoverPostgres() {
    List<ProcessHandle> leftovers = postgresOf(dataDir);
    for (ProcessHandle p : leftovers) {
      p.destroy();
    }
    for (ProcessHandle p : leftovers) {
      try {
        p.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    leftoverPostgres += leftovers.size();
    if (!leftovers.isEmpty()) {
      appendToLog("[e2e: stopped leftover PostgreSQL processes " + leftovers + "]");
    }
  }

  private void appendToLog(String line) {
    try {
      Files.writeString(
          logFile,
          line + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      // only an artefact
    }
  }

  /**
   * How many PostgreSQL processes of this data directory were still running after the server had
   * stopped (and had to be stopped here): 0 when the server stops its database itself.
   */
  int leftoverPostgres() {
    return leftoverPostgres;
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: the operating system cleans what is left
    }
  }
}

package org.palermo.app.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one {@code serve --demo} server of a Failsafe JVM, shared by every end-to-end class that only
 * needs a running demo instance (the browser classes and {@link SqlmapIT}): started lazily by the
 * first class that asks for it ({@link #server()}), and stopped once, after the last test of the
 * run, when JUnit closes its root store (issue #12 §5). Seeding the demo and starting the jar are
 * the expensive part of these classes; doing it once instead of once per class is what this saves.
 *
 * <p>The classes share its data, so each makes its own records where it changes something (its own
 * person and case) or works under a demo account the others do not change. {@link CrashSafetyIT}
 * kills its server and keeps starting its own.
 *
 * <p>A start that fails is remembered: the classes after it fail at once with the same cause
 * instead of each waiting out the start limit again. Stopping checks, as each class did before,
 * that the server left no PostgreSQL process running.
 */
final class SharedDemoServer implements BeforeAllCallback {
  static final String LOG = "demo-server.log";

  /**
   * Longer than a class's own server had ({@link DemoBrowserTest#STARTUP_LIMIT}): it starts once
   * per run, on a machine busy with the rest of the build, and a slow start is not a failure.
   */
  static final Duration STARTUP_LIMIT = Duration.ofSeconds(300);

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedDemoServer.class);

  private static PalermoServer server;
  private static Throwable failedStart;
  private static int starts;

  /** Registers the stop with the root context, so it runs once, after every class of the run. */
  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(NAMESPACE).computeIfAbsent(Stop.class, k -> new Stop(), Stop.class);
  }

  /**
   * The running demo server, started on first use from the jar named by the system property {@code
   * palermo.jar}, logging to {@value #LOG} in {@code target/e2e/}.
   */
  static synchronized PalermoServer server() throws IOException, InterruptedException {
    if (failedStart != null) {
      fail("The shared demo server failed to start earlier in this run", failedStart);
    }
    if (server == null) {
      try {
        Path jar = jar();
        server = PalermoServer.start(jar, artefacts(jar).resolve(LOG), STARTUP_LIMIT);
        starts++;
        System.out.printf(
            "SharedDemoServer: serve --demo started (%d start(s) in this JVM) at %s%n",
            starts, server.baseUrl());
      } catch (IOException | InterruptedException | RuntimeException | Error e) {
        failedStart = e;
        throw e;
      }
    }
    return server;
  }

  /** How many times this JVM started the shared server (1 for a whole run). */
  static synchronized int starts() {
    return starts;
  }

  /** The packaged jar, failing the test with what to do when it is not there. */
  static Path jar() {
    String jarProperty = System.getProperty("palermo.jar");
    if (jarProperty == null || jarProperty.isBlank()) {
      fail("System property palermo.jar is not set: run this test through ./mvnw verify.");
    }
    Path jar = Path.of(jarProperty);
    if (!Files.isRegularFile(jar)) {
      fail(jar + " does not exist: package the application first (./mvnw verify does).");
    }
    return jar;
  }

  /** {@code target/e2e/}: logs and screenshots. */
  static Path artefacts(Path jar) throws IOException {
    Path artefacts = jar.toAbsolutePath().getParent().resolve("e2e");
    Files.createDirectories(artefacts);
    return artefacts;
  }

  /** Stops the shared server at the end of the run; it must leave no PostgreSQL running. */
  private static final class Stop implements AutoCloseable {
    @Override
    public void close() {
      PalermoServer stopped;
      synchronized (SharedDemoServer.class) {
        stopped = server;
        server = null;
      }
      if (stopped == null) {
        return;
      }
      stopped.close();
      if (stopped.leftoverPostgres() != 0) {
        throw new AssertionError(
            "The shared demo server left "
                + stopped.leftoverPostgres()
                + " PostgreSQL process(es) running when it stopped");
      }
    }
  }
}

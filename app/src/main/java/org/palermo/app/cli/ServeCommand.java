package org.palermo.app.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.palermo.app.access.Accounts;
import org.palermo.app.demo.DemoSeeder;
import org.palermo.app.platform.InstanceSettings;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the web interface and API until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Palermo server (web interface and API) on 127.0.0.1.",
      "With --demo, an empty data directory is first filled with synthetic demo data and the"
          + " demo credentials are written to <data-dir>/demo-credentials.json."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free port).")
  int port;

  @Option(names = "--demo", description = "Run with synthetic demo data (no real data!).")
  boolean demo;

  @Option(
      names = "--cases",
      paramLabel = "N",
      defaultValue = "300",
      description =
          "With --demo on an empty data directory: how many synthetic cases"
              + " (default ${DEFAULT-VALUE}).")
  int cases;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "20001115",
      description = "With --demo: the seed of the synthetic data (default ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  static final String DEMO_WITHOUT_MFA =
      "WARNING: demo mode: administrators sign in WITHOUT a second factor (no TOTP), and the"
          + " demo passwords are written to demo-credentials.json. Never enter real data.";

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("--port must be between 0 and 65535.");
      return 2;
    }
    Map<String, Object> props = new HashMap<>();
    props.put("server.port", port);
    if (demo) {
      // Said before anything else (issue #11 item 16): a demo switches off the second factor that
      // administrators otherwise need (SECURITY.md; ASVS 6.3.3), so it must never hold real data.
      err.println(DEMO_WITHOUT_MFA);
      err.flush();
      props.put("palermo.demo", true);
      props.put("palermo.security.mfa-required-roles", "");
    }
    ConfigurableApplicationContext context = Launch.start(data, true, props);
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        (org.springframework.context.ApplicationListener<ContextClosedEvent>)
            e -> closed.countDown());
    Accounts accounts = context.getBean(Accounts.class);
    InstanceSettings settings = context.getBean(InstanceSettings.class);
    if (demo) {
      if (!accounts.hasUsers()) {
        out.println("Filling the empty data directory with synthetic demo data ...");
        DemoSeeder.Result result = context.getBean(DemoSeeder.class).seed(cases, seed);
        out.printf(
            "Demo data: %d users, %d cases, %d services.%n",
            result.users(), result.cases(), result.services());
      } else if (!settings.isDemo()) {
        err.println(
            "This data directory holds a real (non-demo) instance; --demo will not run on it."
                + " Choose another --data-dir.");
        context.close();
        return 2;
      }
      out.println("Demo credentials: " + data.dataDirOrDefault().resolve("demo-credentials.json"));
    } else if (!accounts.hasUsers()) {
      err.println("No user accounts exist yet. Create the first administrator, then serve again:");
      err.println(
          "  ./palermo users add --admin --username NAME --agency \"AGENCY NAME\""
              + " --agency-type COORDINATION --data-dir "
              + data.dataDirOrDefault());
      context.close();
      return 2;
    } else if (settings.isDemo()) {
      err.println("WARNING: this data directory holds demo data with published credentials.");
    }
    int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
    out.println("Palermo is running at http://127.0.0.1:" + actualPort + "/");
    out.println("Data directory: " + data.dataDirOrDefault() + ". Stop with Ctrl+C.");
    out.flush();
    closed.await();
    return 0;
  }
}

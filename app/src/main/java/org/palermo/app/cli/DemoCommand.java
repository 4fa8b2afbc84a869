package org.palermo.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.palermo.app.demo.DemoSeeder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Demo data. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Synthetic demo data.",
    subcommands = DemoCommand.Seed.class)
final class DemoCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "seed",
      mixinStandardHelpOptions = true,
      description =
          "Fill an empty data directory with synthetic demo data; the same seed gives the same"
              + " agencies, services, persons and cases.")
  static final class Seed implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(
        names = "--cases",
        paramLabel = "N",
        defaultValue = "300",
        description = "How many synthetic cases (default ${DEFAULT-VALUE}).")
    int cases;

    @Option(
        names = "--seed",
        paramLabel = "S",
        defaultValue = "20001115",
        description = "Seed of the synthetic data (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (data.dataDir == null) {
        spec.commandLine().getErr().println("demo seed needs --data-dir DIR.");
        return 2;
      }
      try (ConfigurableApplicationContext context =
          Launch.start(data, false, Map.of("palermo.demo", true))) {
        DemoSeeder.Result r = context.getBean(DemoSeeder.class).seed(cases, seed);
        spec.commandLine()
            .getOut()
            .printf(
                "Seeded %d users, %d cases and %d services.%nDemo credentials: %s%n",
                r.users(), r.cases(), r.services(), r.credentials());
        return 0;
      }
    }
  }
}

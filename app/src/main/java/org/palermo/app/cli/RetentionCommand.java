package org.palermo.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.palermo.app.access.Retention;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Retention of personal data (docs/security.md, "Retention"). */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Retention of personal data.",
    subcommands = RetentionCommand.Run.class)
final class RetentionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Apply the retention rules now: anonymise the persons of cases closed longer ago than"
              + " palermo.retention.closed-case (unless a legal hold is in force), erase stale"
              + " screening drafts and old notifications. The run is audited.")
  static final class Run implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Option(names = "--dry-run", description = "Only report what would be done.")
    boolean dryRun;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        Retention.Report r = context.getBean(Retention.class).run(dryRun);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "%s: %d case(s) anonymised, %d held by a legal hold, %d screening draft(s) erased,"
                + " %d notification(s) erased.%n",
            dryRun ? "Dry run (nothing changed)" : "Retention run",
            r.anonymisedCases().size(),
            r.heldCases().size(),
            r.erasedScreenings().size(),
            r.erasedNotifications());
        return 0;
      }
    }
  }
}

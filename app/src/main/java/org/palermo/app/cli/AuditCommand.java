package org.palermo.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.palermo.app.audit.AuditVerifier;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The audit trail. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "The audit trail.",
    subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Recompute the hash chain of the audit trail. Exits 1 and names the first broken entry"
              + " if any entry was altered, removed or inserted.")
  static final class Verify implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        AuditVerifier.Result result = context.getBean(AuditVerifier.class).verify();
        PrintWriter out = spec.commandLine().getOut();
        if (result.intact()) {
          out.printf(
              "Audit chain intact: %d entries verified; head %s%n",
              result.verified(), result.head());
          return 0;
        }
        AuditVerifier.Break b = result.firstBreak().orElseThrow();
        spec.commandLine()
            .getErr()
            .printf(
                "Audit chain BROKEN at entry %d (%s): %s. %d entries before it verified.%n",
                b.seq(), b.at(), b.reason(), result.verified());
        return 1;
      }
    }
  }
}

package org.palermo.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.palermo.app.audit.AuditCheckpoints;
import org.palermo.app.audit.AuditVerifier;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The audit trail. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "The audit trail.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class})
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
          "Recompute the keyed hash chain of the audit trail. Exits 1 and names the first broken"
              + " entry if any entry was altered, removed or inserted. With --checkpoint, also"
              + " checks the chain against a checkpoint exported earlier and kept elsewhere.")
  static final class Verify implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Option(
        names = "--checkpoint",
        paramLabel = "FILE",
        description =
            "A checkpoint written by 'audit checkpoint export': its signature must verify and"
                + " its entry must still have the hash it records.")
    Path checkpoint;

    @Override
    public Integer call() {
      String statement = null;
      if (checkpoint != null) {
        try {
          statement = Files.readString(checkpoint, StandardCharsets.UTF_8);
        } catch (IOException e) {
          spec.commandLine().getErr().printf("Cannot read %s: %s%n", checkpoint, e.getMessage());
          return 2;
        }
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        AuditVerifier.Result result = context.getBean(AuditVerifier.class).verify();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = 0;
        if (result.intact()) {
          out.printf(
              "Audit chain intact: %d entries verified; head %s%n",
              result.verified(), result.head());
        } else {
          AuditVerifier.Break b = result.firstBreak().orElseThrow();
          err.printf(
              "Audit chain BROKEN at entry %d (%s): %s. %d entries before it verified.%n",
              b.seq(), b.at(), b.reason(), result.verified());
          code = 1;
        }
        if (statement != null) {
          Optional<String> problem =
              context.getBean(AuditCheckpoints.class).check(statement, result);
          if (problem.isPresent()) {
            err.printf("Checkpoint %s FAILED: %s.%n", checkpoint, problem.get());
            code = 1;
          } else {
            out.printf("Checkpoint %s holds.%n", checkpoint);
          }
        }
        return code;
      }
    }
  }

  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = "Signed checkpoints of the audit chain's head, to keep away from the database.",
      subcommands = {Checkpoint.Export.class, Checkpoint.PublicKey.class})
  static final class Checkpoint implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
            "Verify the chain, then write a statement of its head (sequence number, hash, time)"
                + " signed with the instance's Ed25519 checkpoint key. Keep the file elsewhere;"
                + " 'audit verify --checkpoint FILE' detects any later rewrite up to it.")
    static final class Export implements Callable<Integer> {
      @Mixin DataOptions data = new DataOptions();
      @Spec CommandSpec spec;

      @Option(
          names = "--out",
          paramLabel = "FILE",
          description = "Where to write the checkpoint (default: standard output).")
      Path outFile;

      @Override
      public Integer call() {
        try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
          String statement;
          try {
            statement = context.getBean(AuditCheckpoints.class).export();
          } catch (IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
          }
          if (outFile == null) {
            spec.commandLine().getOut().print(statement);
            spec.commandLine().getOut().flush();
          } else {
            try {
              Files.writeString(outFile, statement, StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            spec.commandLine().getOut().printf("Checkpoint written to %s%n", outFile);
          }
          return 0;
        }
      }
    }

    @Command(
        name = "public-key",
        mixinStandardHelpOptions = true,
        description =
            "Print the public key (X.509, base64) that verifies this instance's checkpoints, to"
                + " publish or hand to whoever keeps the copies.")
    static final class PublicKey implements Callable<Integer> {
      @Mixin DataOptions data = new DataOptions();
      @Spec CommandSpec spec;

      @Override
      public Integer call() {
        try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
          spec.commandLine().getOut().println(context.getBean(AuditCheckpoints.class).publicKey());
          return 0;
        }
      }
    }
  }
}

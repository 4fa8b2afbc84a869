package org.palermo.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.palermo.app.platform.crypto.KeyRing;
import org.palermo.app.platform.crypto.KeyRotation;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The encryption keys (docs/security.md, "Encryption at rest"). */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "The encryption keys.",
    subcommands = {KeysCommand.Rotate.class, KeysCommand.Status.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description =
          "Generate a new master key and re-wrap every data key with it. Sealed data is not"
              + " re-encrypted (its data keys do not change). The old master key is kept until"
              + " every data key is re-wrapped; an interrupted rotation resumes where it stopped.")
  static final class Rotate implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        if (context.getBean(KeyRing.class).fromEnvironment()) {
          spec.commandLine()
              .getErr()
              .println(
                  "The master key comes from PALERMO_MASTER_KEY; see docs/security.md for how to"
                      + " rotate it.");
          return 2;
        }
        KeyRotation.Result r = context.getBean(KeyRotation.class).rotate();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "Master key rotated from %s to %s; %d data keys re-wrapped.%n",
            r.fromKeyId(), r.toKeyId(), r.rewrapped());
        return 0;
      }
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show the id of the current master key and where it comes from.")
  static final class Status implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        KeyRing ring = context.getBean(KeyRing.class);
        spec.commandLine()
            .getOut()
            .printf(
                "Master key %s (%s).%n",
                ring.current().id(),
                ring.fromEnvironment() ? "PALERMO_MASTER_KEY" : "data-dir/keys/master.key");
        return 0;
      }
    }
  }
}

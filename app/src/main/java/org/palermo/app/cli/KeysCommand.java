package org.palermo.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.palermo.app.platform.crypto.KeyRing;
import org.palermo.app.platform.crypto.KeyRotation;
import org.palermo.app.platform.crypto.KeyRotation.KeyCount;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The encryption keys (docs/security.md, "Encryption at rest"). */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "The encryption keys: the master key (the file <data-dir>/keys/master.key, or the"
          + " environment variable PALERMO_MASTER_KEY with older keys in"
          + " PALERMO_MASTER_KEY_PREVIOUS) wraps one data key per record.",
      "Rotating a key from the environment: see docs/security.md."
    },
    subcommands = {KeysCommand.Generate.class, KeysCommand.Rotate.class, KeysCommand.Status.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Print a new random master key (base64 of 32 bytes) on standard output, and nothing else,"
            + " for PALERMO_MASTER_KEY. It is not stored or logged anywhere: put it in your"
            + " secrets store.",
        "Then start the server with the new key in PALERMO_MASTER_KEY and the old one in"
            + " PALERMO_MASTER_KEY_PREVIOUS, and run 'keys rotate'."
      })
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(KeyRing.generate());
      return 0;
    }
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Re-wrap every data key with a new master key. Sealed data is not re-encrypted (its data"
            + " keys do not change).",
        "With the key file: generates the next key, keeps the old one until every data key is"
            + " re-wrapped; an interrupted rotation resumes where it stopped.",
        "With PALERMO_MASTER_KEY: re-wraps every data key still under a key of"
            + " PALERMO_MASTER_KEY_PREVIOUS with PALERMO_MASTER_KEY. Refuses, changing nothing,"
            + " if some data keys are under a key it is not given.",
        "Needs the server stopped; on a running server use POST /api/v1/admin/keys/rotate."
      })
  static final class Rotate implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        KeyRotation.Result r = context.getBean(KeyRotation.class).rotate();
        PrintWriter out = spec.commandLine().getOut();
        if (context.getBean(KeyRing.class).fromEnvironment()) {
          out.printf(
              "%d data keys re-wrapped with master key %s (PALERMO_MASTER_KEY).%n",
              r.rewrapped(), r.toKeyId());
          out.println(
              "Every data key is now under PALERMO_MASTER_KEY: PALERMO_MASTER_KEY_PREVIOUS can be"
                  + " removed ('palermo keys status' shows it).");
        } else {
          out.printf(
              "Master key rotated from %s to %s; %d data keys re-wrapped.%n",
              r.fromKeyId(), r.toKeyId(), r.rewrapped());
        }
        return 0;
      }
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = {
        "Show the current master key's id, where it comes from, and how many data keys each"
            + " master key wraps, so you know when a previous key can be removed.",
        "Exit code 1 if some data keys are wrapped by a master key that is not given."
      })
  static final class Status implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        KeyRing ring = context.getBean(KeyRing.class);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "Master key %s (%s).%n",
            ring.current().id(),
            ring.fromEnvironment() ? "PALERMO_MASTER_KEY" : "data-dir/keys/master.key");
        if (!ring.previousIds().isEmpty()) {
          out.printf(
              "Previous keys (PALERMO_MASTER_KEY_PREVIOUS): %s.%n",
              String.join(", ", ring.previousIds()));
        }
        List<KeyCount> counts = context.getBean(KeyRotation.class).status();
        out.println("Data keys by master key:");
        for (KeyCount k : counts) {
          out.printf(
              "  %-14s %8d  %s%n",
              k.masterKeyId(),
              k.dataKeys(),
              k.current()
                  ? "current"
                  : !k.loaded()
                      ? "NOT GIVEN: cannot open"
                      : k.dataKeys() > 0
                          ? "previous: run 'palermo keys rotate'"
                          : "previous: no data key left");
        }
        long missing = counts.stream().filter(k -> !k.loaded()).mapToLong(KeyCount::dataKeys).sum();
        long old = counts.stream().filter(k -> !k.current()).mapToLong(KeyCount::dataKeys).sum();
        if (missing > 0) {
          out.printf(
              "%d data keys are wrapped by a master key that is not given: put it in"
                  + " PALERMO_MASTER_KEY_PREVIOUS.%n",
              missing);
          return 1;
        }
        if (old == 0) {
          out.println(
              "Every data key is under the current master key"
                  + (ring.previousIds().isEmpty()
                      ? "."
                      : ": PALERMO_MASTER_KEY_PREVIOUS can be removed."));
        } else {
          out.printf("%d data keys are still under a previous key.%n", old);
        }
        return 0;
      }
    }
  }
}

package org.palermo.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.palermo.app.access.SubjectAccess;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Data-subject rights (docs/security.md, "Subject access and erasure"). */
@Command(
    name = "privacy",
    mixinStandardHelpOptions = true,
    description = "Data-subject rights.",
    subcommands = PrivacyCommand.Dsar.class)
final class PrivacyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "dsar",
      mixinStandardHelpOptions = true,
      description =
          "Export everything held on one person (GDPR Art. 15) as JSON, from every table that"
              + " references the person or their cases. The export is audited.")
  static final class Dsar implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Option(names = "--person", required = true, paramLabel = "ID", description = "Person id.")
    UUID person;

    @Option(
        names = "--output",
        paramLabel = "FILE",
        description = "Write to FILE (created with mode 600) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        String json =
            context
                .getBean(SubjectAccess.class)
                .exportPerson(person, "cli:" + System.getProperty("user.name", "operator"));
        if (output == null) {
          spec.commandLine().getOut().println(json);
        } else {
          Files.deleteIfExists(output);
          Files.createFile(
              output,
              java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                  java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
          Files.writeString(output, json, StandardCharsets.UTF_8);
          spec.commandLine().getOut().printf("Written to %s%n", output);
        }
        return 0;
      }
    }
  }
}

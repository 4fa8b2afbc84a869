package org.palermo.app.cli;

import picocli.CommandLine.Command;

/** The root command. */
@Command(
    name = "palermo",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Palermo: national and transnational referral of victims of trafficking in persons and of"
          + " smuggled migrants in vulnerable situations.",
      ""
    },
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      UsersCommand.class,
      AuditCommand.class,
      ClassifyCommand.class,
      StatsCommand.class,
      KeysCommand.class,
      RetentionCommand.class,
      PrivacyCommand.class,
      DirectoryCommand.class,
      BackupCommand.class,
      CalendarCommand.class,
      LinkCommand.class,
      FinanceCommand.class,
      FederationCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the check failed (e.g. the audit chain is broken)",
      "2:invalid input or state",
      "3:the data directory is in use by a running server"
    })
public final class PalermoCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

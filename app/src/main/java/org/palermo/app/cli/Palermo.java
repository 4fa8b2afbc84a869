package org.palermo.app.cli;

import org.palermo.app.platform.DataDirectoryInUseException;
import org.palermo.app.platform.PalermoException;
import picocli.CommandLine;

/** Entry point of the {@code palermo} command. */
public final class Palermo {
  private Palermo() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code; used by main and by tests. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line: errors become clear messages and exit codes. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new PalermoCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable cause = ex;
          while (cause != null) {
            if (cause instanceof DataDirectoryInUseException inUse) {
              commandLine.getErr().println(inUse.getMessage());
              return 3;
            }
            if (cause instanceof org.palermo.app.platform.crypto.InvalidMasterKeyException k) {
              commandLine.getErr().println(k.getMessage());
              return 2;
            }
            if (cause instanceof PalermoException p) {
              commandLine.getErr().println(p.getMessage());
              return 2;
            }
            cause = cause.getCause();
          }
          throw ex;
        });
    return cli;
  }
}

package org.palermo.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code palermo link}: record linkage on files, with no database (issue 16; the stable contract is
 * in docs/linkage.md). Bad input prints one line naming the row and column and exits 2, writing
 * nothing.
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description = {
      "Find the records of one person: in one file (dedupe), across two files (match), or across"
          + " two parties who exchange only Bloom-filter encodings (encode, match-encoded).",
      "Input: CSV with a header from the linkage vocabulary (docs/linkage.md). Needs no database."
    },
    subcommands = {
      LinkDedupeCommand.class,
      LinkMatchCommand.class,
      LinkEncodeCommand.class,
      LinkMatchEncodedCommand.class
    })
final class LinkCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

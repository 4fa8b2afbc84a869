package org.palermo.app.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.palermo.linkage.clk.ClkMatcher;
import org.palermo.linkage.clk.EncodedFile;
import org.palermo.linkage.io.LinkageInputException;
import org.palermo.linkage.io.PairsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code palermo link match-encoded}: the pairs of two encoded files by Dice similarity, one to one
 * (docs/linkage.md, "Privacy-preserving linkage").
 */
@Command(
    name = "match-encoded",
    mixinStandardHelpOptions = true,
    description = {
      "Match two files of encodings made by 'palermo link encode' with the same secret and"
          + " parameters. Writes left_id,right_id,probability: one row a pair at or above the"
          + " threshold, each record in at most one pair; the third column is the Dice similarity"
          + " of the encodings.",
      "Files encoded with different parameters or secrets are refused (exit 2)."
    })
final class LinkMatchEncodedCommand implements Callable<Integer> {
  @Option(names = "--left", required = true, paramLabel = "A.jsonl", description = "Left file.")
  Path left;

  @Option(names = "--right", required = true, paramLabel = "B.jsonl", description = "Right file.")
  Path right;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "PAIRS.csv",
      description = "The pairs file to write.")
  Path out;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      description =
          "Least Dice similarity of a pair, above 0 and at most 1 (default: ${DEFAULT-VALUE}).")
  double threshold = ClkMatcher.DEFAULT_THRESHOLD;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!(threshold > 0 && threshold <= 1)) {
      return fail("--threshold must be above 0 and at most 1");
    }
    EncodedFile.Contents a;
    EncodedFile.Contents b;
    try {
      a = read(left);
      b = read(right);
    } catch (NoSuchFileException e) {
      return fail("no such file: " + e.getFile());
    } catch (Refused e) {
      return fail(e.getMessage());
    }
    if (!a.parameters().keyFingerprint().equals(b.parameters().keyFingerprint())) {
      return fail("the files were encoded with different secrets (key fingerprints differ)");
    }
    if (!a.parameters().equals(b.parameters())) {
      return fail(
          "the files were encoded with different parameters (q, length, hardening or weights)");
    }
    var pairs =
        new ClkMatcher(threshold).match(a.records(), b.records(), a.parameters().encodedLength());
    PairsCsv.write(out, pairs);
    spec.commandLine().getErr().println("link match-encoded: " + pairs.size() + " pairs");
    return 0;
  }

  private static EncodedFile.Contents read(Path file) throws IOException, Refused {
    try {
      return EncodedFile.read(file);
    } catch (LinkageInputException e) {
      throw new Refused(file.getFileName() + ": " + e.getMessage());
    }
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("link match-encoded: " + message);
    return 2;
  }

  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }
}

package org.palermo.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.palermo.linkage.LinkageRecord;
import org.palermo.linkage.Pair;
import org.palermo.linkage.io.LinkageCsv;
import org.palermo.linkage.io.LinkageInputException;
import org.palermo.linkage.io.PairsCsv;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code palermo link dedupe} and {@code link match} share: reading the input with one-line
 * errors, and writing the pairs file only when all went well (exit 0), else exit 2 with nothing
 * written and an existing output file left as it was.
 */
final class LinkFiles {
  private LinkFiles() {}

  /** Work that reads input and produces pairs, or refuses the input. */
  interface Job {
    List<Pair> pairs() throws LinkageInputException, IOException;
  }

  static int run(CommandSpec spec, String command, double threshold, Path out, Job job)
      throws IOException {
    var err = spec.commandLine().getErr();
    if (!(threshold > 0 && threshold <= 1)) {
      err.println(command + ": --threshold must be more than 0 and at most 1");
      return 2;
    }
    Path dir = out.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      err.println(command + ": --out: no such directory: " + dir);
      return 2;
    }
    List<Pair> pairs;
    try {
      pairs = job.pairs();
    } catch (LinkageInputException e) {
      err.println(command + ": " + e.getMessage());
      return 2;
    }
    PairsCsv.write(out, pairs);
    return 0;
  }

  /** Reads one input file; an error names the option, then the row and column. */
  static List<LinkageRecord> read(Path file, String option)
      throws LinkageInputException, IOException {
    try {
      return LinkageCsv.read(file);
    } catch (LinkageInputException e) {
      throw new LinkageInputException(option + " " + file.getFileName() + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new LinkageInputException(option + ": no such file: " + file);
    }
  }
}

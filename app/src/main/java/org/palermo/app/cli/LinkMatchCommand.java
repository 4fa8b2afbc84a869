package org.palermo.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.palermo.linkage.engine.Linker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code palermo link match}: the records of one person across two files (docs/linkage.md). */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Find the records of one person across two CSV files.",
      "Input: two CSV files with a header each; columns from id, given_name, family_name,"
          + " full_name, birth_date (YYYY-MM-DD or YYYYMMDD), sex, citizenship, birth_place,"
          + " street_number, street, locality, postcode, region, document_number; any subset,"
          + " others ignored, an empty cell is unknown; names in any script.",
      "Output: CSV with header left_id,right_id,probability, one row per pair with a match"
          + " probability at or above the threshold; left_id is from the --left file.",
      "Bad input prints one line naming the file, row and column and exits 2; nothing is"
          + " written."
    })
final class LinkMatchCommand implements Callable<Integer> {
  @Option(names = "--left", required = true, paramLabel = "A.csv", description = "Left records.")
  Path left;

  @Option(names = "--right", required = true, paramLabel = "B.csv", description = "Right records.")
  Path right;

  @Option(names = "--out", required = true, paramLabel = "PAIRS.csv", description = "Pairs file.")
  Path out;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      description = "Match probability from which a pair is a match, 0-1 (default: 0.9).")
  double threshold = Linker.DEFAULT_THRESHOLD;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return LinkFiles.run(
        spec,
        "link match",
        threshold,
        out,
        () ->
            Linker.match(LinkFiles.read(left, "--left"), LinkFiles.read(right, "--right"))
                .pairs(threshold));
  }
}

package org.palermo.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.palermo.linkage.LinkageRecord;
import org.palermo.linkage.engine.Linker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code palermo link dedupe}: the likely duplicates in one file (docs/linkage.md). */
@Command(
    name = "dedupe",
    mixinStandardHelpOptions = true,
    description = {
      "Find the records of one person within one CSV file.",
      "Input: CSV with a header; columns from id, given_name, family_name, full_name, birth_date"
          + " (YYYY-MM-DD or YYYYMMDD), sex, citizenship, birth_place, street_number, street,"
          + " locality, postcode, region, document_number; any subset, others ignored, an empty"
          + " cell is unknown; names in any script.",
      "Output: CSV with header left_id,right_id,probability, one row per pair with a match"
          + " probability at or above the threshold (the lesser id first).",
      "Bad input prints one line naming the row and column and exits 2; nothing is written."
    })
final class LinkDedupeCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "Records.")
  Path input;

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
        "link dedupe",
        threshold,
        out,
        () -> {
          List<LinkageRecord> records = LinkFiles.read(input, "--input");
          return Linker.dedupe(records).pairs(threshold);
        });
  }
}

package org.palermo.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.palermo.linkage.LinkageRecord;
import org.palermo.linkage.clk.ClkEncoder;
import org.palermo.linkage.clk.ClkMatcher.Encoded;
import org.palermo.linkage.clk.EncodedFile;
import org.palermo.linkage.io.LinkageCsv;
import org.palermo.linkage.io.LinkageInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code palermo link encode}: the Bloom-filter encodings (CLK) of a linkage CSV, keyed by the
 * secret of a linkage agreement; the encoded file holds no plaintext (docs/linkage.md,
 * "Privacy-preserving linkage").
 */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = {
      "Encode the records of a linkage CSV as Bloom filters keyed by the secret of a linkage"
          + " agreement, to be matched with another party's encodings by match-encoded.",
      "The output (JSON lines) holds the parameters, a fingerprint of the secret, and per record"
          + " its id and bits: no name, no date, nothing else. Use ids that mean nothing outside"
          + " your instance.",
      "Bad input prints one line naming the row and column and exits 2, writing nothing."
    })
final class LinkEncodeCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE.csv",
      description = "Linkage CSV (docs/linkage.md).")
  Path input;

  @Option(
      names = "--secret-file",
      required = true,
      paramLabel = "KEY",
      description =
          "File whose bytes are the secret of the linkage agreement (at least 16 bytes; the same"
              + " for both parties; never sent).")
  Path secretFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "ENC.jsonl",
      description = "The encoded file to write.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    byte[] secret;
    try {
      secret = Files.readAllBytes(secretFile);
    } catch (NoSuchFileException e) {
      return fail("no such secret file: " + secretFile);
    }
    if (secret.length < ClkEncoder.MIN_SECRET_BYTES) {
      return fail(
          "the secret file has "
              + secret.length
              + " bytes; at least "
              + ClkEncoder.MIN_SECRET_BYTES
              + " are needed");
    }
    List<LinkageRecord> records;
    try {
      records = LinkageCsv.read(input);
    } catch (NoSuchFileException e) {
      return fail("no such file: " + input);
    } catch (LinkageInputException e) {
      return fail(input.getFileName() + ": " + e.getMessage());
    }
    ClkEncoder encoder = new ClkEncoder(secret);
    java.util.Arrays.fill(secret, (byte) 0);
    List<Encoded> encoded = new ArrayList<>(records.size());
    for (LinkageRecord r : records) {
      encoded.add(new Encoded(r.id(), encoder.encode(r)));
    }
    EncodedFile.write(out, encoder.parameters(), encoded);
    spec.commandLine().getErr().println("link encode: " + encoded.size() + " records encoded");
    return 0;
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("link encode: " + message);
    return 2;
  }
}

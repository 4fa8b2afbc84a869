package org.palermo.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.palermo.app.identification.ClassificationContract;
import org.palermo.law.engine.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code palermo classify FILE}: the classification contract on the command line. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify facts under the Palermo Protocols (trafficking art. 3, smuggling art. 3, 5, 6).",
      "FILE holds one JSON object or an array of them ('-' reads standard input); one assessment"
          + " is printed per input, in the same order (an array for an array). Bad input prints"
          + " an error naming the field and exits 2; nothing is classified then.",
      "Fields: see docs/classification.md. Needs no database."
    })
final class ClassifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "JSON file, or - for standard input.")
  String file;

  @picocli.CommandLine.Option(
      names = "--rule-set",
      paramLabel = "VERSION",
      description =
          "Rule set to classify under, e.g. palermo-rules/1.0.0 to reproduce an earlier"
              + " assessment (default: the current one).")
  String ruleSet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    byte[] bytes;
    try {
      bytes =
          "-".equals(file) ? readAll(System.in) : Files.readAllBytes(java.nio.file.Path.of(file));
    } catch (NoSuchFileException e) {
      spec.commandLine().getErr().println("classify: no such file: " + file);
      return 2;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      spec.commandLine().getErr().println("classify: $: the input is not valid UTF-8");
      return 2;
    }
    ClassificationContract contract = new ClassificationContract(Classifier.standard());
    try {
      spec.commandLine().getOut().println(contract.print(contract.classify(text, ruleSet)));
      return 0;
    } catch (org.palermo.app.platform.PalermoException e) {
      spec.commandLine().getErr().println("classify: " + e.getMessage());
      return 2;
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }
}

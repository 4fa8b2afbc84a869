import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A skipped test is not a passing test. Run by the build in the {@code verify} phase of every
 * module (the root pom.xml, execution {@code no-unasked-skips}) with the module's build directory,
 * the time the build started and the value of {@code skip.e2e}: it reads the Surefire and Failsafe
 * reports this build wrote and fails, naming each one, if any test was skipped (an assumption that
 * did not hold, {@code @Disabled}, a condition) unless the skip was asked for: with {@code
 * -Dskip.e2e=true}, the tests that report "skipped with -Dskip.e2e=true" may be skipped, and only
 * those. Plain Java, no dependency: {@code java tools/NoUnaskedSkips.java target <start> <skipE2e>}.
 */
public final class NoUnaskedSkips {

  /** The words every test skipped on request reports (DemoBrowserTest, SqlmapIT, ...). */
  static final String ASKED_FOR = "skipped with -Dskip.e2e=true";

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    Instant buildStart = parseStart(args.length > 1 ? args[1] : "");
    boolean e2eSkipAsked = args.length > 2 && "true".equalsIgnoreCase(args[2].strip());
    List<String> unasked = new ArrayList<>();
    int asked = 0;
    for (String dir : List.of("surefire-reports", "failsafe-reports")) {
      for (Path report : reports(target.resolve(dir), buildStart)) {
        var document =
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        NodeList cases = document.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
          Element testcase = (Element) cases.item(i);
          NodeList skipped = testcase.getElementsByTagName("skipped");
          if (skipped.getLength() == 0) {
            continue;
          }
          String message = reason((Element) skipped.item(0));
          if (e2eSkipAsked && message.contains(ASKED_FOR)) {
            asked++;
            continue;
          }
          unasked.add(
              testcase.getAttribute("classname")
                  + "#"
                  + testcase.getAttribute("name")
                  + " ("
                  + dir
                  + "): "
                  + (message.isBlank() ? "no reason given" : message));
        }
      }
    }
    if (asked > 0) {
      System.out.println("[no-unasked-skips] " + asked + " test(s) skipped as asked (skip.e2e)");
    }
    if (!unasked.isEmpty()) {
      System.err.println(
          "[no-unasked-skips] "
              + unasked.size()
              + " test(s) were skipped without being asked to (a skipped test is not a passing"
              + " test; only -Dskip.e2e=true may skip the browser, sqlmap, crash and"
              + " external-database tests):");
      unasked.forEach(line -> System.err.println("  SKIPPED " + line));
      System.exit(1);
    }
  }

  /**
   * Why it was skipped: the {@code message} of {@code <skipped>} ({@code @Disabled}, conditions) or
   * the first line of its text (an assumption: the TestAbortedException and its stack trace).
   */
  static String reason(Element skipped) {
    String message = skipped.getAttribute("message").strip();
    if (message.isEmpty()) {
      message = skipped.getTextContent().strip().lines().findFirst().orElse("");
      message = message.replaceFirst("^org\\.opentest4j\\.TestAbortedException: ", "");
    }
    return message;
  }

  /** The reports written by this build (older ones may be left over from an earlier run). */
  static List<Path> reports(Path dir, Instant buildStart) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> result = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("TEST-")
            && name.endsWith(".xml")
            && !Files.getLastModifiedTime(file).toInstant().isBefore(buildStart)) {
          result.add(file);
        }
      }
      return result;
    }
  }

  /** Maven's {@code maven.build.timestamp} (UTC, whole seconds); unreadable means every report. */
  static Instant parseStart(String text) {
    try {
      return Instant.parse(text.strip()).minusSeconds(1);
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }
}

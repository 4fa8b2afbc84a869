package org.palermo.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data boundaries (issue 12 §2): each table belongs to one application module, and a module's SQL
 * reads and writes only its own tables; another module's data is reached through that module's Java
 * API. The owners are {@code architecture/table-owners.tsv}; the crossings that exist today and are
 * still to be moved behind the owner's API are {@code architecture/data-crossings.tsv}, each with
 * the move it needs. The list only shrinks: a new crossing fails the build, and so does a listed
 * crossing that is gone (take it off the list).
 *
 * <p>The tables come from the Flyway migrations; the SQL from the string literals and text blocks
 * of the main sources, where a known table name follows FROM, JOIN, INTO, UPDATE, DELETE FROM,
 * TRUNCATE or TABLE.
 */
class DataBoundaryTest {
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  static final Path SOURCES = Path.of("src/main/java/org/palermo/app");

  static final Pattern CREATE_TABLE =
      Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
  static final Pattern RENAME_TABLE =
      Pattern.compile(
          "(?i)\\balter\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)");
  static final Pattern DROP_TABLE =
      Pattern.compile("(?i)\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

  /** A Java text block or a one-line string literal. */
  static final Pattern LITERAL =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

  static final Pattern TABLE_REFERENCE =
      Pattern.compile(
          "(?i)\\b(?:from|join|into|update|delete\\s+from|truncate(?:\\s+table)?|table)\\s+([a-z_][a-z0-9_]*)");

  static Set<String> tables;
  static Map<String, String> owners;
  static Map<String, String> crossings;
  static Map<String, Set<String>> found;

  @BeforeAll
  static void read() throws IOException {
    tables = tablesOfTheMigrations();
    owners = new TreeMap<>();
    for (String[] row : rows("architecture/table-owners.tsv", 2)) {
      owners.put(row[0], row[1]);
    }
    crossings = new TreeMap<>();
    for (String[] row : rows("architecture/data-crossings.tsv", 3)) {
      crossings.put(row[0] + " -> " + row[1], row[2]);
    }
    found = sqlCrossings();
  }

  @Test
  void everyTableOfTheMigrationsHasOneOwner() {
    assertThat(owners.keySet())
        .as(
            "architecture/table-owners.tsv names the owning module of every table the migrations"
                + " create, and no other")
        .containsExactlyInAnyOrderElementsOf(tables);
  }

  @Test
  void theOwnersAreModules() throws IOException {
    Set<String> modules = new TreeSet<>();
    try (Stream<Path> entries = Files.list(SOURCES)) {
      entries.filter(Files::isDirectory).forEach(p -> modules.add(p.getFileName().toString()));
    }
    assertThat(modules).containsAll(new TreeSet<>(owners.values()));
  }

  @Test
  void noModuleReadsOrWritesAnotherModulesTablesBeyondTheListedCrossings() {
    Map<String, Set<String>> unlisted = new TreeMap<>(found);
    unlisted.keySet().removeAll(crossings.keySet());
    assertThat(unlisted)
        .as(
            "SQL that touches another module's table (module -> table: files). Reach it through"
                + " the owner's API instead")
        .isEmpty();
  }

  @Test
  void theListOfCrossingsOnlyShrinks() {
    Set<String> gone = new TreeSet<>(crossings.keySet());
    gone.removeAll(found.keySet());
    assertThat(gone)
        .as("crossings listed in architecture/data-crossings.tsv that the code no longer has")
        .isEmpty();
  }

  @Test
  void theScannerSeesCrossings() {
    // The scanner itself: a literal that reads another module's table is seen, a comment or a
    // word in prose that is not SQL after a keyword is not a table.
    Set<String> seen =
        referencedTables("String q = \"SELECT p.id FROM person p JOIN case_file c ON true\";");
    assertThat(seen).contains("person", "case_file");
    assertThat(
            referencedTables(
                "// SELECT * FROM person\nString s = \"the person from whom it came\";"))
        .isEmpty();
  }

  static Set<String> tablesOfTheMigrations() throws IOException {
    Set<String> names = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> entries = Files.list(MIGRATIONS)) {
      files =
          entries
              .filter(p -> p.toString().endsWith(".sql"))
              .sorted(DataBoundaryTest::byVersion)
              .toList();
    }
    for (Path file : files) {
      String sql = Files.readString(file, StandardCharsets.UTF_8);
      CREATE_TABLE.matcher(sql).results().forEach(m -> names.add(m.group(1).toLowerCase()));
      RENAME_TABLE
          .matcher(sql)
          .results()
          .forEach(
              m -> {
                names.remove(m.group(1).toLowerCase());
                names.add(m.group(2).toLowerCase());
              });
      DROP_TABLE.matcher(sql).results().forEach(m -> names.remove(m.group(1).toLowerCase()));
    }
    return names;
  }

  /** Flyway's order: V1 < V2 < V10 < V19_1 < V19_31 < V19_4 < V20_1 (parts compared as numbers). */
  static int byVersion(Path a, Path b) {
    String[] x = version(a);
    String[] y = version(b);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  static String[] version(Path file) {
    String name = file.getFileName().toString();
    return name.substring(1, name.indexOf("__")).split("[._]");
  }

  /** module -> table, with the files, for every table a module's SQL names that it does not own. */
  static Map<String, Set<String>> sqlCrossings() throws IOException {
    Map<String, Set<String>> result = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    for (Path file : files) {
      Path relative = SOURCES.relativize(file);
      if (relative.getNameCount() < 2) {
        continue; // the application class in the root package holds no SQL
      }
      String module = relative.getName(0).toString();
      for (String table : referencedTables(Files.readString(file, StandardCharsets.UTF_8))) {
        String owner = owners.get(table);
        if (owner != null && !owner.equals(module)) {
          result
              .computeIfAbsent(module + " -> " + table, k -> new TreeSet<>())
              .add(relative.toString());
        }
      }
    }
    return result;
  }

  static Set<String> referencedTables(String source) {
    Set<String> names = new TreeSet<>();
    Matcher literal = LITERAL.matcher(source);
    while (literal.find()) {
      String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
      Matcher reference = TABLE_REFERENCE.matcher(text);
      while (reference.find()) {
        String name = reference.group(1).toLowerCase();
        if (tables.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  static List<String[]> rows(String resource, int columns) {
    try (var in = DataBoundaryTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t"))
          .peek(
              row ->
                  assertThat(row.length)
                      .as(
                          "%s: %d tab-separated columns in %s",
                          resource, columns, String.join("|", row))
                      .isEqualTo(columns))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.palermo.app.directory.hsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.palermo.app.directory.HsdsFormatException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Import and export of HSDS JSON and of the HSDS tabular data package (no transaction here). */
@Component
public class HsdsExchange {
  /** Files larger than this are refused before they are parsed. */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final HsdsReader reader;

  HsdsExchange(JdbcClient jdbc, JsonMapper json, HsdsReader reader) {
    this.jdbc = jdbc;
    this.json = json;
    this.reader = reader;
  }

  /** What an import stored, and which tabular files it did not hold. */
  public record Imported(int records, List<String> files, List<String> skipped) {}

  /** Imports a JSON file, a tabular package directory, or a directory of JSON files. */
  public Imported importPath(Path path) {
    HsdsStore store = new HsdsStore(jdbc);
    List<String> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    if (Files.isDirectory(path)) {
      boolean tabular =
          Files.isRegularFile(path.resolve("datapackage.json"))
              || Files.isRegularFile(path.resolve("services.csv"))
              || Files.isRegularFile(path.resolve("organizations.csv"));
      if (tabular) {
        tabular(store, HsdsTabular.read(path, json, skipped));
        files.add(path.getFileName() + "/");
      } else {
        List<Path> jsonFiles;
        try (Stream<Path> list = Files.list(path)) {
          jsonFiles =
              list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
          throw new HsdsFormatException(path.toString(), null, "cannot be listed");
        }
        if (jsonFiles.isEmpty()) {
          throw new HsdsFormatException(
              path.toString(), null, "holds no datapackage.json, HSDS CSV or JSON file");
        }
        for (Path f : jsonFiles) {
          file(store, f, skipped);
          files.add(f.getFileName().toString());
        }
      }
    } else if (Files.isRegularFile(path)) {
      file(store, path, skipped);
      files.add(path.getFileName().toString());
    } else {
      throw new HsdsFormatException(path.toString(), null, "no such file or directory");
    }
    store.finish();
    return new Imported(store.written(), files, skipped);
  }

  /** Imports one HSDS JSON document given as bytes ({@code name} guides what it holds). */
  public Imported importJson(String name, byte[] content) {
    HsdsStore store = new HsdsStore(jdbc);
    List<String> skipped = new ArrayList<>();
    json(store, name, parse(json, name, content), skipped);
    store.finish();
    return new Imported(store.written(), List.of(name), skipped);
  }

  /**
   * Reads and checks one HSDS JSON document without storing anything; returns how many records it
   * holds. Throws {@link HsdsFormatException} exactly where an import would.
   */
  public static int check(JsonMapper json, String name, byte[] content) {
    HsdsStore dry = HsdsStore.dryRun();
    json(dry, name, parse(json, name, content), new ArrayList<>());
    return dry.written();
  }

  /** Stores one nested HSDS organization built in memory (no transaction here). */
  public void importOrganization(ObjectNode organization) {
    HsdsStore store = new HsdsStore(jdbc);
    new HsdsJsonImport(store, "directory")
        .record(HsdsTable.ORGANIZATION, organization, "", Map.of(), 0);
    store.finish();
  }

  private void file(HsdsStore store, Path f, List<String> skipped) {
    String name = f.getFileName().toString();
    byte[] content;
    try {
      if (Files.size(f) > MAX_FILE_BYTES) {
        throw new HsdsFormatException(name, null, "is larger than 64 MiB");
      }
      content = Files.readAllBytes(f);
    } catch (IOException e) {
      throw new HsdsFormatException(name, null, "cannot be read");
    }
    json(store, name, parse(json, name, content), skipped);
  }

  private static JsonNode parse(JsonMapper json, String name, byte[] content) {
    try {
      return json.readTree(content);
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new HsdsFormatException(name, null, "is not valid JSON" + where);
    }
  }

  private static void json(HsdsStore store, String name, JsonNode root, List<String> skipped) {
    if (root != null && root.isObject() && !root.isEmpty()) {
      boolean tabular = true;
      for (String key : root.propertyNames()) {
        tabular &= key.endsWith(".csv");
      }
      if (tabular) {
        tabular(store, HsdsTabular.fromJson(root, skipped));
        return;
      }
    }
    new HsdsJsonImport(store, name).document(root, hint(name));
  }

  private static void tabular(HsdsStore store, Map<String, List<ObjectNode>> rows) {
    for (HsdsTable t : HsdsTable.ORDER) {
      List<ObjectNode> list = rows.get(t.file);
      if (list == null) {
        continue;
      }
      HsdsJsonImport rowImport = new HsdsJsonImport(store, t.file);
      for (int i = 0; i < list.size(); i++) {
        rowImport.record(t, list.get(i), "row " + (i + 1), Map.of(), 0);
      }
    }
    for (HsdsPart part : HsdsPart.values()) {
      List<ObjectNode> list = rows.get(part.file);
      if (list == null) {
        continue;
      }
      HsdsJsonImport rowImport = new HsdsJsonImport(store, part.file);
      for (int i = 0; i < list.size(); i++) {
        ObjectNode row = list.get(i);
        for (String key : List.copyOf(row.propertyNames())) {
          if (row.get(key).isNull()) {
            row.remove(key);
          }
        }
        rowImport.part(part, row, "row " + (i + 1));
        store.attach(part, row);
      }
    }
  }

  /** The table a file name announces (service_full.json, organizations.json...), if any. */
  static HsdsTable hint(String name) {
    String n = name.toLowerCase();
    if (n.startsWith("service_at_location")) {
      return HsdsTable.SERVICE_AT_LOCATION;
    }
    if (n.startsWith("service")) {
      return HsdsTable.SERVICE;
    }
    if (n.startsWith("organization")) {
      return HsdsTable.ORGANIZATION;
    }
    if (n.startsWith("location")) {
      return HsdsTable.LOCATION;
    }
    if (n.startsWith("taxonomy_term")) {
      return HsdsTable.TAXONOMY_TERM;
    }
    if (n.startsWith("taxonom")) {
      return HsdsTable.TAXONOMY;
    }
    return null;
  }

  /** Export formats. */
  public enum Format {
    JSON,
    TABULAR
  }

  /** Writes the whole directory into {@code dir}; returns the files written. */
  public List<Path> export(Path dir, Format format) {
    try {
      Files.createDirectories(dir);
      if (format == Format.TABULAR) {
        return HsdsTabular.write(dir, reader, json);
      }
      List<Path> files = new ArrayList<>();
      files.add(write(dir.resolve("taxonomies.json"), HsdsTable.TAXONOMY, reader::taxonomy));
      files.add(
          write(dir.resolve("taxonomy_terms.json"), HsdsTable.TAXONOMY_TERM, reader::taxonomyTerm));
      files.add(
          write(
              dir.resolve("organizations.json"),
              HsdsTable.ORGANIZATION,
              id -> reader.organization(id, false)));
      files.add(write(dir.resolve("services.json"), HsdsTable.SERVICE, reader::service));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path write(
      Path file, HsdsTable t, java.util.function.Function<UUID, java.util.Optional<ObjectNode>> one)
      throws IOException {
    ArrayNode all = json.createArrayNode();
    for (UUID id : reader.ids(t)) {
      one.apply(id).ifPresent(all::add);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
    return file;
  }
}

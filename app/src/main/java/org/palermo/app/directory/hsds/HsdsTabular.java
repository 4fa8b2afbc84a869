package org.palermo.app.directory.hsds;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.palermo.app.directory.HsdsFormatException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS tabular data package: one CSV file per table (columns from the HSDS tabular schema) and
 * a {@code datapackage.json} that lists them. Also reads the same tables given as one JSON object
 * keyed by file name (the official {@code tabular.json} example).
 */
final class HsdsTabular {
  private HsdsTabular() {}

  /** Rows by file name, read from a package directory. Files Palermo does not hold are listed. */
  static Map<String, List<ObjectNode>> read(Path dir, JsonMapper json, List<String> skipped) {
    Map<String, String> paths = new LinkedHashMap<>();
    Path descriptor = dir.resolve("datapackage.json");
    if (Files.isRegularFile(descriptor)) {
      JsonNode pkg;
      try {
        pkg = json.readTree(descriptor.toFile());
      } catch (RuntimeException e) {
        throw new HsdsFormatException("datapackage.json", null, "is not valid JSON");
      }
      JsonNode resources = pkg.path("resources");
      if (!resources.isArray()) {
        throw new HsdsFormatException("datapackage.json", "resources", "must be an array");
      }
      for (int i = 0; i < resources.size(); i++) {
        JsonNode path = resources.get(i).path("path");
        if (!path.isString() || path.asString().contains("/") || path.asString().contains("\\")) {
          throw new HsdsFormatException(
              "datapackage.json", "resources[" + i + "].path", "must name a file of the package");
        }
        paths.put(path.asString(), path.asString());
      }
    } else {
      try (java.util.stream.Stream<Path> files = Files.list(dir)) {
        files
            .map(f -> f.getFileName().toString())
            .filter(f -> f.endsWith(".csv"))
            .sorted()
            .forEach(f -> paths.put(f, f));
      } catch (IOException e) {
        throw new HsdsFormatException(dir.toString(), null, "cannot be listed");
      }
    }
    Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
    for (String file : paths.keySet()) {
      HsdsTable t = table(file);
      if (t == null) {
        skipped.add(file);
        continue;
      }
      out.put(file, csv(dir.resolve(file), t, json));
    }
    return out;
  }

  /** Rows by file name, from a JSON object keyed by file name. */
  static Map<String, List<ObjectNode>> fromJson(JsonNode root, List<String> skipped) {
    Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
    for (String file : root.propertyNames()) {
      HsdsTable t = table(file);
      if (t == null) {
        skipped.add(file);
        continue;
      }
      JsonNode rows = root.get(file);
      if (!rows.isArray()) {
        throw new HsdsFormatException("", file, "must be an array of rows");
      }
      List<ObjectNode> list = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (!rows.get(i).isObject()) {
          throw new HsdsFormatException("", file + "[" + i + "]", "must be an object");
        }
        list.add(typed(t, (ObjectNode) rows.get(i), file + "[" + i + "]"));
      }
      out.put(file, list);
    }
    return out;
  }

  /**
   * Tabular data has no types of its own: a value in a column HSDS types as text is taken as text
   * even when the publisher wrote a number (the official tabular example does), and a number
   * written as text is read as a number.
   */
  private static ObjectNode typed(HsdsTable t, ObjectNode row, String path) {
    ObjectNode out = row.deepCopy();
    for (String col : t.columns) {
      JsonNode v = row.get(col);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isString() && v.asString().isBlank()) {
        out.remove(col);
      } else if (t.numbers.contains(col) && v.isString()) {
        try {
          out.put(col, new BigDecimal(v.asString().trim()));
        } catch (NumberFormatException e) {
          throw new HsdsFormatException("", path + "." + col, "must be a number");
        }
      } else if (!t.numbers.contains(col) && (v.isNumber() || v.isBoolean())) {
        out.put(col, v.asString());
      }
    }
    return out;
  }

  static HsdsTable table(String file) {
    for (HsdsTable t : HsdsTable.ORDER) {
      if (t.file.equals(file)) {
        return t;
      }
    }
    return null;
  }

  private static List<ObjectNode> csv(Path file, HsdsTable t, JsonMapper json) {
    String name = file.getFileName().toString();
    List<ObjectNode> rows = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      if (!parser.getHeaderNames().contains("id")) {
        throw new HsdsFormatException(name, "id", "the header has no id column");
      }
      for (CSVRecord r : parser) {
        ObjectNode row = json.createObjectNode();
        for (String col : parser.getHeaderNames()) {
          String v = r.isSet(col) ? r.get(col) : "";
          if (v.isEmpty()) {
            continue;
          }
          if (t.numbers.contains(col)) {
            try {
              row.put(col, new BigDecimal(v.trim()));
            } catch (NumberFormatException e) {
              throw new HsdsFormatException(
                  name,
                  "line " + (r.getRecordNumber() + 1) + ", column " + col,
                  "must be a number");
            }
          } else {
            row.put(col, v);
          }
        }
        rows.add(row);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new HsdsFormatException(name, null, "cannot be read as CSV");
    }
    return rows;
  }

  /** Writes one CSV per table and the datapackage.json describing them; returns the files. */
  static List<Path> write(Path dir, HsdsReader reader, JsonMapper json) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    ObjectNode pkg = json.createObjectNode();
    pkg.put("name", "palermo-directory");
    pkg.put("profile", "tabular-data-package");
    ArrayNode resources = pkg.putArray("resources");
    for (HsdsTable t : HsdsTable.ORDER) {
      Path file = dir.resolve(t.file);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter csv =
              new CSVPrinter(
                  out,
                  CSVFormat.RFC4180.builder().setHeader(t.columns.toArray(String[]::new)).get())) {
        for (ObjectNode row : reader.rows(t)) {
          List<String> values = new ArrayList<>();
          for (String col : t.columns) {
            JsonNode v = row.get(col);
            values.add(
                v == null || v.isNull()
                    ? ""
                    : v.isNumber() ? v.decimalValue().toPlainString() : v.asString());
          }
          csv.printRecord(values);
        }
      }
      files.add(file);
      ObjectNode r = resources.addObject();
      r.put("name", t.hsdsName());
      r.put("path", t.file);
      r.put("profile", "tabular-data-resource");
      r.put("format", "csv");
      r.put("mediatype", "text/csv");
      r.put("encoding", "utf-8");
      ObjectNode schema = r.putObject("schema");
      ArrayNode fields = schema.putArray("fields");
      for (String col : t.columns) {
        ObjectNode f = fields.addObject();
        f.put("name", col);
        f.put("type", t.numbers.contains(col) ? "number" : "string");
      }
      schema.put("primaryKey", "id");
    }
    Path descriptor = dir.resolve("datapackage.json");
    json.writerWithDefaultPrettyPrinter().writeValue(descriptor.toFile(), pkg);
    files.add(descriptor);
    return files;
  }
}

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
      HsdsPart part = HsdsPart.byFile(file);
      if (t != null) {
        out.put(file, csv(dir.resolve(file), t.numbers, json));
      } else if (part != null) {
        out.put(file, csv(dir.resolve(file), part.numbers, json));
      } else {
        skipped.add(file);
      }
    }
    return out;
  }

  /** Rows by file name, from a JSON object keyed by file name. */
  static Map<String, List<ObjectNode>> fromJson(JsonNode root, List<String> skipped) {
    Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
    for (String file : root.propertyNames()) {
      HsdsTable t = table(file);
      HsdsPart part = HsdsPart.byFile(file);
      if (t == null && part == null) {
        skipped.add(file);
        continue;
      }
      List<String> columns = t != null ? t.columns : part.columns;
      java.util.Set<String> numbers = t != null ? t.numbers : part.numbers;
      JsonNode rows = root.get(file);
      if (!rows.isArray()) {
        throw new HsdsFormatException("", file, "must be an array of rows");
      }
      List<ObjectNode> list = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (!rows.get(i).isObject()) {
          throw new HsdsFormatException("", file + "[" + i + "]", "must be an object");
        }
        list.add(typed(columns, numbers, (ObjectNode) rows.get(i), file + "[" + i + "]"));
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
  private static ObjectNode typed(
      List<String> columns, java.util.Set<String> numbers, ObjectNode row, String path) {
    ObjectNode out = row.deepCopy();
    for (String col : columns) {
      JsonNode v = row.get(col);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isString() && v.asString().isBlank()) {
        out.remove(col);
      } else if (numbers.contains(col) && v.isString()) {
        try {
          out.put(col, new BigDecimal(v.asString().trim()));
        } catch (NumberFormatException e) {
          throw new HsdsFormatException("", path + "." + col, "must be a number");
        }
      } else if (!numbers.contains(col) && (v.isNumber() || v.isBoolean())) {
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

  private static List<ObjectNode> csv(Path file, java.util.Set<String> numbers, JsonMapper json) {
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
          if (numbers.contains(col)) {
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

  private static String cell(JsonNode v) {
    return v == null || v.isNull() || v.isArray() || v.isObject()
        ? ""
        : v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
  }

  private static void resource(
      ArrayNode resources,
      String name,
      String file,
      List<String> columns,
      java.util.Set<String> numbers) {
    ObjectNode r = resources.addObject();
    r.put("name", name);
    r.put("path", file);
    r.put("profile", "tabular-data-resource");
    r.put("format", "csv");
    r.put("mediatype", "text/csv");
    r.put("encoding", "utf-8");
    ObjectNode schema = r.putObject("schema");
    ArrayNode fields = schema.putArray("fields");
    for (String col : columns) {
      ObjectNode f = fields.addObject();
      f.put("name", col);
      f.put("type", numbers.contains(col) ? "number" : "string");
    }
    schema.put("primaryKey", "id");
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
            values.add(cell(row.get(col)));
          }
          csv.printRecord(values);
        }
      }
      files.add(file);
      resource(resources, t.hsdsName(), t.file, t.columns, t.numbers);
    }
    for (HsdsPart part : HsdsPart.values()) {
      Path file = dir.resolve(part.file);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter csv =
              new CSVPrinter(
                  out,
                  CSVFormat.RFC4180
                      .builder()
                      .setHeader(part.columns.toArray(String[]::new))
                      .get())) {
        for (ObjectNode row : reader.parts(part)) {
          List<String> values = new ArrayList<>();
          for (String col : part.columns) {
            values.add(cell(row.get(col)));
          }
          csv.printRecord(values);
        }
      }
      files.add(file);
      resource(resources, part.hsdsName(), part.file, part.columns, part.numbers);
    }
    Path descriptor = dir.resolve("datapackage.json");
    json.writerWithDefaultPrettyPrinter().writeValue(descriptor.toFile(), pkg);
    files.add(descriptor);
    return files;
  }
}

package org.palermo.app.directory.hsds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.directory.HsdsFormatException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads HSDS JSON objects, nested as the HSDS API and the official examples nest them, checks each
 * one (required fields, identifiers, types, enumerations) and hands it to the {@link HsdsStore}.
 * Any fault stops the import with an {@link HsdsFormatException} naming the field.
 */
final class HsdsJsonImport {
  /** Deeper nesting than any HSDS shape needs is refused rather than followed. */
  static final int MAX_DEPTH = 16;

  private record Nested(HsdsTable table, String link, boolean array) {}

  private static final Map<HsdsTable, Map<String, Nested>> NESTED =
      Map.of(
          HsdsTable.SERVICE,
          Map.of(
              "organization", new Nested(HsdsTable.ORGANIZATION, "organization_id", false),
              "phones", new Nested(HsdsTable.PHONE, "service_id", true),
              "schedules", new Nested(HsdsTable.SCHEDULE, "service_id", true),
              "service_at_locations", new Nested(HsdsTable.SERVICE_AT_LOCATION, "service_id", true),
              "languages", new Nested(HsdsTable.LANGUAGE, "service_id", true),
              "attributes", new Nested(HsdsTable.ATTRIBUTE, "service_id", true)),
          HsdsTable.ORGANIZATION,
          Map.of(
              "phones", new Nested(HsdsTable.PHONE, "organization_id", true),
              "locations", new Nested(HsdsTable.LOCATION, "organization_id", true),
              "services", new Nested(HsdsTable.SERVICE, "organization_id", true)),
          HsdsTable.LOCATION,
          Map.of(
              "languages", new Nested(HsdsTable.LANGUAGE, "location_id", true),
              "addresses", new Nested(HsdsTable.ADDRESS, "location_id", true),
              "phones", new Nested(HsdsTable.PHONE, "location_id", true),
              "schedules", new Nested(HsdsTable.SCHEDULE, "location_id", true)),
          HsdsTable.SERVICE_AT_LOCATION,
          Map.of(
              "phones", new Nested(HsdsTable.PHONE, "service_at_location_id", true),
              "schedules", new Nested(HsdsTable.SCHEDULE, "service_at_location_id", true),
              "location", new Nested(HsdsTable.LOCATION, "location_id", false),
              "service", new Nested(HsdsTable.SERVICE, "service_id", false)),
          HsdsTable.PHONE,
          Map.of("languages", new Nested(HsdsTable.LANGUAGE, "phone_id", true)),
          HsdsTable.ATTRIBUTE,
          Map.of("taxonomy_term", new Nested(HsdsTable.TAXONOMY_TERM, "taxonomy_term_id", false)),
          HsdsTable.TAXONOMY_TERM,
          Map.of("taxonomy_detail", new Nested(HsdsTable.TAXONOMY, "taxonomy_id", false)));

  private final HsdsStore store;
  private final String source;

  HsdsJsonImport(HsdsStore store, String source) {
    this.store = store;
    this.source = source;
  }

  /**
   * Imports one JSON document: a list of services, one record of any HSDS table, or an HSDS API
   * page ({@code contents}). {@code hint} is the table the file name suggests, or {@code null}.
   */
  void document(JsonNode root, HsdsTable hint) {
    if (root == null || root.isNull() || root.isMissingNode()) {
      throw fault("", "the file holds no JSON document");
    }
    if (root.isArray()) {
      list(root, "", hint == null ? HsdsTable.SERVICE : hint);
    } else if (root.isObject() && root.has("contents")) {
      JsonNode contents = root.get("contents");
      if (!contents.isArray()) {
        throw fault("contents", "must be an array");
      }
      list(contents, "contents", hint);
    } else if (root.isObject()) {
      record(hint != null ? hint : guess(root), root, "", Map.of(), 0);
    } else {
      throw fault("", "must be a JSON object or array, not " + root.getNodeType());
    }
  }

  private void list(JsonNode items, String path, HsdsTable hint) {
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String at = path + "[" + i + "]";
      if (!item.isObject()) {
        throw fault(at, "must be an object");
      }
      record(hint != null ? hint : guess(item), item, at, Map.of(), 0);
    }
  }

  /** Which table an object belongs to, from the fields only that table has. */
  static HsdsTable guess(JsonNode o) {
    if (o.has("status")) {
      return HsdsTable.SERVICE;
    }
    if (o.has("location_type")) {
      return HsdsTable.LOCATION;
    }
    if (!o.has("name") && (o.has("service") || o.has("location") || o.has("service_id"))) {
      return HsdsTable.SERVICE_AT_LOCATION;
    }
    if (o.has("taxonomy_detail")
        || o.has("taxonomy_id")
        || o.has("parent_id")
        || o.has("code")
        || o.has("term_uri")) {
      return HsdsTable.TAXONOMY_TERM;
    }
    if (o.has("version") || (o.has("uri") && o.size() <= 5 && !o.has("website"))) {
      return HsdsTable.TAXONOMY;
    }
    return HsdsTable.ORGANIZATION;
  }

  /** Checks and stores one record and what is nested in it; returns its id. */
  UUID record(HsdsTable t, JsonNode node, String path, Map<String, UUID> context, int depth) {
    if (depth > MAX_DEPTH) {
      throw fault(path, "is nested too deeply for HSDS data");
    }
    if (!node.isObject()) {
      throw fault(path, "must be an object");
    }
    ObjectNode doc = ((ObjectNode) node).deepCopy();
    Map<String, Nested> nested = NESTED.getOrDefault(t, Map.of());
    for (String key : nested.keySet()) {
      doc.remove(key);
    }
    for (String key : List.copyOf(doc.propertyNames())) {
      if (doc.get(key).isNull()) {
        doc.remove(key);
      }
    }
    check(t, doc, path);
    UUID id = UUID.fromString(doc.get("id").asString());
    Map<String, UUID> links = new HashMap<>(context);
    for (Map.Entry<String, Nested> n : nested.entrySet()) {
      JsonNode child = node.get(n.getKey());
      if (!n.getValue().array() && child != null && !child.isNull()) {
        links.put(
            n.getValue().link(),
            record(n.getValue().table(), child, at(path, n.getKey()), Map.of(), depth + 1));
      }
    }
    if (t == HsdsTable.ATTRIBUTE
        && !links.containsKey("service_id")
        && "service".equals(text(doc.get("link_entity")))) {
      UUID linked = HsdsStore.uuidOrNull(doc.get("link_id"));
      if (linked != null) {
        links.put("service_id", linked);
      }
    }
    store.put(t, doc, links);
    for (Map.Entry<String, Nested> n : nested.entrySet()) {
      JsonNode child = node.get(n.getKey());
      if (!n.getValue().array() || child == null || child.isNull()) {
        continue;
      }
      String childPath = at(path, n.getKey());
      if (!child.isArray()) {
        throw fault(childPath, "must be an array");
      }
      for (int i = 0; i < child.size(); i++) {
        record(
            n.getValue().table(),
            child.get(i),
            childPath + "[" + i + "]",
            Map.of(n.getValue().link(), id),
            depth + 1);
      }
    }
    return id;
  }

  /** Checks a row of a table kept inside its owners (a tabular funding.csv row...). */
  void part(HsdsPart part, ObjectNode row, String path) {
    noNul(row, path);
    if (!row.has("id")) {
      throw fault(at(path, "id"), "is required in " + part.hsdsName() + " and missing");
    }
    for (String col : part.columns) {
      JsonNode v = row.get(col);
      if (v == null) {
        continue;
      }
      if (part.numbers.contains(col)) {
        if (!v.isNumber()) {
          throw fault(at(path, col), "must be a number");
        }
      } else if (!v.isString()) {
        throw fault(at(path, col), "must be a string");
      } else if ((col.equals("id") || col.endsWith("_id")) && HsdsStore.uuidOrNull(v) == null) {
        throw fault(at(path, col), "must be a UUID, not '" + clip(v.asString()) + "'");
      }
    }
  }

  private void check(HsdsTable t, ObjectNode doc, String path) {
    noNul(doc, path);
    for (String req : t.required) {
      if (!doc.has(req)) {
        throw fault(at(path, req), "is required in " + t.hsdsName() + " and missing");
      }
    }
    for (String col : t.columns) {
      JsonNode v = doc.get(col);
      if (v == null) {
        continue;
      }
      if (t.numbers.contains(col)) {
        if (!v.isNumber()) {
          throw fault(at(path, col), "must be a number");
        }
        continue;
      }
      if (!v.isString()) {
        throw fault(at(path, col), "must be a string");
      }
      if ((col.equals("id") || (col.endsWith("_id") && !col.equals("tax_id")))
          && HsdsStore.uuidOrNull(v) == null) {
        throw fault(at(path, col), "must be a UUID, not '" + clip(v.asString()) + "'");
      }
      Set<String> allowed = t.enums.get(col);
      if (allowed != null && !allowed.contains(v.asString())) {
        throw fault(
            at(path, col),
            "must be one of "
                + String.join(", ", allowed.stream().sorted().toList())
                + ", not '"
                + clip(v.asString())
                + "'");
      }
    }
    for (Map.Entry<String, String> q : t.queried.entrySet()) {
      if (q.getValue().endsWith("::numeric")) {
        JsonNode v = doc.get(q.getValue().split("::")[0]);
        if (v != null && Math.abs(v.asDouble()) > 999) {
          throw fault(at(path, q.getValue().split("::")[0]), "is out of range");
        }
      }
    }
  }

  /** PostgreSQL cannot store the NUL character in text or JSON; no HSDS value needs it. */
  private void noNul(JsonNode n, String path) {
    if (n.isString() && n.asString().indexOf('\0') >= 0) {
      throw fault(path, "contains a NUL character");
    }
    if (n.isNumber() && !Double.isFinite(n.asDouble())) {
      throw fault(path, "is out of range");
    }
    if (n.isObject()) {
      for (String key : n.propertyNames()) {
        if (key.indexOf('\0') >= 0) {
          throw fault(path, "has a field name with a NUL character");
        }
        noNul(n.get(key), at(path, key));
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        noNul(n.get(i), path + "[" + i + "]");
      }
    }
  }

  private HsdsFormatException fault(String field, String problem) {
    return new HsdsFormatException(source, field, problem);
  }

  private static String at(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String text(JsonNode v) {
    return v == null || !v.isString() ? null : v.asString();
  }

  static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}

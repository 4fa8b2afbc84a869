package org.palermo.app.directory.hsds;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes HSDS records, one at a time, during one import (one instance per import, inside its
 * transaction). A record met for the first time replaces what was stored under its id; met again in
 * the same import (HSDS nests the same phone under a service, its location and its organization)
 * its fields are merged and its links added.
 */
final class HsdsStore {
  private final JdbcClient jdbc;
  private final Map<HsdsTable, Set<UUID>> seen = new EnumMap<>(HsdsTable.class);
  private int written;

  HsdsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A store that only counts: to check data without writing it. */
  static HsdsStore dryRun() {
    return new HsdsStore(null);
  }

  /** Stores {@code doc} (an HSDS object without the children held in tables of their own). */
  void put(HsdsTable t, ObjectNode doc, Map<String, UUID> context) {
    UUID id = UUID.fromString(doc.get("id").asString());
    if (jdbc == null) {
      written++;
      return;
    }
    boolean again = !seen.computeIfAbsent(t, k -> new HashSet<>()).add(id);
    List<String> cols = new ArrayList<>(List.of("id", "doc"));
    List<String> values = new ArrayList<>(List.of("?::uuid", "?::jsonb"));
    List<Object> params = new ArrayList<>(List.of(id.toString(), doc.toString()));
    List<String> sets = new ArrayList<>();
    sets.add(again ? "doc = " + t.table + ".doc || EXCLUDED.doc" : "doc = EXCLUDED.doc");
    for (Map.Entry<String, String> q : t.queried.entrySet()) {
      String[] fieldCast = q.getValue().split("::");
      JsonNode v = doc.get(fieldCast[0]);
      cols.add(q.getKey());
      values.add(fieldCast.length > 1 ? "?::" + fieldCast[1] : "?");
      params.add(v == null || v.isNull() ? null : v.isNumber() ? v.asString() : v.asString());
      sets.add(
          again
              ? q.getKey()
                  + " = COALESCE(EXCLUDED."
                  + q.getKey()
                  + ", "
                  + t.table
                  + "."
                  + q.getKey()
                  + ")"
              : q.getKey() + " = EXCLUDED." + q.getKey());
    }
    for (String link : t.links) {
      UUID v = context.get(link);
      if (v == null) {
        v = uuidOrNull(doc.get(link));
      }
      cols.add(link);
      values.add("?::uuid");
      params.add(v == null ? null : v.toString());
      sets.add(link + " = COALESCE(EXCLUDED." + link + ", " + t.table + "." + link + ")");
    }
    jdbc.sql(
            "INSERT INTO "
                + t.table
                + " ("
                + String.join(", ", cols)
                + ") VALUES ("
                + String.join(", ", values)
                + ") ON CONFLICT (id) DO UPDATE SET "
                + String.join(", ", sets))
        .params(params)
        .update();
    written++;
  }

  /**
   * Adds a row of a table kept inside its owners (funding, contacts...) to each owner it names,
   * replacing an element with the same id. An owner that is not stored is left alone.
   */
  void attach(HsdsPart part, ObjectNode row) {
    written++;
    if (jdbc == null) {
      return;
    }
    for (Map.Entry<String, HsdsTable> owner : part.owners.entrySet()) {
      UUID ownerId = uuidOrNull(row.get(owner.getKey()));
      if (ownerId == null) {
        continue;
      }
      jdbc.sql(
              "UPDATE "
                  + owner.getValue().table
                  + " SET doc = jsonb_set(doc, ARRAY[?], COALESCE((SELECT jsonb_agg(e) FROM"
                  + " jsonb_array_elements(CASE WHEN jsonb_typeof(doc->?) = 'array' THEN doc->?"
                  + " ELSE '[]'::jsonb END) e WHERE e->>'id' IS DISTINCT FROM ?), '[]'::jsonb)"
                  + " || jsonb_build_array(?::jsonb)) WHERE id = ?")
          .params(part.key, part.key, part.key, row.get("id").asString(), row.toString(), ownerId)
          .update();
    }
  }

  /** After an import: denormalised columns that follow from what was stored. */
  void finish() {
    if (jdbc == null) {
      return;
    }
    jdbc.sql(
            """
            UPDATE directory_location l SET city = a.city, country = a.country
            FROM (SELECT DISTINCT ON (location_id) location_id, city, country
                  FROM directory_address WHERE location_id IS NOT NULL
                  ORDER BY location_id, doc->>'address_type' = 'physical' DESC, id) a
            WHERE a.location_id = l.id
              AND (l.city IS DISTINCT FROM a.city OR l.country IS DISTINCT FROM a.country)""")
        .update();
    // A location the imported data marks confidential stays so (an import never unmarks one).
    jdbc.sql(
            "UPDATE directory_location SET confidential = true"
                + " WHERE doc->>'confidential' = 'true' AND NOT confidential")
        .update();
    jdbc.sql(
            """
            UPDATE directory_service s SET service_type = (
              SELECT t.code FROM directory_attribute a
              JOIN directory_taxonomy_term t ON t.id = a.taxonomy_term_id
              WHERE a.service_id = s.id AND t.taxonomy_id = ?::uuid
              ORDER BY a.id LIMIT 1)""")
        .param(HsdsIds.PALERMO_TAXONOMY.toString())
        .update();
  }

  /** How many records were written (a record met twice counts twice). */
  int written() {
    return written;
  }

  private static final java.util.regex.Pattern UUID_TEXT =
      java.util.regex.Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The UUID a JSON string holds in canonical form, or {@code null}. */
  static UUID uuidOrNull(JsonNode v) {
    if (v == null || !v.isString() || !UUID_TEXT.matcher(v.asString()).matches()) {
      return null;
    }
    try {
      return UUID.fromString(v.asString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

package org.palermo.app.directory.hsds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds HSDS JSON objects from what the directory holds, nested as the HSDS API nests them. It is
 * the public face of the directory (the HSDS API, the HSDS exports, the public directory pages): a
 * location marked confidential (a shelter's, {@code directory_location.confidential}) is published
 * without its addresses and its coordinates, on every route — the secret place of a shelter never
 * leaves the instance (CoE Convention art. 12(1)(a) and (2); CETS 197 art. 11).
 */
@Component
public class HsdsReader {
  private final JdbcClient jdbc;
  private final JsonMapper json;

  HsdsReader(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** One page of records of a table (their own fields only), in a stable order. */
  public record Page(List<ObjectNode> contents, long total) {}

  /** A fully nested service: organization, phones, schedules, locations, languages, terms. */
  public Optional<ObjectNode> service(UUID id) {
    return doc(HsdsTable.SERVICE, id).map(this::fullService);
  }

  /** A fully nested organization; its services with their own fields, or fully nested. */
  public Optional<ObjectNode> organization(UUID id, boolean fullServices) {
    return doc(HsdsTable.ORGANIZATION, id)
        .map(
            o -> {
              fullOrganization(o);
              ArrayNode services = o.putArray("services");
              for (ObjectNode s : children(HsdsTable.SERVICE, "organization_id", id)) {
                services.add(fullServices ? fullService(s) : s);
              }
              return o;
            });
  }

  /** A service at a location with its location and service fully nested. */
  public Optional<ObjectNode> serviceAtLocation(UUID id) {
    return doc(HsdsTable.SERVICE_AT_LOCATION, id).map(sal -> fullServiceAtLocation(sal, true));
  }

  /** A location with its addresses, languages, phones and schedules. */
  public Optional<ObjectNode> location(UUID id) {
    return doc(HsdsTable.LOCATION, id).map(this::fullLocation);
  }

  /** A taxonomy term with its taxonomy. */
  public Optional<ObjectNode> taxonomyTerm(UUID id) {
    return doc(HsdsTable.TAXONOMY_TERM, id).map(this::withTaxonomy);
  }

  /** A taxonomy. */
  public Optional<ObjectNode> taxonomy(UUID id) {
    return doc(HsdsTable.TAXONOMY, id);
  }

  /** Every id of a table, in a stable order (for exports). */
  List<UUID> ids(HsdsTable t) {
    return jdbc.sql("SELECT id FROM " + t.table + " ORDER BY id").query(UUID.class).list();
  }

  /** A table's records as stored, with their link columns, for the tabular export. */
  List<ObjectNode> rows(HsdsTable t) {
    String links = t.links.isEmpty() ? "" : ", " + String.join(", ", t.links);
    return jdbc.sql(
            "SELECT doc::text AS doc"
                + links
                + " FROM "
                + t.table
                + " x"
                + publicOnly(t)
                + " ORDER BY id")
        .query(
            (rs, n) -> {
              ObjectNode doc = redacted(t, (ObjectNode) json.readTree(rs.getString("doc")));
              for (String link : t.links) {
                String v = rs.getString(link);
                if (v != null && !doc.has(link) && t.columns.contains(link)) {
                  doc.put(link, v);
                }
              }
              if (t == HsdsTable.ATTRIBUTE && !doc.has("link_id")) {
                String service = rs.getString("service_id");
                if (service != null) {
                  doc.put("link_id", service);
                  doc.put("link_entity", "service");
                }
              }
              return doc;
            })
        .list();
  }

  /**
   * The rows of a table Palermo keeps inside its owners' records (funding, contacts...), each once,
   * with the link to every owner it was found in.
   */
  List<ObjectNode> parts(HsdsPart part) {
    java.util.TreeMap<String, ObjectNode> byId = new java.util.TreeMap<>();
    for (java.util.Map.Entry<String, HsdsTable> owner : part.owners.entrySet()) {
      for (String text :
          jdbc.sql("SELECT doc::text FROM " + owner.getValue().table + " ORDER BY id")
              .query(String.class)
              .list()) {
        ObjectNode doc = (ObjectNode) json.readTree(text);
        tools.jackson.databind.JsonNode items = doc.get(part.key);
        if (items == null || !items.isArray()) {
          continue;
        }
        for (tools.jackson.databind.JsonNode item : items) {
          if (!item.isObject() || HsdsStore.uuidOrNull(item.get("id")) == null) {
            continue;
          }
          ObjectNode row =
              byId.computeIfAbsent(item.get("id").asString(), k -> json.createObjectNode());
          for (String col : part.columns) {
            tools.jackson.databind.JsonNode v = item.get(col);
            if (v != null && !v.isArray() && !v.isObject() && !row.has(col)) {
              row.set(col, v);
            }
          }
          if (!row.has(owner.getKey())) {
            row.put(owner.getKey(), doc.get("id").asString());
          }
        }
      }
    }
    return List.copyOf(byId.values());
  }

  /** A page of services, filtered by organization, taxonomy term and a text in their name. */
  public Page services(int page, int perPage, UUID organizationId, UUID termId, String search) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (organizationId != null) {
      where.add("organization_id = ?");
      params.add(organizationId);
    }
    if (termId != null) {
      where.add("id IN (SELECT service_id FROM directory_attribute WHERE taxonomy_term_id = ?)");
      params.add(termId);
    }
    if (search != null && !search.isBlank()) {
      where.add("(name ILIKE ? OR description ILIKE ?)");
      String like =
          "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      params.add(like);
      params.add(like);
    }
    return page(HsdsTable.SERVICE, where, params, page, perPage);
  }

  /** A page of organizations, services, service at locations, taxonomies or taxonomy terms. */
  public Page page(String table, int page, int perPage) {
    return page(HsdsTable.valueOf(table.toUpperCase()), List.of(), List.of(), page, perPage);
  }

  private Page page(HsdsTable t, List<String> where, List<Object> params, int page, int perPage) {
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    long total =
        jdbc.sql("SELECT count(*) FROM " + t.table + filter)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> all = new ArrayList<>(params);
    all.add(perPage);
    all.add((long) (page - 1) * perPage);
    List<ObjectNode> docs =
        jdbc
            .sql(
                "SELECT doc::text FROM "
                    + t.table
                    + filter
                    + " ORDER BY doc->>'name', id LIMIT ? OFFSET ?")
            .params(all)
            .query(String.class)
            .list()
            .stream()
            .map(s -> (ObjectNode) json.readTree(s))
            .toList();
    return new Page(docs, total);
  }

  /** The list form of a service at a location: its own fields, its location and its service. */
  public ObjectNode serviceAtLocationSummary(ObjectNode sal) {
    ObjectNode out = sal.deepCopy();
    linkOf(HsdsTable.SERVICE_AT_LOCATION, sal, "location_id")
        .flatMap(l -> doc(HsdsTable.LOCATION, l))
        .ifPresent(l -> out.set("location", l));
    linkOf(HsdsTable.SERVICE_AT_LOCATION, sal, "service_id")
        .flatMap(s -> doc(HsdsTable.SERVICE, s))
        .ifPresent(s -> out.set("service", s));
    return out;
  }

  private ObjectNode fullService(ObjectNode s) {
    UUID id = uuid(s, "id");
    linkOf(HsdsTable.SERVICE, s, "organization_id")
        .flatMap(o -> doc(HsdsTable.ORGANIZATION, o))
        .ifPresent(o -> s.set("organization", fullOrganization(o)));
    s.set("phones", array(phones("service_id", id)));
    s.set("schedules", array(children(HsdsTable.SCHEDULE, "service_id", id)));
    ArrayNode sals = s.putArray("service_at_locations");
    for (ObjectNode sal : children(HsdsTable.SERVICE_AT_LOCATION, "service_id", id)) {
      sals.add(fullServiceAtLocation(sal, false));
    }
    s.set("languages", array(children(HsdsTable.LANGUAGE, "service_id", id)));
    ArrayNode attributes = s.putArray("attributes");
    for (ObjectNode a : children(HsdsTable.ATTRIBUTE, "service_id", id)) {
      linkOf(HsdsTable.ATTRIBUTE, a, "taxonomy_term_id")
          .flatMap(t -> doc(HsdsTable.TAXONOMY_TERM, t))
          .ifPresent(t -> a.set("taxonomy_term", withTaxonomy(t)));
      attributes.add(a);
    }
    return s;
  }

  private ObjectNode fullOrganization(ObjectNode o) {
    UUID id = uuid(o, "id");
    o.set("phones", array(phones("organization_id", id)));
    ArrayNode locations = o.putArray("locations");
    for (ObjectNode l : children(HsdsTable.LOCATION, "organization_id", id)) {
      locations.add(fullLocation(l));
    }
    return o;
  }

  private ObjectNode fullServiceAtLocation(ObjectNode sal, boolean withService) {
    UUID id = uuid(sal, "id");
    sal.set("phones", array(phones("service_at_location_id", id)));
    sal.set("schedules", array(children(HsdsTable.SCHEDULE, "service_at_location_id", id)));
    linkOf(HsdsTable.SERVICE_AT_LOCATION, sal, "location_id")
        .flatMap(l -> doc(HsdsTable.LOCATION, l))
        .ifPresent(l -> sal.set("location", fullLocation(l)));
    if (withService) {
      linkOf(HsdsTable.SERVICE_AT_LOCATION, sal, "service_id")
          .flatMap(s -> doc(HsdsTable.SERVICE, s))
          .ifPresent(s -> sal.set("service", fullService(s)));
    }
    return sal;
  }

  ObjectNode fullLocation(ObjectNode l) {
    UUID id = uuid(l, "id");
    l.set("languages", array(children(HsdsTable.LANGUAGE, "location_id", id)));
    l.set("addresses", array(children(HsdsTable.ADDRESS, "location_id", id)));
    l.set("phones", array(phones("location_id", id)));
    l.set("schedules", array(children(HsdsTable.SCHEDULE, "location_id", id)));
    return l;
  }

  private ObjectNode withTaxonomy(ObjectNode term) {
    linkOf(HsdsTable.TAXONOMY_TERM, term, "taxonomy_id")
        .flatMap(t -> doc(HsdsTable.TAXONOMY, t))
        .ifPresent(t -> term.set("taxonomy_detail", t));
    return term;
  }

  private List<ObjectNode> phones(String link, UUID id) {
    List<ObjectNode> phones = children(HsdsTable.PHONE, link, id);
    for (ObjectNode p : phones) {
      p.set("languages", array(children(HsdsTable.LANGUAGE, "phone_id", uuid(p, "id"))));
    }
    return phones;
  }

  /** The stored link of a record (which may differ from, or be absent in, its own fields). */
  private Optional<UUID> linkOf(HsdsTable t, ObjectNode doc, String link) {
    return jdbc
        .sql("SELECT " + link + " FROM " + t.table + " WHERE id = ?")
        .param(uuid(doc, "id"))
        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
        .list()
        .stream()
        .findFirst()
        .flatMap(o -> o);
  }

  Optional<ObjectNode> doc(HsdsTable t, UUID id) {
    String where = publicOnly(t);
    return jdbc.sql(
            "SELECT doc::text FROM "
                + t.table
                + " x"
                + (where.isEmpty() ? " WHERE" : where + " AND")
                + " id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .map(s -> redacted(t, (ObjectNode) json.readTree(s)));
  }

  private List<ObjectNode> children(HsdsTable t, String link, UUID id) {
    String where = publicOnly(t);
    return jdbc
        .sql(
            "SELECT doc::text FROM "
                + t.table
                + " x"
                + (where.isEmpty() ? " WHERE" : where + " AND")
                + " "
                + link
                + " = ? ORDER BY id")
        .param(id)
        .query(String.class)
        .list()
        .stream()
        .map(s -> redacted(t, (ObjectNode) json.readTree(s)))
        .toList();
  }

  /** The rows of {@code t} that may be published: no address of a confidential location. */
  private static String publicOnly(HsdsTable t) {
    return t == HsdsTable.ADDRESS
        ? " WHERE NOT EXISTS (SELECT 1 FROM directory_location l WHERE l.id = x.location_id"
            + " AND l.confidential)"
        : "";
  }

  /**
   * A location as published: a confidential one without its coordinates and without any address its
   * document carries (the addresses nested by {@link #fullLocation} are filtered already).
   */
  private ObjectNode redacted(HsdsTable t, ObjectNode doc) {
    if (t != HsdsTable.LOCATION || !confidential(uuid(doc, "id"))) {
      return doc;
    }
    doc.remove("latitude");
    doc.remove("longitude");
    doc.remove("addresses");
    return doc;
  }

  private boolean confidential(UUID locationId) {
    return locationId != null
        && jdbc.sql("SELECT confidential FROM directory_location WHERE id = ?")
            .param(locationId)
            .query(Boolean.class)
            .optional()
            .orElse(false);
  }

  private ArrayNode array(List<ObjectNode> items) {
    ArrayNode a = json.createArrayNode();
    items.forEach(a::add);
    return a;
  }

  private static UUID uuid(ObjectNode doc, String field) {
    return HsdsStore.uuidOrNull(doc.get(field));
  }
}

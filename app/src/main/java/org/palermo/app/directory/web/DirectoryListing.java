package org.palermo.app.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the public directory page lists: active services, filtered by type, language and city. */
@Component
class DirectoryListing {
  static final int LIMIT = 300;

  private final JdbcClient jdbc;

  DirectoryListing(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One line of the list. */
  record Entry(
      UUID id,
      String name,
      String type,
      String organization,
      String city,
      String country,
      List<String> languages,
      String phone) {}

  List<Entry> find(String type, String language, String city) {
    List<String> where = new ArrayList<>(List.of("s.status = 'active'"));
    List<Object> params = new ArrayList<>();
    if (type != null) {
      where.add("s.service_type = ?");
      params.add(type);
    }
    if (language != null) {
      where.add(
          "EXISTS (SELECT 1 FROM directory_language lg WHERE lg.service_id = s.id"
              + " AND lower(lg.code) = lower(?))");
      params.add(language);
    }
    if (city != null) {
      where.add("loc.city = ?");
      params.add(city);
    }
    params.add(LIMIT);
    return jdbc.sql(
            """
            SELECT s.id, s.name, s.service_type, o.name AS org, loc.city, loc.country,
              (SELECT coalesce(array_agg(DISTINCT lg.code), '{}') FROM directory_language lg
                WHERE lg.service_id = s.id AND lg.code IS NOT NULL) AS languages,
              (SELECT p.doc->>'number' FROM directory_phone p
                WHERE p.service_id = s.id OR p.organization_id = s.organization_id
                ORDER BY (p.service_id = s.id) DESC, p.id LIMIT 1) AS phone
            FROM directory_service s
            LEFT JOIN directory_organization o ON o.id = s.organization_id
            LEFT JOIN LATERAL (
              SELECT l.city, l.country FROM directory_service_at_location sal
              JOIN directory_location l ON l.id = sal.location_id
              WHERE sal.service_id = s.id ORDER BY sal.id LIMIT 1) loc ON true
            WHERE """
                + " "
                + String.join(" AND ", where)
                + " ORDER BY loc.country NULLS LAST, loc.city NULLS LAST, s.name, s.id LIMIT ?")
        .params(params)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("service_type"),
                    rs.getString("org"),
                    rs.getString("city"),
                    rs.getString("country"),
                    List.of((String[]) rs.getArray("languages").getArray()),
                    rs.getString("phone")))
        .list();
  }

  /** Language codes that active services work in, for the filter. */
  List<String> languages() {
    return jdbc.sql(
            """
            SELECT DISTINCT lg.code FROM directory_language lg
            JOIN directory_service s ON s.id = lg.service_id
            WHERE s.status = 'active' AND lg.code IS NOT NULL ORDER BY lg.code""")
        .query(String.class)
        .list();
  }

  /** Cities with active services, for the filter. */
  List<String> cities() {
    return jdbc.sql(
            """
            SELECT DISTINCT l.city FROM directory_location l
            JOIN directory_service_at_location sal ON sal.location_id = l.id
            JOIN directory_service s ON s.id = sal.service_id
            WHERE s.status = 'active' AND l.city IS NOT NULL ORDER BY l.city""")
        .query(String.class)
        .list();
  }
}

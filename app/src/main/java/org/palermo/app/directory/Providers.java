package org.palermo.app.directory;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The directory as the referral module sees it: active services of one type with what ranking needs
 * (languages, place, opening hours, free capacity) and the agency that receives referrals. Public
 * data only.
 */
@Service
public class Providers {
  private final JdbcClient jdbc;

  Providers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A weekly opening interval; {@code closes} after {@code opens}. */
  public record Opening(DayOfWeek day, LocalTime opens, LocalTime closes) {}

  /**
   * One service that can receive referrals.
   *
   * @param agencyId the Palermo agency that receives referrals for it, {@code null} if it has none
   *     (it can be shown, but not referred to through Palermo)
   * @param languages BCP 47 language tags it works in
   * @param openings weekly opening hours; empty when unknown (treated as "ask")
   * @param capacityAvailable free places (shelter beds, appointment slots), {@code null} if unknown
   * @param minimumAge the youngest age served (HSDS {@code service.minimum_age}), {@code null} if
   *     none is given
   * @param maximumAge the oldest age served (HSDS {@code service.maximum_age}), {@code null} if
   *     none is given
   * @param sexServed {@code "female"} or {@code "male"} when the service serves only that sex (an
   *     HSDS attribute of the service with {@code link_type} {@code "eligibility"} and that {@code
   *     value}), {@code null} when it serves everyone
   */
  public record Provider(
      UUID serviceId,
      String serviceName,
      ServiceType type,
      UUID organizationId,
      String organizationName,
      UUID agencyId,
      List<String> languages,
      String city,
      String country,
      BigDecimal latitude,
      BigDecimal longitude,
      List<Opening> openings,
      Integer capacityAvailable,
      Integer minimumAge,
      Integer maximumAge,
      String sexServed) {}

  /** Every active service of {@code type}. */
  public List<Provider> offering(ServiceType type) {
    return query("s.service_type = ?", type.name());
  }

  /** One active service by id; empty if there is none or it is not active. */
  public java.util.Optional<Provider> byId(UUID serviceId) {
    return query("s.id = ? AND s.service_type IS NOT NULL", serviceId).stream().findFirst();
  }

  private List<Provider> query(String where, Object param) {
    Map<UUID, Provider> out = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT s.id, s.name, s.service_type, o.id AS org_id, o.name AS org_name, o.agency_id,
              s.capacity_available, loc.city, loc.country, loc.latitude, loc.longitude,
              CASE WHEN jsonb_typeof(s.doc->'minimum_age') = 'number'
                THEN floor((s.doc->>'minimum_age')::numeric)::int END AS minimum_age,
              CASE WHEN jsonb_typeof(s.doc->'maximum_age') = 'number'
                THEN floor((s.doc->>'maximum_age')::numeric)::int END AS maximum_age,
              (SELECT lower(a.doc->>'value') FROM directory_attribute a
                WHERE a.service_id = s.id AND a.doc->>'link_type' = 'eligibility'
                  AND lower(a.doc->>'value') IN ('female', 'male')
                ORDER BY a.id LIMIT 1) AS sex_served,
              (SELECT coalesce(array_agg(lg.code ORDER BY lg.id), '{}') FROM directory_language lg
                WHERE lg.service_id = s.id AND lg.code IS NOT NULL) AS languages
            FROM directory_service s
            JOIN directory_organization o ON o.id = s.organization_id
            LEFT JOIN LATERAL (
              SELECT l.city, l.country, l.latitude, l.longitude
              FROM directory_service_at_location sal JOIN directory_location l
                ON l.id = sal.location_id
              WHERE sal.service_id = s.id ORDER BY sal.id LIMIT 1) loc ON true
            WHERE s.status = 'active' AND """
                + " "
                + where
                + " ORDER BY s.name, s.id")
        .param(param)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              String[] langs = (String[]) rs.getArray("languages").getArray();
              Object capacity = rs.getObject("capacity_available");
              out.put(
                  id,
                  new Provider(
                      id,
                      rs.getString("name"),
                      ServiceType.valueOf(rs.getString("service_type")),
                      rs.getObject("org_id", UUID.class),
                      rs.getString("org_name"),
                      rs.getObject("agency_id", UUID.class),
                      List.of(langs),
                      rs.getString("city"),
                      rs.getString("country"),
                      rs.getBigDecimal("latitude"),
                      rs.getBigDecimal("longitude"),
                      List.of(),
                      capacity == null ? null : ((Number) capacity).intValue(),
                      (Integer) rs.getObject("minimum_age"),
                      (Integer) rs.getObject("maximum_age"),
                      rs.getString("sex_served")));
            });
    List<Provider> result = new ArrayList<>();
    for (Provider p : out.values()) {
      result.add(
          new Provider(
              p.serviceId(),
              p.serviceName(),
              p.type(),
              p.organizationId(),
              p.organizationName(),
              p.agencyId(),
              p.languages(),
              p.city(),
              p.country(),
              p.latitude(),
              p.longitude(),
              openings(p.serviceId()),
              p.capacityAvailable(),
              p.minimumAge(),
              p.maximumAge(),
              p.sexServed()));
    }
    return List.copyOf(result);
  }

  /** The weekly opening hours of any service (active or not); empty when unknown. */
  public List<Opening> openingHours(UUID serviceId) {
    return openings(serviceId);
  }

  /**
   * Weekly opening hours from the service's HSDS schedules (its own and those of its service at
   * locations): each weekly schedule with {@code byday}, {@code opens_at} and {@code closes_at}
   * gives one opening per day. Other recurrences are not openings of a week and are left out.
   */
  List<Opening> openings(UUID serviceId) {
    List<Opening> out = new ArrayList<>();
    jdbc.sql(
            """
            SELECT doc->>'freq' AS freq, doc->>'byday' AS byday, doc->>'opens_at' AS opens,
              doc->>'closes_at' AS closes
            FROM directory_schedule
            WHERE service_id = ? OR service_at_location_id IN (
              SELECT id FROM directory_service_at_location WHERE service_id = ?)
            ORDER BY id""")
        .params(serviceId, serviceId)
        .query(
            rs -> {
              String freq = rs.getString("freq");
              LocalTime opens = time(rs.getString("opens"));
              LocalTime closes = time(rs.getString("closes"));
              String byday = rs.getString("byday");
              if ((freq != null && !freq.equals("WEEKLY"))
                  || opens == null
                  || closes == null
                  || !closes.isAfter(opens)
                  || byday == null) {
                return;
              }
              for (String d : byday.split(",")) {
                DayOfWeek day = DAYS.get(d.trim().toUpperCase());
                Opening o = new Opening(day, opens, closes);
                if (day != null && !out.contains(o)) {
                  out.add(o);
                }
              }
            });
    out.sort(java.util.Comparator.comparing(Opening::day).thenComparing(Opening::opens));
    return List.copyOf(out);
  }

  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "MO", DayOfWeek.MONDAY,
          "TU", DayOfWeek.TUESDAY,
          "WE", DayOfWeek.WEDNESDAY,
          "TH", DayOfWeek.THURSDAY,
          "FR", DayOfWeek.FRIDAY,
          "SA", DayOfWeek.SATURDAY,
          "SU", DayOfWeek.SUNDAY);

  /** An HSDS time ("09:00", "09:00:00", "09:00:00Z" or with an offset); null if unreadable. */
  static LocalTime time(String s) {
    if (s == null || s.length() < 5) {
      return null;
    }
    try {
      return LocalTime.parse(s.length() >= 8 ? s.substring(0, 8) : s.substring(0, 5));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}

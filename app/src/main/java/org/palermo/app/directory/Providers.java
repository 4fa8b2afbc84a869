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
      Integer capacityAvailable) {}

  /** Every active service of {@code type}. */
  public List<Provider> offering(ServiceType type) {
    Map<UUID, Provider> out = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT s.id, s.name, s.service_type, o.id AS org_id, o.name AS org_name, o.agency_id,
              s.languages, l.city, l.country, l.latitude, l.longitude
            FROM directory_service s
            JOIN directory_organization o ON o.id = s.organization_id
            LEFT JOIN directory_location l ON l.id = s.location_id
            WHERE s.status = 'active' AND s.service_type = ?
            ORDER BY s.name, s.id""")
        .param(type.name())
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              String[] langs = (String[]) rs.getArray("languages").getArray();
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
                      new ArrayList<>(),
                      null));
            });
    return List.copyOf(out.values());
  }

  /** One active service by id; empty if there is none or it is not active. */
  public java.util.Optional<Provider> byId(UUID serviceId) {
    return jdbc.sql("SELECT service_type FROM directory_service WHERE id = ?")
        .param(serviceId)
        .query(String.class)
        .optional()
        .flatMap(
            t ->
                offering(ServiceType.valueOf(t)).stream()
                    .filter(p -> p.serviceId().equals(serviceId))
                    .findFirst());
  }
}

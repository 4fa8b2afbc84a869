package org.palermo.app.directory;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds organisations, their locations and services to the directory. */
@Service
public class DirectoryRecords {
  private final JdbcClient jdbc;

  DirectoryRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A place where services are delivered. */
  public record NewLocation(
      String name, String city, String country, BigDecimal latitude, BigDecimal longitude) {}

  /** A service offered at a location. */
  public record NewService(
      String name, String description, ServiceType type, List<String> languages) {}

  /** Stores an organisation with one location and its services; returns the organisation id. */
  @Transactional
  public UUID addOrganisation(
      UUID agencyId,
      String name,
      String description,
      NewLocation location,
      List<NewService> services) {
    UUID orgId = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO directory_organization (id, agency_id, name, description)"
                + " VALUES (?, ?, ?, ?)")
        .params(orgId, agencyId, name, description)
        .update();
    UUID locationId = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO directory_location (id, organization_id, name, city, country, latitude,
              longitude) VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            locationId,
            orgId,
            location.name(),
            location.city(),
            location.country(),
            location.latitude(),
            location.longitude())
        .update();
    for (NewService s : services) {
      jdbc.sql(
              """
              INSERT INTO directory_service (id, organization_id, location_id, name, description,
                service_type, status, languages) VALUES (?, ?, ?, ?, ?, ?, 'active', ?::text[])""")
          .params(
              UUID.randomUUID(),
              orgId,
              locationId,
              s.name(),
              s.description(),
              s.type().name(),
              "{" + String.join(",", s.languages()) + "}")
          .update();
    }
    return orgId;
  }

  /** How many active services the directory lists. */
  public long countServices() {
    return jdbc.sql("SELECT count(*) FROM directory_service WHERE status = 'active'")
        .query(Long.class)
        .single();
  }
}

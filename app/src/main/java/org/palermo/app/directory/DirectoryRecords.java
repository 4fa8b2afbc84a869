package org.palermo.app.directory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.palermo.app.directory.hsds.HsdsExchange;
import org.palermo.app.directory.hsds.HsdsIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds organisations, their locations and services to the directory, as HSDS records (the same path
 * as an HSDS import), and keeps the free capacity that referral ranking reads.
 */
@Service
public class DirectoryRecords {
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final HsdsExchange hsds;

  DirectoryRecords(JdbcClient jdbc, JsonMapper json, HsdsExchange hsds) {
    this.jdbc = jdbc;
    this.json = json;
    this.hsds = hsds;
  }

  /** A place where services are delivered. */
  public record NewLocation(
      String name, String city, String country, BigDecimal latitude, BigDecimal longitude) {}

  /** A service offered at a location; {@code languages} are BCP 47 tags. */
  public record NewService(
      String name, String description, ServiceType type, List<String> languages) {}

  /**
   * A service with what referral ranking and the public page use.
   *
   * @param openings weekly opening hours (empty: unknown)
   * @param capacityAvailable free places, {@code null} if unknown
   */
  public record Offer(
      NewService service, List<Providers.Opening> openings, Integer capacityAvailable) {}

  /** Stores an organisation with one location and its services; returns the organisation id. */
  @Transactional
  public UUID addOrganisation(
      UUID agencyId,
      String name,
      String description,
      NewLocation location,
      List<NewService> services) {
    return addOrganisation(
        agencyId,
        name,
        description,
        location,
        null,
        services.stream().map(s -> new Offer(s, List.of(), null)).toList());
  }

  /**
   * Stores an organisation with one location, an optional phone number (organisation-wide) and its
   * services with opening hours and capacity; returns the organisation id.
   */
  @Transactional
  public UUID addOrganisation(
      UUID agencyId,
      String name,
      String description,
      NewLocation location,
      String phone,
      List<Offer> offers) {
    UUID orgId = UUID.randomUUID();
    UUID locationId = UUID.randomUUID();
    ObjectNode org = json.createObjectNode();
    org.put("id", orgId.toString());
    org.put("name", name);
    org.put("description", description);
    if (phone != null) {
      ObjectNode p = org.putArray("phones").addObject();
      p.put("id", UUID.randomUUID().toString());
      p.put("number", phone);
      p.put("type", "voice");
    }
    ObjectNode loc = org.putArray("locations").addObject();
    loc.put("id", locationId.toString());
    loc.put("location_type", "physical");
    loc.put("name", location.name());
    if (location.latitude() != null) {
      loc.put("latitude", location.latitude());
      loc.put("longitude", location.longitude());
    }
    ObjectNode address = loc.putArray("addresses").addObject();
    address.put("id", UUID.randomUUID().toString());
    address.put("address_1", location.name());
    address.put("city", location.city());
    address.put("state_province", "");
    address.put("postal_code", "");
    address.put("country", location.country());
    address.put("address_type", "physical");
    ArrayNode services = org.putArray("services");
    for (Offer offer : offers) {
      NewService s = offer.service();
      UUID serviceId = UUID.randomUUID();
      ObjectNode service = services.addObject();
      service.put("id", serviceId.toString());
      service.put("name", s.name());
      service.put("description", s.description());
      service.put("status", "active");
      ObjectNode sal = service.putArray("service_at_locations").addObject();
      sal.put("id", UUID.randomUUID().toString());
      sal.put("location_id", locationId.toString());
      ArrayNode languages = service.putArray("languages");
      for (String tag : s.languages()) {
        ObjectNode l = languages.addObject();
        l.put("id", UUID.randomUUID().toString());
        l.put("name", Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH));
        l.put("code", tag);
      }
      ArrayNode schedules = service.putArray("schedules");
      for (Providers.Opening o : offer.openings()) {
        ObjectNode sc = schedules.addObject();
        sc.put("id", UUID.randomUUID().toString());
        sc.put("freq", "WEEKLY");
        sc.put("byday", DAYS[o.day().getValue() - 1]);
        sc.put("opens_at", o.opens().toString());
        sc.put("closes_at", o.closes().toString());
      }
      ObjectNode attribute = service.putArray("attributes").addObject();
      attribute.put("id", UUID.randomUUID().toString());
      attribute.put("taxonomy_term_id", HsdsIds.term(s.type()).toString());
      attribute.put("link_id", serviceId.toString());
      attribute.put("link_type", "service_type");
      attribute.put("link_entity", "service");
    }
    hsds.importOrganization(org);
    jdbc.sql("UPDATE directory_organization SET agency_id = ? WHERE id = ?")
        .params(agencyId, orgId)
        .update();
    for (int i = 0; i < offers.size(); i++) {
      setCapacity(
          UUID.fromString(services.get(i).get("id").asString()), offers.get(i).capacityAvailable());
    }
    return orgId;
  }

  /**
   * Marks whether a location's address is confidential (a shelter's): its addresses and coordinates
   * then never leave the instance in the public HSDS ({@link
   * org.palermo.app.directory.hsds.HsdsReader}; CoE Convention art. 12(2)).
   */
  @Transactional
  public void markConfidential(UUID locationId, boolean confidential) {
    jdbc.sql("UPDATE directory_location SET confidential = ? WHERE id = ?")
        .params(confidential, locationId)
        .update();
  }

  /** Records the free places of a service ({@code null}: unknown). */
  @Transactional
  public void setCapacity(UUID serviceId, Integer capacityAvailable) {
    if (capacityAvailable != null && capacityAvailable < 0) {
      throw new IllegalArgumentException("capacity cannot be negative");
    }
    jdbc.sql("UPDATE directory_service SET capacity_available = ? WHERE id = ?")
        .params(capacityAvailable, serviceId)
        .update();
  }

  /** How many active services the directory lists. */
  public long countServices() {
    return jdbc.sql("SELECT count(*) FROM directory_service WHERE status = 'active'")
        .query(Long.class)
        .single();
  }
}

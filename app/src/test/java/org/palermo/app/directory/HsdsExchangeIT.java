package org.palermo.app.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.directory.hsds.HsdsReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HSDS 3.0 import and export against the official examples and schemas: every example imports, what
 * comes out holds what went in and validates, bad data is refused by field with nothing stored, and
 * an import is idempotent.
 */
@PalermoIntegrationTest
class HsdsExchangeIT {
  @Autowired DirectoryExchange exchange;
  @Autowired HsdsReader reader;
  @Autowired Providers providers;
  @Autowired DirectoryRecords records;
  @Autowired JdbcClient jdbc;

  static Path examples() throws URISyntaxException {
    return Path.of(HsdsExchangeIT.class.getResource("/hsds-3.0/examples").toURI());
  }

  /** Every example that is an HSDS dataset (base.json is the API's root document, not data). */
  static List<Path> datasets() throws Exception {
    try (Stream<Path> files = Files.list(examples())) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("base.json"))
          .sorted()
          .toList();
    }
  }

  @Test
  void every_official_example_imports_and_comes_back_out_whole_and_valid() throws Exception {
    Map<String, Function<UUID, Optional<ObjectNode>>> single =
        Map.of(
            "service_full.json", reader::service,
            "organization_full.json", id -> reader.organization(id, true),
            "service_at_location_full.json", reader::serviceAtLocation,
            "location.json", reader::location,
            "taxonomy.json", reader::taxonomy,
            "taxonomy_term.json", reader::taxonomyTerm);
    Map<String, String> schemaOf =
        Map.of(
            "service_full.json", "service.json",
            "organization_full.json", "organization.json",
            "service_at_location_full.json", "service_at_location.json",
            "location.json", "location.json",
            "taxonomy.json", "taxonomy.json",
            "taxonomy_term.json", "taxonomy_term.json");
    List<Path> datasets = datasets();
    assertThat(datasets).hasSizeGreaterThanOrEqualTo(12);
    for (Path file : datasets) {
      String name = file.getFileName().toString();
      DirectoryExchange.Imported imported =
          exchange.importJson(name, Files.readAllBytes(file), "test");
      assertThat(imported.records()).as(name).isPositive();
      JsonNode original = HsdsSchemas.JSON.readTree(file.toFile());
      if (single.containsKey(name)) {
        UUID id = UUID.fromString(original.get("id").asString());
        ObjectNode out = single.get(name).apply(id).orElseThrow();
        HsdsSchemas.assertValid(schemaOf.get(name), out);
        assertThat(HsdsSchemas.contains(out, original))
            .as("%s comes back with everything it held:%n%s", name, out)
            .isTrue();
      }
    }
    // The tabular example (one object keyed by CSV file name) went into the tables too.
    ObjectNode fromTabular =
        reader.service(UUID.fromString("ac148810-d857-441c-9679-408f346de14b")).orElseThrow();
    assertThat(fromTabular.get("name").asString()).isEqualTo("Community Counselling");
    HsdsSchemas.assertValid("service.json", fromTabular);
  }

  @Test
  void the_json_export_validates_against_the_schemas(@TempDir Path out) throws Exception {
    exchange.importJson(
        "service_full.json", Files.readAllBytes(examples().resolve("service_full.json")), "test");
    List<Path> files = exchange.export(out, DirectoryExchange.Format.JSON, "test");
    Map<String, String> schemas =
        Map.of(
            "services.json", "service.json",
            "organizations.json", "organization.json",
            "taxonomies.json", "taxonomy.json",
            "taxonomy_terms.json", "taxonomy_term.json");
    assertThat(files.stream().map(f -> f.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(schemas.keySet());
    for (Path f : files) {
      JsonNode all = HsdsSchemas.JSON.readTree(f.toFile());
      assertThat(all.isArray()).isTrue();
      assertThat(all.size()).as(f.toString()).isPositive();
      for (JsonNode item : all) {
        HsdsSchemas.assertValid(schemas.get(f.getFileName().toString()), item);
      }
    }
    JsonNode terms = HsdsSchemas.JSON.readTree(out.resolve("taxonomy_terms.json").toFile());
    List<String> codes = new ArrayList<>();
    terms.forEach(t -> codes.add(t.path("code").asString()));
    for (ServiceType type : ServiceType.values()) {
      assertThat(codes).contains(type.name());
    }
  }

  @Test
  void the_tabular_export_has_the_hsds_tabular_columns_and_validates(@TempDir Path out)
      throws Exception {
    List<Path> files = exchange.export(out, DirectoryExchange.Format.TABULAR, "test");
    JsonNode tabular = HsdsSchemas.resource("compiled/tabular.json").get("properties");
    int checked = 0;
    for (String table : tabular.propertyNames()) {
      JsonNode items = tabular.get(table).get("items");
      Path csv = out.resolve(items.get("path").asString());
      if (!Files.exists(csv)) {
        continue;
      }
      List<String> expected = new ArrayList<>();
      for (String field : items.get("properties").propertyNames()) {
        if (!"array".equals(items.get("properties").get(field).path("type").asString())) {
          expected.add(field);
        }
      }
      String header = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
      assertThat(List.of(header.split(","))).as(csv.toString()).isEqualTo(expected);
      checked++;
    }
    // 11 tables held as such, 8 held inside their owners (funding, contacts, programs...)
    assertThat(checked).isEqualTo(19);
    JsonNode pkg = HsdsSchemas.JSON.readTree(out.resolve("datapackage.json").toFile());
    assertThat(pkg.get("resources").size()).isEqualTo(19);
    assertThat(files).contains(out.resolve("datapackage.json"), out.resolve("services.csv"));
  }

  @Test
  void the_official_csv_package_imports(@TempDir Path dir) throws Exception {
    // examples/csv/datapackage.json is a pointer to a file outside the examples: the CSVs alone
    // are the package.
    try (Stream<Path> files = Files.list(examples().resolve("csv"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    DirectoryExchange.Imported imported = exchange.importPath(dir, "test");
    assertThat(imported.skipped())
        .containsExactlyInAnyOrder("metadata.csv", "meta_table_descriptions.csv");
    assertThat(imported.records()).isGreaterThanOrEqualTo(11);
    ObjectNode location =
        reader.location(UUID.fromString("3a19ff88-4620-4d17-9830-ac1d859eb5d5")).orElseThrow();
    assertThat(location.get("name").asString()).isEqualTo("MyCity Civic Center");
    assertThat(location.get("addresses").get(0).get("city").asString()).isEqualTo("MyCity");
    assertThat(location.get("latitude").asInt()).isEqualTo(100);
    HsdsSchemas.assertValid("location.json", location);
    ObjectNode service =
        reader.service(UUID.fromString("ac148810-d857-441c-9679-408f346de14b")).orElseThrow();
    assertThat(service.get("cost_options").get(0).get("amount").asInt()).isEqualTo(35);
    assertThat(service.get("required_documents").get(0).get("uri").asString())
        .isEqualTo("http://example.com");
    assertThat(location.get("accessibility").get(0).get("details").asString())
        .startsWith("Switch hearing aid");
    HsdsSchemas.assertValid("service.json", service);
  }

  @Test
  void a_bad_record_names_its_field_and_nothing_of_the_file_is_stored() {
    UUID good = UUID.randomUUID();
    UUID bad = UUID.randomUUID();
    String file =
        """
        [{"id": "%s", "name": "Good service", "status": "active"},
         {"id": "%s", "name": "Bad service", "status": "active",
          "schedules": [{"id": "%s", "freq": "DAILY"}]}]"""
            .formatted(good, bad, UUID.randomUUID());
    assertThatThrownBy(
            () -> exchange.importJson("services.json", file.getBytes(StandardCharsets.UTF_8), "t"))
        .isInstanceOf(HsdsFormatException.class)
        .hasMessageContaining("services.json: [1].schedules[0].freq: must be one of")
        .satisfies(
            e -> assertThat(((HsdsFormatException) e).field()).isEqualTo("[1].schedules[0].freq"));
    assertThat(reader.service(good)).isEmpty();
    assertThat(reader.service(bad)).isEmpty();
  }

  @Test
  void malformed_files_are_refused_with_a_clear_error() {
    Map<String, String> cases =
        Map.of(
            "{\"id\": \"x\", \"name\": \"n\", \"status\": \"active\"}",
            "id: must be a UUID",
            "[{\"name\": \"n\", \"status\": \"active\"}]",
            "[0].id: is required",
            "[{\"id\": \"" + UUID.randomUUID() + "\", \"name\": 5, \"status\": \"active\"}]",
            "[0].name: must be a string",
            "[{\"id\": \"" + UUID.randomUUID() + "\", \"name\": \"n\", \"status\": \"open\"}]",
            "[0].status: must be one of",
            "[{\"id\": ",
            "is not valid JSON",
            "42",
            "must be a JSON object or array");
    cases.forEach(
        (content, message) ->
            assertThatThrownBy(
                    () ->
                        exchange.importJson(
                            "services.json", content.getBytes(StandardCharsets.UTF_8), "t"))
                .as(content)
                .isInstanceOf(HsdsFormatException.class)
                .hasMessageContaining(message));
  }

  @Test
  void importing_the_same_data_again_changes_nothing() throws Exception {
    byte[] file = Files.readAllBytes(examples().resolve("organization_full.json"));
    exchange.importJson("organization_full.json", file, "test");
    String before = counts();
    ObjectNode first =
        reader
            .organization(UUID.fromString("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"), true)
            .orElseThrow();
    exchange.importJson("organization_full.json", file, "test");
    assertThat(counts()).isEqualTo(before);
    assertThat(
            reader
                .organization(UUID.fromString("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"), true)
                .orElseThrow())
        .isEqualTo(first);
  }

  @Test
  void providers_read_openings_languages_and_capacity_from_the_directory() {
    UUID org = UUID.randomUUID();
    UUID service = UUID.randomUUID();
    String file =
        """
        {"id": "%s", "name": "Test Shelter Org %s", "description": "Test.",
         "locations": [{"id": "%s", "location_type": "physical", "name": "Test house",
           "latitude": 12.5, "longitude": 23.25,
           "addresses": [{"id": "%s", "address_1": "1 Test Road", "city": "Testville",
             "state_province": "", "postal_code": "", "country": "XB",
             "address_type": "physical"}]}],
         "services": [{"id": "%s", "name": "Test shelter %s", "status": "active",
           "service_at_locations": [{"id": "%s", "location_id": "%s",
             "schedules": [{"id": "%s", "freq": "WEEKLY", "byday": "SA,SU",
               "opens_at": "10:00", "closes_at": "14:00"}]}],
           "schedules": [{"id": "%s", "freq": "WEEKLY", "byday": "MO,TU,WE",
             "opens_at": "09:00:00", "closes_at": "17:30:00"},
             {"id": "%s", "freq": "MONTHLY", "bymonthday": "1",
             "opens_at": "09:00", "closes_at": "10:00"}],
           "languages": [{"id": "%s", "name": "Tigrinya", "code": "ti"},
             {"id": "%s", "name": "Arabic", "code": "ar"}],
           "attributes": [{"id": "%s", "taxonomy_term_id": "5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1001"}]
         }]}"""
            .formatted(
                org,
                org,
                loc(),
                UUID.randomUUID(),
                service,
                service,
                UUID.randomUUID(),
                loc(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID());
    exchange.importJson("organization.json", file.getBytes(StandardCharsets.UTF_8), "test");
    records.setCapacity(service, 3);
    Providers.Provider p =
        providers.offering(ServiceType.SHELTER).stream()
            .filter(x -> x.serviceId().equals(service))
            .findFirst()
            .orElseThrow();
    assertThat(p.organizationId()).isEqualTo(org);
    assertThat(p.languages()).containsExactlyInAnyOrder("ti", "ar");
    assertThat(p.city()).isEqualTo("Testville");
    assertThat(p.country()).isEqualTo("XB");
    assertThat(p.latitude()).isEqualByComparingTo("12.5");
    assertThat(p.capacityAvailable()).isEqualTo(3);
    assertThat(p.openings())
        .containsExactly(
            new Providers.Opening(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 30)),
            new Providers.Opening(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 30)),
            new Providers.Opening(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(17, 30)),
            new Providers.Opening(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)),
            new Providers.Opening(DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));
    assertThat(providers.byId(service)).contains(p);
    assertThat(providers.offering(ServiceType.HOTLINE))
        .noneMatch(x -> x.serviceId().equals(service));
  }

  private final UUID location = UUID.randomUUID();

  private UUID loc() {
    return location;
  }

  private String counts() {
    StringBuilder out = new StringBuilder();
    for (String t :
        List.of(
            "organization",
            "service",
            "location",
            "address",
            "service_at_location",
            "phone",
            "schedule",
            "language",
            "taxonomy",
            "taxonomy_term",
            "attribute")) {
      out.append(t)
          .append('=')
          .append(jdbc.sql("SELECT count(*) FROM directory_" + t).query(Long.class).single())
          .append(' ');
    }
    return out.toString();
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package org.palermo.app.directory.hsds;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HSDS 3.0 tables that Palermo holds: their table, their tabular file and columns (from the
 * HSDS tabular schema), their required fields and enumerations, the links that nest them, the
 * columns the product queries, and the child arrays that are held as tables of their own.
 */
enum HsdsTable {
  TAXONOMY(
      "directory_taxonomy",
      "taxonomies.csv",
      "id name description uri version",
      "",
      "id name description",
      "",
      Map.of(),
      Map.of()),
  TAXONOMY_TERM(
      "directory_taxonomy_term",
      "taxonomy_terms.csv",
      "id code name description parent_id taxonomy language taxonomy_id term_uri",
      "",
      "id name description",
      "taxonomy_id parent_id",
      Map.of("code", "code"),
      Map.of()),
  ORGANIZATION(
      "directory_organization",
      "organizations.csv",
      "id name alternate_name description email website tax_status tax_id year_incorporated"
          + " legal_status logo uri parent_organization_id",
      "year_incorporated",
      "id name description",
      "",
      Map.of("name", "name", "description", "description", "email", "email", "website", "website"),
      Map.of()),
  LOCATION(
      "directory_location",
      "locations.csv",
      "id location_type url organization_id name alternate_name description transportation"
          + " latitude longitude external_identifier external_identifier_type",
      "latitude longitude",
      "id location_type",
      "organization_id",
      Map.of(
          "name", "name",
          "location_type", "location_type",
          "latitude", "latitude::numeric",
          "longitude", "longitude::numeric"),
      Map.of("location_type", Set.of("physical", "postal", "virtual"))),
  ADDRESS(
      "directory_address",
      "addresses.csv",
      "id location_id attention address_1 address_2 city region state_province postal_code"
          + " country address_type",
      "",
      "id address_1 city state_province postal_code country address_type",
      "location_id",
      Map.of("city", "city", "country", "country"),
      Map.of("address_type", Set.of("physical", "postal", "virtual"))),
  SERVICE(
      "directory_service",
      "services.csv",
      "id organization_id program_id name alternate_name description url email status"
          + " interpretation_services application_process fees_description wait_time fees"
          + " accreditations eligibility_description minimum_age maximum_age assured_date"
          + " assurer_email licenses alert last_modified",
      "minimum_age maximum_age",
      "id name status",
      "organization_id",
      Map.of("name", "name", "description", "description", "status", "status"),
      Map.of("status", Set.of("active", "inactive", "defunct", "temporarily closed"))),
  SERVICE_AT_LOCATION(
      "directory_service_at_location",
      "service_at_location.csv",
      "id service_id location_id description",
      "",
      "id",
      "service_id location_id",
      Map.of(),
      Map.of()),
  PHONE(
      "directory_phone",
      "phones.csv",
      "id location_id service_id organization_id contact_id service_at_location_id number"
          + " extension type description",
      "extension",
      "id number",
      "organization_id service_id location_id service_at_location_id",
      Map.of(),
      Map.of()),
  SCHEDULE(
      "directory_schedule",
      "schedules.csv",
      "id service_id location_id service_at_location_id valid_from valid_to dtstart timezone"
          + " until count wkst freq interval byday byweekno bymonthday byyearday description"
          + " opens_at closes_at schedule_link attending_type notes",
      "timezone count interval",
      "id",
      "service_id location_id service_at_location_id",
      Map.of(),
      Map.of(
          "freq", Set.of("WEEKLY", "MONTHLY"),
          "wkst", Set.of("MO", "TU", "WE", "TH", "FR", "SA", "SU"))),
  LANGUAGE(
      "directory_language",
      "languages.csv",
      "id service_id location_id phone_id name code note",
      "",
      "id",
      "service_id location_id phone_id",
      Map.of("code", "code"),
      Map.of()),
  ATTRIBUTE(
      "directory_attribute",
      "attributes.csv",
      "id link_id taxonomy_term_id link_type link_entity value",
      "",
      "id",
      "service_id taxonomy_term_id",
      Map.of(),
      Map.of());

  final String table;
  final String file;
  final List<String> columns;
  final Set<String> numbers;
  final List<String> required;
  final List<String> links;

  /** Query column → JSON field it copies (with an SQL cast after {@code ::} when needed). */
  final Map<String, String> queried;

  final Map<String, Set<String>> enums;

  HsdsTable(
      String table,
      String file,
      String columns,
      String numbers,
      String required,
      String links,
      Map<String, String> queried,
      Map<String, Set<String>> enums) {
    this.table = table;
    this.file = file;
    this.columns = words(columns);
    this.numbers = Set.copyOf(words(numbers));
    this.required = words(required);
    this.links = words(links);
    this.queried = queried;
    this.enums = enums;
  }

  /** The HSDS name of the table, as in the tabular schema (service_at_location, taxonomy_term). */
  String hsdsName() {
    return name().toLowerCase();
  }

  /** The import order of a tabular package: what others point to comes first. */
  static final List<HsdsTable> ORDER = List.of(values());

  private static List<String> words(String s) {
    return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
  }
}

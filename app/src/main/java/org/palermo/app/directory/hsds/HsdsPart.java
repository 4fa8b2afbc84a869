package org.palermo.app.directory.hsds;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HSDS tables that Palermo keeps inside the record they belong to (in its {@code doc}) rather than
 * as tables of their own: in JSON they are nested arrays; in the tabular package they are CSV files
 * whose rows point at their owner. Columns from the HSDS tabular schema.
 */
enum HsdsPart {
  FUNDING(
      "funding.csv",
      "id organization_id service_id source",
      "",
      Map.of("organization_id", HsdsTable.ORGANIZATION, "service_id", HsdsTable.SERVICE),
      "funding"),
  CONTACT(
      "contacts.csv",
      "id organization_id service_id service_at_location_id location_id name title department"
          + " email",
      "",
      Map.of(
          "organization_id", HsdsTable.ORGANIZATION,
          "service_id", HsdsTable.SERVICE,
          "service_at_location_id", HsdsTable.SERVICE_AT_LOCATION,
          "location_id", HsdsTable.LOCATION),
      "contacts"),
  PROGRAM(
      "programs.csv",
      "id organization_id name alternate_name description",
      "",
      Map.of("organization_id", HsdsTable.ORGANIZATION),
      "programs"),
  COST_OPTION(
      "cost_options.csv",
      "id service_id valid_from valid_to option currency amount amount_description",
      "amount",
      Map.of("service_id", HsdsTable.SERVICE),
      "cost_options"),
  REQUIRED_DOCUMENT(
      "required_documents.csv",
      "id service_id document uri",
      "",
      Map.of("service_id", HsdsTable.SERVICE),
      "required_documents"),
  SERVICE_AREA(
      "service_areas.csv",
      "id service_id name description extent extent_type uri",
      "",
      Map.of("service_id", HsdsTable.SERVICE),
      "service_areas"),
  ACCESSIBILITY(
      "accessibility.csv",
      "id location_id description details url",
      "",
      Map.of("location_id", HsdsTable.LOCATION),
      "accessibility"),
  ORGANIZATION_IDENTIFIER(
      "organization_identifiers.csv",
      "id organization_id identifier_scheme identifier_type identifier",
      "",
      Map.of("organization_id", HsdsTable.ORGANIZATION),
      "organization_identifiers");

  final String file;
  final List<String> columns;
  final Set<String> numbers;

  /** Owner link column → the table of the owner. */
  final Map<String, HsdsTable> owners;

  /** The array of the owner's HSDS object that holds these rows. */
  final String key;

  HsdsPart(String file, String columns, String numbers, Map<String, HsdsTable> owners, String key) {
    this.file = file;
    this.columns = List.of(columns.split(" "));
    this.numbers = numbers.isEmpty() ? Set.of() : Set.of(numbers.split(" "));
    this.owners = owners;
    this.key = key;
  }

  String hsdsName() {
    return name().toLowerCase();
  }

  static HsdsPart byFile(String file) {
    for (HsdsPart p : values()) {
      if (p.file.equals(file)) {
        return p;
      }
    }
    return null;
  }
}

package org.palermo.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The schema check the HSDS tests rely on accepts the official examples and catches faults. */
class HsdsSchemasTest {

  @Test
  void the_official_examples_are_valid() {
    assertThat(
            HsdsSchemas.errors("service.json", HsdsSchemas.resource("examples/service_full.json")))
        .isEmpty();
    assertThat(
            HsdsSchemas.errors(
                "organization.json", HsdsSchemas.resource("examples/organization_full.json")))
        .isEmpty();
  }

  @Test
  void a_broken_service_is_not() {
    ObjectNode s = (ObjectNode) HsdsSchemas.resource("examples/service_full.json");
    s.put("status", "open");
    assertThat(HsdsSchemas.errors("service.json", s)).hasSize(1);
    s.put("status", "active");
    s.put("id", "not-a-uuid");
    assertThat(HsdsSchemas.errors("service.json", s)).isNotEmpty();
    s.put("id", "ac148810-d857-441c-9679-408f346de14b");
    ((ObjectNode) s.get("service_at_locations").get(0).get("location")).remove("location_type");
    assertThat(HsdsSchemas.errors("service.json", s)).as("nested $ref are followed").isNotEmpty();
  }

  @Test
  void containment_compares_what_matters() {
    var a = HsdsSchemas.resource("examples/service_full.json");
    ObjectNode b = (ObjectNode) a.deepCopy();
    assertThat(HsdsSchemas.contains(b, a)).isTrue();
    ((ObjectNode) b.get("schedules").get(0)).put("byday", "MO");
    assertThat(HsdsSchemas.contains(b, a)).isFalse();
  }
}

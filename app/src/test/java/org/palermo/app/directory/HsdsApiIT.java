package org.palermo.app.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The public HSDS API answers anonymous GETs, without a session, with documents that validate
 * against the HSDS 3.0 schemas; it pages, and it answers unknown ids and bad paging with problems.
 */
@PalermoIntegrationTest
class HsdsApiIT {
  static final String SERVICE = "ac148810-d857-441c-9679-408f346de14b";
  static final String ORGANIZATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
  static final String SERVICE_AT_LOCATION = "e94c9f38-1e8f-4564-91d4-d53501ab1765";

  @Autowired MockMvc mvc;
  @Autowired DirectoryExchange exchange;
  @Autowired DirectoryRecords records;
  @org.junit.jupiter.api.io.TempDir Path out;

  @BeforeEach
  void officialExamples() throws Exception {
    Path examples = HsdsExchangeIT.examples();
    for (String f : new String[] {"service_full.json", "service_at_location_full.json"}) {
      exchange.importJson(f, Files.readAllBytes(examples.resolve(f)), "test");
    }
  }

  JsonNode json(String path, int status) throws Exception {
    MvcResult r = mvc.perform(get(path)).andReturn();
    assertThat(r.getResponse().getStatus()).as(path).isEqualTo(status);
    assertThat(r.getRequest().getSession(false)).as("no session for %s", path).isNull();
    assertThat(r.getResponse().getHeader("Set-Cookie")).as(path).isNull();
    return HsdsSchemas.JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void a_confidential_location_never_publishes_its_address_or_coordinates() throws Exception {
    JsonNode sal = json("/hsds/service_at_locations/" + SERVICE_AT_LOCATION, 200);
    JsonNode location = sal.get("location");
    String street = location.get("addresses").get(0).get("address_1").asString();
    assertThat(street).isNotBlank();
    assertThat(location.has("latitude")).isTrue();

    records.markConfidential(UUID.fromString(location.get("id").asString()), true);
    try {
      // Not on any route of the public API, nor in either export.
      for (String path :
          new String[] {
            "/hsds/service_at_locations/" + SERVICE_AT_LOCATION,
            "/hsds/services/" + SERVICE,
            "/hsds/organizations/" + ORGANIZATION,
            "/hsds/service_at_locations"
          }) {
        String body =
            mvc.perform(get(path))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).as(path).doesNotContain(street);
      }
      JsonNode hidden = json("/hsds/service_at_locations/" + SERVICE_AT_LOCATION, 200);
      assertThat(hidden.get("location").get("addresses")).isEmpty();
      assertThat(hidden.get("location").has("latitude")).isFalse();
      assertThat(hidden.get("location").has("longitude")).isFalse();
      HsdsSchemas.assertValid("service_at_location.json", hidden);
      for (DirectoryExchange.Format format : DirectoryExchange.Format.values()) {
        Path dir = Files.createDirectories(out.resolve(format.name()));
        for (Path file : exchange.export(dir, format, "test")) {
          assertThat(Files.readString(file)).as(file.toString()).doesNotContain(street);
        }
      }
    } finally {
      records.markConfidential(UUID.fromString(location.get("id").asString()), false);
    }
  }

  @Test
  void the_root_says_the_hsds_version() throws Exception {
    JsonNode root = json("/hsds/", 200);
    assertThat(root.get("version").asString()).isEqualTo("3.0");
    assertThat(root.get("openapi_url").asString()).endsWith("openapi.json");
    assertThat(json("/hsds", 200).get("version").asString()).isEqualTo("3.0");
  }

  @Test
  void one_service_comes_fully_nested_and_valid() throws Exception {
    JsonNode s = json("/hsds/services/" + SERVICE, 200);
    HsdsSchemas.assertValid("service.json", s);
    assertThat(s.get("organization").get("id").asString()).isEqualTo(ORGANIZATION);
    assertThat(s.get("service_at_locations").get(0).get("location").get("addresses").size())
        .isEqualTo(1);
    assertThat(s.get("schedules").get(0).get("byday").asString()).isEqualTo("TH,FR");
    assertThat(s.get("attributes").get(0).get("taxonomy_term").get("name").asString())
        .isEqualTo("name");
  }

  @Test
  void lists_are_pages_whose_contents_validate() throws Exception {
    String[][] lists = {
      {"/hsds/services", "compiled/service_list.json"},
      {"/hsds/organizations", "compiled/organization_list.json"},
      {"/hsds/service_at_locations", "compiled/service_at_location_list.json"},
      {"/hsds/taxonomies", "taxonomy.json"},
      {"/hsds/taxonomy_terms", "taxonomy_term.json"}
    };
    for (String[] l : lists) {
      JsonNode page = json(l[0], 200);
      assertThat(page.get("total_items").asLong()).as(l[0]).isPositive();
      assertThat(page.get("page_number").asInt()).isEqualTo(1);
      assertThat(page.get("first_page").asBoolean()).isTrue();
      assertThat(page.get("empty").asBoolean()).isFalse();
      assertThat(page.get("size").asInt()).isEqualTo(page.get("contents").size());
      for (JsonNode item : page.get("contents")) {
        HsdsSchemas.assertValid(l[1], item);
      }
    }
    JsonNode sal = json("/hsds/service_at_locations/" + SERVICE_AT_LOCATION, 200);
    HsdsSchemas.assertValid("service_at_location.json", sal);
    assertThat(sal.get("service").get("id").asString()).isEqualTo(SERVICE);
    JsonNode org = json("/hsds/organizations/" + ORGANIZATION + "?full_service=true", 200);
    HsdsSchemas.assertValid("organization.json", org);
    assertThat(org.get("services").toString()).contains(SERVICE);
  }

  @Test
  void paging_walks_through_every_item_once() throws Exception {
    JsonNode first = json("/hsds/taxonomy_terms?per_page=3", 200);
    long total = first.get("total_items").asLong();
    long pages = first.get("total_pages").asLong();
    assertThat(total).isGreaterThanOrEqualTo(10);
    assertThat(pages).isEqualTo((total + 2) / 3);
    assertThat(first.get("size").asInt()).isEqualTo(3);
    assertThat(first.get("last_page").asBoolean()).isFalse();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int p = 1; p <= pages; p++) {
      JsonNode page = json("/hsds/taxonomy_terms?per_page=3&page=" + p, 200);
      assertThat(page.get("page_number").asInt()).isEqualTo(p);
      assertThat(page.get("first_page").asBoolean()).isEqualTo(p == 1);
      assertThat(page.get("last_page").asBoolean()).isEqualTo(p == pages);
      page.get("contents").forEach(t -> ids.add(t.get("id").asString()));
    }
    assertThat((long) ids.size()).isEqualTo(total);
    JsonNode beyond = json("/hsds/taxonomy_terms?per_page=3&page=" + (pages + 1), 200);
    assertThat(beyond.get("empty").asBoolean()).isTrue();
    assertThat(beyond.get("contents").size()).isZero();
  }

  @Test
  void services_filter_by_taxonomy_term_and_organization() throws Exception {
    JsonNode byOrg = json("/hsds/services?organization_id=" + ORGANIZATION, 200);
    assertThat(byOrg.get("contents").toString()).contains(SERVICE);
    JsonNode byTerm =
        json("/hsds/services?taxonomy_term_id=5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1010", 200);
    assertThat(byTerm.get("contents").toString()).doesNotContain(SERVICE);
    assertThat(json("/hsds/services?search=counselling", 200).get("contents").toString())
        .contains(SERVICE);
    assertThat(json("/hsds/services?search=no-such-words-here", 200).get("total_items").asInt())
        .isZero();
    JsonNode full = json("/hsds/services?organization_id=" + ORGANIZATION + "&full=true", 200);
    for (JsonNode s : full.get("contents")) {
      HsdsSchemas.assertValid("service.json", s);
    }
  }

  @Test
  void unknown_ids_are_404_problems_and_bad_paging_400_problems() throws Exception {
    for (String path :
        new String[] {
          "/hsds/services/" + UUID.randomUUID(),
          "/hsds/services/not-a-uuid",
          "/hsds/organizations/" + UUID.randomUUID(),
          "/hsds/service_at_locations/" + UUID.randomUUID(),
          "/hsds/taxonomies/" + UUID.randomUUID(),
          "/hsds/taxonomy_terms/" + UUID.randomUUID()
        }) {
      JsonNode problem = json(path, 404);
      assertThat(problem.get("status").asInt()).isEqualTo(404);
      assertThat(problem.get("type").asString()).isEqualTo("urn:palermo:problem:not-found");
    }
    for (String path :
        new String[] {
          "/hsds/services?page=0",
          "/hsds/services?per_page=0",
          "/hsds/services?per_page=501",
          "/hsds/organizations?page=abc",
          "/hsds/taxonomies?page=-1"
        }) {
      JsonNode problem = json(path, 400);
      assertThat(problem.get("status").asInt()).as(path).isEqualTo(400);
      assertThat(problem.get("type").asString()).startsWith("urn:palermo:problem:");
    }
  }

  @Test
  void the_api_is_read_only() throws Exception {
    MvcResult r =
        mvc.perform(post("/hsds/services").contentType("application/json").content("{}"))
            .andReturn();
    assertThat(r.getResponse().getStatus()).isIn(401, 403, 405);
    assertThat(r.getRequest().getSession(false)).isNull();
  }
}

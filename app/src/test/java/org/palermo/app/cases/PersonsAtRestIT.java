package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.persistence.PersonStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person registered and edited through {@code /api/v1/persons} leaves no plaintext name, no
 * transliteration, no consonant skeleton and no date of birth in any table (SECURITY.md rule 6),
 * yet is found by name from another script, by search-before-create, and by the child filter —
 * which follows the person turning 18 without a plaintext date of birth.
 */
@PalermoIntegrationTest
class PersonsAtRestIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired PersonStore persons;
  final JsonMapper json = JsonMapper.builder().build();

  TestUser worker;

  @BeforeEach
  void users() {
    worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
  }

  ResultActions api(MockHttpServletRequestBuilder request, String body) throws Exception {
    request.header("Authorization", "Bearer " + accounts.token(worker));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  JsonNode read(MvcResult r) throws Exception {
    return json.readTree(r.getResponse().getContentAsString());
  }

  static String person(String given, String family, LocalDate birth) {
    return "{\"givenName\":\""
        + given
        + "\",\"familyName\":\""
        + family
        + "\",\"birthDate\":\""
        + birth
        + "\",\"citizenships\":[\"XA\"],\"languages\":[\"ara\"],\"legalBasis\":\"VITAL_INTEREST\","
        + "\"purpose\":\"Protection and assistance\"}";
  }

  JsonNode register(String body) throws Exception {
    return read(api(post("/api/v1/persons"), body).andExpect(status().isCreated()).andReturn());
  }

  /**
   * Every row of every table, as text, with the sealed values ({@code pal1:...}) cut out (their
   * base64 could contain any short string by chance; they are ciphertext by construction).
   */
  String dump() {
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list();
    List<String> rows = new ArrayList<>();
    for (String t : tables) {
      rows.addAll(
          jdbc.sql("SELECT t::text FROM \"" + t.replace("\"", "") + "\" t")
              .query(String.class)
              .list());
    }
    return String.join("\n", rows).replaceAll("pal1:[A-Za-z0-9_-]+", "pal1:…");
  }

  List<String> references(MockHttpServletRequestBuilder request) throws Exception {
    JsonNode page = read(api(request, null).andExpect(status().isOk()).andReturn());
    List<String> refs = new ArrayList<>();
    page.get("items").valueStream().forEach(i -> refs.add(i.get("reference").asString()));
    return refs;
  }

  @Test
  void an_arabic_and_latin_name_leaves_no_trace_yet_is_found_from_another_script()
      throws Exception {
    String family = "Zarqawinski";
    LocalDate birth = LocalDate.of(1987, 11, 23);
    JsonNode created = register(person("محمد", family, birth));
    String reference = created.get("reference").asString();
    String personId = created.get("personId").asString();
    // Edit it once, so the update path is covered too.
    String path = "/api/v1/persons/" + personId;
    String etag = api(get(path), null).andReturn().getResponse().getHeader("ETag");
    api(put(path).header("If-Match", etag), person("محمد", family, birth))
        .andExpect(status().isOk());

    String all = dump();
    String lower = all.toLowerCase(Locale.ROOT);
    assertThat(all).doesNotContain("محمد");
    assertThat(lower).doesNotContain(family.toLowerCase(Locale.ROOT));
    // Transliteration and name key ("mhmd zarqawinski"), consonant skeletons ("mhmd", "zrknsk").
    assertThat(Names.searchKey("محمد " + family)).isEqualTo("mhmd zarqawinski");
    assertThat(Names.matchTokens("محمد " + family)).containsExactly("mhmd", "zrknsk");
    assertThat(lower).doesNotContain("mhmd").doesNotContain("zrknsk").doesNotContain("zarqaw");
    assertThat(all).doesNotContain(birth.toString()).doesNotContain("23/11/1987");
    assertThat(
            jdbc.sql("SELECT count(*) FROM person WHERE id = ?::uuid AND birth_date IS NOT NULL")
                .param(personId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM person WHERE id = ?::uuid AND name_latin IS NOT NULL")
                .param(personId)
                .query(Long.class)
                .single())
        .isZero();

    // Found by name in the list from Latin and Cyrillic script, and by search-before-create.
    assertThat(references(get("/api/v1/persons").param("name", "Muhammad " + family)))
        .containsExactly(reference);
    assertThat(references(get("/api/v1/persons").param("name", "Мухаммад"))).contains(reference);
    assertThat(references(get("/api/v1/persons").param("name", "Muhammad Zarqa"))).isEmpty();
    api(
            get("/api/v1/persons/matches")
                .param("name", "Mohammed " + family)
                .param("birthDate", birth.toString()),
            null)
        .andExpect(jsonPath("$.items[?(@.reference == '" + reference + "')]").exists())
        .andExpect(jsonPath("$.items[0].givenName").value("محمد"))
        .andExpect(jsonPath("$.items[0].birthDate").value(birth.toString()));
    // And it reads back, opened.
    api(get(path), null)
        .andExpect(jsonPath("$.givenName").value("محمد"))
        .andExpect(jsonPath("$.familyName").value(family));
  }

  @Test
  void the_child_filter_follows_the_sealed_date_of_birth_and_the_daily_refresh() throws Exception {
    LocalDate today = LocalDate.now();
    String tag = "Teen" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "q");
    // 18 tomorrow: a child today, an adult after tomorrow's refresh.
    JsonNode teen = register(person("Rania", tag, today.minusYears(18).plusDays(1)));
    String reference = teen.get("reference").asString();
    assertThat(
            references(get("/api/v1/cases").param("child", "true").param("name", "Rania " + tag)))
        .containsExactly(reference);
    assertThat(persons.refreshMinors(today)).isZero();
    assertThat(persons.refreshMinors(today.plusDays(1))).isPositive();
    assertThat(
            references(get("/api/v1/cases").param("child", "true").param("name", "Rania " + tag)))
        .isEmpty();
    assertThat(
            references(get("/api/v1/cases").param("child", "false").param("name", "Rania " + tag)))
        .containsExactly(reference);
  }

  @Test
  void a_person_stored_in_plaintext_before_v15_is_sealed_indexed_and_flagged_by_the_backfill()
      throws Exception {
    UUID person = UUID.randomUUID();
    UUID caseId = UUID.randomUUID();
    String family =
        "Qadirovna" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "z");
    LocalDate birth = LocalDate.now().minusYears(12);
    java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
    jdbc.sql(
            "INSERT INTO person (id, given_name, family_name, name_latin, birth_date, legal_basis,"
                + " purpose, owner_agency_id, created_at) VALUES (?, 'فاطمة', ?, ?, ?,"
                + " 'CONSENT', 'test', ?, ?)")
        .params(
            person,
            family,
            "ftm " + family.toLowerCase(Locale.ROOT),
            birth,
            worker.agency().id(),
            now)
        .update();
    String reference = "PAL-2020-" + (100000 + new java.util.Random().nextInt(800000));
    jdbc.sql(
            "INSERT INTO case_file (id, reference, person_id, owner_agency_id, status, opened_at)"
                + " VALUES (?, ?, ?, ?, 'OPEN', ?)")
        .params(caseId, reference, person, worker.agency().id(), now)
        .update();

    while (persons.backfillSealing() > 0) {
      // all of them
    }

    var row =
        jdbc.sql(
                "SELECT given_name, family_name, name_latin, birth_date, birth_date_sealed, minor,"
                    + " at_rest FROM person WHERE id = ?")
            .param(person)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getObject(4),
                      rs.getString(5),
                      rs.getBoolean(6),
                      rs.getBoolean(7)
                    })
            .single();
    assertThat((String) row[0]).startsWith("pal1:");
    assertThat((String) row[1]).startsWith("pal1:");
    assertThat(row[2]).isNull();
    assertThat(row[3]).isNull();
    assertThat((String) row[4]).startsWith("pal1:");
    assertThat((Boolean) row[5]).isTrue();
    assertThat((Boolean) row[6]).isTrue();
    assertThat(dump())
        .doesNotContain("فاطمة")
        .doesNotContain(family)
        .doesNotContain(birth.toString());
    assertThat(references(get("/api/v1/persons").param("name", "Fatima " + family)))
        .containsExactly(reference);
    assertThat(
            references(
                get("/api/v1/cases").param("child", "true").param("name", "Fatima " + family)))
        .containsExactly(reference);
    api(get("/api/v1/persons/" + person), null)
        .andExpect(jsonPath("$.givenName").value("فاطمة"))
        .andExpect(jsonPath("$.birthDate").value(birth.toString()));
  }
}

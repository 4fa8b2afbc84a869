package org.palermo.app.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.palermo.app.PalermoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The public directory page: anonymous visitors see it, a plain GET form filters it by type,
 * language and place without any script, Arabic is right-to-left, and a service has its own page
 * with address, opening hours, languages and phone.
 */
@PalermoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryPageIT {
  @Autowired MockMvc mvc;
  @Autowired DirectoryRecords records;
  @Autowired JdbcClient jdbc;

  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final String city = "Pagetown " + tag;
  final String otherCity = "Elsewhere " + tag;
  String shelter;
  String hotline;
  UUID shelterId;

  @BeforeAll
  void directory() {
    shelter = "Page shelter " + tag;
    hotline = "Page hotline " + tag;
    records.addOrganisation(
        null,
        "Page org " + tag,
        "Test organisation.",
        new DirectoryRecords.NewLocation(
            "Page house", city, "XB", new BigDecimal("14.6"), new BigDecimal("24.2")),
        "+999 555 0199",
        List.of(
            new DirectoryRecords.Offer(
                new DirectoryRecords.NewService(
                    shelter, "A test shelter.", ServiceType.SHELTER, List.of("ti", "ar")),
                List.of(
                    new Providers.Opening(
                        DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                4)));
    records.addOrganisation(
        null,
        "Other org " + tag,
        "Test organisation.",
        new DirectoryRecords.NewLocation("Hut", otherCity, "XC", null, null),
        null,
        List.of(
            new DirectoryRecords.Offer(
                new DirectoryRecords.NewService(
                    hotline, "A test hotline.", ServiceType.HOTLINE, List.of("en")),
                List.of(),
                null)));
    shelterId =
        jdbc.sql("SELECT id FROM directory_service WHERE name = ?")
            .param(shelter)
            .query(UUID.class)
            .single();
  }

  String page(String path, int status) throws Exception {
    MvcResult r = mvc.perform(get(path)).andReturn();
    assertThat(r.getResponse().getStatus()).as(path).isEqualTo(status);
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  /** The page as the filter form submits it (name, value, name, value...). */
  String filtered(String... params) throws Exception {
    var request = get("/directory");
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    MvcResult r = mvc.perform(request).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void anonymous_visitors_see_every_active_service_without_any_script() throws Exception {
    String html = page("/directory", 200);
    assertThat(html).contains(shelter, hotline, "<form method=\"get\"");
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
    assertThat(html).contains("<label for=\"directory-type\"", "<label for=\"directory-language\"");
    assertThat(html).contains("<h1", "<ul class=\"directory-list\"");
    assertThat(html.length()).isLessThan(200_000);
  }

  @Test
  void the_form_filters_by_type_language_and_place() throws Exception {
    String shelters = page("/directory?type=SHELTER", 200);
    assertThat(shelters).contains(shelter).doesNotContain(hotline);
    String tigrinya = page("/directory?language=ti", 200);
    assertThat(tigrinya).contains(shelter).doesNotContain(hotline);
    String there = filtered("city", otherCity);
    assertThat(there).contains(hotline).doesNotContain(shelter);
    String none = filtered("type", "HOTLINE", "city", city);
    assertThat(none).doesNotContain(shelter, hotline).contains("No service matches");
    // an unknown filter value is ignored rather than failing
    assertThat(page("/directory?type=NOPE", 200)).contains(shelter, hotline);
  }

  @Test
  void arabic_is_right_to_left_and_translated() throws Exception {
    String html = page("/directory?lang=ar", 200);
    assertThat(html).contains("dir=\"rtl\"", "lang=\"ar\"", "المساعدة والخدمات");
    assertThat(page("/directory?lang=fr", 200)).contains("dir=\"ltr\"", "Aide et services");
    assertThat(page("/directory?lang=es", 200)).contains("Ayuda y servicios");
  }

  @Test
  void a_service_has_its_own_page() throws Exception {
    String html = page("/directory/services/" + shelterId + "?lang=en", 200);
    assertThat(html).contains(shelter, "Page house", city, "Monday", "09:00–17:00");
    assertThat(html).contains("Tigrinya", "Arabic", "+999 555 0199", "Shelter");
    assertThat(html).doesNotContainIgnoringCase("<script");
    String fr = page("/directory/services/" + shelterId + "?lang=fr", 200);
    assertThat(fr).contains("lundi", "tigrigna");
    page("/directory/services/" + UUID.randomUUID(), 404);
    page("/directory/services/nope", 404);
  }
}

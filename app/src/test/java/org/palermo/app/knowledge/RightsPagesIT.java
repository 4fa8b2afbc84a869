package org.palermo.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.knowledge.RightsTexts.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The public rights pages (issue 18 item 1), as an anonymous visitor gets them: every topic in
 * every language renders, says which language it is in (and right-to-left where needed), carries no
 * script, stays under 30 KB with its stylesheet, names its translation status, shows the instance's
 * helplines and retention period, and leads back to itself by a QR code.
 */
@PalermoIntegrationTest
class RightsPagesIT {
  static final int MAX_BYTES = 30 * 1024;

  @Autowired MockMvc mvc;
  @Autowired RightsTexts texts;

  @Test
  void every_topic_in_every_language_is_small_scriptless_marked_and_in_its_own_language()
      throws Exception {
    int css =
        body(mvc.perform(get("/css/rights.css")).andReturn())
            .getBytes(StandardCharsets.UTF_8)
            .length;
    for (Language l : texts.languages()) {
      for (RightsTopic t : RightsTopic.values()) {
        MvcResult r = mvc.perform(get("/rights/" + t.slug()).param("lang", l.code())).andReturn();
        assertThat(r.getResponse().getStatus()).as(l.code() + " " + t).isEqualTo(200);
        String html = body(r);
        Document d = Jsoup.parse(html);
        assertThat(d.select("html").attr("lang")).isEqualTo(l.code());
        assertThat(d.select("html").attr("dir")).isEqualTo(l.rtl() ? "rtl" : "ltr");
        assertThat(d.select("script")).as("no script").isEmpty();
        assertThat(html).doesNotContain("<script").doesNotContain("??");
        assertThat(html.getBytes(StandardCharsets.UTF_8).length + css)
            .as(l.code() + " " + t + " with its stylesheet")
            .isLessThan(MAX_BYTES);
        assertThat(d.select("h1").text()).isEqualTo(texts.title(l, t));
        assertThat(d.select(".rights-list li"))
            .hasSameSizeAs(texts.paragraphs(texts.source(), t, "5"));
        String status =
            texts.text(
                l,
                "status."
                    + (l.status() == RightsTexts.Status.SOURCE
                        ? "source"
                        : l.status() == RightsTexts.Status.REVIEWED ? "reviewed" : "awaiting"));
        assertThat(d.select(".rights-status").text()).isEqualTo(status);
        // The QR code leads back to this page in this language.
        assertThat(d.select(".rights-qr svg path").attr("d")).isNotEmpty();
        assertThat(d.select(".rights-qr svg title").text()).isEqualTo(texts.text(l, "qr"));
        // The other eleven languages are offered, each named in itself and marked with its
        // language.
        assertThat(d.select(".rights-languages a")).hasSize(texts.languages().size() - 1);
        assertThat(d.select(".rights-languages a[lang=ar]").attr("dir")).isIn("rtl", "");
      }
    }
  }

  @Test
  void the_page_shows_the_instances_helplines_and_its_retention_period() throws Exception {
    Document d = page("/rights/your-data?lang=en");
    assertThat(d.select(".rights-call a[href='tel:112']").text()).contains("112");
    assertThat(d.select(".rights-call a[href='tel:+998005550100']").text())
        .contains("+99 800 555 0100");
    // palermo.retention.closed-case is P5Y by default
    assertThat(d.select(".rights-list").text())
        .contains("deleted 5 years after your case is closed");
    assertThat(d.select(".rights-help a[href^='/directory']")).hasSize(1);
  }

  @Test
  void anyone_may_read_them_and_a_browser_may_keep_them_for_reading_offline() throws Exception {
    MvcResult r = mvc.perform(get("/rights/children").param("lang", "ti")).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    assertThat(r.getResponse().getHeader("Cache-Control")).contains("private").contains("max-age");
    assertThat(r.getResponse().getHeader("Vary")).contains("Accept-Language");
    assertThat(r.getResponse().getHeader("Set-Cookie")).isNull();
  }

  @Test
  void the_index_lists_every_topic_and_every_language() throws Exception {
    Document d = page("/rights?lang=fa");
    assertThat(d.select("html").attr("dir")).isEqualTo("rtl");
    assertThat(d.select(".rights-topics a")).hasSize(RightsTopic.values().length);
    assertThat(d.select(".rights-topics a").eachAttr("href"))
        .allMatch(h -> h.startsWith("/rights/") && h.endsWith("lang=fa"));
    assertThat(d.select(".rights-languages a")).hasSize(texts.languages().size() - 1);
    assertThat(d.select("script")).isEmpty();
  }

  @Test
  void without_a_known_language_the_browsers_language_is_used_else_english() throws Exception {
    MvcResult browser =
        mvc.perform(get("/rights/smuggling").header("Accept-Language", "uk-UA,uk;q=0.9,en;q=0.5"))
            .andReturn();
    assertThat(Jsoup.parse(body(browser)).select("html").attr("lang")).isEqualTo("uk");
    MvcResult unknown =
        mvc.perform(get("/rights/smuggling").param("lang", "zz").header("Accept-Language", "de"))
            .andReturn();
    assertThat(unknown.getResponse().getStatus()).isEqualTo(200);
    assertThat(Jsoup.parse(body(unknown)).select("html").attr("lang")).isEqualTo("en");
  }

  @Test
  void an_unknown_topic_is_not_found() throws Exception {
    assertThat(mvc.perform(get("/rights/nothing-here")).andReturn().getResponse().getStatus())
        .isEqualTo(404);
  }

  @Test
  void the_sign_in_page_and_the_directory_lead_to_them() throws Exception {
    assertThat(page("/login").select("a[href^='/rights']")).isNotEmpty();
    assertThat(page("/directory").select("a[href^='/rights']")).isNotEmpty();
  }

  Document page(String path) throws Exception {
    MvcResult r = mvc.perform(get(path)).andReturn();
    assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
    return Jsoup.parse(body(r));
  }

  static String body(MvcResult r) {
    return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
  }
}

package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The main menu shows only what the role may use (issue 14 item 8): for every demo role (the role
 * and agency type of each account {@code palermo demo} creates), each menu link answers 200 with
 * its content, and each main area the role may use is in its menu; an area it may not use is not.
 * The current page is marked both for assistive technology and visually.
 */
@PalermoIntegrationTest
class MenuIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired AccessRepository repository;
  @Autowired List<MenuEntry> entries;

  /** The main areas of the product: each must have a menu entry. */
  static final Set<String> MAIN_AREAS =
      Set.of(
          "/",
          "/cases",
          "/screenings",
          "/identification",
          "/referrals",
          "/statistics",
          "/directory",
          "/privacy",
          "/admin/calendar");

  /** The demo accounts' roles and agency types (DemoSeeder). */
  record Demo(String name, Role role, AgencyType type) {}

  static final List<Demo> DEMO =
      List.of(
          new Demo("admin", Role.ADMIN, AgencyType.COORDINATION),
          new Demo("coordinator", Role.NATIONAL_COORDINATOR, AgencyType.COORDINATION),
          new Demo("dpo", Role.DATA_PROTECTION_OFFICER, AgencyType.COORDINATION),
          new Demo("caseworker", Role.CASEWORKER, AgencyType.SERVICE_PROVIDER),
          new Demo("supervisor", Role.CASE_SUPERVISOR, AgencyType.SERVICE_PROVIDER),
          new Demo("child.officer", Role.CHILD_PROTECTION_OFFICER, AgencyType.CHILD_PROTECTION),
          new Demo("authority", Role.COMPETENT_AUTHORITY_OFFICER, AgencyType.COMPETENT_AUTHORITY),
          new Demo("frontline.ketra", Role.FRONTLINE_OFFICER, AgencyType.SERVICE_PROVIDER),
          new Demo("labour.inspector", Role.FRONTLINE_OFFICER, AgencyType.LABOUR_INSPECTION),
          new Demo("consular.officer", Role.FRONTLINE_OFFICER, AgencyType.CONSULATE),
          new Demo("statistician", Role.STATISTICIAN, AgencyType.STATISTICS_OFFICE),
          new Demo("investigator", Role.INVESTIGATOR, AgencyType.LAW_ENFORCEMENT),
          new Demo(
              "immigration.officer", Role.FRONTLINE_OFFICER, AgencyType.IMMIGRATION_ENFORCEMENT));

  static final Pattern MENU =
      Pattern.compile("<ul class=\"nav-list main-menu\">(.*?)</ul>", Pattern.DOTALL);
  static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\"([^>]*)>");

  MockHttpSession signIn(TestUser user, boolean admin) throws Exception {
    MockHttpSession session = new MockHttpSession();
    Totp totp = new Totp();
    String secret = totp.newSecret();
    if (admin) {
      repository.saveTotp(user.id(), secret, null);
    }
    mvc.perform(
        post("/login")
            .param("username", user.username())
            .param("password", TestAccounts.PASSWORD)
            .session(session)
            .with(csrf()));
    if (admin) {
      mvc.perform(
          post("/login/mfa")
              .param("code", totp.codeAt(secret, Instant.now()))
              .session(session)
              .with(csrf()));
    }
    return session;
  }

  /** The menu links of a page, in order, and the one marked current (or null). */
  record Menu(List<String> links, String current, boolean markedVisually) {}

  static Menu menu(String html) {
    Matcher m = MENU.matcher(html);
    assertThat(m.find()).as("the page has the main menu").isTrue();
    List<String> links = new ArrayList<>();
    String current = null;
    boolean visual = false;
    Matcher a = LINK.matcher(m.group(1));
    while (a.find()) {
      links.add(a.group(1));
      if (a.group(2).contains("aria-current=\"page\"")) {
        current = a.group(1);
        visual = a.group(2).contains("class=\"current\"");
      }
    }
    return new Menu(links, current, visual);
  }

  /** Whether the page lets the user use it: 200 and not the page's "not for your role" state. */
  boolean usable(MockHttpSession session, String href) throws Exception {
    MvcResult r = mvc.perform(get(href).session(session)).andReturn();
    if (r.getResponse().getStatus() != 200) {
      return false;
    }
    Object allowed =
        r.getModelAndView() == null ? null : r.getModelAndView().getModel().get("allowed");
    return !Boolean.FALSE.equals(allowed);
  }

  @Test
  void every_main_area_has_a_menu_entry() {
    Set<String> hrefs = new TreeSet<>();
    entries.forEach(e -> hrefs.add(e.href()));
    assertThat(hrefs).containsAll(MAIN_AREAS);
  }

  @Test
  void each_demo_role_sees_exactly_the_areas_it_may_use_and_each_link_answers() throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (Demo d : DEMO) {
      TestUser user = accounts.user(d.type(), d.role());
      MockHttpSession session = signIn(user, d.role() == Role.ADMIN);
      MvcResult home = mvc.perform(get("/").session(session)).andReturn();
      assertThat(home.getResponse().getStatus()).as(d.name() + " home").isEqualTo(200);
      Menu menu = menu(home.getResponse().getContentAsString(StandardCharsets.UTF_8));
      assertThat(menu.current()).as(d.name() + ": home is the current page").isEqualTo("/");
      assertThat(menu.markedVisually()).as(d.name() + ": current page marked visually").isTrue();
      Set<String> shown = new LinkedHashSet<>(menu.links());
      for (MenuEntry e : entries) {
        boolean usable = usable(session, e.href());
        boolean inMenu = shown.contains(e.href());
        if (usable != inMenu) {
          mismatches.add(
              d.name()
                  + " "
                  + e.href()
                  + ": "
                  + (usable ? "usable but not in the menu" : "in the menu but refused"));
        }
      }
      for (String link : menu.links()) {
        int status = mvc.perform(get(link).session(session)).andReturn().getResponse().getStatus();
        if (status != 200) {
          mismatches.add(d.name() + " menu link " + link + " answers " + status);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void the_issue_s_examples_no_statistics_for_frontline_no_cases_for_coordinator_or_investigator()
      throws Exception {
    Menu frontline = menuOf(Role.FRONTLINE_OFFICER, AgencyType.SERVICE_PROVIDER);
    assertThat(frontline.links()).contains("/cases").doesNotContain("/statistics");
    Menu coordinator = menuOf(Role.NATIONAL_COORDINATOR, AgencyType.COORDINATION);
    assertThat(coordinator.links()).contains("/statistics").doesNotContain("/cases", "/referrals");
    Menu investigator = menuOf(Role.INVESTIGATOR, AgencyType.LAW_ENFORCEMENT);
    assertThat(investigator.links()).doesNotContain("/cases", "/referrals", "/screenings");
  }

  @Test
  void the_current_page_is_marked_below_its_area() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession session = signIn(user, false);
    String html =
        mvc.perform(get("/cases/tasks/overdue").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Menu menu = menu(html);
    assertThat(menu.current()).isEqualTo("/cases");
    assertThat(menu.markedVisually()).isTrue();
  }

  Menu menuOf(Role role, AgencyType type) throws Exception {
    MockHttpSession session = signIn(accounts.user(type, role), false);
    return menu(
        mvc.perform(get("/").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }
}

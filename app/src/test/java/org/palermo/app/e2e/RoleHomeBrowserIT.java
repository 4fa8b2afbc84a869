package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.palermo.app.e2e.PalermoServer.DemoUser;

/**
 * Each demo role's home (issue #14 item 7), in a real (headless) Chromium against the shared {@code
 * serve --demo}: one sign-in per role; the home shows that role's own work queues and not another
 * role's; every menu entry that leads to work carries the count of its queues, the very number the
 * home page shows, with an accessible label ("Screenings, 1 waiting"); and axe finds no WCAG 2.2 AA
 * violation. The frontline officer starts a draft first, so that one count is never zero, and finds
 * it told apart in the list by its short reference (item 7, initials on drafts).
 */
class RoleHomeBrowserIT extends DemoBrowserTest {

  /** The queues that count on each menu entry (WorkQueue.menu() of the modules' queues). */
  static final Map<String, List<String>> COUNTED =
      Map.of(
          "/cases", List.of("myTasks", "guardianlessChildren"),
          "/referrals", List.of("referralsWaiting"),
          "/screenings", List.of("draftScreenings"),
          "/identification", List.of("decisionsDue"));

  /** The queues of case work and screening, which roles without case work never see. */
  static final List<String> NO_CASE_WORK =
      List.of("myTasks", "draftScreenings", "decisionsDue", "referralsWaiting");

  /** One demo user per role: the queues the home must show, and some it must not. */
  record Expected(String user, List<String> shown, List<String> absent) {}

  static final List<Expected> ROLES =
      List.of(
          new Expected(
              "caseworker",
              List.of(
                  "myTasks",
                  "overdueTasks",
                  "referralsWaiting",
                  "draftScreenings",
                  "expiringPermits"),
              List.of("decisionsDue", "caseload")),
          new Expected("supervisor", List.of("caseload", "teamOverdue"), List.of("decisionsDue")),
          new Expected(
              "child.officer",
              List.of("guardianlessChildren"),
              List.of("decisionsDue", "caseload")),
          new Expected("authority", List.of("decisionsDue"), List.of("caseload", "teamOverdue")),
          new Expected(
              "frontline.ketra", List.of("draftScreenings"), List.of("decisionsDue", "caseload")),
          new Expected("coordinator", List.of(), NO_CASE_WORK),
          new Expected("dpo", List.of(), NO_CASE_WORK),
          new Expected("statistician", List.of(), NO_CASE_WORK),
          new Expected("investigator", List.of(), NO_CASE_WORK),
          new Expected("admin", List.of(), NO_CASE_WORK));

  @BeforeAll
  static void startServer() throws Exception {
    startDemoServer();
  }

  @Test
  void each_role_signs_in_to_its_own_home_with_its_queues_and_the_menu_counts() throws Exception {
    for (Expected role : ROLES) {
      DemoUser user = users.get(role.user());
      assertThat(user).as("demo user %s", role.user()).isNotNull();
      open("/login");
      signIn(user);
      String draft = null;
      if (role.user().equals("frontline.ketra")) {
        draft = startDraft();
        open("/");
      }
      // Its own queues, and not another role's; notices for everyone.
      for (String key : role.shown()) {
        assertThat(driver.findElements(By.id("queue-" + key)))
            .as("%s's home shows the queue %s", role.user(), key)
            .hasSize(1);
      }
      for (String key : role.absent()) {
        assertThat(driver.findElements(By.id("queue-" + key)))
            .as("%s's home does not show the queue %s", role.user(), key)
            .isEmpty();
      }
      assertThat(driver.findElements(By.id("queue-notifications"))).hasSize(1);

      Map<String, Integer> counts = menuCounts();
      for (var e : COUNTED.entrySet()) {
        int onTheHome = 0;
        for (String key : e.getValue()) {
          List<WebElement> badge =
              driver.findElements(By.cssSelector("#queue-" + key + "-title .badge:not(.late)"));
          onTheHome += badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText().strip());
        }
        Integer onTheMenu = counts.get(e.getKey());
        assertThat(onTheMenu == null ? 0 : onTheMenu)
            .as("%s: the menu's count of %s is the home's", role.user(), e.getKey())
            .isEqualTo(onTheHome);
      }
      assertDocument("en", "ltr");

      if (draft != null) {
        // The count on another page is the queue's own count too, and the draft has its label.
        assertThat(counts.get("/screenings")).isNotNull().isPositive();
        open("/screenings");
        assertThat(menuCounts().get("/screenings")).isEqualTo(counts.get("/screenings"));
        String label = "#" + draft.substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        assertThat(
                driver.findElements(By.cssSelector("main table th.draft-label")).stream()
                    .map(WebElement::getText)
                    .toList())
            .contains(label);
        WebElement link =
            driver.findElement(By.cssSelector("nav.wide-menu a[href$='/screenings']"));
        assertThat(link.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent"))
            .isEqualTo(
                english.getProperty("nav.waiting").replace("{0}", counts.get("/screenings") + ""));
      }
      signOut();
    }
  }

  /** The counts the wide menu shows, by the entry's path. */
  private Map<String, Integer> menuCounts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (WebElement a : driver.findElements(By.cssSelector("nav.wide-menu a"))) {
      List<WebElement> n = a.findElements(By.cssSelector(".menu-count"));
      if (!n.isEmpty()) {
        String href = a.getDomAttribute("href");
        out.put(href, Integer.parseInt(n.get(0).getText().strip()));
      }
    }
    return out;
  }

  /** Starts a screening and saves its first page: a draft; returns its id. */
  private String startDraft() {
    open("/screenings/new");
    click("basis-CONSENT");
    click("consent");
    new Select(driver.findElement(By.id("interview-language"))).selectByValue("ti");
    click("interpreter-yes");
    next();
    awaitStep("person");
    String p = path();
    return p.substring("/screenings/".length(), p.indexOf("/steps/"));
  }
}

package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Phone width (issue #14 item 18), in a real (headless) Chromium at 390 × 844 against {@code serve
 * --demo}: on the main pages (home, case list, the case page and its tabs, the task list,
 * referrals, screenings) the document never scrolls sideways ({@code scrollWidth <= innerWidth}),
 * the menu is collapsed behind a "Menu" button that opens without script ({@code <details>}), the
 * case menu is grouped with the current section marked, and axe finds no WCAG 2.2 AA violation.
 */
class PhoneWidthBrowserIT extends DemoBrowserTest {

  @BeforeAll
  static void startServer() throws Exception {
    startDemoServer();
  }

  @Test
  void the_main_pages_fit_a_phone_without_scrolling_sideways() throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    open("/login");
    signIn(users.get("caseworker"));
    long width = number("return window.innerWidth");
    assertThat(width).as("the viewport of a 390 px phone").isBetween(300L, 400L);

    // The menu is collapsed: the wide menu is not shown, the phone menu opens on a click.
    assertThat(driver.findElement(By.cssSelector("nav.wide-menu")).isDisplayed()).isFalse();
    WebElement menu = driver.findElement(By.cssSelector("details.phone-menu"));
    assertThat(menu.isDisplayed()).isTrue();
    assertThat(menu.getDomAttribute("open")).isNull();
    menu.findElement(By.tagName("summary")).click();
    WebElement cases = menu.findElement(By.cssSelector("a[href='/cases']"));
    assertThat(cases.isDisplayed()).isTrue();
    cases.click();
    awaitPath("/cases");

    String casePath =
        driver
            .findElement(By.cssSelector("main table tbody tr a[href*='/cases/']"))
            .getAttribute("href")
            .substring(server.baseUrl().length())
            .replaceAll("[?#].*$", "");
    List<String> pages = new ArrayList<>(List.of("/", "/cases", "/referrals"));
    for (String tab :
        List.of("", "/timeline", "/tasks", "/assessments", "/support-plan", "/notes", "/summary")) {
      pages.add(casePath + tab);
    }
    for (String page : pages) {
      assertFitsThePhone(page);
    }

    // The case menu: grouped, the current section marked by more than aria-current.
    open(casePath + "/notes");
    assertThat(driver.findElements(By.cssSelector("nav.case-nav .case-nav-group")))
        .hasSizeGreaterThanOrEqualTo(4);
    WebElement current = driver.findElement(By.cssSelector("nav.case-nav a[aria-current=page]"));
    assertThat(current.getDomAttribute("class")).contains("current");
    assertThat(current.getCssValue("font-weight")).isEqualTo("700");
    signOut();

    open("/login");
    signIn(users.get("frontline.ketra"));
    assertFitsThePhone("/screenings");
    assertFitsThePhone("/");
  }

  private void assertFitsThePhone(String page) {
    open(page);
    long scroll = number("return document.documentElement.scrollWidth");
    long inner = number("return window.innerWidth");
    assertThat(scroll)
        .as(
            "horizontal scroll of %s at 390 px (scrollWidth %d, innerWidth %d)",
            page, scroll, inner)
        .isLessThanOrEqualTo(inner);
    assertAccessible();
  }

  private long number(String script) {
    return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
  }
}

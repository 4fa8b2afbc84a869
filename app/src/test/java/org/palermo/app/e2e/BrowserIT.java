package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.palermo.app.e2e.PalermoServer.DemoUser;

/**
 * End to end, as a person uses Palermo: the packaged jar runs {@code serve --demo} as its own
 * process, and a real (headless) Chromium signs in, reads the home page and the case list, and
 * signs out, in English and in Arabic (right to left). Runs in {@code ./mvnw verify} after the jar
 * is packaged; {@code -Dskip.e2e=true} skips it locally, and a missing browser fails it.
 */
class BrowserIT extends DemoBrowserTest {

  @BeforeAll
  static void startServer() throws Exception {
    if (!startDemoServer()) {
      return; // each test then reports itself as skipped
    }
    assertThat(users).as("demo-credentials.json of %s", server.dataDir()).containsKey("caseworker");
    assertThat(users.get("caseworker").role()).isEqualTo("CASEWORKER");
  }

  @Test
  void a_caseworker_signs_in_in_english_sees_the_cases_of_the_agency_and_signs_out() {
    DemoUser caseworker = users.get("caseworker");

    open("/login");
    assertDocument("en", "ltr");
    assertThat(text(By.tagName("h1"))).isEqualTo(english.getProperty("login.title"));

    signIn(caseworker.username(), caseworker.password());
    awaitPath("/");
    assertDocument("en", "ltr");
    String displayName = text(By.cssSelector("details.user-menu summary span:first-child"));
    assertThat(displayName).contains(caseworker.username());
    assertThat(text(By.tagName("h1")))
        .as("the home page welcomes the user")
        .isEqualTo(MessageFormat.format(english.getProperty("home.welcome"), displayName));
    assertThat(text(By.cssSelector("details.user-menu summary"))).contains(caseworker.agency());

    WebElement casesLink = driver.findElement(By.cssSelector(".site-header nav a[href$='/cases']"));
    // The menu entry names the page first; a count of what waits may follow (issue 14 item 7).
    assertThat(casesLink.getText()).startsWith(english.getProperty("nav.cases"));
    casesLink.click();
    awaitPath("/cases");
    assertDocument("en", "ltr");
    assertThat(text(By.tagName("h1"))).isEqualTo(english.getProperty("cases.title"));
    WebElement table = driver.findElement(By.cssSelector("main table.data"));
    int total = totalFromCaption(table, english.getProperty("cases.caption"));
    assertThat(total)
        .as("the caseworker's agency holds some, not all, of the 300 demo cases")
        .isBetween(1, 299);
    List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
    assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(total);
    assertThat(rows.get(0).findElements(By.tagName("td"))).hasSize(3);
    assertThat(rows.get(0).findElement(By.tagName("td")).getText()).isNotBlank();

    signOut();
    assertThat(text(By.cssSelector("main .notice[role=status]")))
        .isEqualTo(english.getProperty("login.loggedOut"));
    open("/cases");
    awaitPath("/login");
  }

  @Test
  void the_arabic_interface_is_right_to_left_before_and_after_signing_in() throws IOException {
    DemoUser caseworker = users.get("caseworker");

    open("/login?lang=ar");
    assertDocument("ar", "rtl");
    assertThat(text(By.tagName("h1"))).isEqualTo(arabic.getProperty("login.title"));
    assertThat(text(By.cssSelector("label[for=username]")))
        .isEqualTo(arabic.getProperty("login.username"));
    assertThat(text(By.cssSelector("main form button[type=submit]")))
        .isEqualTo(arabic.getProperty("login.submit"));

    signIn(caseworker.username(), caseworker.password());
    awaitPath("/");
    assertDocument("ar", "rtl");
    String displayName = text(By.cssSelector("details.user-menu summary span:first-child"));
    assertThat(text(By.tagName("h1")))
        .as("the home page welcomes the user in Arabic")
        .isEqualTo(MessageFormat.format(arabic.getProperty("home.welcome"), displayName));
    assertThat(text(By.cssSelector(".site-header nav a[href$='/cases']")))
        .startsWith(arabic.getProperty("nav.cases"));
    assertThat(text(By.cssSelector("dl.facts dd ul li")))
        .isEqualTo(arabic.getProperty("role.CASEWORKER"));
    // The page is laid out right to left: the brand sits at the right edge of the header.
    WebElement brand = driver.findElement(By.cssSelector(".site-header .brand"));
    WebElement header = driver.findElement(By.cssSelector(".site-header"));
    int brandCentre = brand.getRect().getX() + brand.getRect().getWidth() / 2;
    int headerCentre = header.getRect().getX() + header.getRect().getWidth() / 2;
    assertThat(brandCentre)
        .as("the brand is on the right half of the header")
        .isGreaterThan(headerCentre);
    browser.screenshot(artefacts.resolve("home-ar.png"));

    driver.findElement(By.cssSelector(".site-header nav a[href$='/cases']")).click();
    awaitPath("/cases");
    assertDocument("ar", "rtl");
    assertThat(text(By.tagName("h1"))).isEqualTo(arabic.getProperty("cases.title"));
    totalFromCaption(
        driver.findElement(By.cssSelector("main table.data")), arabic.getProperty("cases.caption"));
    browser.screenshot(artefacts.resolve("cases-ar.png"));

    signOut();
    assertDocument("ar", "rtl");
    assertThat(text(By.cssSelector("main .notice[role=status]")))
        .isEqualTo(arabic.getProperty("login.loggedOut"));
  }

  @Test
  void a_wrong_password_shows_the_error_and_does_not_sign_in() {
    DemoUser someone =
        users.values().stream()
            .filter(u -> !u.username().equals("caseworker"))
            .findFirst()
            .orElseThrow();

    open("/login");
    signIn(someone.username(), someone.password() + "-wrong");
    new WebDriverWait(driver, PAGE_WAIT).until(ExpectedConditions.urlContains("/login?error"));
    assertDocument("en", "ltr");
    assertThat(text(By.cssSelector("main .error[role=alert]")))
        .isEqualTo(english.getProperty("login.error"));
    assertThat(driver.findElements(By.cssSelector("details.user-menu"))).isEmpty();

    open("/");
    awaitPath("/login");
    assertThat(driver.findElements(By.cssSelector("details.user-menu"))).isEmpty();
  }

  @Test
  void the_accessibility_audit_reports_a_violation_when_a_page_has_one() {
    open("/login?lang=en");
    assertAccessible();
    ((JavascriptExecutor) driver)
        .executeScript(
            "const i = document.createElement('img'); i.src = 'data:,';"
                + " document.getElementById('main').appendChild(i);");
    assertThatThrownBy(this::assertAccessible)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("image-alt");
  }

  // ---------------------------------------------------------------------------------------------

  /** Signs out through the user menu, which is then gone. */
  @Override
  void signOut() {
    super.signOut();
    assertThat(driver.findElements(By.cssSelector("details.user-menu"))).isEmpty();
  }

  /** The case total in the table's caption, whose text must follow the message pattern. */
  private static int totalFromCaption(WebElement table, String pattern) {
    String caption = table.findElement(By.tagName("caption")).getText().strip();
    int at = pattern.indexOf("{0}");
    String regex =
        Pattern.quote(pattern.substring(0, at))
            + "([0-9,\\u066C\\u0660-\\u0669]+)"
            + Pattern.quote(pattern.substring(at + 3));
    Matcher m = Pattern.compile(regex).matcher(caption);
    assertThat(m.matches()).as("caption '%s' follows '%s'", caption, pattern).isTrue();
    StringBuilder digits = new StringBuilder();
    m.group(1)
        .codePoints()
        .filter(Character::isDigit)
        .forEach(c -> digits.append(Character.getNumericValue(c)));
    return Integer.parseInt(digits.toString());
  }
}

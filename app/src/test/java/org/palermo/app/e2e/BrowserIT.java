package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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
class BrowserIT {
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
  private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

  private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[\\w.-]+\\?\\?");

  /** Only {@code -Dskip.e2e=true} skips these tests; a missing browser fails them. */
  private static final boolean SKIP = "true".equalsIgnoreCase(System.getProperty("skip.e2e"));

  private static PalermoServer server;
  private static Map<String, DemoUser> users;
  private static Path artefacts;
  private static Properties english;
  private static Properties arabic;

  private Browser browser;
  private WebDriver driver;
  private String testName;

  /** On a failure, keep a screenshot of what the browser showed. */
  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure =
      context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
          try {
            browser.screenshot(artefacts.resolve("failed-" + testName + ".png"));
          } catch (RuntimeException | IOException e) {
            // the failure itself is what matters
          }
        }
      };

  @BeforeAll
  static void startServer() throws Exception {
    if (SKIP) {
      return; // each test then reports itself as skipped (see openBrowser)
    }
    Browser.requireInstalled();
    String jarProperty = System.getProperty("palermo.jar");
    if (jarProperty == null || jarProperty.isBlank()) {
      fail("System property palermo.jar is not set: run this test through ./mvnw verify.");
    }
    Path jar = Path.of(jarProperty);
    if (!Files.isRegularFile(jar)) {
      fail(jar + " does not exist: package the application first (./mvnw verify does).");
    }
    artefacts = jar.toAbsolutePath().getParent().resolve("e2e");
    Files.createDirectories(artefacts);
    english = messages("i18n/messages.properties");
    arabic = messages("i18n/messages_ar.properties");
    server = PalermoServer.start(jar, artefacts.resolve("server.log"), STARTUP_LIMIT);
    users = server.demoUsers();
    assertThat(users).as("demo-credentials.json of %s", server.dataDir()).containsKey("caseworker");
    assertThat(users.get("caseworker").role()).isEqualTo("CASEWORKER");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      PalermoServer stopped = server;
      server = null;
      stopped.close();
      assertThat(stopped.leftoverPostgres())
          .as("PostgreSQL processes the server left running when it stopped")
          .isZero();
    }
  }

  @BeforeEach
  void openBrowser(TestInfo info) throws IOException {
    Assumptions.assumeFalse(SKIP, "browser tests skipped with -Dskip.e2e=true");
    testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
    browser = Browser.open();
    driver = browser.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
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
    assertThat(casesLink.getText()).isEqualTo(english.getProperty("nav.cases"));
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
        .isEqualTo(arabic.getProperty("nav.cases"));
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

  // ---------------------------------------------------------------------------------------------

  private void open(String pathAndQuery) {
    driver.get(server.baseUrl() + pathAndQuery);
  }

  private void signIn(String username, String password) {
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
  }

  /** Opens the user menu and submits its sign-out form. */
  private void signOut() {
    driver.findElement(By.cssSelector("details.user-menu summary")).click();
    WebElement button =
        new WebDriverWait(driver, PAGE_WAIT)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("details.user-menu form button[type=submit]")));
    button.click();
    new WebDriverWait(driver, PAGE_WAIT).until(ExpectedConditions.urlContains("/login?logout"));
    assertThat(driver.findElements(By.cssSelector("details.user-menu"))).isEmpty();
  }

  /** Waits until the browser shows this path (any query), failing with what it shows instead. */
  private void awaitPath(String path) {
    String expected = server.baseUrl() + path;
    try {
      new WebDriverWait(driver, PAGE_WAIT)
          .until(
              d -> {
                String url = d.getCurrentUrl();
                return url.equals(expected) || url.startsWith(expected + "?");
              });
    } catch (org.openqa.selenium.TimeoutException e) {
      fail(
          "Expected the browser at "
              + expected
              + " but it shows "
              + driver.getCurrentUrl()
              + ": "
              + text(By.tagName("body")));
    }
  }

  /**
   * The document's language and direction, and no untranslated text: Thymeleaf shows a message key
   * missing from the bundles as {@code ??key_locale??}, in the text or in an attribute.
   */
  private void assertDocument(String lang, String dir) {
    Matcher missing = MISSING_MESSAGE.matcher(driver.getPageSource());
    List<String> keys = new ArrayList<>();
    while (missing.find()) {
      keys.add(missing.group());
    }
    assertThat(keys)
        .as("message keys without a translation on %s", driver.getCurrentUrl())
        .isEmpty();
    WebElement html = driver.findElement(By.tagName("html"));
    assertThat(html.getAttribute("lang"))
        .as("<html lang> of %s", driver.getCurrentUrl())
        .isEqualTo(lang);
    assertThat(html.getAttribute("dir"))
        .as("<html dir> of %s", driver.getCurrentUrl())
        .isEqualTo(dir);
  }

  private String text(By by) {
    return driver.findElement(by).getText().strip();
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

  private static Properties messages(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BrowserIT.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        fail(resource + " is not on the class path");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}

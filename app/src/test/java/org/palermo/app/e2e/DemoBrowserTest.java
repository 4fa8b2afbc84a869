package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.palermo.app.e2e.PalermoServer.DemoUser;
import org.palermo.app.platform.I18nBundles;

/**
 * The harness of the browser tests: the packaged jar runs {@code serve --demo} as its own process,
 * one for the whole run ({@link SharedDemoServer}), and each test gets a fresh headless Chromium. A
 * subclass gets the server from its own {@code @BeforeAll} with {@link #startDemoServer()}; the
 * server is stopped after the last class, and must leave no PostgreSQL process behind.
 *
 * <p>Only {@code -Dskip.e2e=true} skips these tests, each reported as skipped; a missing browser
 * fails them. The server and bundles are held statically, one test class at a time, as Failsafe
 * runs them.
 */
@ExtendWith(SharedDemoServer.class)
abstract class DemoBrowserTest {
  /** 120 s unless {@code -Dpalermo.e2e.startup-seconds=N} (a loaded machine starts slower). */
  static final Duration STARTUP_LIMIT =
      Duration.ofSeconds(Long.getLong("palermo.e2e.startup-seconds", 120));

  static final Duration PAGE_WAIT = Duration.ofSeconds(30);

  /** Thymeleaf shows a message key missing from the bundles as {@code ??key_locale??}. */
  private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[\\w.-]+\\?\\?");

  /** Only {@code -Dskip.e2e=true} skips these tests; a missing browser fails them. */
  static final boolean SKIP = "true".equalsIgnoreCase(System.getProperty("skip.e2e"));

  static PalermoServer server;

  /**
   * Whether {@link #server} is this class's own ({@link #startOwnDemoServer}), not the shared one.
   */
  static boolean ownServer;

  static Map<String, DemoUser> users;
  static Path artefacts;
  static Properties english;
  static Properties arabic;

  Browser browser;
  WebDriver driver;
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

  /**
   * Gets the run's one {@code serve --demo} server ({@link SharedDemoServer}: started by the first
   * class that needs it, stopped after the last), and loads the English and Arabic bundles and the
   * demo users. The server's data is shared with the other classes: a class that changes something
   * makes its own records ({@link #registerCase}) or uses an account no other class changes.
   *
   * @return false, and nothing started, when the tests are skipped with {@code -Dskip.e2e=true}:
   *     each test then reports itself as skipped (see {@link #openBrowser})
   */
  static boolean startDemoServer() throws IOException, InterruptedException {
    if (SKIP) {
      return false;
    }
    Browser.requireInstalled();
    artefacts = SharedDemoServer.artefacts(SharedDemoServer.jar());
    english = messages("");
    arabic = messages("_ar");
    server = SharedDemoServer.server();
    users = server.demoUsers();
    return true;
  }

  /**
   * For a class that needs a server of its own, started with more JVM options (e.g. a short idle
   * timeout, which would sign out every other class's users on the shared server): started here and
   * stopped after the class, which must leave no PostgreSQL process behind.
   */
  static boolean startOwnDemoServer(String logName, List<String> jvmOptions)
      throws IOException, InterruptedException {
    if (SKIP) {
      return false;
    }
    Browser.requireInstalled();
    Path jar = SharedDemoServer.jar();
    artefacts = SharedDemoServer.artefacts(jar);
    english = messages("");
    arabic = messages("_ar");
    server = PalermoServer.start(jar, artefacts.resolve(logName), STARTUP_LIMIT, jvmOptions);
    ownServer = true;
    users = server.demoUsers();
    return true;
  }

  @AfterAll
  static void forgetServer() {
    PalermoServer used = server;
    boolean own = ownServer;
    server = null;
    users = null;
    ownServer = false;
    // the shared server runs on for the next class; SharedDemoServer stops it after the run
    if (own && used != null) {
      used.close();
      assertThat(used.leftoverPostgres())
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

  // ---------------------------------------------------------------------------------------------

  void open(String pathAndQuery) {
    driver.get(server.baseUrl() + pathAndQuery);
  }

  /**
   * Answers the adult interview from the deception page to the review page, the same way in every
   * test: deception, transit, exploitation, working conditions and control indicated; coercion,
   * vulnerability and the present situation skipped.
   */
  void answerFromDeceptionToReview() {
    awaitStep("deception");
    click("q1-YES");
    next();
    awaitStep("coercion");
    skip();
    awaitStep("vulnerability");
    skip();
    awaitStep("transit");
    click("q3-YES");
    click("q4-YES");
    click("q5-YES");
    click("q6-FINANCIAL");
    next();
    awaitStep("exploitation");
    click("q4-YES");
    next();
    awaitStep("conditions");
    click("q1-YES");
    next();
    awaitStep("control");
    click("q1-YES");
    next();
    awaitStep("situation");
    skip();
    awaitStep("review");
  }

  /** Fills in and submits the sign-in form, without waiting for the page it leads to. */
  void signIn(String username, String password) {
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
  }

  /** Opens the user menu, submits its sign-out form and waits for the signed-out login page. */
  void signOut() {
    driver.findElement(By.cssSelector("details.user-menu summary")).click();
    WebElement button =
        new WebDriverWait(driver, PAGE_WAIT)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("details.user-menu form button[type=submit]")));
    button.click();
    new WebDriverWait(driver, PAGE_WAIT).until(ExpectedConditions.urlContains("/login?logout"));
  }

  /** Waits until the browser shows this path (any query), failing with what it shows instead. */
  void awaitPath(String path) {
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
  void assertDocument(String lang, String dir) {
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
    assertAccessible();
  }

  /**
   * Runs axe-core in the page with the WCAG 2.0, 2.1 and 2.2 A and AA rules and fails with every
   * violation it finds (rule, impact and up to three offending elements). Scripts run by WebDriver
   * are not subject to the page's Content-Security-Policy, so the page itself needs no change.
   */
  @SuppressWarnings("unchecked")
  void assertAccessible() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axeSource());
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    List<String> violations =
        (List<String>)
            js.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help
                      + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe-core could not run: ' + e]));""");
    assertThat(violations)
        .as("WCAG 2.2 AA violations found by axe-core on %s", driver.getCurrentUrl())
        .isEmpty();
  }

  private static String axe;

  private static synchronized String axeSource() {
    if (axe == null) {
      try (InputStream in =
          DemoBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
        if (in == null) {
          fail(
              "axe.min.js is not on the class path (test dependency com.deque.html.axe-core:selenium)");
        }
        axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return axe;
  }

  /** The path the browser shows, without the query. */
  String path() {
    return driver.getCurrentUrl().substring(server.baseUrl().length()).replaceAll("[?#].*$", "");
  }

  /**
   * Registers a new person and their case through the registration page (search first, then
   * create), as the signed-in user, and returns the case's path: a record of the calling class's
   * own, which no other class of the run changes.
   */
  String registerCase(String givenName, String familyName) {
    return registerCase(givenName, familyName, null);
  }

  /** As {@link #registerCase(String, String)}, with a date of birth (e.g. a child's). */
  String registerCase(String givenName, String familyName, String birthDate) {
    open("/cases/new");
    driver.findElement(By.id("f-givenName")).sendKeys(givenName);
    driver.findElement(By.id("f-familyName")).sendKeys(familyName);
    if (birthDate != null) {
      setDate("f-birthDate", birthDate);
    }
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-legalBasis")))
        .selectByValue("CONSENT");
    driver.findElement(By.id("f-purpose")).sendKeys("Protection and assistance");
    driver.findElement(By.cssSelector("main form button[name=action][value=check]")).click();
    new WebDriverWait(driver, PAGE_WAIT)
        .until(d -> d.findElement(By.cssSelector("main form button[value=create]")))
        .click();
    new WebDriverWait(driver, PAGE_WAIT).until(d -> path().matches("/cases/[0-9a-f-]{36}"));
    return path();
  }

  /** Sets a date input's value directly (typing into it depends on the browser's locale). */
  void setDate(String id, String value) {
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
  }

  /** Signs in and waits for the home page. */
  void signIn(DemoUser user) {
    signIn(user.username(), user.password());
    awaitPath("/");
  }

  /** A screenshot of the whole page (the window is stretched to the page's height, then reset). */
  void fullScreenshot(String name) throws IOException {
    Object height =
        ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
    int h = Math.min(8000, ((Number) height).intValue() + 40);
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, h));
    browser.screenshot(artefacts.resolve(name));
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
  }

  /** Clicks the element with this id. */
  void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  /** Saves a screening step and goes on. */
  void next() {
    driver.findElement(By.cssSelector("main form button[name=action][value=next]")).click();
  }

  /** Skips a screening step. */
  void skip() {
    driver.findElement(By.cssSelector("main form button[name=action][value=skip]")).click();
  }

  /** Waits for this step of the screening interview. */
  void awaitStep(String slug) {
    awaitSuffix("/steps/" + slug);
  }

  /** Waits until the browser's path (without the query) ends with this suffix. */
  void awaitSuffix(String suffix) {
    try {
      new WebDriverWait(driver, PAGE_WAIT).until(d -> path().endsWith(suffix));
    } catch (org.openqa.selenium.TimeoutException e) {
      fail(
          "Expected a page ending in "
              + suffix
              + " but the browser shows "
              + driver.getCurrentUrl()
              + ": "
              + text(By.tagName("body")));
    }
  }

  String text(By by) {
    return driver.findElement(by).getText().strip();
  }

  /** Every bundle of one language merged, as Spring's message source sees them. */
  private static Properties messages(String suffix) throws IOException {
    Properties p = new Properties();
    for (String base : I18nBundles.BASENAMES) {
      String resource = base + suffix + ".properties";
      try (InputStream in = DemoBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          fail(resource + " is not on the class path");
        }
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    }
    return p;
  }
}

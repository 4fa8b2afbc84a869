package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.palermo.app.e2e.PalermoServer.DemoUser;

/**
 * An expired session loses nothing (issue #14 item 3), in a real (headless) Chromium against {@code
 * serve --demo} with a short idle timeout: a caseworker types a case note, stays idle past the
 * timeout and saves; the note is not lost but kept, sealed, for that caseworker. Another user
 * signing in next in the same browser does not get it; the caseworker, signing in again, is shown
 * the kept answers, saves them, and the case has the note exactly once. The kept answers are shown
 * only once.
 *
 * <p>It also holds the browser test of the 413 page (issue #14 item 5), the other way a form's
 * answers could end in a dead end, so that both share one server: a file over 10 MB is answered by
 * the product's error page, in the layout and in the user's language, with a way back.
 */
class SessionExpiryBrowserIT extends DemoBrowserTest {
  static final Duration IDLE = Duration.ofSeconds(40);

  @BeforeAll
  static void startServer() throws Exception {
    startOwnDemoServer(
        "session-expiry-server.log", List.of("-Dpalermo.session.idle-timeout=" + IDLE));
  }

  @Test
  void a_note_saved_after_the_session_expired_is_kept_for_its_author_only() throws Exception {
    DemoUser author = users.get("caseworker");
    DemoUser other = users.get("caseworker.valmont");
    open("/login");
    signIn(author);

    open("/cases");
    String casePath =
        driver
            .findElement(By.cssSelector("main table tbody tr a[href*='/cases/']"))
            .getAttribute("href")
            .substring(server.baseUrl().length())
            .replaceAll("[?#].*$", "");
    open(casePath + "/notes");
    String text = "Kept across the timeout " + UUID.randomUUID().toString().substring(0, 8);
    WebElement note = driver.findElement(By.id("note-text"));
    note.sendKeys(text);

    // Idle past the timeout (the server's clock decides; nothing is asserted about time).
    Thread.sleep(IDLE.plusSeconds(8).toMillis());
    // The warning of session.js may cover the page: submit the note's own form directly.
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].form.querySelector('button.primary').click()",
            driver.findElement(By.id("note-text")));

    awaitPath("/login");
    assertThat(driver.findElements(By.id("kept-notice")))
        .as("the sign-in page says the answers were kept")
        .hasSize(1);
    assertThat(text(By.id("kept-notice"))).isEqualTo(english.getProperty("security.kept.login"));
    assertDocument("en", "ltr");

    // Another user signing in next in this browser does not get them.
    signIn(other);
    open("/session/kept");
    awaitPath("/");
    assertThat(driver.getPageSource()).doesNotContain(text);
    signOut();

    // The author does: the kept answers, checked and saved once.
    open("/login");
    signIn(author.username(), author.password());
    awaitPath("/session/kept");
    assertThat(text(By.tagName("h1"))).isEqualTo(english.getProperty("security.kept.title"));
    assertThat(text(By.cssSelector("main table"))).contains(text);
    assertDocument("en", "ltr");
    driver.findElement(By.cssSelector("#kept-save button[type=submit]")).click();
    awaitSuffix("/notes");

    open(casePath + "/notes");
    assertThat(
            driver.findElements(By.cssSelector("article.care-note .care-text")).stream()
                .filter(p -> p.getText().strip().equals(text)))
        .as("the kept note is saved once")
        .hasSize(1);

    // Single use: the kept answers are not shown again.
    open("/session/kept");
    awaitPath("/");
  }

  @Test
  void an_upload_over_the_limit_is_answered_in_the_layout_in_the_users_language() throws Exception {
    open("/login?lang=ar");
    signIn(users.get("caseworker"));
    open("/cases");
    String casePath =
        driver
            .findElement(By.cssSelector("main table tbody tr a[href*='/cases/']"))
            .getAttribute("href")
            .substring(server.baseUrl().length())
            .replaceAll("[?#].*$", "");
    open(casePath + "/attachments");
    Path big = Files.createTempFile("palermo-too-big-", ".pdf");
    try {
      byte[] bytes = new byte[10 * 1024 * 1024 + 1];
      java.util.Arrays.fill(bytes, (byte) 'a');
      Files.write(big, bytes);
      driver.findElement(By.id("upload-file")).sendKeys(big.toAbsolutePath().toString());
      ((JavascriptExecutor) driver)
          .executeScript(
              "arguments[0].form.querySelector('button[type=submit]').click()",
              driver.findElement(By.id("upload-file")));
      new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_WAIT)
          .until(d -> !d.findElements(By.cssSelector("ul.error-ways")).isEmpty());
    } finally {
      Files.deleteIfExists(big);
    }
    assertThat(text(By.tagName("h1"))).isEqualTo(arabic.getProperty("error.title"));
    assertThat(text(By.cssSelector("main"))).contains(arabic.getProperty("error.413"));
    assertThat(driver.findElements(By.cssSelector("header.site-header, .site-header")))
        .as("the error page is in the product's layout")
        .isNotEmpty();
    assertThat(driver.getPageSource()).doesNotContain("Apache Tomcat");
    assertThat(driver.findElement(By.cssSelector("ul.error-ways a[href='/']")).getText().strip())
        .isEqualTo(arabic.getProperty("nav.home"));
    assertDocument("ar", "rtl");
  }
}

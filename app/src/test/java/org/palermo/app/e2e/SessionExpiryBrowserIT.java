package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * An expired session loses nothing (issue #14 item 3), in a real (headless) Chromium against {@code
 * serve --demo} with a short idle timeout: a caseworker types a case note, stays idle past the
 * timeout and saves; the note is not lost but kept, sealed, for that caseworker. Another user
 * signing in next in the same browser does not get it; the caseworker, signing in again, is shown
 * the kept answers, saves them, and the case has the note exactly once. The kept answers are shown
 * only once.
 */
class SessionExpiryBrowserIT extends DemoBrowserTest {
  static final Duration IDLE = Duration.ofSeconds(40);

  @BeforeAll
  static void startServer() throws Exception {
    startDemoServer("session-expiry-server.log", List.of("-Dpalermo.session.idle-timeout=" + IDLE));
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
}

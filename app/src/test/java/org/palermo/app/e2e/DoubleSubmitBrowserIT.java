package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One submission is one record (issue #14 §1 item 1), in a real (headless) Chromium against {@code
 * serve --demo}: double-clicking "Register as a new person" makes one person and one case, and
 * double-clicking "Add the note" makes one note. The button is disabled while the request is in
 * flight ({@code submit-once.js}); the form's one-time submission token makes a post that still
 * gets through a replay of the first (pinned without a browser by {@code SubmissionTokensIT}).
 */
class DoubleSubmitBrowserIT extends DemoBrowserTest {

  @BeforeAll
  static void startServer() throws Exception {
    startDemoServer();
  }

  @Test
  void a_double_click_registers_one_person_and_adds_one_note() throws Exception {
    String family = "Twice" + UUID.randomUUID().toString().substring(0, 6);
    open("/login");
    signIn(users.get("caseworker"));

    open("/cases/new");
    driver.findElement(By.id("f-givenName")).sendKeys("Doubleclick");
    driver.findElement(By.id("f-familyName")).sendKeys(family);
    new Select(driver.findElement(By.id("f-legalBasis"))).selectByValue("CONSENT");
    driver.findElement(By.id("f-purpose")).sendKeys("Protection and assistance");
    driver.findElement(By.cssSelector("main form button[name=action][value=check]")).click();
    WebElement create =
        new WebDriverWait(driver, PAGE_WAIT)
            .until(d -> d.findElement(By.cssSelector("main form button[value=create]")));
    assertThat(create.getText().strip()).isEqualTo(english.getProperty("cases.new.create"));
    new Actions(driver).doubleClick(create).perform();
    new WebDriverWait(driver, PAGE_WAIT).until(d -> path().matches("/cases/[0-9a-f-]{36}"));
    String casePath = path();

    open("/cases?name=" + family);
    assertThat(driver.findElements(By.cssSelector("main table tbody tr")))
        .as("one case for the person registered by a double click")
        .hasSize(1);

    open(casePath + "/notes");
    String text = "Double-clicked note " + family;
    driver.findElement(By.id("note-text")).sendKeys(text);
    WebElement add = driver.findElement(By.cssSelector("main form button.primary"));
    assertThat(add.getText().strip()).isEqualTo(english.getProperty("care.notes.submit"));
    new Actions(driver).doubleClick(add).perform();
    new WebDriverWait(driver, PAGE_WAIT)
        .until(d -> !d.findElements(By.cssSelector("article.care-note")).isEmpty());
    open(casePath + "/notes");
    assertThat(
            driver.findElements(By.cssSelector("article.care-note .care-text")).stream()
                .filter(p -> p.getText().strip().equals(text)))
        .as("one note for a double click")
        .hasSize(1);
  }
}

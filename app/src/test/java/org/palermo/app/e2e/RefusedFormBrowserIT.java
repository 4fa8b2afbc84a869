package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.palermo.app.e2e.PalermoServer.DemoUser;

/**
 * A refused form keeps everything typed (issue #14 §1 item 2), in a real (headless) Chromium
 * against {@code serve --demo}: an assessment with a future date comes back with every rating, note
 * and the summary, the message at the date field and a focused error summary linking to it; a
 * support-plan objective ending in 1900 comes back the same way (item 6).
 */
class RefusedFormBrowserIT extends DemoBrowserTest {

  @BeforeAll
  static void startServer() throws Exception {
    if (!startDemoServer()) {
      return; // each test then reports itself as skipped
    }
    assertThat(users.get("caseworker").role()).isEqualTo("CASEWORKER");
  }

  /**
   * Signs in as the demo caseworker and registers a case of this test's own (the demo server is
   * shared with the other classes of the run, which change the demo cases); its path.
   */
  private String ownCase() {
    DemoUser caseworker = users.get("caseworker");
    open("/login");
    signIn(caseworker);
    return registerCase("Refused", "Form" + UUID.randomUUID().toString().substring(0, 6));
  }

  private String value(String id) {
    return driver.findElement(By.id(id)).getAttribute("value");
  }

  private String focused() {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript("return document.activeElement.className || ''");
  }

  @Test
  void a_refused_assessment_keeps_every_rating_note_and_summary() throws Exception {
    String casePath = ownCase();
    open(casePath + "/assessments");
    assertDocument("en", "ltr");
    String f = "assessment-INDIVIDUAL";
    WebElement form = driver.findElement(By.id(f + "-assessedOn")).findElement(By.xpath("./.."));
    String future = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
    setDate(f + "-assessedOn", future);
    driver.findElement(By.cssSelector("input[name='rating.MENTAL_HEALTH'][value='RISK']")).click();
    driver
        .findElement(
            By.cssSelector("input[name='rating.EDUCATION_AND_SKILLS'][value='PROTECTIVE']"))
        .click();
    driver.findElement(By.id(f + "-note-MENTAL_HEALTH")).sendKeys("sleeps badly, nightmares");
    driver.findElement(By.id(f + "-note-EDUCATION_AND_SKILLS")).sendKeys("finished school");
    driver.findElement(By.id(f + "-summary")).sendKeys("Needs counselling before training");
    assertThat(form).isNotNull();
    driver
        .findElement(By.id(f + "-summary"))
        .findElement(By.xpath("ancestor::form"))
        .findElement(By.cssSelector("button[type=submit]"))
        .click();

    WebElement summary =
        new WebDriverWait(driver, PAGE_WAIT)
            .until(d -> d.findElement(By.cssSelector(".error-summary[role=alert]")));
    assertDocument("en", "ltr");
    assertThat(focused()).as("the error summary has the focus").contains("error-summary");
    WebElement link = summary.findElement(By.cssSelector("a"));
    assertThat(link.getAttribute("href")).endsWith("#" + f + "-assessedOn");
    assertThat(link.getText()).isEqualTo(english.getProperty("care.error.future"));
    WebElement date = driver.findElement(By.id(f + "-assessedOn"));
    assertThat(date.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(date.getAttribute("aria-describedby")).isEqualTo(f + "-assessedOn-error");
    assertThat(text(By.id(f + "-assessedOn-error")))
        .contains(english.getProperty("care.error.future"));
    assertThat(value(f + "-assessedOn")).isEqualTo(future);
    assertThat(
            driver
                .findElement(By.cssSelector("input[name='rating.MENTAL_HEALTH'][value='RISK']"))
                .isSelected())
        .isTrue();
    assertThat(
            driver
                .findElement(
                    By.cssSelector("input[name='rating.EDUCATION_AND_SKILLS'][value='PROTECTIVE']"))
                .isSelected())
        .isTrue();
    assertThat(value(f + "-note-MENTAL_HEALTH")).isEqualTo("sleeps badly, nightmares");
    assertThat(value(f + "-note-EDUCATION_AND_SKILLS")).isEqualTo("finished school");
    assertThat(value(f + "-summary")).isEqualTo("Needs counselling before training");
    fullScreenshot("refused-assessment-en.png");

    // corrected, it is recorded
    setDate(f + "-assessedOn", LocalDate.now(ZoneOffset.UTC).toString());
    driver
        .findElement(By.id(f + "-summary"))
        .findElement(By.xpath("ancestor::form"))
        .findElement(By.cssSelector("button[type=submit]"))
        .click();
    new WebDriverWait(driver, PAGE_WAIT)
        .until(d -> d.getCurrentUrl().endsWith("/assessments?saved"));
    assertThat(text(By.tagName("main"))).contains("Needs counselling before training");
  }

  @Test
  void a_refused_support_plan_objective_keeps_its_text_in_arabic() throws Exception {
    String casePath = ownCase();
    open(casePath + "/support-plan?lang=ar");
    assertDocument("ar", "rtl");
    new Select(driver.findElement(By.id("objective-type"))).selectByIndex(1);
    String type =
        new Select(driver.findElement(By.id("objective-type")))
            .getFirstSelectedOption()
            .getAttribute("value");
    driver.findElement(By.id("objective-objective")).sendKeys("تدريب مهني على الخياطة");
    driver.findElement(By.id("objective-actionPlan")).sendKeys("التسجيل في مركز التدريب");
    setDate("objective-plannedEnd", "1900-01-01");
    driver
        .findElement(By.id("objective-objective"))
        .findElement(By.xpath("ancestor::form"))
        .findElement(By.cssSelector("button[type=submit]"))
        .click();
    WebElement summary =
        new WebDriverWait(driver, PAGE_WAIT)
            .until(d -> d.findElement(By.cssSelector(".error-summary[role=alert]")));
    assertDocument("ar", "rtl");
    assertThat(summary.findElement(By.cssSelector("a")).getAttribute("href"))
        .endsWith("#objective-plannedEnd");
    assertThat(text(By.id("objective-plannedEnd-error")))
        .contains(arabic.getProperty("care.error.past"));
    assertThat(
            new Select(driver.findElement(By.id("objective-type")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(type);
    assertThat(value("objective-objective")).isEqualTo("تدريب مهني على الخياطة");
    assertThat(value("objective-actionPlan")).isEqualTo("التسجيل في مركز التدريب");
    assertThat(value("objective-plannedEnd")).isEqualTo("1900-01-01");
  }

  @Test
  void a_refused_best_interests_record_keeps_the_summary_and_every_answer() throws Exception {
    DemoUser caseworker = users.get("caseworker");
    open("/login");
    signIn(caseworker);
    new WebDriverWait(driver, PAGE_WAIT).until(d -> !path().startsWith("/login"));
    // A child of its own: the server's data is shared with the other classes, and the demo
    // caseworker's agency need not hold one.
    String casePath =
        registerCase(
            "Refused",
            "Child" + java.util.UUID.randomUUID().toString().substring(0, 6),
            java.time.LocalDate.now().minusYears(12).toString());
    open(casePath + "/child");
    assertDocument("en", "ltr");
    String f = "bestInterests";
    driver.findElement(By.id("kind-d")).click();
    setDate(f + "-doneOn", "1900-01-01");
    driver.findElement(By.id(f + "-conductedBy")).sendKeys("Best-interests panel, M. Haddad");
    driver.findElement(By.id("heard-yes")).click();
    String summaryText = "Heard with an interpreter; wishes to live with the aunt in Lyon";
    driver.findElement(By.id(f + "-summary")).sendKeys(summaryText);
    driver
        .findElement(By.id(f + "-form"))
        .findElement(By.cssSelector("button[type=submit]"))
        .click();

    WebElement summary =
        new WebDriverWait(driver, PAGE_WAIT)
            .until(
                d ->
                    d.findElement(
                        By.cssSelector(".error-summary[aria-labelledby='form-problem-title']")));
    assertDocument("en", "ltr");
    assertThat(focused()).as("the error summary has the focus").contains("error-summary");
    WebElement link = summary.findElement(By.cssSelector("a"));
    assertThat(link.getAttribute("href")).endsWith("#" + f + "-doneOn");
    assertThat(link.getText()).isEqualTo(english.getProperty("form.error.tooOld"));
    WebElement date = driver.findElement(By.id(f + "-doneOn"));
    assertThat(date.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(date.getAttribute("aria-describedby")).isEqualTo(f + "-doneOn-error");
    assertThat(text(By.id(f + "-doneOn-error"))).contains(english.getProperty("form.error.tooOld"));
    assertThat(value(f + "-doneOn")).isEqualTo("1900-01-01");
    assertThat(driver.findElement(By.id("kind-d")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("heard-yes")).isSelected()).isTrue();
    assertThat(value(f + "-conductedBy")).isEqualTo("Best-interests panel, M. Haddad");
    assertThat(value(f + "-summary")).isEqualTo(summaryText);
    fullScreenshot("refused-best-interests-en.png");
  }
}

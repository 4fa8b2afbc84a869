package org.palermo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.palermo.app.e2e.PalermoServer.DemoUser;

/**
 * The protection flow of issue #4 end to end in a real (headless) Chromium against {@code serve
 * --demo}, once in English and once in Arabic (right to left): a caseworker registers a person
 * (search before create), screens them and links the explained result to the case, opens the case,
 * refers the person with recorded consent to a shelter of another agency chosen among ranked
 * providers; the shelter's caseworker sees only the referral view, accepts and completes it; the
 * owning caseworker records the service delivered and closes the case, and the timeline shows every
 * step. Every page is checked for its language, direction, translations and WCAG 2.2 AA (axe-core).
 */
class ProtectionFlowBrowserIT extends DemoBrowserTest {
  private static final String SHELTER_AGENCY = "Demo Valmont Women's Shelter";

  @BeforeAll
  static void startServer() throws Exception {
    if (!startDemoServer()) {
      return; // each test then reports itself as skipped
    }
    assertThat(users.get("caseworker").role()).isEqualTo("CASEWORKER");
    assertThat(users.get("caseworker.valmont").role()).isEqualTo("CASEWORKER");
    assertThat(users.get("caseworker.valmont").agency()).isEqualTo(SHELTER_AGENCY);
  }

  @Test
  void the_whole_protection_flow_in_english() throws Exception {
    flow(new Language("en", "ltr", english), "Zephyrine", "Quillfeather");
  }

  @Test
  void the_whole_protection_flow_in_arabic_right_to_left() throws Exception {
    flow(new Language("ar", "rtl", arabic), "ليلى", "اختبار-المسار");
  }

  /** One language of the interface: its code, its direction and its merged bundles. */
  private record Language(String code, String dir, Properties bundle) {
    String msg(String key, Object... args) {
      String pattern = bundle.getProperty(key);
      assertThat(pattern).as("message %s in %s", key, code).isNotNull();
      return args.length == 0 ? pattern : new MessageFormat(pattern).format(args);
    }

    String query() {
      return "en".equals(code) ? "" : "?lang=" + code;
    }
  }

  private void flow(Language l, String givenName, String familyName) throws Exception {
    String shot = "flow-" + l.code() + "-";
    DemoUser caseworker = users.get("caseworker");
    open("/login" + l.query());
    assertDocument(l.code(), l.dir());
    signIn(caseworker);
    assertDocument(l.code(), l.dir());

    // --- register the person: search before create -------------------------------------------
    open("/cases/new");
    assertDocument(l.code(), l.dir());
    assertThat(text(By.tagName("h1"))).isEqualTo(l.msg("cases.new.title"));
    driver.findElement(By.id("f-givenName")).sendKeys(givenName);
    driver.findElement(By.id("f-familyName")).sendKeys(familyName);
    new Select(driver.findElement(By.id("f-sex"))).selectByValue("FEMALE");
    driver.findElement(By.id("f-citizenships")).sendKeys("XA");
    driver.findElement(By.id("f-languages")).sendKeys("ar en");
    new Select(driver.findElement(By.id("f-legalBasis"))).selectByValue("CONSENT");
    driver.findElement(By.id("f-purpose")).sendKeys("Protection and assistance");
    driver.findElement(By.cssSelector("main form button[name=action][value=check]")).click();
    awaitPath("/cases/new");
    WebElement none =
        new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_WAIT)
            .until(d -> d.findElement(By.cssSelector(".cases-matches .notice[role=status]")));
    assertDocument(l.code(), l.dir());
    assertThat(none.getText().strip()).isEqualTo(l.msg("cases.matches.none"));
    assertThat(driver.findElement(By.id("f-givenName")).getAttribute("value"))
        .as("the form keeps what was typed")
        .isEqualTo(givenName);
    fullScreenshot(shot + "1-search-before-create.png");
    driver.findElement(By.cssSelector("main form button[name=action][value=create]")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_WAIT)
        .until(d -> path().matches("/cases/[0-9a-f-]{36}"));
    String casePath = path();
    assertDocument(l.code(), l.dir());
    String reference = text(By.cssSelector("main p.stage bdi"));
    assertThat(reference).startsWith("PAL-");
    assertStatus(l, "IDENTIFIED");

    // the same name looked up again now finds the record just registered
    open("/cases/new");
    driver.findElement(By.id("f-givenName")).sendKeys(givenName);
    driver.findElement(By.id("f-familyName")).sendKeys(familyName);
    driver.findElement(By.id("f-citizenships")).sendKeys("XA");
    driver.findElement(By.cssSelector("main form button[name=action][value=check]")).click();
    WebElement matches =
        new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_WAIT)
            .until(d -> d.findElement(By.cssSelector(".cases-matches table.data")));
    assertDocument(l.code(), l.dir());
    assertThat(matches.findElement(By.tagName("caption")).getText().strip())
        .isEqualTo(l.msg("cases.matches.caption"));
    assertThat(
            matches.findElements(By.cssSelector("tbody th[scope=row] a")).stream()
                .map(a -> a.getText().strip()))
        .as("likely existing records")
        .contains(reference);
    assertThat(matches.getText())
        .as("the match shows the name, opened from its sealed form")
        .contains(givenName)
        .doesNotContain("pal1:");
    fullScreenshot(shot + "1b-existing-record-found.png");

    // --- screen the person and link the explained result to the case ---------------------------
    open("/screenings/new");
    assertDocument(l.code(), l.dir());
    click("basis-CONSENT");
    click("consent");
    new Select(driver.findElement(By.id("interview-language"))).selectByValue("ar");
    click("interpreter-no");
    next();
    awaitStep("person");
    assertDocument(l.code(), l.dir());
    driver.findElement(By.id("q1-years")).sendKeys("29");
    click("q2-NO");
    click("q3-NO");
    click("q4-PREFER_NOT_TO_SAY");
    next();
    awaitStep("recruitment");
    assertDocument(l.code(), l.dir());
    click("q1-YES");
    next();
    answerFromDeceptionToReview();
    assertDocument(l.code(), l.dir());
    driver.findElement(By.cssSelector("main form button.primary")).click();
    awaitSuffix("/result");
    assertDocument(l.code(), l.dir());
    assertThat(text(By.tagName("h1"))).isEqualTo(l.msg("screening.result.title"));
    assertThat(text(By.id("tip-finding"))).isEqualTo(l.msg("screening.finding.INDICATED"));
    assertThat(driver.findElements(By.cssSelector("ul.explanation ul.reasons > li")))
        .as("the result is explained")
        .isNotEmpty();
    driver.findElement(By.id("link-case")).sendKeys(reference);
    driver
        .findElement(By.xpath("//input[@id='link-case']/ancestor::form//button[@type='submit']"))
        .click();
    awaitSuffix("/result");
    assertDocument(l.code(), l.dir());
    assertThat(driver.findElements(By.id("link-case"))).as("the screening is linked").isEmpty();
    assertThat(text(By.cssSelector("main .notice[role=status]")))
        .isEqualTo(l.msg("screening.result.linked"));
    assertThat(text(By.cssSelector("main dl"))).contains(reference);
    fullScreenshot(shot + "2-screening-result.png");
    open(casePath);
    driver.findElement(By.cssSelector("main a[href*='/screenings?case=']")).click();
    awaitPath("/screenings");
    assertThat(driver.getCurrentUrl()).contains("case=" + reference);
    assertDocument(l.code(), l.dir());
    assertThat(text(By.cssSelector("main table.data tbody")))
        .contains(l.msg("screening.finding.INDICATED"));

    // --- open the case ------------------------------------------------------------------------
    open(casePath);
    assertDocument(l.code(), l.dir());
    transition("OPEN");
    assertStatus(l, "OPEN");

    // --- refer to a shelter of the Valmont agency, with recorded consent -------------------------
    open(casePath + "/referrals");
    assertDocument(l.code(), l.dir());
    assertThat(text(By.cssSelector("main h1"))).contains(l.msg("referral.case.title"));
    assertThat(text(By.cssSelector("main"))).contains(l.msg("referral.case.none"));
    new Select(driver.findElement(By.id("serviceType"))).selectByValue("SHELTER");
    driver.findElement(By.xpath("//select[@id='serviceType']/ancestor::form//button")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_WAIT)
        .until(d -> d.getCurrentUrl().contains("serviceType=SHELTER"));
    assertDocument(l.code(), l.dir());
    List<WebElement> ranked = driver.findElements(By.cssSelector("main ol.choices > li"));
    assertThat(ranked).as("ranked shelter providers").hasSizeGreaterThan(1);
    assertThat(text(By.cssSelector("main ol.choices")))
        .as("each provider's rank is explained")
        .contains(SHELTER_AGENCY);
    assertThat(driver.findElements(By.cssSelector("main ol.choices > li ul.hint > li")))
        .isNotEmpty();
    WebElement valmont =
        ranked.stream()
            .filter(li -> li.getText().contains(SHELTER_AGENCY))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no shelter of " + SHELTER_AGENCY + " ranked"));
    valmont.findElement(By.cssSelector("input[type=radio]")).click();
    new Select(driver.findElement(By.id("givenBy"))).selectByValue("THE_PERSON");
    new Select(driver.findElement(By.id("informedHow"))).selectByValue("ORALLY");
    click("interp-no");
    for (String group : List.of("IDENTITY", "CONTACT")) {
      assertThat(driver.findElement(By.id("scope-" + group)).isSelected()).isTrue();
    }
    driver.findElement(By.id("note")).sendKeys("Needs a safe place tonight.");
    fullScreenshot(shot + "3-referral-form.png");
    driver.findElement(By.cssSelector("#make form[method=post] button.primary")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_WAIT)
        .until(d -> path().matches("/referrals/[0-9a-f-]{36}"));
    String referralPath = path();
    assertDocument(l.code(), l.dir());
    assertThat(text(By.cssSelector("main .notice[role=status]")))
        .isEqualTo(l.msg("referral.done.created"));
    assertThat(text(By.id("status"))).isEqualTo(l.msg("referral.status.PENDING"));
    assertThat(text(By.cssSelector("main dl.facts"))).contains(SHELTER_AGENCY);
    signOut();

    // --- the shelter's caseworker accepts and completes the referral ---------------------------
    DemoUser shelter = users.get("caseworker.valmont");
    open("/login" + l.query());
    signIn(shelter);
    open("/referrals");
    assertDocument(l.code(), l.dir());
    assertThat(text(By.tagName("h1"))).isEqualTo(l.msg("referral.inbox.title"));
    WebElement incoming =
        driver.findElement(
            By.xpath(
                "//section[.//h2[@id='incoming-title']]//a[.//bdi[text()='" + reference + "']]"));
    incoming.click();
    awaitPath(referralPath);
    assertDocument(l.code(), l.dir());
    assertThat(text(By.cssSelector("main p.hint"))).isEqualTo(l.msg("referral.detail.viewOnly"));
    assertThat(text(By.cssSelector("main dl.facts")))
        .contains(l.msg("referral.group.IDENTITY"))
        .contains(l.msg("referral.group.CONTACT"));
    String personView = text(By.cssSelector("section[aria-labelledby=person-title]"));
    assertThat(personView).contains(givenName).contains(familyName);
    assertThat(driver.findElements(By.cssSelector("main nav.case-nav")))
        .as("the recipient sees the referral view, not the case")
        .isEmpty();
    fullScreenshot(shot + "4-referral-recipient.png");
    driver.findElement(By.cssSelector("form[action$='/accept'] button")).click();
    awaitPath(referralPath);
    assertDocument(l.code(), l.dir());
    assertThat(text(By.id("status"))).isEqualTo(l.msg("referral.status.ACCEPTED"));
    driver.findElement(By.cssSelector("form[action$='/complete'] button")).click();
    awaitPath(referralPath);
    new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_WAIT)
        .until(d -> d.getCurrentUrl().contains("complete"));
    assertDocument(l.code(), l.dir());
    assertThat(text(By.id("status"))).isEqualTo(l.msg("referral.status.COMPLETED"));
    // Completed, the recipient keeps the referral view within the consent scope for the period
    // the service lasts (issue #14 item 15): the person no longer vanishes.
    open(referralPath);
    assertDocument(l.code(), l.dir());
    assertThat(text(By.cssSelector("section[aria-labelledby=person-title]")))
        .contains(givenName)
        .contains(familyName);
    assertThat(driver.findElements(By.id("kept"))).as("until when it is kept").hasSize(1);
    signOut();

    // --- the owning caseworker records the service delivered and closes the case ----------------
    open("/login" + l.query());
    signIn(caseworker);
    open(casePath + "/services");
    assertDocument(l.code(), l.dir());
    assertThat(text(By.cssSelector("main h1"))).contains(l.msg("care.services.title"));
    new Select(driver.findElement(By.id("service-serviceType"))).selectByValue("SHELTER");
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1]",
            driver.findElement(By.id("service-deliveredOn")),
            LocalDate.now(ZoneOffset.UTC).toString());
    new Select(driver.findElement(By.id("service-providerAgencyId")))
        .selectByVisibleText(SHELTER_AGENCY);
    driver.findElement(By.id("service-note")).sendKeys("Shelter place given after the referral.");
    driver.findElement(By.cssSelector("main form button.primary")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_WAIT)
        .until(d -> d.getCurrentUrl().contains("saved"));
    assertDocument(l.code(), l.dir());
    String delivered = text(By.cssSelector("section[aria-labelledby=delivered-title] table tbody"));
    assertThat(delivered).contains(SHELTER_AGENCY).contains(l.msg("care.serviceType.SHELTER"));
    fullScreenshot(shot + "5-service-delivered.png");

    open(casePath + "/referrals");
    assertDocument(l.code(), l.dir());
    assertThat(text(By.cssSelector("main table.data tbody")))
        .contains(reference)
        .contains(l.msg("referral.status.COMPLETED"));

    // Closing asks first (issue 14 item 10): a reason, then the confirmation button.
    open(casePath + "/close");
    assertDocument(l.code(), l.dir());
    new Select(driver.findElement(By.id("close-closureReason"))).selectByValue("GOALS_MET");
    driver.findElement(By.id("close-confirm")).click();
    awaitPath(casePath);
    assertDocument(l.code(), l.dir());
    assertStatus(l, "CLOSED");
    assertThat(text(By.cssSelector("main p.stage"))).contains(l.msg("caseStatus.CLOSED"));
    fullScreenshot(shot + "6-case-closed.png");

    open(casePath + "/timeline");
    assertDocument(l.code(), l.dir());
    // The timeline shows the newest entry first (issue 14 item 19); read oldest first here.
    List<String> steps =
        new java.util.ArrayList<>(
            driver.findElements(By.cssSelector("main table.data tbody th[scope=row]")).stream()
                .map(e -> e.getText().strip())
                .toList());
    java.util.Collections.reverse(steps);
    assertThat(steps)
        .containsSubsequence(
            l.msg("timeline.case.registered"),
            l.msg("timeline.case.status.open"),
            l.msg("timeline.referral.created"),
            l.msg("timeline.referral.accepted"),
            l.msg("timeline.referral.completed"),
            l.msg("timeline.care.service.delivered"),
            l.msg("timeline.case.status.closed"));
    fullScreenshot(shot + "7-timeline.png");

    open(casePath + "/summary");
    assertDocument(l.code(), l.dir());
    assertThat(text(By.tagName("main")))
        .contains(reference)
        .contains(givenName)
        .contains(l.msg("timeline.referral.completed"))
        .contains(l.msg("timeline.care.service.delivered"))
        .contains(l.msg("timeline.case.status.closed"));
    fullScreenshot(shot + "8-summary.png");
    signOut();
  }

  /** Submits one lifecycle move on the case page and waits for the page to come back. */
  private void transition(String move) {
    String here = path();
    driver.findElement(By.cssSelector("main button[name=transition][value=" + move + "]")).click();
    awaitPath(here);
    new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_WAIT)
        .until(d -> d.findElements(By.cssSelector("main button[value=" + move + "]")).isEmpty());
  }

  private void assertStatus(Language l, String status) {
    assertThat(text(By.cssSelector("main section.cases-status > p")))
        .isEqualTo(l.msg("cases.case.statusNow", l.msg("caseStatus." + status)));
  }
}

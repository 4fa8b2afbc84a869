package org.palermo.app.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are explicit, so
 * Selenium Manager is never asked to find or download a browser or a driver (the build machines
 * reach no download site).
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Fails (never skips) when the browser or its driver is not installed. */
  static void requireInstalled() {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        fail(
            p
                + " is missing: the browser tests need Debian's Chromium and its driver. Install"
                + " them with: apt-get install -y chromium chromium-driver (or skip the browser"
                + " tests locally with -Dskip.e2e=true).");
      }
    }
  }

  /** A new browser with a fresh, empty profile, asking for English pages unless told otherwise. */
  static Browser open() throws IOException {
    Path profile = Files.createTempDirectory("palermo-e2e-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--lang=en-US",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "intl.accept_languages", "en-US,en",
            "credentials_enable_service", false,
            "profile.password_manager_enabled", false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      PalermoServer.deleteRecursively(profile);
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().window().setSize(new Dimension(1280, 900));
    return new Browser(driver, profile);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Saves a PNG of the current page. */
  Path screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      PalermoServer.deleteRecursively(profile);
    }
  }
}

package dev.aether.stats.bootstrap;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver: both come from the system (never downloaded
 * by Selenium Manager). Keeps the browser's console and network logs for the assertions, and signs in.
 */
final class DashboardBrowser implements AutoCloseable {
  static final String INSTALL = "apt-get install chromium chromium-driver";
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Duration WAIT = Duration.ofSeconds(20);

  final ChromeDriver driver;
  private final Path profile;
  /** Where downloads (the CSV files) land. */
  final Path downloads;
  /** Every URL the page requested so far (from the network log). */
  final List<String> requested = new ArrayList<>();

  private DashboardBrowser(ChromeDriver driver, Path profile) throws Exception {
    this.driver = driver;
    this.profile = profile;
    this.downloads = Files.createDirectories(profile.resolve("downloads"));
    driver.executeCdpCommand("Browser.setDownloadBehavior",
        java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
  }

  /** A failing start is a failing test that says what to install, never a skip. */
  static DashboardBrowser start() throws Exception {
    if (!Files.isExecutable(DRIVER) || !Files.isExecutable(CHROMIUM)) {
      throw new AssertionError("the browser tests need " + CHROMIUM + " and " + DRIVER + ": run `" + INSTALL + "`");
    }
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    Path profile = Files.createTempDirectory("aether-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    try {
      return new DashboardBrowser(new ChromeDriver(service, options), profile);
    } catch (WebDriverException e) {
      throw new AssertionError("headless Chromium did not start (" + e.getMessage().lines().findFirst().orElse("")
          + "); install or repair it with `" + INSTALL + "`", e);
    }
  }

  void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  <T> T until(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  <T> T until(Duration timeout, ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, timeout).until(condition);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Opens the page and signs in with {@code token}, waiting until the overview shows. */
  void signIn(String url, String token) {
    driver.get(url);
    until(d -> find("#token").isDisplayed());
    find("#token").sendKeys(token);
    find("#signin-submit").click();
    until(d -> find("#main").isDisplayed() && !driver.findElements(By.cssSelector("#cards-all .card")).isEmpty());
  }

  /** The console's error lines since the last call (the log is drained). */
  List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(e.getMessage());
      }
    }
    return errors;
  }

  /** Drains the network log into {@link #requested}. */
  List<String> requestedUrls() {
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonObject message = new JsonObject(e.getMessage()).getJsonObject("message");
      if ("Network.requestWillBeSent".equals(message.getString("method"))) {
        requested.add(message.getJsonObject("params").getJsonObject("request").getString("url"));
      }
    }
    return requested;
  }

  /** A screenshot of the viewport, or of the whole page at the window's width. */
  Path screenshot(String name, boolean fullPage) throws Exception {
    Dimension before = driver.manage().window().getSize();
    if (fullPage) {
      long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight)");
      size(before.getWidth(), (int) Math.min(height + (before.getHeight() - viewportHeight()), 6000));
      until(d -> (Long) js("return document.documentElement.clientHeight") >= Math.min(height, 5000) - 1);
    }
    Path file = Path.of("target", "dashboard-screenshots", name + ".png");
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    if (fullPage) {
      size(before.getWidth(), before.getHeight());
    }
    return file;
  }

  private long viewportHeight() {
    return (Long) js("return document.documentElement.clientHeight");
  }

  /** Closes the browser, then the service: each one that was started, even when the first close fails. */
  static void closeAll(DashboardBrowser browser, DashboardService app) throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }

  @Override
  public void close() throws Exception {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}

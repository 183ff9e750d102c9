// Times the dashboard's page load in headless Chromium (Debian's chromium and chromium-driver, as the browser
// tests use them): from navigation start until every chart is drawn (or says "not available") and the
// overview cards show, over a 30-day range.
//
//   java -cp <bootstrap test classpath> bench/PageLoad.java http://127.0.0.1:18080/ TOKEN LOADS
//
// Prints "median N ms, max M ms over LOADS loads".
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

public class PageLoad {
  private static final String READY = "return ['daily', 'cost', 'tokens', 'hourly', 'models']"
      + ".every(c => document.getElementById('chart-' + c).dataset.state)"
      + " && document.querySelectorAll('#cards-all .card').length > 0 ? performance.now() : null";

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String token = args[1];
    int loads = Integer.parseInt(args[2]);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,800", "--user-data-dir=" + Files.createTempDirectory("aether-bench-chromium-"));
    ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(10));
      driver.get(url + "#days=30");
      wait.until(d -> d.findElement(By.id("token")).isDisplayed());
      driver.findElement(By.id("token")).sendKeys(token);
      driver.findElement(By.id("signin-submit")).click();
      wait.until(d -> driver.executeScript(READY) != null);
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < loads; i++) {
        driver.navigate().refresh(); // the token stays in the tab's sessionStorage
        ms.add(((Number) wait.until(d -> driver.executeScript(READY))).doubleValue());
      }
      Collections.sort(ms);
      System.out.printf("median %.0f ms, max %.0f ms over %d loads%n", ms.get(ms.size() / 2), ms.get(ms.size() - 1), loads);
    } finally {
      driver.quit();
    }
  }
}

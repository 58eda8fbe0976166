package org.sightline.api.pages;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sightline.api.SightlineTest;

/**
 * Debian's chromium, headless, driven through Debian's chromium-driver (both installed by .ci/run
 * with apt-get): the driver and browser paths are set explicitly, so Selenium Manager never looks
 * for or downloads either. The browser resolves no host but localhost (every other name fails), so
 * a page that reached for a CDN would visibly break; each page also records the Content Security
 * Policy violations and script errors it meets, for the tests to assert there are none.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    /** Recorded from the first script of every document, before the page's own scripts run. */
    private static final String RECORDER = """
            window.__sightlineProblems = [];
            document.addEventListener('securitypolicyviolation', e => window.__sightlineProblems.push(
                'CSP ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
            window.addEventListener('error', e => window.__sightlineProblems.push('error ' + e.message + ' at ' + e.filename + ':' + e.lineno));
            window.addEventListener('unhandledrejection', e => window.__sightlineProblems.push('unhandled ' + e.reason));
            """;

    final ChromeDriver driver;
    final Path downloads;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, Path downloads) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.downloads = downloads;
    }

    /**
     * Starts chromium, or skips the test where it is not installed - except in CI (CI=true), where
     * .ci/run installs it and its absence is a failure.
     */
    static Browser start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver "
                    + "(.ci/run does)");
        }
        // Never Selenium Manager: the driver is named, and so is the browser below.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Files.createDirectories(Path.of("target"));
        Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
        Path downloads = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "browser-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=1280,2200", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
        return new Browser(driver, service, profile, downloads);
    }

    /** Waits up to 30 s; an element the page re-rendered meanwhile (stale) is looked up again on the next poll. */
    FluentWait<WebDriver> waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The CSP violations and script errors the current page has met. */
    @SuppressWarnings("unchecked")
    List<String> problems() {
        Object problems = script("return window.__sightlineProblems || ['the problem recorder did not run'];");
        return (List<String>) problems;
    }

    /** Every URL the current page loaded (itself and each resource), from the browser's performance entries. */
    @SuppressWarnings("unchecked")
    List<String> loadedUrls() {
        return (List<String>) script("return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));");
    }

    /** The resources the current page could not load (HTTP 400 or more), e.g. a webjar path of another version. */
    @SuppressWarnings("unchecked")
    List<String> failedUrls() {
        return (List<String>) script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.responseStatus >= 400).map(e => e.name + ' ' + e.responseStatus);");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            SightlineTest.deleteRecursively(profile);
            SightlineTest.deleteRecursively(downloads);
        }
    }
}

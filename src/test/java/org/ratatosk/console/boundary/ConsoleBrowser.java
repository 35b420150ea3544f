package org.ratatosk.console.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ratatosk.testsupport.Server;

/**
 * Debian's headless chromium driven through its own chromedriver, named by path so that Selenium
 * Manager has nothing to look up or download. Saves a screenshot of every page a test visits and
 * fails a test on any error the browser logged, except the API answers the test expected.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static final Pattern NETWORK_ERROR = Pattern.compile("^(\\S+) - Failed to load resource: the server"
            + " responded with a status of (\\d+)");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final List<Map.Entry<String, Integer>> expected = new ArrayList<>();
    private String test = "console";
    private int shot;

    ConsoleBrowser() {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(program))) {
                fail(program + " is missing: install Debian's chromium and chromium-driver (.ci/run does)");
            }
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        System.setProperty("selenium.manager.offline", "true");
        try {
            profile = Files.createTempDirectory("console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(60));
    }

    WebDriver driver() {
        return driver;
    }

    /** A new test: no cookies, nothing expected to fail yet, screenshots named after it. */
    void startTest(String name) {
        test = name;
        shot = 0;
        expected.clear();
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** An API answer with this status, on a URL containing {@code path}, that the test means to provoke. */
    void expectFailedCall(String path, int status) {
        expected.add(Map.entry(path, status));
    }

    void open(String hash) {
        driver.get(Server.baseUrl() + "/hermod/console/" + hash);
    }

    WebElement waitFor(By by) {
        return await(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        }, "visible " + by);
    }

    WebElement waitForText(By by, String text) {
        return await(d -> {
            List<WebElement> found = d.findElements(by);
            return found.stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null);
        }, by + " showing '" + text + "'");
    }

    <T> T await(Function<WebDriver, T> condition, String what) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what).until(condition::apply);
    }

    void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value directly: for long pasted text that typing would make slow. */
    void paste(By by, String text) {
        WebElement field = waitFor(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, text);
    }

    /** A screenshot of what the browser shows now, under target/console-screenshots; answers its file. */
    Path screenshot(String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", test, ++shot, page));
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails on any SEVERE entry of the browser's log that is not an expected API answer. */
    void assertNoConsoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() < Level.SEVERE.intValue()) {
                continue;
            }
            Matcher network = NETWORK_ERROR.matcher(entry.getMessage());
            boolean allowed = network.find() && expected.stream().anyMatch(e -> network.group(1).contains(e.getKey())
                    && Integer.parseInt(network.group(2)) == e.getValue());
            if (!allowed) {
                errors.add(entry.getMessage());
            }
        }
        assertTrue(errors.isEmpty(), "browser console errors: " + errors);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}

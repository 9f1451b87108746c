package io.huixun.app.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' one Chromium: a JUnit extension that starts Debian's headless {@code /usr/bin/chromium} through
 * {@code chromedriver} before the class's own {@code @BeforeAll} (with a fresh profile, no network chatter, Chinese
 * UI language) and quits it after the class; the class is skipped, with a message, where Chromium is not installed
 * ({@code apt-get install -y chromium chromium-driver fonts-wqy-microhei}; CI installs it). Use:
 * {@code @RegisterExtension static final Chromium CHROMIUM = new Chromium("1280,1600");}. Screenshots go to
 * {@code huixun-app/target/screenshots}. One browser per test class, driven by one thread.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String windowSize;
    private final List<String> extraArguments;
    private ChromeDriver browser;
    private Path profile;

    /** @param windowSize e.g. {@code "1280,1600"}; {@code extraArguments} e.g. {@code "--hide-scrollbars"} */
    Chromium(String windowSize, String... extraArguments) {
        this.windowSize = windowSize;
        this.extraArguments = List.of(extraArguments);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "Chromium not installed: apt-get install -y chromium chromium-driver fonts-wqy-microhei");
        profile = Files.createTempDirectory("huixun-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--window-size=" + windowSize,
                "--lang=zh-CN", "--user-data-dir=" + profile));
        arguments.addAll(extraArguments);
        options.addArguments(arguments);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    ChromeDriver browser() {
        return browser;
    }

    /** Waits up to 10 s; an element replaced by a page load mid-check is looked up again, not an error. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Logs in on {@code base}'s login form and waits for the page it leads to (the sources page for an admin). */
    void logIn(String base, String user, String password) {
        browser.get(base + "/login");
        browser.findElement(By.name("user")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.stack button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/sources"));
    }
}

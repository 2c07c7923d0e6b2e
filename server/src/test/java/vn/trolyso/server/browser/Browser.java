package vn.trolyso.server.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Headless Debian Chromium driven through the system chromedriver (never Selenium Manager downloads), with helpers
 * for the widget's Shadow DOM. Skips the calling test when Chromium is missing, except on CI where that is a failure.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profileDir;

    private Browser(ChromeDriver driver, Path profileDir) {
        this.driver = driver;
        this.profileDir = profileDir;
    }

    /** Starts a browser, or skips the test (fails it when CI=true) if Chromium is not installed. */
    static Browser start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install Debian's chromium and chromium-driver (./trolyso test does)");
        }
        Assumptions.assumeTrue(installed, "Browser test skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are needed (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory("trolyso-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=vi", "--window-size=1280,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(driver, profile);
    }

    /** Sets the viewport (not the window) to the given CSS pixel size. */
    void viewport(int width, int height) {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<?> inner = (List<?>) js("return [window.innerWidth, window.innerHeight];");
            int dw = width - ((Number) inner.get(0)).intValue(), dh = height - ((Number) inner.get(1)).intValue();
            if (dw == 0 && dh == 0) {
                return;
            }
            Dimension size = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(size.width + dw, size.height + dh));
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The widget's shadow root. */
    SearchContext widget() {
        return waitFor(d -> d.findElement(By.id("trolyso-widget"))).getShadowRoot();
    }

    WebElement in(String css) {
        return waitFor("a visible " + css, d -> {
            List<WebElement> found = widget().findElements(By.cssSelector(css));
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
    }

    /** Tag name and aria-label of the element focused inside the widget ("" when the focus is elsewhere). */
    String focused() {
        return (String) js("const a = document.getElementById('trolyso-widget').shadowRoot.activeElement;"
                + "return a ? a.tagName.toLowerCase() + (a.getAttribute('aria-label') ? ' ' + a.getAttribute('aria-label') : '') : '';");
    }

    List<WebElement> all(String css) {
        return widget().findElements(By.cssSelector(css));
    }

    <T> T waitFor(Function<org.openqa.selenium.WebDriver, T> condition) {
        return waitFor("the condition", condition);
    }

    <T> T waitFor(String what, Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50))
                .withMessage(() -> "waiting for " + what)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Saves a PNG screenshot of the page to target/screenshots/&lt;name&gt;.png and returns its path. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

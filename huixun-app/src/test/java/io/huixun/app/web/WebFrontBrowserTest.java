package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The reading front-end in real headless Chromium, logged in as a reader: keyboard shortcuts pressing the same
 * forms a reader clicks, the dark-mode switch over the system setting, the service worker's offline shell, and an
 * axe-core audit (0 serious or critical violations) of the front, article, search, story, following and sources
 * pages. Skipped where Chromium is not installed, like {@link BrowserTest}; screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebFrontBrowserTest {
    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium("1280,1400");
    private static final String LIGHT_BG = "rgb(251, 250, 247)";
    private static final String DARK_BG = "rgb(22, 23, 26)";

    @TempDir
    static Path dir;
    static TestSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = CHROMIUM.browser();
        Path in = TestInstallations.samples(dir, 12);
        Installation installation = TestInstallations.ingested(dir, in);
        site = TestSite.start(installation, Optional.of("front-pass"), (desk, auth) -> List.of(new LoginGuard(auth),
                new ReaderRoutes(installation.store(), desk, auth), new FollowingOpml(installation.store(), auth),
                new AccountsPage(auth)));
        CHROMIUM.logIn(site.base(), "admin", "front-pass");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    private static void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private static String current() {
        return (String) CHROMIUM.js("const c = document.querySelector('main .kbd-current');"
                + "return c ? c.querySelector('a[href^=\"/article/\"]').getAttribute('href') : null;");
    }

    private static String pressed(String action) {
        // Null while htmx swaps the state span (the wait then looks again).
        return (String) CHROMIUM.js("const b = document.querySelector('main .kbd-current form[action$=\"/" + action
                + "\"] button, main .kbd-current form[action$=\"/un" + action + "\"] button');"
                + "return b ? b.getAttribute('aria-pressed') : null;");
    }

    @Test
    @Order(1)
    void keyboardShortcutsMoveStarMarkReadOpenAndSearch() throws Exception {
        browser.get(site.base() + "/?lang=zh-Hans");
        CHROMIUM.waiting().until(d -> !d.findElements(By.cssSelector("main form[action$='/star']")).isEmpty());
        List<String> links = browser.findElements(By.cssSelector("main article.story h3 a")).stream()
                .map(a -> a.getAttribute("href").replace(site.base(), "")).toList();
        assertThat(links).hasSizeGreaterThan(1);
        assertThat(current()).isNull();
        CHROMIUM.js("window.__sameDocument = true");
        press("j");
        assertThat(current()).isEqualTo(links.get(0));
        press("j");
        String second = current();
        assertThat(second).isNotEqualTo(links.get(0)).startsWith("/article/");
        press("k");
        assertThat(current()).isEqualTo(links.get(0));

        CHROMIUM.waiting().until(d ->
                !d.findElements(By.cssSelector("main .kbd-current form[action$='/star']")).isEmpty());
        CHROMIUM.waiting().until(d -> "false".equals(pressed("star")));
        press("s");
        CHROMIUM.waiting().until(d -> "true".equals(pressed("star")));
        press("m");
        CHROMIUM.waiting().until(d -> "true".equals(pressed("read")));
        long id = Long.parseLong(links.get(0).replaceAll("^/article/(\\d+).*$", "$1"));
        var reader = site.installation().store().readers().account("admin").orElseThrow();
        var state = site.installation().store().readers().states(reader.id(), List.of(id)).get(id);
        assertThat(state.starred()).isTrue();
        assertThat(state.read()).isTrue();
        press("s");
        CHROMIUM.waiting().until(d -> "false".equals(pressed("star")));

        press("?");
        WebElement help = browser.findElement(By.id("shortcuts"));
        assertThat(help.isDisplayed()).isTrue();
        assertThat(help.getText()).contains("键盘快捷键").contains("下一条").contains("收藏或取消收藏");
        CHROMIUM.screenshot("shortcuts-help");
        press(org.openqa.selenium.Keys.ESCAPE);
        assertThat(help.isDisplayed()).isFalse();

        press("/");
        WebElement box = browser.findElement(By.cssSelector("header form.search input[name=q]"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(box);
        press("jk");
        assertThat(box.getAttribute("value")).as("keys typed into the search box are text, not shortcuts")
                .isEqualTo("jk");
        assertThat(current()).isEqualTo(links.get(0));

        assertThat(CHROMIUM.js("return window.__sameDocument === true")).as("s and m went through htmx, no page reload")
                .isEqualTo(true);
        browser.findElement(By.tagName("h2")).click(); // leave the box
        press("o");
        CHROMIUM.waiting().until(d -> d.getCurrentUrl().contains(links.get(0).replaceAll("\\?.*$", "")));
    }

    @Test
    @Order(2)
    void theDarkModeSwitchOverridesTheSystemSettingAndIsRemembered() throws Exception {
        browser.get(site.base() + "/");
        Select theme = new Select(browser.findElement(By.id("theme")));
        assertThat(theme.getFirstSelectedOption().getAttribute("value")).isEqualTo("auto");
        assertThat(background()).isEqualTo(LIGHT_BG);
        systemScheme("dark");
        assertThat(background()).as("auto follows the system").isEqualTo(DARK_BG);
        theme.selectByValue("light");
        assertThat(background()).isEqualTo(LIGHT_BG);
        assertThat(CHROMIUM.js("return document.documentElement.dataset.theme")).isEqualTo("light");
        systemScheme("light");
        theme.selectByValue("dark");
        assertThat(background()).isEqualTo(DARK_BG);
        browser.get(site.base() + "/search?q=" + java.net.URLEncoder.encode("外长", StandardCharsets.UTF_8));
        assertThat(background()).as("the choice survives a page load").isEqualTo(DARK_BG);
        assertThat(new Select(browser.findElement(By.id("theme"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("dark");
        CHROMIUM.screenshot("search-dark");
        browser.get(site.base() + "/");
        CHROMIUM.screenshot("front-dark");
        new Select(browser.findElement(By.id("theme"))).selectByValue("auto");
        assertThat(background()).isEqualTo(LIGHT_BG);
        assertThat(CHROMIUM.js("return localStorage.getItem('huixun-theme')")).isEqualTo("auto");
    }

    private static String background() {
        return (String) CHROMIUM.js("return getComputedStyle(document.body).backgroundColor");
    }

    private static void systemScheme(String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Test
    @Order(3)
    void theManifestAndServiceWorkerAreServedAndTheWorkerCachesTheOfflinePage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = site.base();
        HttpResponse<String> manifest = http.send(HttpRequest.newBuilder(URI.create(base + "/manifest.webmanifest"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/manifest+json"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.body());
        assertThat(json.get("name").asText()).isEqualTo("汇讯");
        for (var icon : json.get("icons")) {
            HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(base + icon.get("src").asText()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(got.statusCode()).as(icon.get("src").asText()).isEqualTo(200);
            assertThat(got.headers().firstValue("Content-Type").orElse("")).startsWith(icon.get("type").asText());
        }
        HttpResponse<String> worker = http.send(HttpRequest.newBuilder(URI.create(site.base() + "/sw.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(worker.headers().firstValue("Cache-Control")).hasValue("no-cache");
        // The CSP lets a same-origin worker and manifest load: worker-src and manifest-src fall back to 'self'.
        String csp = worker.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").doesNotContain("worker-src")
                .doesNotContain("manifest-src");

        browser.get(site.base() + "/");
        Object cached = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready
                  .then(() => caches.open('huixun-shell-v1'))
                  .then(c => c.match('/offline'))
                  .then(r => r ? r.text() : 'not cached')
                  .then(done, e => done('error: ' + e));""");
        assertThat((String) cached).contains("离线").contains("网络恢复后请重新载入");
        browser.get(site.base() + "/offline");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("现在连不上网络");
    }

    @Test
    @Order(5)
    void withTheServerGoneAPageOpensTheCachedOfflinePage() throws Exception {
        // A server of its own (its own origin, so its own worker), stopped after the worker installed: real offline.
        AdminAuth auth = AdminAuth.open(site.installation().store().readers(), "admin", Optional.empty(),
                Clock.systemUTC());
        WebServer own = LoopbackServer.start(site.desk(), auth, new LoginGuard(auth));
        String origin = LoopbackServer.base(own);
        try {
            browser.get(origin + "/");
            Object state = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    navigator.serviceWorker.ready.then(r => {
                      const w = r.active;
                      if (w.state === 'activated') { done(w.state); return; }
                      w.addEventListener('statechange', () => { if (w.state === 'activated') done(w.state); });
                    }, e => done('error: ' + e));""");
            assertThat(state).isEqualTo("activated");
        } finally {
            own.close();
        }
        browser.get(origin + "/search?q=" + java.net.URLEncoder.encode("外长", StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("离线").contains("现在连不上网络");
        assertThat(background()).as("the cached stylesheet applies").isEqualTo(LIGHT_BG);
        assertThat(browser.findElements(By.cssSelector("form[action='/logout'], input[name=csrf]")))
                .as("the shell was cached without the reader's session").isEmpty();
        CHROMIUM.screenshot("offline");
    }

    /** Page → violations of impact serious or critical, each as "rule-id (impact): selector, selector". */
    @Test
    @Order(4)
    void axeFindsNoSeriousViolationsOnTheReadersPages() throws Exception {
        String axe;
        try (InputStream in = WebFrontBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String base = site.base();
        browser.get(base + "/?lang=zh-Hans");
        String article = browser.findElement(By.cssSelector("main article.story h3 a")).getAttribute("href");
        String story = base + "/story/" + site.desk().front(Optional.empty(), Optional.empty()).top().get(0).id();
        List<String> pages = List.of(base + "/", article, base + "/search?q=" + java.net.URLEncoder.encode("外长",
                StandardCharsets.UTF_8), story, base + "/following", base + "/sources", base + "/accounts", base + "/unread",
                base + "/starred",
                article + (article.contains("?") ? "&" : "?") + "repairs=1");
        List<String> serious = new ArrayList<>();
        int all = 0;
        for (String theme : List.of("light", "dark")) {
            CHROMIUM.js("localStorage.setItem('huixun-theme', arguments[0])", theme);
            for (String page : pages) {
                browser.get(page);
                CHROMIUM.waiting().until(d -> CHROMIUM.js("return document.readyState").equals("complete"));
                CHROMIUM.js(axe);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) browser)
                        .executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({
                          id: v.id, impact: v.impact,
                          nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', ')}))),
                          e => done([{id: 'axe-error', impact: 'critical', nodes: String(e)}]));""");
                all += violations.size();
                for (Map<String, Object> v : violations) {
                    String line = theme + " " + page.replace(base, "") + ": " + v.get("id") + " (" + v.get("impact")
                            + "): " + v.get("nodes");
                    System.out.println("axe " + line);
                    if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                        serious.add(line);
                    }
                }
            }
        }
        CHROMIUM.js("localStorage.setItem('huixun-theme', 'auto')");
        System.out.println("axe: " + all + " violations (rules × pages), " + serious.size() + " serious or critical");
        assertThat(serious).isEmpty();
    }
}

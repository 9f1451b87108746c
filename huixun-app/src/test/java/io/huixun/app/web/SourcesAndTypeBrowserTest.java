package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.store.NewSource;
import io.huixun.store.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 13 in real headless Chromium: OPML import with the URL field left empty (the browser itself must let the
 * form through), the sources list at 390 px (no column one character wide, no sideways scrolling), Latin letters
 * and digits of a headline in the sans face, the grouped repairs. Screenshots go to
 * {@code huixun-app/target/screenshots} (the ones kept in docs/screenshots were taken from there). Skipped where
 * Chromium is not installed, like {@link BrowserTest}.
 */
class SourcesAndTypeBrowserTest {
    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium("1280,1000", "--hide-scrollbars");
    @TempDir
    static Path dir;
    static TestSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = CHROMIUM.browser();
        Path in = TestInstallations.samples(dir, 8);
        Installation installation = TestInstallations.ingested(dir, in);
        // Sources in every state, with long names and URLs: what squeezed the old table at 390 px.
        for (int i = 1; i <= 120; i++) {
            installation.store().addSource(new NewSource(i % 3 == 0 ? "中华人民共和国外交部新闻发布会实录" + i : "新华网" + i,
                    "https://www.example-news-portal.cn/channels/international/rss/feed-" + i + ".xml",
                    SourceKind.FEED, Optional.empty(), Duration.ofMinutes(30)));
        }
        installation.store().recordFetchSuccess(2, Instant.now().minusSeconds(600), Instant.now());
        installation.store().recordFetchFailure(3, Instant.now().minusSeconds(60),
                "timed out reading the body (no data within the read timeout, after 30 s)", Instant.now());
        installation.store().setSourcePaused(4, true);
        site = TestSite.start(installation, Optional.of("browser-pass"), (desk, auth) -> List.of(new LoginGuard(auth)));
        CHROMIUM.logIn(site.base(), "admin", "browser-pass");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void anOpmlFileAloneIsImportedFromTheBrowserForm() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        Path opml = dir.resolve("subscriptions.opml");
        Files.writeString(opml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>订阅</title></head><body>
                <outline text="浏览器导入一" type="rss" xmlUrl="https://browser-a.example.cn/feed.xml"/>
                <outline text="浏览器导入二" type="rss" xmlUrl="https://browser-b.example.cn/feed.xml"/>
                </body></opml>
                """);
        browser.get(site.base() + "/sources?lang=zh-Hans");
        WebElement url = browser.findElement(By.cssSelector("form.stack input[name=url]"));
        assertThat(url.getAttribute("required")).as("the URL field must not block a file-only import").isNull();
        assertThat(url.getAttribute("value")).isEmpty();
        browser.findElement(By.cssSelector("form.stack input[name=opmlfile]")).sendKeys(opml.toString());
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        CHROMIUM.waiting().until(d -> d.findElements(By.cssSelector("p.notice")).stream()
                .anyMatch(p -> p.getText().contains("已从 OPML 导入 2 个新闻源")));
        assertThat(site.installation().store().listSources()).anyMatch(s -> s.name().equals("浏览器导入一"))
                .anyMatch(s -> s.name().equals("浏览器导入二"));
        CHROMIUM.screenshot("sources-opml-imported");
    }

    @Test
    void theSourcesListReadsAt390PixelsWithoutSidewaysScrolling() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(site.base() + "/sources?lang=zh-Hans");
        long viewport = (Long) CHROMIUM.js("return document.documentElement.clientWidth;");
        assertThat(viewport).isLessThanOrEqualTo(390);
        long scrollWidth = (Long) CHROMIUM.js("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth).as("the page must not scroll sideways").isLessThanOrEqualTo(viewport);
        // Every visible cell of the first rows is wide enough for a line of text, not one character per line.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells = (List<Map<String, Object>>) CHROMIUM.js("""
                return [...document.querySelectorAll('table.sources tbody tr')].slice(0, 6).flatMap(tr =>
                  [...tr.children].filter(td => getComputedStyle(td).display !== 'none').map(td => {
                    const r = td.getBoundingClientRect();
                    const lh = parseFloat(getComputedStyle(td).lineHeight) || 20;
                    return {cls: td.className, width: r.width, lines: Math.round(r.height / lh), chars: td.innerText.length};
                  }));""");
        assertThat(cells).isNotEmpty();
        for (Map<String, Object> c : cells) {
            double width = ((Number) c.get("width")).doubleValue();
            assertThat(width).as("width of " + c).isGreaterThan(250);
        }
        // The name of a source stays on one or two lines (it took 17 lines in the old table).
        List<WebElement> names = browser.findElements(By.cssSelector("table.sources td.name strong"));
        assertThat(names).isNotEmpty();
        for (WebElement n : names.subList(0, 6)) {
            assertThat(n.getSize().getHeight()).as(n.getText()).isLessThan(80);
        }
        assertThat(browser.findElement(By.cssSelector("tr[data-id='1'] td.state")).getText()).contains("从未抓取");
        assertThat(browser.findElement(By.cssSelector("tr[data-id='3'] td.error")).getText()).contains("读取正文超时");
        assertThat(browser.findElement(By.cssSelector("tr[data-id='4'] td.state")).getText()).contains("已暂停");
        assertThat(browser.findElement(By.cssSelector("tr[data-id='4'] td.actions")).getText()).contains("恢复");
        assertThat(browser.findElements(By.cssSelector("a[rel=next]"))).hasSize(1);
        CHROMIUM.screenshot("sources-390");
        browser.manage().window().setSize(new Dimension(1280, 760));
        browser.get(site.base() + "/sources?lang=zh-Hans");
        CHROMIUM.screenshot("sources-desktop");
    }

    @Test
    void latinLettersAndDigitsInAHeadlineAreSetInTheSansFace() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        openLeadArticle("zh-Hans");
        // Draw the same Latin text in the headline's font, in the body's (sans) font and in the generic serif:
        // the headline must match the sans drawing and differ from the serif one.
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const h1 = document.querySelector('h1');
                document.fonts.load('28px ' + getComputedStyle(h1).fontFamily, 'G20 2026').then(() => {
                  const draw = (family) => { const c = document.createElement('canvas'); c.width = 260; c.height = 40;
                    const g = c.getContext('2d'); g.font = '28px ' + family; g.fillText('G20 APEC 2026', 2, 30);
                    return c.toDataURL(); };
                  const headline = draw(getComputedStyle(h1).fontFamily);
                  done({sans: headline === draw(getComputedStyle(document.body).fontFamily),
                        serif: headline === draw('serif')});
                });""");
        @SuppressWarnings("unchecked")
        Map<String, Object> same = (Map<String, Object>) result;
        assertThat(same.get("serif")).as("headline Latin drawn like the serif face").isEqualTo(false);
        assertThat(same.get("sans")).as("headline Latin drawn like the body's sans face").isEqualTo(true);
    }

    @Test
    void theRepairsAreGroupedAndTheTraditionalViewsKeepTheName() throws Exception {
        browser.manage().window().setSize(new Dimension(1100, 640));
        openLeadArticle("zh-HK");
        assertThat(browser.findElement(By.cssSelector("article.body")).getText()).contains("穆赫里丁")
                .doesNotContain("穆赫裏丁");
        CHROMIUM.screenshot("article-zh-HK");
        browser.manage().window().setSize(new Dimension(1100, 800));
        openLeadArticle("zh-Hans");
        browser.findElement(By.cssSelector("#repairs a")).click();
        CHROMIUM.waiting().until(d -> !d.findElements(By.cssSelector("#repairs details.repair-group")).isEmpty());
        List<WebElement> groups = browser.findElements(By.cssSelector("#repairs details.repair-group"));
        assertThat(groups.size()).isGreaterThan(1);
        for (WebElement g : groups) {
            String summary = g.findElement(By.tagName("summary")).getText();
            assertThat(summary).matches(".*\\p{IsHan}.*\\d+ 处").doesNotContainPattern("[A-Z]{3,}_");
            assertThat(g.getAttribute("open")).as("collapsed until asked").isNull();
        }
        WebElement first = groups.get(0);
        first.findElement(By.tagName("summary")).click();
        CHROMIUM.waiting().until(d -> first.getAttribute("open") != null);
        assertThat(first.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        CHROMIUM.js("document.getElementById('repairs').scrollIntoView()");
        CHROMIUM.screenshot("article-repairs-grouped");
        browser.manage().window().setSize(new Dimension(390, 844));
        CHROMIUM.js("document.getElementById('repairs').scrollIntoView()");
        long scrollWidth = (Long) CHROMIUM.js("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth).isLessThanOrEqualTo((Long) CHROMIUM.js("return document.documentElement.clientWidth;"));
        CHROMIUM.screenshot("article-repairs-390");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static void openLeadArticle(String lang) {
        browser.get(site.base() + "/search?lang=" + lang + "&q=" + java.net.URLEncoder.encode("中国—中亚外长举行第六次会晤",
                java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.cssSelector(".results li a")).click();
        CHROMIUM.waiting().until(d -> d.getCurrentUrl().contains("/article/"));
    }
}

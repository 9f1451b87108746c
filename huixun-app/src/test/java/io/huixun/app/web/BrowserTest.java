package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.TestInstallations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The UI in real headless Chromium ({@link Chromium}: Debian's {@code /usr/bin/chromium} and {@code chromedriver});
 * screenshots are saved in {@code huixun-app/target/screenshots}. Skipped, with a message, where Chromium is not
 * installed; CI installs it.
 */
class BrowserTest {
    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium("1280,1600");
    /** Each payload would set window.__pwned if it ever ran. */
    static final List<String> XSS = List.of(
            "<script>window.__pwned=1</script>",
            "<img src=x onerror=\\\"window.__pwned=2\\\">",
            "<svg onload=\\\"window.__pwned=3\\\"><script>window.__pwned=3</script></svg>",
            "<a href=\\\"javascript:window.__pwned=4\\\">点我</a>",
            "<div style=\\\"background:url(javascript:window.__pwned=5)\\\">样式</div>",
            "<iframe srcdoc=\\\"<script>parent.__pwned=6</script>\\\"></iframe>",
            "\\\"><script>window.__pwned=7</script>",
            "<body onload=\\\"window.__pwned=8\\\">",
            "<math><mtext><table><mglyph><style><img src=x onerror=\\\"window.__pwned=9\\\">");

    @TempDir
    static Path dir;
    static TestSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = CHROMIUM.browser();
        Path in = TestInstallations.samples(dir, 12);
        StringBuilder hostile = new StringBuilder();
        for (int i = 0; i < XSS.size(); i++) {
            hostile.append("{\"title\":\"攻击样本").append(i).append(XSS.get(i)).append("\",\"body\":\"第").append(i)
                    .append("段正文。").append(XSS.get(i)).append("\",\"url\":\"https://evil.example/").append(i)
                    .append("\",\"source\":\"").append(XSS.get(i)).append("\"}\n");
        }
        Files.writeString(in.resolve("xss.jsonl"), hostile);
        site = TestSite.start(TestInstallations.ingested(dir, in), Optional.of("browser-pass"),
                (desk, auth) -> List.of(new LoginGuard(auth)));
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    /** True when the page's font draws "新闻" differently from a character no font has: real glyphs, not boxes. */
    static boolean rendersChineseGlyphs() {
        Object differs = ((JavascriptExecutor) browser).executeScript("""
                const draw = (text) => { const c = document.createElement('canvas'); c.width = 120; c.height = 40;
                  const g = c.getContext('2d'); g.font = '28px ' + getComputedStyle(document.body).fontFamily;
                  g.fillText(text, 2, 30); return c.toDataURL(); };
                return draw('新闻') !== draw('\\uFFFF\\uFFFE') && draw('新闻') !== draw('');""");
        return Boolean.TRUE.equals(differs);
    }

    @Test
    void frontPageShowsTopStoriesAndLatestInChinese() throws Exception {
        browser.get(site.base() + "/");
        assertThat(browser.getTitle()).contains("汇讯");
        assertThat(browser.findElements(By.cssSelector("article.story"))).isNotEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("要闻").contains("最新");
        assertThat(rendersChineseGlyphs()).as("CJK font installed (fonts-wqy-microhei)").isTrue();
        CHROMIUM.screenshot("front-page");
    }

    @Test
    void aSearchTypedInTraditionalHighlightsTheSimplifiedArticle() throws Exception {
        browser.get(site.base() + "/");
        WebElement box = browser.findElement(By.cssSelector("header form.search input[name=q]"));
        box.sendKeys("中亞外長");
        box.submit();
        CHROMIUM.waiting().until(d -> d.getCurrentUrl().contains("/search"));
        List<WebElement> marks = browser.findElements(By.cssSelector(".results mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks.stream().map(WebElement::getText).toList()).anyMatch(t -> t.contains("中亚") || t.contains("外长"));
        assertThat(browser.findElement(By.cssSelector(".results")).getText()).contains("中国—中亚外长举行第六次会晤");
        CHROMIUM.screenshot("search-traditional-query");
    }

    @Test
    void theScriptSwitchShowsTheArticleInTraditionalAndBack() throws Exception {
        openLeadArticle();
        assertThat(browser.findElement(By.cssSelector("article.body")).getText()).contains("当地时间");
        browser.findElement(By.cssSelector("#scripts a[data-script=zh-Hant]")).click();
        CHROMIUM.waiting().until(d -> d.getCurrentUrl().contains("zh-Hant"));
        assertThat(browser.findElement(By.cssSelector("article.body")).getText()).contains("當地時間").contains("中亞");
        CHROMIUM.screenshot("article-traditional");
        browser.findElement(By.cssSelector("#scripts a[data-script=zh-TW]")).click();
        CHROMIUM.waiting().until(d -> d.getCurrentUrl().contains("zh-TW"));
        assertThat(browser.findElement(By.cssSelector("article.body")).getText()).contains("當地時間");
        browser.findElement(By.cssSelector("#scripts a[data-script=zh-Hans]")).click();
        CHROMIUM.waiting().until(d -> d.getCurrentUrl().contains("zh-Hans"));
        assertThat(browser.findElement(By.cssSelector("article.body")).getText()).contains("当地时间");
    }

    @Test
    void theRepairedViewShowsEachEditOverTheOriginal() throws Exception {
        openLeadArticle();
        browser.findElement(By.cssSelector("#repairs a")).click();
        CHROMIUM.waiting()
                .until(d -> !d.findElements(By.cssSelector("#repairs details")).isEmpty());
        WebElement repairs = browser.findElement(By.id("repairs"));
        repairs.findElements(By.cssSelector("details:not([open]) summary")).forEach(WebElement::click);
        assertThat(repairs.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThan(3);
        assertThat(repairs.getText()).contains("(dāng)").contains("當");
        CHROMIUM.screenshot("article-repairs");
    }

    @Test
    void anAdministratorAddsASourceAfterLoggingIn() throws Exception {
        browser.get(site.base() + "/login");
        browser.findElement(By.name("user")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("browser-pass");
        browser.findElement(By.cssSelector("form.stack button")).click();
        CHROMIUM.waiting().until(d -> d.getCurrentUrl().contains("/sources"));
        browser.findElement(By.name("url")).sendKeys("https://news.example.cn/rss.xml");
        browser.findElement(By.cssSelector("form.stack button")).click();
        CHROMIUM.waiting()
                .until(d -> d.findElement(By.tagName("body")).getText().contains("已添加新闻源"));
        assertThat(browser.findElement(By.cssSelector("table.sources")).getText()).contains("news.example.cn");
        CHROMIUM.screenshot("sources-added");
    }

    @Test
    void hostileArticleBodiesNeverExecute() throws Exception {
        List<String> pages = new java.util.ArrayList<>(List.of("/", "/search?q=" + java.net.URLEncoder.encode("攻击样本",
                java.nio.charset.StandardCharsets.UTF_8)));
        site.installation().store().listRecent(io.huixun.store.RecentFilter.CANONICAL, 0, 100).stream()
                .filter(a -> a.title().startsWith("攻击样本")).forEach(a -> {
                    pages.add("/article/" + a.id());
                    pages.add("/article/" + a.id() + "?repairs=1");
                });
        assertThat(pages).hasSizeGreaterThan(XSS.size());
        for (String page : pages) {
            browser.get(site.base() + page);
            Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned || null;");
            assertThat(pwned).as("payload ran on " + page).isNull();
            try {
                browser.switchTo().alert();
                throw new AssertionError("an alert opened on " + page);
            } catch (NoAlertPresentException expected) {
                // nothing executed
            }
        }
        CHROMIUM.screenshot("xss-search");
    }

    private static void openLeadArticle() {
        browser.get(site.base() + "/search?q=" + java.net.URLEncoder.encode("中国—中亚外长举行第六次会晤",
                java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.cssSelector(".results li a")).click();
        CHROMIUM.waiting().until(d -> d.getCurrentUrl().contains("/article/"));
    }
}

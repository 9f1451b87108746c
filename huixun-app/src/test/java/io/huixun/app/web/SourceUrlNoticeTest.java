package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web page words each answer of the one source-URL check ({@code fetch.SourceUrl}) in the reader's language. */
class SourceUrlNoticeTest {
    @TempDir
    Path dir;

    @Test
    void eachAnswerHasItsMessageInEveryLanguage() {
        try (Installation installation = TestInstallations.openForLoopback(dir.resolve("data"))) {
            LocalNewsDesk desk = new LocalNewsDesk(installation);
            Notice notHttp = desk.addSource("ftp://www.news.cn/rss.xml", Optional.empty(), Duration.ofMinutes(30));
            assertThat(notHttp.failed()).isTrue();
            assertThat(notHttp.text(Messages.of(Lang.ZH_HANS))).isEqualTo(
                    "只有 http 和 https 网址可以作为新闻源：ftp://www.news.cn/rss.xml");
            assertThat(notHttp.text(Messages.of(Lang.EN))).isEqualTo(
                    "Only http and https URLs can be sources: ftp://www.news.cn/rss.xml");

            Notice broken = desk.addSource("http://www.news.cn:99999/rss", Optional.empty(), Duration.ofMinutes(30));
            assertThat(broken.failed()).isTrue();
            assertThat(broken.text(Messages.of(Lang.ZH_HANS))).isEqualTo("这不是网址：http://www.news.cn:99999/rss");
            assertThat(broken.text(Messages.of(Lang.EN))).isEqualTo("Not a URL: http://www.news.cn:99999/rss");

            Notice idn = desk.addSource(" https://新华网.cn/rss ", Optional.empty(), Duration.ofMinutes(30));
            assertThat(idn.failed()).as(idn.text(Messages.of(Lang.EN))).isFalse();
            assertThat(idn.text(Messages.of(Lang.EN))).endsWith(": 新华网.cn");
            assertThat(installation.store().countSources()).isEqualTo(1);
        }
    }
}

package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sources add} words each answer of the one source-URL check ({@code fetch.SourceUrl}) as a usage error. */
class SourceUrlUsageTest {
    @TempDir
    Path dir;

    private String error(String url) {
        CliRun r = CliRun.run("sources", "add", url, "--data", dir.resolve("data").toString());
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(HuixunCommand.USAGE);
        return r.stderr().lines().findFirst().orElse("");
    }

    @Test
    void anotherSchemeOrNoHostIsNotAnHttpUrl() {
        assertThat(error("ftp://www.news.cn/rss.xml"))
                .contains("a source must be an http(s) URL, got ftp://www.news.cn/rss.xml");
        assertThat(error("www.news.cn/rss.xml")).contains("a source must be an http(s) URL, got www.news.cn/rss.xml");
    }

    @Test
    void aBrokenHttpUrlIsNotAUrl() {
        assertThat(error("http://bad host/rss")).contains("not a URL: http://bad host/rss");
        assertThat(error("http://www.news.cn:99999/rss")).contains("not a URL: http://www.news.cn:99999/rss");
    }
}

package io.huixun.store.jdbc;

import io.huixun.dedup.Deduplicator;
import io.huixun.store.NewArticle;
import io.huixun.store.OriginalContent;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds articles for tests: the original is the UTF-8 of a small JSON line, as the JSONL ingest would keep it. */
public final class TestArticles {
    public static final Deduplicator DEDUP = Deduplicator.standard();
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private TestArticles() {
    }

    public static NewArticle article(String url, String title, String body, ZonedDateTime published) {
        String line = "{\"url\":\"" + url + "\",\"title\":\"" + title + "\",\"body\":\"" + body + "\"}";
        return new NewArticle(Optional.of(url), OptionalLong.empty(), "央视网", title, Optional.of(published), false,
                new OriginalContent(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), body, "[]",
                DEDUP.fingerprint(body), OptionalLong.empty());
    }

    public static NewArticle article(int n) {
        return article("https://news.example.cn/" + n + ".html", "标题" + n, "第" + n + "篇新闻正文，内容各不相同。",
                ZonedDateTime.of(2025, 4, 1, 19, 0, 0, 0, SHANGHAI).plusMinutes(n));
    }
}

package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.fetch.FetchResult;
import io.huixun.search.QueryParser;
import io.huixun.search.QueryProblem;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fetcher's and the query parser's own English sentences, shown in Chinese: nothing English is left but details. */
class SentencesTest {
    static final URI U = URI.create("https://news.example.cn/rss.xml");
    static final String R = U.toString();

    /** Letters left once details (hosts, statuses, reason phrases, units) are removed: none may be English words. */
    static String englishLeft(String shown, String... details) {
        String s = shown;
        for (String d : details) {
            s = s.replace(d, "");
        }
        return s.replaceAll("[^A-Za-z ]", " ").replaceAll("\\b(HTTP|robots|txt|s|ms|min|MiB|KiB)\\b", "").strip();
    }

    @Test
    void everyFetchOutcomeTheRefresherRecordsReadsAsChinese() {
        List<FetchResult> results = List.of(
                new FetchResult.HttpError(R, U, 503, Optional.empty(), "Service Unavailable"),
                new FetchResult.HttpError(R, U, 404, Optional.empty()),
                new FetchResult.Failed(R, U, FetchResult.Failure.CONNECTION_REFUSED, "connection refused by 203.0.113.5:443"),
                new FetchResult.Failed(R, U, FetchResult.Failure.UNKNOWN_HOST, "unknown host news.example.cn"),
                new FetchResult.TimedOut(R, U, Duration.ofSeconds(30), "read timeout", FetchResult.Stage.BODY, false),
                new FetchResult.TimedOut(R, U, Duration.ofSeconds(10), "deadline", FetchResult.Stage.CONNECT, true),
                new FetchResult.BlockedByRobots(R, U, "Disallow: /"),
                new FetchResult.BlockedAddress(R, U, "private address 10.0.0.1"),
                new FetchResult.TooLarge(R, U, 10L << 20),
                new FetchResult.TooManyRedirects(R, List.of(U, U, U)),
                new FetchResult.Deferred(R, U, Instant.parse("2026-12-03T10:00:00Z")));
        for (FetchResult r : results) {
            String zh = Sentences.fetchError(r.describe(), Lang.ZH_HANS);
            assertThat(zh).as(r.describe()).containsPattern("\\p{IsHan}")
                    .isNotEqualTo(r.describe());
            assertThat(englishLeft(zh, R, "Service Unavailable", "Not Found", "news.example.cn", "Disallow",
                    "private address", "T10:00:00Z")).as(zh).isEmpty();
            assertThat(Sentences.fetchError(r.describe(), Lang.EN)).isEqualTo(r.describe());
        }
        assertThat(Sentences.fetchError("connection refused by 203.0.113.5:443", Lang.ZH_HANS))
                .isEqualTo("连接被拒绝：203.0.113.5:443");
        assertThat(Sentences.fetchError("HTTP 404", Lang.ZH_HANS)).isEqualTo("服务器返回 HTTP 404");
        assertThat(Sentences.fetchError("blocked address: 127.0.0.1 resolves to a blocked address: loopback 127.0.0.1",
                Lang.ZH_HANS)).isEqualTo("地址被安全规则拦截：127.0.0.1 指向禁止访问的地址（loopback 127.0.0.1）");
    }

    @Test
    void aJavaRecordStoredByAnOlderVersionIsReducedToItsReason() {
        String record = new FetchResult.Failed(R, U, FetchResult.Failure.CONNECTION_REFUSED,
                "connection refused by 203.0.113.5:443").toString();
        assertThat(record).startsWith("Failed[requestedUrl=");
        assertThat(Sentences.fetchError(record, Lang.EN)).isEqualTo("connection refused by 203.0.113.5:443");
        assertThat(Sentences.fetchError(record, Lang.ZH_HANS)).isEqualTo("连接被拒绝：203.0.113.5:443");
        String http = "HttpError[requestedUrl=" + R + ", url=" + R + ", status=502, retryAfter=Optional.empty, reasonPhrase=]";
        assertThat(Sentences.fetchError(http, Lang.ZH_HANS)).isEqualTo("服务器返回 HTTP 502").doesNotContain("[");
    }

    @Test
    void unknownSentencesAreShownAsStored() {
        assertThat(Sentences.fetchError("something new went wrong", Lang.ZH_HANS)).isEqualTo("something new went wrong");
    }

    @Test
    void queryProblemsReadAsChinese() {
        for (String q : List.of("foo:bar", "after:", "after:2024-13-45", "after:yesterday", "*", "a ".repeat(70))) {
            QueryProblem p = (QueryProblem) QueryParser.parse(q);
            String zh = Sentences.queryProblem(p.message(), Lang.ZH_HANS);
            assertThat(zh).as(p.message()).containsPattern("\\p{IsHan}").isNotEqualTo(p.message());
        }
    }
}

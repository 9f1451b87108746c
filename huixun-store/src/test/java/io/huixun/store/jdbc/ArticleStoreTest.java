package io.huixun.store.jdbc;

import static io.huixun.store.jdbc.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huixun.dedup.DedupIndex;
import io.huixun.dedup.DedupVerdict;
import io.huixun.store.ArticleStore;
import io.huixun.store.ArticleSummary;
import io.huixun.store.NewArticle;
import io.huixun.store.OriginalContent;
import io.huixun.store.SaveResult;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoredFingerprint;
import java.nio.charset.Charset;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The store's behaviour, the same on every back-end (PostgreSQL only when a test database is configured). */
@ParameterizedClass(name = "{0}")
@MethodSource("io.huixun.store.jdbc.StoreBackend#all")
class ArticleStoreTest extends OnEveryStoreBackend {


    private long insert(NewArticle article) {
        return ((SaveResult.Inserted) store.save(article)).article().id();
    }

    @Test
    void aSecretIsMadeOnceAndEveryNodeReadsTheSame() {
        byte[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        byte[] other = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        assertThat(store.secret("image-proxy", first)).isEqualTo(first);
        assertThat(store.secret("image-proxy", other)).as("kept, not replaced").isEqualTo(first);
        try (io.huixun.store.ArticleStore node = place.open()) {
            assertThat(node.secret("image-proxy", other)).as("a second node").isEqualTo(first);
            assertThat(node.secret("another", other)).isEqualTo(other);
        }
    }

    @Test
    void savedArticleReadsBackWithEveryField() {
        Charset gbk = Charset.forName("GB18030");
        String body = "新华社北京4月27日电 当地时间2025年4月26日，记者报道。";
        NewArticle article = new NewArticle(Optional.of("https://news.example.cn/a.html"), OptionalLong.empty(),
                "新华社", "标题", Optional.of(ZonedDateTime.of(2025, 4, 27, 8, 30, 15, 123_456_789, TestArticles.SHANGHAI)),
                true, new OriginalContent(body.getBytes(gbk), gbk), body,
                "[{\"kind\":\"width\",\"start\":3,\"end\":4}]", TestArticles.DEDUP.fingerprint(body), OptionalLong.empty());

        SaveResult result = store.save(article);

        assertThat(result).isInstanceOf(SaveResult.Inserted.class);
        StoredArticle inserted = ((SaveResult.Inserted) result).article();
        StoredArticle found = store.find(inserted.id()).orElseThrow();
        assertThat(found).isEqualTo(inserted);
        assertThat(found.original().text()).isEqualTo(body);
        assertThat(found.original().charset()).isEqualTo(gbk);
        assertThat(found.published()).contains(ZonedDateTime.of(2025, 4, 27, 8, 30, 15, 123_000_000, TestArticles.SHANGHAI));
        assertThat(found.published().orElseThrow().getZone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(found.teaser()).isTrue();
        assertThat(found.fingerprint()).isEqualTo(article.fingerprint());
        assertThat(store.findByUrl("https://news.example.cn/a.html")).contains(found);
        assertThat(store.findByContentHash(article.original().hash())).contains(found);
        assertThat(store.canonicalText(found.id())).contains(body);
    }

    @Test
    void savingTheSameInputAgainWritesNothing() {
        NewArticle article = article(1);
        long id = insert(article);

        assertThat(store.save(article)).isInstanceOfSatisfying(SaveResult.AlreadyStored.class, s -> {
            assertThat(s.existing().id()).isEqualTo(id);
            assertThat(s.conflict()).isEqualTo(SaveResult.Conflict.URL);
        });
        NewArticle sameBytesOtherUrl = new NewArticle(Optional.of("https://mirror.example.cn/1.html"),
                OptionalLong.empty(), "x", "y", Optional.empty(), false, article.original(), "z", "[]",
                article.fingerprint(), OptionalLong.empty());
        assertThat(store.save(sameBytesOtherUrl)).isInstanceOfSatisfying(SaveResult.AlreadyStored.class,
                s -> assertThat(s.conflict()).isEqualTo(SaveResult.Conflict.CONTENT_HASH));
        assertThat(store.saveAll(List.of(article, article(2), article(2))))
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("AlreadyStored", "Inserted", "AlreadyStored");
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void badValuesAreRejectedWithTheRuleAndNothingIsWritten() {
        NewArticle ok = article(1);
        List<NewArticle> bad = List.of(
                with(ok, "x".repeat(1001), ok.canonicalText(), ok.published()),
                with(ok, ok.title(), "正".repeat((4 << 20) + 1), ok.published()),
                with(ok, ok.title(), ok.canonicalText(), Optional.of(ZonedDateTime.of(1066, 10, 14, 9, 0, 0, 0, ZoneOffset.UTC))),
                with(ok, ok.title(), ok.canonicalText(), Optional.of(ZonedDateTime.of(20250, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))),
                with(ok, "a\u0000b", ok.canonicalText(), ok.published()),
                with(ok, ok.title(), "half \uD800 surrogate", ok.published()),
                new NewArticle(Optional.of(" "), OptionalLong.empty(), "s", "t", Optional.empty(), false,
                        ok.original(), "x", "[]", ok.fingerprint(), OptionalLong.empty()),
                new NewArticle(ok.url(), OptionalLong.empty(), "s", "t", Optional.empty(), false, ok.original(), "x",
                        "not json", ok.fingerprint(), OptionalLong.empty()),
                ok.withDuplicateOf(999),
                new NewArticle(ok.url(), OptionalLong.of(42), "s", "t", Optional.empty(), false, ok.original(), "x",
                        "[]", ok.fingerprint(), OptionalLong.empty()));
        List<String> fields = new ArrayList<>();
        for (NewArticle article : bad) {
            SaveResult result = store.save(article);
            assertThat(result).as(article.title()).isInstanceOf(SaveResult.Rejected.class);
            SaveResult.Rejected rejected = (SaveResult.Rejected) result;
            assertThat(rejected.message()).startsWith(rejected.field() + ": ");
            fields.add(rejected.field());
        }
        assertThat(fields).containsExactly("title", "canonicalText", "published", "published", "title",
                "canonicalText", "url", "repairLogJson", "duplicateOf", "sourceId");
        assertThat(((SaveResult.Rejected) store.save(bad.get(2))).message()).contains("1066", "1900..2200");
        assertThat(store.count()).isZero();
        ArticleStore small = place.open(new io.huixun.store.StoreLimits(10, 100, 100, 100, 100, 100, 1900, 2200));
        try (small) {
            assertThat(small.save(ok)).isInstanceOfSatisfying(SaveResult.Rejected.class,
                    r -> assertThat(r.message()).contains("exceeds the limit of 10 bytes"));
        }
    }

    private static NewArticle with(NewArticle a, String title, String text, Optional<ZonedDateTime> published) {
        return new NewArticle(a.url(), a.sourceId(), a.source(), title, published, a.teaser(), a.original(), text,
                a.repairLogJson(), a.fingerprint(), a.duplicateOf());
    }

    @Test
    void valuesThatLookLikeSqlAreStoredVerbatim() {
        String url = "https://x.example/'); DROP TABLE articles; --";
        long id = insert(article(url, "Robert'); DROP TABLE articles;--", "正文' OR '1'='1", ZonedDateTime.now(TestArticles.SHANGHAI)));
        assertThat(store.findByUrl(url).orElseThrow().id()).isEqualTo(id);
        assertThat(store.find(id).orElseThrow().title()).isEqualTo("Robert'); DROP TABLE articles;--");
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void copiesLinkToTheCanonicalAndCanBePromoted() {
        long a = insert(article(1));
        long b = insert(article(2).withDuplicateOf(a));
        long c = insert(article(3).withDuplicateOf(b)); // a copy of a copy links to the canonical
        long d = insert(article(4));

        assertThat(store.find(c).orElseThrow().duplicateOf()).hasValue(a);
        assertThat(store.alsoAt(a)).extracting(ArticleSummary::id).containsExactly(b, c);
        assertThat(store.alsoAt(b)).extracting(ArticleSummary::id).containsExactly(a, c);
        assertThat(store.alsoAt(d)).isEmpty();

        store.promoteCanonical(c, a);
        assertThat(store.find(c).orElseThrow().duplicateOf()).isEmpty();
        assertThat(store.find(a).orElseThrow().duplicateOf()).hasValue(c);
        assertThat(store.find(b).orElseThrow().duplicateOf()).hasValue(c);
        assertThatThrownBy(() -> store.promoteCanonical(d, a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not canonical");
    }

    @Test
    void recentListIsNewestFirstAndCanHideCopies() {
        long first = insert(article(1));
        long second = insert(article(2).withDuplicateOf(first));
        long third = insert(article(3));
        assertThat(store.listRecent(false, 0, 10)).extracting(ArticleSummary::id).containsExactly(third, second, first);
        assertThat(store.listRecent(true, 0, 10)).extracting(ArticleSummary::id).containsExactly(third, first);
        assertThat(store.listRecent(false, 1, 1)).extracting(ArticleSummary::id).containsExactly(second);
    }

    @Test
    void aCursorPagesThroughTheRecentListInTheSameOrderWithoutOffsets() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            // every fourth shares one time with the others of its kind: ties are broken by id
            ids.add(insert(TestArticles.article("https://news.example.cn/c" + i + ".html", "标题" + i,
                    "第" + i + "篇不同的新闻正文。", java.time.ZonedDateTime.parse("2025-04-01T19:00:00+08:00")
                            .plusMinutes(i % 4 == 0 ? 0 : i))));
        }
        List<Long> expected = store.listRecent(true, 0, 100).stream().map(ArticleSummary::id).toList();
        assertThat(expected).hasSize(12);
        List<Long> paged = new java.util.ArrayList<>(store.listRecent(true, 0, 5).stream().map(ArticleSummary::id)
                .toList());
        List<ArticleSummary> page;
        while (!(page = store.listRecentBefore(true, paged.get(paged.size() - 1), 5)).isEmpty()) {
            page.forEach(a -> paged.add(a.id()));
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(store.listRecentBefore(true, 999_999, 5)).isEmpty();
    }

    @Test
    void exportStreamsEveryArticleAndFingerprintsRebuildTheIndex() {
        long seventh = 0;
        for (int i = 1; i <= 30; i++) {
            long id = insert(article(i));
            seventh = i == 7 ? id : seventh;
        }
        try (Stream<StoredArticle> all = store.exportAll()) {
            assertThat(all.map(StoredArticle::title)).hasSize(30).startsWith("标题1", "标题2");
        }
        DedupIndex index = new DedupIndex(TestArticles.DEDUP.config(), store::fingerprint);
        try (Stream<StoredFingerprint> fingerprints = store.fingerprints()) {
            fingerprints.forEach(f -> index.add(f.id(), f.canonicalId(), f.fingerprint(), f.rank()));
        }
        assertThat(index.size()).isEqualTo(30);
        NewArticle again = article(7);
        assertThat(store.fingerprint(seventh)).contains(again.fingerprint());
        assertThat(store.fingerprint(999_999)).isEmpty();
        assertThat(index.check(again.fingerprint(), new io.huixun.dedup.CanonicalRank(true, Optional.empty())))
                .isInstanceOf(DedupVerdict.DuplicateOf.class);
    }

    @Test
    void sourcesAreRegisteredOnceAndKeepTheirHealth() {
        var added = (io.huixun.store.SourceAddResult.Added) store.addSource(new io.huixun.store.NewSource("央视网",
                "https://news.example.cn/rss.xml", io.huixun.store.SourceKind.FEED, Optional.of("gb18030"),
                java.time.Duration.ofMinutes(15)));
        long id = added.source().id();
        assertThat(store.addSource(new io.huixun.store.NewSource("again", "https://news.example.cn/rss.xml",
                io.huixun.store.SourceKind.FEED, Optional.empty(), java.time.Duration.ofMinutes(5))))
                .isInstanceOf(io.huixun.store.SourceAddResult.AlreadyRegistered.class);

        java.time.Instant t = java.time.Instant.parse("2025-04-27T00:00:00Z");
        assertThat(store.recordFetchFailure(id, t, "HTTP 503", t.plusSeconds(60))).isTrue();
        assertThat(store.recordFetchFailure(id, t.plusSeconds(60), "timeout", t.plusSeconds(180))).isTrue();
        var health = store.findSource(id).orElseThrow().health();
        assertThat(health.consecutiveFailures()).isEqualTo(2);
        assertThat(health.lastError()).contains("timeout");
        assertThat(health.nextDue()).contains(t.plusSeconds(180));
        assertThat(store.recordFetchSuccess(id, t.plusSeconds(200), t.plusSeconds(1100))).isTrue();
        health = store.findSource(id).orElseThrow().health();
        assertThat(health.consecutiveFailures()).isZero();
        assertThat(health.lastSuccess()).contains(t.plusSeconds(200));

        NewArticle fromSource = new NewArticle(Optional.of("https://news.example.cn/1.html"), OptionalLong.of(id),
                "央视网", "t", Optional.empty(), false, article(1).original(), "正文", "[]", article(1).fingerprint(),
                OptionalLong.empty());
        long articleId = insert(fromSource);
        assertThat(store.listSources()).hasSize(1);
        assertThat(store.removeSource(id)).isTrue();
        assertThat(store.removeSource(id)).isFalse();
        assertThat(store.listSources()).isEmpty();
        assertThat(store.find(articleId).orElseThrow().sourceId()).isEmpty();
        assertThat(store.recordFetchSuccess(id, t, t)).isFalse();
    }

    @Test
    void reopeningKeepsData() {
        long id = insert(article(1));
        store.close();
        store = place.open();
        assertThat(store.find(id)).isPresent();
        assertThat(store.save(article(1))).isInstanceOf(SaveResult.AlreadyStored.class);
    }

    @Test
    void readersRunWhileTheWriterWrites() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> writer = pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    store.save(article(i));
                }
                return 200;
            });
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    long last = 0;
                    while (!writer.isDone()) {
                        long now = store.count();
                        assertThat(now).isGreaterThanOrEqualTo(last); // committed rows never disappear
                        last = now;
                        store.listRecent(true, 0, 20);
                    }
                    return last;
                }));
            }
            assertThat(writer.get()).isEqualTo(200);
            for (Future<Long> reader : readers) {
                assertThat(reader.get()).isLessThanOrEqualTo(200);
            }
            assertThat(store.count()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoStoresOnOneFileWritingTheSameArticlesStoreEachOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ArticleStore second = place.open()) {
            List<Future<Integer>> writers = new ArrayList<>();
            for (ArticleStore s : List.of(store, second)) {
                writers.add(pool.submit(() -> {
                    int inserted = 0;
                    for (int i = 0; i < 150; i++) {
                        inserted += s.save(article(i)) instanceof SaveResult.Inserted ? 1 : 0;
                    }
                    return inserted;
                }));
            }
            assertThat(writers.get(0).get() + writers.get(1).get()).isEqualTo(150);
            assertThat(store.count()).isEqualTo(150);
            assertThat(second.count()).isEqualTo(150);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoNodesSavingTheSameBatchesInOppositeOrderStoreEachOnce() throws Exception {
        List<NewArticle> forward = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            forward.add(article(i));
        }
        List<NewArticle> backward = new ArrayList<>(forward);
        java.util.Collections.reverse(backward);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ArticleStore second = place.open()) {
            List<Future<Integer>> writers = new ArrayList<>();
            for (ArticleStore s : List.of(store, second)) {
                List<NewArticle> order = s == store ? forward : backward;
                writers.add(pool.submit(() -> {
                    int inserted = 0;
                    for (int from = 0; from < order.size(); from += 20) {
                        for (SaveResult r : s.saveAll(order.subList(from, from + 20))) {
                            assertThat(r).isInstanceOfAny(SaveResult.Inserted.class, SaveResult.AlreadyStored.class);
                            inserted += r instanceof SaveResult.Inserted ? 1 : 0;
                        }
                    }
                    return inserted;
                }));
            }
            assertThat(writers.get(0).get() + writers.get(1).get()).isEqualTo(120);
            assertThat(store.count()).isEqualTo(120);
            try (Stream<StoredArticle> all = second.exportAll()) {
                assertThat(all.map(a -> a.url().orElseThrow()).distinct().count()).isEqualTo(120);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();
        store.close();
        assertThatThrownBy(() -> store.count()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}

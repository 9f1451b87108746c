package io.huixun.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.nlp.Category;
import io.huixun.nlp.Entities;
import io.huixun.nlp.Understanding;
import io.huixun.store.ArticleSummary;
import io.huixun.store.NewArticle;
import io.huixun.store.OriginalContent;
import io.huixun.store.RecentFilter;
import io.huixun.store.SaveResult;
import io.huixun.store.StoredUnderstanding;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Listing pages (newest first, by source and category, with cursors and offsets) against the same list sorted here.
 * Publication order differs from insertion order and pairs of articles share a time, so ties fall to the id; copies
 * are left out; one category is rare, one empty, so both ways of reading a category (walking the newest articles, and
 * the category's own index when a page comes up short) are taken.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.huixun.store.jdbc.StoreBackend#all")
class ListingTest extends OnEveryStoreBackend {
    private static final ZonedDateTime T0 = ZonedDateTime.of(2025, 4, 1, 19, 0, 0, 0, TestArticles.SHANGHAI);
    private static final List<Category> COMMON = List.of(Category.POLITICS, Category.ECONOMY, Category.SPORTS);

    private record Row(long id, ZonedDateTime at, String source, Category category, boolean copy) {}

    private List<Row> fill(int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String source = i % 3 == 0 ? "新华网" : "央视网";
            ZonedDateTime at = T0.plusMinutes((i * 37L) % (n / 2));
            Category category = i == n / 2 ? Category.MILITARY : COMMON.get(i % COMMON.size());
            boolean copy = i % 7 == 6;
            String body = "第" + i + "篇，各不相同的正文。";
            String line = "{\"title\":\"标题" + i + "\"}";
            NewArticle a = new NewArticle(Optional.of("https://news.example.cn/l/" + i + ".html"), OptionalLong.empty(),
                    source, "标题" + i, Optional.of(at), false,
                    new OriginalContent(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), body, "[]",
                    TestArticles.DEDUP.fingerprint(body),
                    copy ? OptionalLong.of(rows.get(rows.size() - 1).id()) : OptionalLong.empty());
            long id = ((SaveResult.Inserted) store.save(a)).article().id();
            store.saveUnderstanding(new StoredUnderstanding(id, new Understanding(List.of(), Entities.NONE,
                    Optional.empty(), "", category), Optional.empty()));
            rows.add(new Row(id, at, source, category, copy));
        }
        return rows;
    }

    private static List<Long> expected(List<Row> rows, RecentFilter f) {
        return rows.stream().filter(r -> !r.copy())
                .filter(r -> f.source().map(r.source()::equals).orElse(true))
                .filter(r -> f.category().map(r.category().name()::equals).orElse(true))
                .sorted(Comparator.comparing((Row r) -> r.at().toInstant()).thenComparingLong(Row::id).reversed())
                .map(Row::id).toList();
    }

    private static List<Long> ids(List<ArticleSummary> page) {
        return page.stream().map(ArticleSummary::id).toList();
    }

    @Test
    void everyFilterPagesThroughExactlyItsArticlesNewestFirst() {
        pageThroughEveryFilter(fill(90));
    }

    @Test
    void aCategoryTooRareForTheWalkIsReadThroughItsIndex() {
        List<Row> rows = fill(90);
        ((JdbcArticleStore) store).shortenCategoryWalk(6);
        pageThroughEveryFilter(rows);
    }

    private void pageThroughEveryFilter(List<Row> rows) {
        for (Optional<String> source : List.of(Optional.<String>empty(), Optional.of("新华网"), Optional.of("没有这个来源"))) {
            for (Optional<String> category : List.of(Optional.<String>empty(), Optional.of("POLITICS"),
                    Optional.of("MILITARY"), Optional.of("HEALTH"))) {
                RecentFilter f = new RecentFilter(true, source, category);
                List<Long> want = expected(rows, f);
                String what = f.toString();

                List<Long> backward = new ArrayList<>();
                OptionalLong before = OptionalLong.empty();
                for (List<Long> page; !(page = ids(store.listPage(f, before, OptionalLong.empty(), 4))).isEmpty(); ) {
                    backward.addAll(page);
                    before = OptionalLong.of(page.get(page.size() - 1));
                }
                assertThat(backward).as(what).isEqualTo(want);

                if (!want.isEmpty()) {
                    List<Long> forward = new ArrayList<>();
                    OptionalLong after = OptionalLong.of(want.get(want.size() - 1));
                    for (List<Long> page; !(page = ids(store.listPage(f, OptionalLong.empty(), after, 4))).isEmpty(); ) {
                        forward.addAll(page);
                        after = OptionalLong.of(page.get(page.size() - 1));
                    }
                    assertThat(forward).as(what).isEqualTo(want.reversed().subList(1, want.size()));
                }

                for (int offset : new int[] {0, 5, 11}) {
                    assertThat(ids(store.listRecent(f, offset, 5))).as(what + " offset " + offset)
                            .isEqualTo(want.subList(Math.min(offset, want.size()), Math.min(offset + 5, want.size())));
                }
            }
        }
        assertThat(expected(rows, new RecentFilter(true, Optional.empty(), Optional.of("MILITARY")))).hasSize(1);
    }
}

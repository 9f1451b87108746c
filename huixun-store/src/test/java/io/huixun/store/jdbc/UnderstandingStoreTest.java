package io.huixun.store.jdbc;

import static io.huixun.store.jdbc.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.extract.DatelineParser;
import io.huixun.model.Dateline;
import io.huixun.nlp.Category;
import io.huixun.nlp.Entities;
import io.huixun.nlp.Understanding;
import io.huixun.store.ArticleStore;
import io.huixun.store.ArticleSummary;
import io.huixun.store.NewArticle;
import io.huixun.store.NewSource;
import io.huixun.store.RecentFilter;
import io.huixun.store.SaveResult;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import io.huixun.store.StoredUnderstanding;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("io.huixun.store.jdbc.StoreBackend#all")
class UnderstandingStoreTest extends OnEveryStoreBackend {


    private long insert(NewArticle article) {
        return ((SaveResult.Inserted) store.save(article)).article().id();
    }

    private static Understanding understanding(Category category, String person) {
        Dateline dateline = new Dateline("新华社北京4月27日电（记者杨维汉、罗沙）", 0, Optional.of("新华社"), Optional.of("北京"),
                Optional.of(LocalDate.of(2025, 4, 27)), List.of("杨维汉", "罗沙"));
        return new Understanding(List.of("外长", "会晤"), new Entities(List.of(person), List.of("阿拉木图"),
                List.of("外交部")), Optional.of(dateline), "两句摘要。第二句。", category);
    }

    @Test
    void understandingRoundTripsWithEveryFieldAndCanBeReplaced() {
        long id = insert(article(1));
        StoredUnderstanding stored = new StoredUnderstanding(id, understanding(Category.INTERNATIONAL, "王毅"),
                Optional.of("s-1"));
        store.saveUnderstanding(stored);
        assertThat(store.understanding(id)).contains(stored);
        // the stored columns are those the nlp dateline had before the two records became one: they still read whole
        assertThat(store.understanding(id).flatMap(s -> s.understanding().dateline()).map(DatelineParser::heading))
                .contains("新华社北京4月27日电");

        StoredUnderstanding replaced = new StoredUnderstanding(id, new Understanding(List.of(), Entities.NONE,
                Optional.empty(), "", Category.OTHER), Optional.empty());
        store.saveUnderstanding(replaced);
        assertThat(store.understanding(id)).contains(replaced);
        assertThat(store.understandings(List.of(id, 999L))).containsOnlyKeys(id);
    }

    @Test
    void recentNewsFiltersBySourceAndCategory() {
        long a = insert(article(1));
        long b = insert(article(2));
        store.saveUnderstanding(new StoredUnderstanding(a, understanding(Category.ECONOMY, "甲"), Optional.empty()));
        store.saveUnderstanding(new StoredUnderstanding(b, understanding(Category.SPORTS, "乙"), Optional.empty()));
        List<ArticleSummary> economy = store.listRecent(
                new RecentFilter(true, Optional.empty(), Optional.of("ECONOMY")), 0, 10);
        assertThat(economy).extracting(ArticleSummary::id).containsExactly(a);
        assertThat(store.listRecent(new RecentFilter(true, Optional.of("央视网"), Optional.empty()), 0, 10))
                .extracting(ArticleSummary::id).containsExactly(b, a);
        assertThat(store.listRecent(new RecentFilter(true, Optional.of("别的台"), Optional.empty()), 0, 10)).isEmpty();
        assertThat(store.publishers(10)).containsExactly("央视网");
        assertThat(store.summaries(List.of(b, 12345L, a))).extracting(ArticleSummary::id).containsExactly(b, a);
    }

    @Test
    void copiesAreCountedPerCanonicalArticle() {
        long original = insert(article(1));
        insert(article("https://copy.example.cn/1", "标题1", "第1篇新闻正文，内容各不相同。",
                article(1).published().orElseThrow()).withDuplicateOf(original));
        long alone = insert(article(3));
        assertThat(store.copyCounts(List.of(original, alone))).containsEntry(original, 1).doesNotContainKey(alone);
    }

    @Test
    void sourcesCanBePausedAndResumed() {
        SourceAddResult added = store.addSource(new NewSource("例子", "https://example.cn/feed.xml", SourceKind.FEED,
                Optional.empty(), Duration.ofMinutes(30)));
        long id = ((SourceAddResult.Added) added).source().id();
        assertThat(store.findSource(id).orElseThrow().paused()).isFalse();
        assertThat(store.setSourcePaused(id, true)).isTrue();
        assertThat(store.findSource(id).orElseThrow().paused()).isTrue();
        assertThat(store.setSourcePaused(id, false)).isTrue();
        assertThat(store.findSource(id).orElseThrow().paused()).isFalse();
        assertThat(store.setSourcePaused(9999, true)).isFalse();
    }
}

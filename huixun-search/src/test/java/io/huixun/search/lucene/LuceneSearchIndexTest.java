package io.huixun.search.lucene;

import static io.huixun.search.lucene.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.search.FacetKind;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.semantics.MatchFields;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What only the embedded index offers: matching on one text field at a time (for measuring what each contributes)
 * and the snippet code itself. The behaviour every back-end shares is in {@link SearchIndexBehaviour}.
 */
class LuceneSearchIndexTest {
    static LuceneSearchIndex index;

    @BeforeAll
    static void build() {
        index = LuceneSearchIndex.inMemory();
        index.put(doc("kimono", "和服展览开幕", "她穿着和服参加了文化节。", "新华社", "2024-05-01"));
        index.put(doc("waiter", "餐厅见闻", "我们和服务员聊了很久。我们和服务员又聊了一会，和服务员告别。", "人民网", "2024-05-02"));
        index.put(doc("service", "政务改革", "政府提供优质服务，改善营商环境。", "人民网", "2024-05-03"));
        index.commit();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> ids(SearchResult r) {
        assertThat(r).isInstanceOf(SearchResponse.class);
        return ((SearchResponse) r).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void theBigramFieldAloneHasTheBoundaryFalseHitThatTheWordRuleRemoves() {
        assertThat(ids(index.search(SearchRequest.of("和服"), MatchFields.BIGRAMS))).contains("kimono", "waiter");
        assertThat(ids(index.search(SearchRequest.of("和服")))).containsExactly("kimono");
    }

    @Test
    void theWordFieldAloneMissesAWordInsideACompound() {
        assertThat(ids(index.search(SearchRequest.of("服务"), MatchFields.WORDS))).doesNotContain("waiter");
        assertThat(ids(index.search(SearchRequest.of("服务")))).contains("waiter", "service");
    }

    @Test
    void facetsOfManyMatchesAreCountedInThePassThatCountsTheStories() {
        try (LuceneSearchIndex many = LuceneSearchIndex.inMemory()) {
            int n = SearchRequest.TOTAL_EXACT_UP_TO + 100;
            for (int i = 0; i < n; i++) {
                many.put(doc("n" + i, "乡村振兴简报" + i, "乡村振兴工作简报。", i % 4 == 0 ? "人民网" : "新华社",
                        "2024-09-0" + (1 + i % 3)));
            }
            many.commit();
            SearchResponse r = (SearchResponse) many.search(SearchRequest.of("乡村振兴")
                    .withFacets(java.util.EnumSet.of(FacetKind.SOURCE, FacetKind.DAY)));
            assertThat(r.totalIsLowerBound()).isTrue();
            assertThat(r.facetsApproximate()).isFalse();
            assertThat(r.facet(FacetKind.SOURCE)).containsExactly(new io.huixun.search.FacetCount("新华社", 825),
                    new io.huixun.search.FacetCount("人民网", 275));
            assertThat(r.facet(FacetKind.DAY)).extracting(io.huixun.search.FacetCount::count)
                    .containsExactly(367L, 367L, 366L);
        }
    }
}

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
            assertThat(r.recentOnly()).isFalse();
            assertThat(r.facet(FacetKind.SOURCE)).containsExactly(new io.huixun.search.FacetCount("新华社", 825),
                    new io.huixun.search.FacetCount("人民网", 275));
            assertThat(r.facet(FacetKind.DAY)).extracting(io.huixun.search.FacetCount::count)
                    .containsExactly(367L, 367L, 366L);
        }
    }

    /**
     * 30 days of 10 reports a day that all say 乡村振兴, and one old report that says it most: with broad limits of
     * 100 matches and a pool of 20, the query is broad, so it is ranked among the reports of the last 4 days (the
     * first span from one day, growing fourfold, that holds 20 matches); a rarer query still ranks over everything.
     */
    @Test
    void aBroadQueryIsRankedAmongItsMostRecentMatchesAndARareOneOverAll() {
        try (LuceneSearchIndex many = LuceneSearchIndex.inMemory()) {
            many.broadLimits(100, 20);
            java.time.LocalDate first = java.time.LocalDate.of(2024, 9, 1);
            for (int day = 0; day < 30; day++) {
                for (int i = 0; i < 10; i++) {
                    String id = "d" + day + "-" + i;
                    many.put(doc(id, "乡村振兴简报" + id, "乡村振兴工作简报。" + (i == 0 && day % 3 == 0 ? "粮食安全。" : ""),
                            i % 2 == 0 ? "新华社" : "人民网", first.plusDays(day).toString()));
                }
            }
            many.put(doc("old", "乡村振兴乡村振兴", "乡村振兴，乡村振兴，乡村振兴。粮食安全，粮食安全。", "新华社",
                    first.toString()));
            many.commit();
            java.time.LocalDate window = first.plusDays(29 - 3);
            for (String sort : List.of("relevance", "time")) {
                SearchRequest broad = SearchRequest.of("乡村振兴").withFacets(java.util.EnumSet.of(FacetKind.DAY));
                if (sort.equals("time")) {
                    broad = broad.withSort(io.huixun.search.SortOrder.TIME);
                }
                SearchResponse r = (SearchResponse) many.search(broad);
                assertThat(r.totalIsLowerBound()).as(sort).isTrue();
                assertThat(r.hits()).as(sort).hasSize(10).allSatisfy(h -> assertThat(
                        h.published().toLocalDate()).isAfterOrEqualTo(window));
                assertThat(r.recentOnly()).as(sort).isTrue();
                assertThat(r.facet(FacetKind.DAY)).as(sort).hasSize(4)
                        .allSatisfy(f -> assertThat(f.count()).isEqualTo(10));
            }
            // The newest first, as over every match: the window holds the newest ones.
            SearchResponse byTime = (SearchResponse) many.search(SearchRequest.of("乡村振兴")
                    .withSort(io.huixun.search.SortOrder.TIME));
            assertThat(byTime.hits().get(0).published().toLocalDate()).isEqualTo(first.plusDays(29));
            // 粮食安全 matches 11 reports: not broad, so the old report that says it most ranks first.
            SearchResponse rare = (SearchResponse) many.search(SearchRequest.of("粮食安全"));
            assertThat(rare.totalIsLowerBound()).isFalse();
            assertThat(rare.total()).isEqualTo(11);
            assertThat(rare.hits().get(0).id()).isEqualTo("old");
            // The same broad query without the limits ranks over every match and finds the old report first.
            many.broadLimits(1_000_000, 20);
            assertThat(((SearchResponse) many.search(SearchRequest.of("乡村振兴"))).hits().get(0).id())
                    .isEqualTo("old");
        }
    }
}


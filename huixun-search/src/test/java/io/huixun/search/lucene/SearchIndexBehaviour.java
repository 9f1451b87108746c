package io.huixun.search.lucene;

import static io.huixun.search.lucene.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.search.FacetCount;
import io.huixun.search.FacetKind;
import io.huixun.search.HighlightedText;
import io.huixun.search.QueryField;
import io.huixun.search.QueryNode;
import io.huixun.search.QueryParser;
import io.huixun.search.QueryProblem;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchIndex;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.SortOrder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link SearchIndex} must do, whatever the back-end: the behavioural suite. A back-end's test extends it
 * and says how to make a fresh empty index ({@link #newIndex}); the embedded index runs it in
 * {@link LuceneBehaviourTest}, OpenSearch in huixun-opensearch (through this module's test-jar).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SearchIndexBehaviour {
    SearchIndex index;

    /** A fresh, empty index of the back-end under test; the test closes it. */
    protected abstract SearchIndex newIndex();

    @BeforeAll
    void build() {
        index = newIndex();
        List<SearchDocument> docs = new ArrayList<>(Fixtures.fuyao());
        docs.add(doc("kimono", "和服展览开幕", "她穿着和服参加了文化节。", "新华社", "2024-05-01"));
        docs.add(doc("waiter", "餐厅见闻", "我们和服务员聊了很久。我们和服务员又聊了一会，和服务员告别。", "人民网", "2024-05-02"));
        docs.add(doc("service", "政务改革", "政府提供优质服务，改善营商环境。", "人民网", "2024-05-03"));
        docs.add(doc("brisimp", "一带一路倡议十周年", "共建一带一路倡议取得丰硕成果，合作伙伴遍布各大洲。", "新华社", "2023-10-10")
                .withEntities(List.of("习近平"), List.of("北京"), List.of("国家发展改革委")));
        docs.add(doc("hktrad", "香港特區政府推動經濟發展", "特區政府今日公佈多項措施，推動經濟發展與創新科技。", "香港電台", "2024-06-01")
                .withEntities(List.of("李家超"), List.of("香港"), List.of("香港特區政府")));
        docs.add(doc("fullwidth", "ＡＢＣ公司發佈新品", "ＡＢＣ公司今天在上海发布了新款手机。", "新華社", "2024-06-02")
                .withEntities(List.of("王毅"), List.of("上海"), List.of()));
        docs.add(doc("split", "一带", "这条路上有一带绿化，也有一路风景。", "新华社", "2024-06-03"));
        docs.forEach(index::put);
        index.commit();
    }

    @AfterAll
    void close() {
        index.close();
    }

    static SearchResponse ok(SearchResult result) {
        assertThat(result).isInstanceOf(SearchResponse.class);
        return (SearchResponse) result;
    }

    SearchResponse search(String q) {
        return ok(index.search(SearchRequest.of(q).withPage(1, 50)));
    }

    static List<String> ids(SearchResponse r) {
        return r.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void traditionalQueryFindsSimplifiedTextAndTheReverse() {
        assertThat(ids(search("一帶一路"))).contains("brisimp");
        assertThat(ids(search("经济发展"))).contains("hktrad");
        assertThat(ids(search("特区政府"))).containsExactly("hktrad");
        assertThat(ids(search("ABC公司"))).containsExactly("fullwidth");
        assertThat(ids(search("ａｂｃ"))).containsExactly("fullwidth");
    }

    @Test
    void twoCharacterWordDoesNotMatchAcrossAWordBoundary() {
        assertThat(ids(search("和服"))).containsExactly("kimono");
        assertThat(ids(search("和服"))).doesNotContain("waiter");
    }

    @Test
    void wordInsideACompoundIsFoundThroughBigramsAndRanksBelowTheExactWord() {
        // 服务 is inside the word 服务员 in "waiter": only the bigram field sees it.
        List<String> both = ids(search("服务"));
        assertThat(both).contains("service", "waiter");
        assertThat(both.indexOf("service")).isLessThan(both.indexOf("waiter"));
    }

    @Test
    void quotedPhraseMustBeContiguousWhileWordsMayBeApart() {
        assertThat(ids(search("\"一带一路\""))).contains("brisimp").doesNotContain("split");
        List<String> loose = ids(search("一带一路"));
        assertThat(loose).contains("brisimp", "split");
        assertThat(loose.indexOf("brisimp")).isLessThan(loose.indexOf("split"));
    }

    @Test
    void booleanOperatorsAndExclusion() {
        assertThat(ids(search("和服 OR 特区政府"))).containsExactlyInAnyOrder("kimono", "hktrad");
        assertThat(ids(search("一带一路 -绿化"))).contains("brisimp").doesNotContain("split");
        assertThat(ids(search("一带一路 NOT 绿化"))).contains("brisimp").doesNotContain("split");
        assertThat(ids(search("-汽车 -股市 -和服"))).doesNotContain("kimono").contains("hktrad");
        assertThat(ids(search("(和服 OR 服务员) 餐厅"))).containsExactly("waiter");
    }

    @Test
    void fieldFiltersInEitherScript() {
        assertThat(ids(search("source:新华社 一带一路"))).containsExactly("brisimp", "split");
        assertThat(ids(search("source:新华社"))).contains("kimono", "brisimp", "split", "fullwidth");
        assertThat(ids(search("-source:新华社 -source:扶摇资讯 服务"))).containsExactlyInAnyOrder("waiter", "service");
        assertThat(ids(search("person:王毅"))).containsExactly("fullwidth");
        assertThat(ids(search("place:香港"))).containsExactly("hktrad");
        assertThat(ids(search("org:香港特区政府"))).containsExactly("hktrad");
        assertThat(ids(search("person:習近平"))).containsExactly("brisimp");
    }

    @Test
    void storyKeywordAndTeaserAreKeptAndFilterable() {
        try (SearchIndex small = newIndex()) {
            small.put(doc("s1", "碳中和路线图发布", "多部门联合发布碳中和路线图……", "新华社", "2024-03-01")
                    .withStory("story-7").withKeywords(List.of("碳中和", "路線圖")).asTeaser(true));
            small.put(doc("s2", "碳排放交易市场扩容", "全国碳排放权交易市场扩容。", "人民网", "2024-03-02"));
            small.commit();
            SearchResponse byStory = ok(small.search(SearchRequest.of("story:story-7")));
            assertThat(ids(byStory)).containsExactly("s1");
            assertThat(byStory.hits().get(0).teaser()).isTrue();
            assertThat(ids(ok(small.search(SearchRequest.of("keyword:路线图"))))).containsExactly("s1");
            assertThat(ok(small.search(SearchRequest.of("碳排放"))).hits().get(0).teaser()).isFalse();
        }
    }

    @Test
    void aDayIsTheLocalDateAtTheArticlesOwnOffset() {
        try (SearchIndex small = newIndex()) {
            // 2024-05-01 07:30 in Beijing is still 2024-04-30 in UTC: the article belongs to May 1st.
            small.put(SearchDocument.of("early", "u", "早间新闻", "早间新闻内容", "新华社",
                    java.time.OffsetDateTime.parse("2024-05-01T07:30:00+08:00")));
            small.commit();
            assertThat(ids(ok(small.search(SearchRequest.of("after:2024-05-01"))))).containsExactly("early");
            assertThat(ids(ok(small.search(SearchRequest.of("before:2024-05-01"))))).isEmpty();
            SearchResponse r = ok(small.search(SearchRequest.of("").withFacets(Set.of(FacetKind.DAY))));
            assertThat(r.facet(FacetKind.DAY)).containsExactly(new FacetCount("2024-05-01", 1));
        }
    }

    @Test
    void theFacetsOfAFewHitsAreTheirOwnWhenTheIndexHasSeveralSegments() {
        try (SearchIndex parts = newIndex()) {
            // two commits, two segments (the embedded index merges only past three); the hits are in the second
            for (int k = 0; k < 6; k++) {
                parts.put(doc("p" + k, "第" + k + "篇", "各地推进乡村建设。", "来源" + k, "2024-01-1" + k)
                        .withEntities(List.of("人物" + k), List.of("地方" + k), List.of()));
            }
            parts.commit();
            parts.put(doc("rare1", "海岛封关运作", "海岛封关运作正式启动。", "海岛日报", "2025-12-22")
                    .withEntities(List.of("岛主"), List.of("海岛"), List.of()));
            parts.put(doc("rare2", "封关运作一周", "封关运作一周以来运行平稳。", "海岛日报", "2025-12-29")
                    .withEntities(List.of(), List.of("海岛"), List.of()));
            parts.commit();
            SearchResponse r = ok(parts.search(SearchRequest.of("封关运作").withFacets(EnumSet.allOf(FacetKind.class))));
            assertThat(ids(r)).containsExactlyInAnyOrder("rare1", "rare2");
            assertThat(r.facet(FacetKind.DAY)).containsExactly(new FacetCount("2025-12-22", 1),
                    new FacetCount("2025-12-29", 1));
            assertThat(r.facet(FacetKind.SOURCE)).containsExactly(new FacetCount("海岛日报", 2));
            assertThat(r.facet(FacetKind.PLACE)).containsExactly(new FacetCount("海岛", 2));
            assertThat(r.facet(FacetKind.PERSON)).containsExactly(new FacetCount("岛主", 1));
        }
    }

    @Test
    void anEmptyIndexAnswersWithNothing() {
        try (SearchIndex empty = newIndex()) {
            SearchResponse r = ok(empty.search(SearchRequest.of("经济").withFacets(EnumSet.allOf(FacetKind.class))));
            assertThat(r.total()).isZero();
            assertThat(r.hits()).isEmpty();
            assertThat(r.facet(FacetKind.SOURCE)).isEmpty();
            assertThat(empty.ids()).isEmpty();
            assertThat(empty.count()).isZero();
        }
    }

    @Test
    void dateBoundsUseLocalDays() {
        assertThat(ids(search("after:2024-05-02 before:2024-06-01"))).containsExactlyInAnyOrder("waiter", "service");
        assertThat(ids(search("after:2024-06 source:新华社"))).containsExactlyInAnyOrder("fullwidth", "split");
        assertThat(ids(search("before:2023-10-11 一带一路"))).containsExactly("brisimp");
    }

    @Test
    void sortByTimeIsNewestFirst() {
        SearchResponse r = ok(index.search(SearchRequest.of("source:新华社").withSort(SortOrder.TIME)));
        List<String> days = r.hits().stream().map(h -> h.published().toLocalDate().toString()).toList();
        assertThat(days).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(r.hits().get(0).id()).isEqualTo("split");
    }

    @Test
    void facetsCountSourcesDaysAndEntities() {
        SearchResponse r = ok(index.search(SearchRequest.of("").withFacets(EnumSet.allOf(FacetKind.class))));
        assertThat(r.total()).isEqualTo(19);
        assertThat(r.facet(FacetKind.SOURCE)).contains(new FacetCount("新华社", 4), new FacetCount("人民网", 2),
                new FacetCount("扶摇资讯", 12), new FacetCount("香港电台", 1));
        List<String> days = r.facet(FacetKind.DAY).stream().map(FacetCount::label).toList();
        assertThat(days).isSorted().contains("2024-05-01", "2023-10-10");
        assertThat(r.facet(FacetKind.DAY).stream().mapToLong(FacetCount::count).sum()).isEqualTo(19);
        assertThat(r.facet(FacetKind.PERSON)).containsExactlyInAnyOrder(new FacetCount("习近平", 1),
                new FacetCount("李家超", 1), new FacetCount("王毅", 1));
        assertThat(r.facet(FacetKind.PLACE)).contains(new FacetCount("香港", 1));
        SearchResponse narrowed = ok(index.search(SearchRequest.of("服务").withFacets(Set.of(FacetKind.SOURCE))));
        assertThat(narrowed.facet(FacetKind.SOURCE)).contains(new FacetCount("人民网", 2))
                .doesNotContain(new FacetCount("新华社", 1));
        assertThat(narrowed.facet(FacetKind.SOURCE).stream().mapToLong(FacetCount::count).sum())
                .isEqualTo(narrowed.total());
    }

    @Test
    void pagesDoNotOverlapAndCoverAllHits() {
        SearchRequest all = SearchRequest.of("").withSort(SortOrder.TIME);
        Set<String> seen = new HashSet<>();
        long total = -1;
        for (int page = 1; page <= 4; page++) {
            SearchResponse r = ok(index.search(all.withPage(page, 5)));
            total = r.total();
            assertThat(r.hits()).hasSize(page < 4 ? 5 : 4);
            for (SearchHit h : r.hits()) {
                assertThat(seen.add(h.id())).as("id %s repeated on page %d", h.id(), page).isTrue();
            }
        }
        assertThat(seen).hasSize((int) total);
        assertThat(ok(index.search(all.withPage(5, 5))).hits()).isEmpty();
        assertThat(index.search(all.withPage(0, 5))).isInstanceOf(QueryProblem.class);
        assertThat(index.search(all.withPage(1, 1000))).isInstanceOf(QueryProblem.class);
        assertThat(index.search(all.withPage(2000, 10))).isInstanceOf(QueryProblem.class);
    }

    @Test
    void highlightsLandOnTheDisplayedTextInItsOwnScript() {
        SearchHit hit = search("经济发展").hits().stream().filter(h -> h.id().equals("hktrad")).findFirst()
                .orElseThrow();
        assertThat(marked(hit.title())).containsExactly("經濟發展");
        assertThat(marked(hit.snippet())).contains("經濟發展");
        SearchHit kimono = search("和服").hits().get(0);
        assertThat(marked(kimono.snippet())).containsExactly("和服");
        assertThat(hit.title().render(s -> s.replace("&", "&amp;"), "<b>", "</b>"))
                .isEqualTo("香港特區政府推動<b>經濟發展</b>");
    }

    @Test
    void highlightDoesNotMarkATwoCharacterWordAcrossABoundary() {
        SearchHit waiter = search("服务").hits().stream().filter(h -> h.id().equals("waiter")).findFirst()
                .orElseThrow();
        // 服务 inside 服务员 is marked; but a search for 和服 would not mark 和服 in 和服务员 (see query test).
        assertThat(marked(waiter.snippet())).isNotEmpty().allMatch("服务"::equals);
    }

    @Test
    void snippetsOfLongTextsAreShortAndCentredOnMatches() {
        SearchResponse r = search("封关");
        assertThat(r.hits()).isNotEmpty();
        for (SearchHit h : r.hits()) {
            assertThat(h.snippet().text().length()).isLessThanOrEqualTo(120 + 2);
            assertThat(marked(h.snippet())).isNotEmpty().allMatch("封关"::equals);
        }
    }

    @Test
    void duplicatesCollapseIntoTheCanonicalArticle() {
        try (SearchIndex dups = newIndex()) {
            dups.put(doc("c", "国务院常务会议部署稳就业", "国务院常务会议部署稳就业举措。", "新华社", "2024-07-01"));
            dups.put(doc("d1", "國務院常務會議部署穩就業", "國務院常務會議部署穩就業舉措。", "香港商報", "2024-07-01")
                    .asDuplicateOf("c"));
            dups.put(doc("d2", "国务院常务会议部署稳就业", "国务院常务会议部署稳就业举措。", "人民网", "2024-07-02")
                    .asDuplicateOf("c"));
            dups.put(doc("d3", "国务院常务会议部署稳就业", "国务院常务会议部署稳就业举措。", "新华社", "2024-07-02")
                    .asDuplicateOf("c"));
            dups.put(doc("other", "稳就业新举措", "多地出台稳就业新举措。", "人民网", "2024-07-03"));
            dups.commit();
            SearchResponse collapsed = ok(dups.search(SearchRequest.of("稳就业")));
            assertThat(ids(collapsed)).containsExactlyInAnyOrder("c", "other");
            assertThat(collapsed.total()).isEqualTo(2);
            assertThat(collapsed.totalIsLowerBound()).isFalse();
            SearchHit c = collapsed.hits().stream().filter(h -> h.id().equals("c")).findFirst().orElseThrow();
            assertThat(c.alsoAtSources()).isEqualTo(2);
            assertThat(c.duplicateIds()).containsExactlyInAnyOrder("d1", "d2", "d3");
            SearchResponse all = ok(dups.search(SearchRequest.of("稳就业").withCollapseDuplicates(false)));
            assertThat(all.total()).isEqualTo(5);
        }
    }

    @Test
    void storiesAreFoundThroughEveryReportOfThem() {
        try (SearchIndex dups = newIndex()) {
            dups.put(doc("c", "国务院常务会议部署稳就业", "国务院常务会议部署稳就业举措。", "新华社", "2024-07-01"));
            dups.put(doc("d1", "稳就业：国常会聚焦高校毕业生", "国务院常务会议部署稳就业举措，高校毕业生就业受关注。", "澎湃新闻",
                    "2024-07-02").asDuplicateOf("c"));
            dups.put(doc("d2", "國務院部署穩就業", "國務院常務會議部署穩就業舉措。", "香港商報", "2024-07-02")
                    .asDuplicateOf("c"));
            dups.put(doc("other", "稳就业新举措", "多地出台稳就业新举措。", "人民网", "2024-07-03"));
            dups.commit();
            // A word found only in a copy's headline and body finds the story, shown as its canonical article.
            SearchResponse word = ok(dups.search(SearchRequest.of("高校毕业生")));
            assertThat(ids(word)).containsExactly("c");
            assertThat(word.total()).isEqualTo(1);
            assertThat(word.totalIsLowerBound()).isFalse();
            assertThat(word.hits().get(0).duplicateIds()).containsExactlyInAnyOrder("d1", "d2");
            assertThat(word.hits().get(0).alsoAtSources()).isEqualTo(2);
            // A source whose only items were folded as copies, in either script.
            assertThat(ids(ok(dups.search(SearchRequest.of("source:澎湃新闻"))))).containsExactly("c");
            assertThat(ids(ok(dups.search(SearchRequest.of("稳就业 source:香港商报"))))).containsExactly("c");
            // Canonical and copies all match: the story comes once, newest first too.
            SearchResponse all = ok(dups.search(SearchRequest.of("国务院").withSort(SortOrder.TIME)));
            assertThat(ids(all)).containsExactly("c");
            assertThat(all.total()).isEqualTo(1);
            // Without collapsing, the copy itself is the hit.
            assertThat(ids(ok(dups.search(SearchRequest.of("高校毕业生").withCollapseDuplicates(false)))))
                    .containsExactly("d1");
        }
    }

    @Test
    void regionalUsageFindsMainlandUsageAndBack() {
        try (SearchIndex regions = newIndex()) {
            regions.put(doc("cn", "人工智能产业加快发展", "多家企业发布软件新品。", "新华社", "2024-08-01"));
            regions.put(doc("tw", "人工智慧產業加速發展", "多家企業發表軟體新品。", "中央社", "2024-08-01"));
            regions.put(doc("none", "农业丰收", "秋粮喜获丰收，智能农机下田。", "人民网", "2024-08-02"));
            regions.commit();
            for (String q : List.of("人工智慧", "人工智能", "軟體", "软件", "人工智慧 軟體")) {
                assertThat(ids(ok(regions.search(SearchRequest.of(q))))).as(q).containsExactlyInAnyOrder("cn", "tw");
            }
            // The other usage is marked where it is found.
            SearchHit cn = ok(regions.search(SearchRequest.of("人工智慧"))).hits().stream()
                    .filter(h -> h.id().equals("cn")).findFirst().orElseThrow();
            assertThat(marked(cn.title())).containsExactly("人工智能");
        }
    }

    @Test
    void broadQueriesCountToALimitAndSayTheTotalIsALowerBound() {
        try (SearchIndex many = newIndex()) {
            int n = SearchRequest.TOTAL_EXACT_UP_TO + 20;
            for (int i = 0; i < n; i++) {
                many.put(doc("n" + i, "乡村振兴简报" + i, "乡村振兴工作简报。", i % 2 == 0 ? "新华社" : "人民网",
                        "2024-09-01"));
            }
            many.commit();
            for (boolean collapse : List.of(true, false)) {
                SearchResponse r = ok(many.search(SearchRequest.of("乡村振兴").withCollapseDuplicates(collapse)
                        .withFacets(EnumSet.of(FacetKind.SOURCE))));
                assertThat(r.totalIsLowerBound()).as("collapse " + collapse).isTrue();
                assertThat(r.total()).isEqualTo(SearchRequest.TOTAL_EXACT_UP_TO);
                assertThat(r.hits()).hasSize(10);
                assertThat(r.facet(FacetKind.SOURCE)).extracting(FacetCount::label)
                        .containsExactlyInAnyOrder("新华社", "人民网");
            }
        }
    }

    @Test
    void putReplacesDeleteRemovesAndIdsListTheLiveDocuments() {
        try (SearchIndex small = newIndex()) {
            small.put(doc("a", "甲", "第一篇", "甲报", "2024-01-01"));
            small.put(doc("b", "乙", "第二篇", "乙报", "2024-01-02"));
            small.put(doc("a", "甲改", "第一篇修订", "甲报", "2024-01-01"));
            small.commit();
            assertThat(small.count()).isEqualTo(2);
            assertThat(small.ids()).containsExactly("a", "b");
            assertThat(ids(ok(small.search(SearchRequest.of("修订"))))).containsExactly("a");
            small.delete("a");
            assertThat(small.ids()).containsExactly("b");
            assertThat(small.count()).isEqualTo(1);
        }
    }

    @Test
    void filtersInTheRequestNarrowLikeFiltersInTheQuery() {
        SearchRequest r = SearchRequest.of("服务").withFilters(List.of(new QueryNode.FieldMatch(QueryField.SOURCE,
                "人民网")));
        assertThat(ids(ok(index.search(r)))).containsExactlyInAnyOrder("waiter", "service");
        assertThat(ids(ok(index.search(r.withFilters(List.of(new QueryNode.FieldMatch(QueryField.SOURCE,
                "新华社"))))))).isEmpty();
    }

    @Test
    void badQueriesComeBackAsProblemsOrNotesNeverExceptions() {
        assertThat(index.search(SearchRequest.of("一带一路".repeat(2500)))).isInstanceOfSatisfying(QueryProblem.class,
                p -> assertThat(p.message()).contains("10000").contains("limit"));
        assertThat(index.search(SearchRequest.of("sourse:新华社"))).isInstanceOfSatisfying(QueryProblem.class,
                p -> assertThat(p.message()).contains("unknown field 'sourse:'"));
        assertThat(index.search(SearchRequest.of("***"))).isInstanceOf(QueryProblem.class);
        SearchResponse unbalanced = ok(index.search(SearchRequest.of("\"一带一路")));
        assertThat(ids(unbalanced)).contains("brisimp");
        assertThat(unbalanced.notes()).anyMatch(n -> n.contains("unbalanced quote"));
        assertThat(ok(index.search(SearchRequest.of("/一带.*路/")))).isNotNull();
        assertThat(ok(index.search(SearchRequest.of("一带* 一路?")))).isNotNull();
    }

    @Test
    void aPastedPassageOfTheMaximumLengthFindsItsArticle() {
        SearchDocument first = Fixtures.fuyao().get(0);
        SearchResponse r = ok(index.search(SearchRequest.of(first.body().substring(0, QueryParser.MAX_LENGTH))));
        assertThat(ids(r).get(0)).isEqualTo(first.id());
    }

    @Test
    void queriesOfTheMaximumLengthInEveryShapeRunOrAreTooComplexNeverThrow() {
        String han = String.join("", Fixtures.fuyao().get(1).body().split("[^\\p{IsHan}]+"));
        for (int chunk : new int[] {2, 8, 15, 30, 33, 64, 200, 999}) {
            StringBuilder q = new StringBuilder();
            for (int at = 0; q.length() + chunk + 1 <= QueryParser.MAX_LENGTH && at + chunk < han.length();
                    at += chunk) {
                q.append(han, at, at + chunk).append(' ');
            }
            SearchResult r = index.search(SearchRequest.of(q.toString()));
            if (r instanceof QueryProblem p) {
                assertThat(p.message()).as("chunks of %d", chunk)
                        .matches("query (is too complex|has more than 64).*");
            } else {
                assertThat(r).isInstanceOf(SearchResponse.class);
            }
        }
    }

    @Test
    void randomGarbageNeverThrows() {
        Random random = new Random(20261125);
        String alphabet = "\"()-:*?~^/\\|&!{}[] 　ＡaZ0和服务一带路新华社source:after:before:person:ORANDNOT（）“”「」\u0000\uD83D\uDE00";
        for (int i = 0; i < 400; i++) {
            StringBuilder q = new StringBuilder();
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) {
                q.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            SearchResult r = index.search(SearchRequest.of(q.toString()));
            assertThat(r).isNotNull();
        }
    }

    @Test
    void searchesRunWhileAnotherThreadWritesAndCommits() throws Exception {
        try (SearchIndex live = newIndex()) {
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                java.util.concurrent.Future<?> writer = pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        live.put(doc("n" + i, "第" + i + "条经济新闻", "经济运行总体平稳，第" + i + "条。",
                                i % 2 == 0 ? "新华社" : "人民网", "2024-01-0" + (1 + i % 9)));
                        if (i % 50 == 49) {
                            live.commit();
                        }
                    }
                    live.commit();
                    writing.set(false);
                });
                List<java.util.concurrent.Future<Long>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(pool.submit(() -> {
                        long last = 0;
                        while (writing.get()) {
                            long total = ok(live.search(SearchRequest.of("经济 source:新华社"))).total();
                            assertThat(total).isGreaterThanOrEqualTo(last); // only grows: no torn views
                            last = total;
                        }
                        return last;
                    }));
                }
                writer.get(120, java.util.concurrent.TimeUnit.SECONDS);
                for (java.util.concurrent.Future<Long> r : readers) {
                    r.get(120, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(live.count()).isEqualTo(300);
            assertThat(ok(live.search(SearchRequest.of("经济 source:新华社"))).total()).isEqualTo(150);
        }
    }

    static List<String> marked(HighlightedText t) {
        return t.marks().stream().map(s -> t.text().substring(s.start(), s.end())).toList();
    }
}

package io.huixun.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.search.FacetKind;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchIndex;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.SortOrder;
import io.huixun.search.lucene.Fixtures;
import io.huixun.search.lucene.LuceneSearchIndex;
import io.huixun.search.lucene.SearchIndexBehaviour;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The behavioural suite of every SearchIndex, on a real one-node OpenSearch started by the test; plus a side-by-side
 * check that OpenSearch answers generated queries exactly as the embedded index does.
 */
class OpenSearchBehaviourTest extends SearchIndexBehaviour {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private LocalCluster cluster;

    @AfterAll
    void stopCluster() throws IOException {
        cluster.close();
    }

    @Override
    protected SearchIndex newIndex() {
        if (cluster == null) {
            cluster = LocalCluster.start(1); // started by the suite's first @BeforeAll, which needs an index
        }
        return OpenSearchIndex.open(new OpenSearchIndex.Target(cluster.hosts(), "behaviour-" + NEXT.incrementAndGet(),
                1, 0));
    }

    @Test
    void generatedQueriesGetTheSameHitsScoresHighlightsAndFacetsAsTheEmbeddedIndex() {
        ChineseConverter s2t = ChineseConverter.of(ConversionConfig.S2T);
        List<SearchDocument> docs = new ArrayList<>(Fixtures.fuyao());
        for (int i = 0; i < 4; i++) { // traditional copies, some marked as duplicates
            SearchDocument d = docs.get(i);
            SearchDocument copy = Fixtures.doc(d.id() + "-t", s2t.convert(d.title()), s2t.convert(d.body()),
                    i % 2 == 0 ? "香港商報" : "明報", "2024-0" + (i + 1) + "-15");
            docs.add(i < 2 ? copy.asDuplicateOf(d.id()) : copy);
        }
        Random random = new Random(20261125);
        List<String> queries = new ArrayList<>();
        for (int q = 0; q < 150; q++) {
            String body = docs.get(random.nextInt(docs.size())).body().replaceAll("[^\\p{IsHan}]+", "");
            int len = 2 + random.nextInt(7);
            int at = random.nextInt(Math.max(1, body.length() - len));
            String window = body.substring(at, Math.min(body.length(), at + len));
            String other = body.substring(Math.max(0, at - 40), Math.max(2, at - 37));
            queries.add(switch (q % 6) {
                case 0 -> window;
                case 1 -> "\"" + window + "\"";
                case 2 -> window + " " + other;
                case 3 -> window + " OR " + other;
                case 4 -> window + " -" + other;
                default -> s2t.convert(window) + " source:扶摇资讯";
            });
        }
        try (LuceneSearchIndex lucene = LuceneSearchIndex.inMemory(); SearchIndex remote = newIndex()) {
            docs.forEach(d -> {
                lucene.put(d);
                remote.put(d);
            });
            lucene.commit();
            remote.commit();
            int withHits = 0;
            for (int q = 0; q < queries.size(); q++) {
                SearchRequest request = SearchRequest.of(queries.get(q)).withPage(1, 100)
                        .withFacets(Set.of(FacetKind.SOURCE, FacetKind.DAY))
                        .withSort(q % 5 == 0 ? SortOrder.TIME : SortOrder.RELEVANCE)
                        .withCollapseDuplicates(q % 4 != 0);
                SearchResult expected = lucene.search(request);
                SearchResult actual = remote.search(request);
                if (expected instanceof SearchResponse e) {
                    assertThat(actual).as(queries.get(q)).isInstanceOf(SearchResponse.class);
                    SearchResponse a = (SearchResponse) actual;
                    assertThat(a.total()).as(queries.get(q)).isEqualTo(e.total());
                    assertThat(byId(a)).as(queries.get(q)).containsOnlyKeys(byId(e).keySet());
                    for (SearchHit h : e.hits()) {
                        SearchHit o = byId(a).get(h.id());
                        assertThat(o.score()).as("score of %s for %s", h.id(), queries.get(q))
                                .isCloseTo(h.score(), org.assertj.core.data.Offset.offset(1e-3f * Math.max(1, h.score())));
                        assertThat(o.title()).isEqualTo(h.title());
                        assertThat(o.snippet()).isEqualTo(h.snippet());
                        assertThat(o.alsoAtSources()).isEqualTo(h.alsoAtSources());
                        assertThat(o.duplicateIds()).containsExactlyInAnyOrderElementsOf(h.duplicateIds());
                    }
                    assertThat(a.facets()).as(queries.get(q)).isEqualTo(e.facets());
                    assertThat(a.notes()).isEqualTo(e.notes());
                    withHits += e.total() > 0 ? 1 : 0;
                } else {
                    assertThat(actual).as(queries.get(q)).isEqualTo(expected);
                }
            }
            assertThat(withHits).as("queries with hits").isGreaterThan(75); // 90 of 150 with this seed
        }
    }

    private static Map<String, SearchHit> byId(SearchResponse r) {
        Map<String, SearchHit> out = new HashMap<>();
        r.hits().forEach(h -> out.put(h.id(), h));
        return out;
    }
}

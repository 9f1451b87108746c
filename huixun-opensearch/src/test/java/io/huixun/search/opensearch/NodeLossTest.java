package io.huixun.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.search.SearchIndexException;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.lucene.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fault: a real 3-node cluster (3 shards, 1 replica) loses a node while Huixun indexes into it and searches it.
 * Every document whose commit returned must be searchable afterwards, and every search must answer (with all
 * shards: a partial answer would silently hide documents).
 */
class NodeLossTest {
    private static final int BATCH = 50;

    @Test
    void aNodeLostDuringIndexingLosesNoAcknowledgedDocumentAndSearchesKeepAnswering() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(3);
                OpenSearchIndex index = OpenSearchIndex.open(new OpenSearchIndex.Target(cluster.hosts(), "faults", 3,
                        1))) {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger commits = new AtomicInteger();
            AtomicInteger searches = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger searchesAfterKill = new AtomicInteger();
            List<Throwable> searchFailures = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> writer = pool.submit(() -> {
                    List<String> batch = new ArrayList<>();
                    for (int i = 0; i < 1_200; i++) {
                        String id = "f" + i;
                        index.put(Fixtures.doc(id, "第" + i + "条经济新闻", "经济运行总体平稳，就业形势稳定，第" + i + "条。",
                                i % 3 == 0 ? "新华社" : "人民网", "2024-02-" + (10 + i % 9)));
                        batch.add(id);
                        if (batch.size() == BATCH) {
                            index.commit();
                            acknowledged.addAll(batch); // only now: commit returned
                            batch.clear();
                            commits.incrementAndGet();
                        }
                    }
                    writing.set(false);
                    return null;
                });
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(pool.submit(() -> {
                        while (writing.get()) {
                            int before = acknowledged.size();
                            try {
                                SearchResult result = index.search(SearchRequest.of("经济 就业").withPage(1, 10));
                                assertThat(result).isInstanceOf(SearchResponse.class);
                                // Every document acknowledged before the search began is counted by it (counting
                                // stops at TOTAL_EXACT_UP_TO; beyond it the total says it is a lower bound).
                                SearchResponse response = (SearchResponse) result;
                                if (response.totalIsLowerBound()) {
                                    assertThat(response.total()).isEqualTo(SearchRequest.TOTAL_EXACT_UP_TO);
                                } else {
                                    assertThat(response.total()).isGreaterThanOrEqualTo(before);
                                }
                                searches.incrementAndGet();
                                if (killed.get()) {
                                    searchesAfterKill.incrementAndGet();
                                }
                            } catch (SearchIndexException | AssertionError e) {
                                synchronized (searchFailures) {
                                    searchFailures.add(e);
                                }
                            }
                        }
                        return null;
                    }));
                }
                while (commits.get() < 8 && writing.get()) {
                    Thread.sleep(20);
                }
                int victim = cluster.nonManagerNode();
                int ackedAtKill = acknowledged.size();
                cluster.kill(victim);
                killed.set(true);
                writer.get(150, TimeUnit.SECONDS);
                for (Future<?> r : readers) {
                    r.get(150, TimeUnit.SECONDS);
                }
                System.out.printf("node-loss: killed node %d of 3 after %d acknowledged documents; %d searches answered"
                        + " while indexing, %d of them after the kill%n", victim, ackedAtKill, searches.get(),
                        searchesAfterKill.get());
                assertThat(ackedAtKill).as("documents acknowledged before the kill").isGreaterThanOrEqualTo(400)
                        .isLessThan(1_200);
            } finally {
                pool.shutdownNow();
            }
            assertThat(searchFailures).as("searches that failed or missed acknowledged documents").isEmpty();
            assertThat(searches.get()).as("searches answered while indexing").isPositive();
            assertThat(searchesAfterKill.get()).as("searches answered after the kill, while indexing").isPositive();
            assertThat(acknowledged).hasSize(1_200);
            SortedSet<String> ids = index.ids();
            assertThat(ids).containsAll(acknowledged).hasSize(1_200);
            assertThat(index.count()).isEqualTo(1_200);
            SearchResponse all = (SearchResponse) index.search(SearchRequest.of("经济 就业"));
            assertThat(all.total()).isEqualTo(SearchRequest.TOTAL_EXACT_UP_TO); // 1,200 match: "1,000+"
            assertThat(all.totalIsLowerBound()).isTrue();
            SearchResponse one = (SearchResponse) index.search(SearchRequest.of("\"第1199条\""));
            assertThat(one.hits()).extracting(h -> h.id()).containsExactly("f1199");
        }
    }
}

package io.huixun.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huixun.search.SearchIndexException;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentUseTest {

    @Test
    void searchesRunWhileAnotherThreadWritesAndCommits(@TempDir Path dir) throws Exception {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Future<?> writer = pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        index.put(Fixtures.doc("n" + i, "第" + i + "条经济新闻", "经济运行总体平稳，第" + i + "条。",
                                i % 2 == 0 ? "新华社" : "人民网", "2024-01-0" + (1 + i % 9)));
                        if (i % 50 == 49) {
                            index.commit();
                        }
                    }
                    index.commit();
                    writing.set(false);
                });
                List<Future<Long>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    readers.add(pool.submit(() -> {
                        long last = 0;
                        while (writing.get()) {
                            SearchResult result = index.search(SearchRequest.of("经济 source:新华社"));
                            long total = ((SearchResponse) result).total();
                            assertThat(total).isGreaterThanOrEqualTo(last); // only grows: no torn views
                            last = total;
                        }
                        return last;
                    }));
                }
                writer.get(60, TimeUnit.SECONDS);
                for (Future<Long> r : readers) {
                    r.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(index.count()).isEqualTo(300);
            assertThat(((SearchResponse) index.search(SearchRequest.of("经济 source:新华社"))).total()).isEqualTo(150);
        }
    }

    @Test
    void aSecondWriterOnTheSameDirectoryIsRefusedWithAClearError(@TempDir Path dir) {
        try (LuceneSearchIndex first = LuceneSearchIndex.open(dir)) {
            assertThatThrownBy(() -> LuceneSearchIndex.open(dir)).isInstanceOf(SearchIndexException.class)
                    .hasMessageContaining("cannot open the search index in " + dir).hasCauseInstanceOf(
                            org.apache.lucene.store.LockObtainFailedException.class);
            assertThat(first.count()).isZero();
        }
    }
}

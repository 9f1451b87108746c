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
    void aSecondWriterOnTheSameDirectoryIsRefusedWithAClearError(@TempDir Path dir) {
        try (LuceneSearchIndex first = LuceneSearchIndex.open(dir)) {
            assertThatThrownBy(() -> LuceneSearchIndex.open(dir)).isInstanceOf(SearchIndexException.class)
                    .hasMessageContaining("cannot open the search index in " + dir).hasCauseInstanceOf(
                            org.apache.lucene.store.LockObtainFailedException.class);
            assertThat(first.count()).isZero();
        }
    }
}

package io.huixun.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huixun.search.SearchIndexException;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LuceneSearchIndex#openReadOnly}: searching a folder whose writer (huixun serve) stays open. */
class ReadOnlyIndexTest {
    @TempDir
    Path dir;

    @Test
    void opensBesideTheWriterAndSeesEachNewCommit() {
        try (LuceneSearchIndex writer = LuceneSearchIndex.open(dir)) {
            writer.put(Fixtures.doc("1", "长江生态保护取得新进展", "长江流域生态环境持续改善。", "新华社", "2025-04-27"));
            writer.commit();
            try (LuceneSearchIndex reader = LuceneSearchIndex.openReadOnly(dir)) {
                assertThat(reader.count()).isEqualTo(1);
                assertThat(hits(reader, "长江")).isEqualTo(1);

                writer.put(Fixtures.doc("2", "长江航运量创新高", "长江干线港口货物吞吐量增长。", "新华社", "2025-04-28"));
                assertThat(hits(reader, "长江")).as("not committed yet").isEqualTo(1);
                writer.commit();
                assertThat(hits(reader, "长江")).as("the commit is picked up by the next search").isEqualTo(2);
                assertThat(reader.ids()).containsExactly("1", "2");

                writer.delete("1");
                writer.commit();
                assertThat(reader.count()).isEqualTo(1);
            }
        }
    }

    @Test
    void refusesWritesWithoutTouchingTheIndex() {
        try (LuceneSearchIndex writer = LuceneSearchIndex.open(dir)) {
            writer.put(Fixtures.doc("1", "标题", "正文内容。", "新华社", "2025-04-27"));
            writer.commit();
        }
        try (LuceneSearchIndex reader = LuceneSearchIndex.openReadOnly(dir)) {
            assertThatThrownBy(() -> reader.put(Fixtures.doc("2", "标题二", "正文。", "新华社", "2025-04-27")))
                    .isInstanceOf(SearchIndexException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> reader.delete("1")).isInstanceOf(SearchIndexException.class);
            assertThatThrownBy(reader::commit).isInstanceOf(SearchIndexException.class);
        }
        try (LuceneSearchIndex again = LuceneSearchIndex.open(dir)) {
            assertThat(again.ids()).containsExactly("1"); // and the write lock was never taken: this opens
        }
    }

    @Test
    void anEmptyFolderHasNoIndexToRead() {
        assertThatThrownBy(() -> LuceneSearchIndex.openReadOnly(dir.resolve("never-written")))
                .isInstanceOf(SearchIndexException.class).hasMessageContaining("no search index has been committed");
    }

    private static long hits(LuceneSearchIndex index, String query) {
        return ((SearchResponse) index.search(SearchRequest.of(query))).total();
    }
}

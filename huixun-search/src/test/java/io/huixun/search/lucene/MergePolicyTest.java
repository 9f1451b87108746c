package io.huixun.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many small commits (a serve gathering a few articles at a time) leave few segments: a search pays per segment for
 * each of its terms. Lucene's default policy keeps up to ten segments per tier; this index keeps about three.
 */
class MergePolicyTest {
    @TempDir
    Path dir;

    @Test
    void manySmallCommitsLeaveFewSegmentsAndEveryDocument() throws Exception {
        int commits = 24;
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            for (int n = 0; n < commits; n++) {
                index.put(Fixtures.doc("d" + n, "第" + n + "篇新闻", "国务院常务会议研究部署经济工作。", "新华社", "2024-05-01"));
                index.commit(); // one segment each, until merged
            }
        }
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            assertThat(reader.numDocs()).isEqualTo(commits);
            assertThat(reader.leaves().size()).as("segments after %d commits", commits).isLessThanOrEqualTo(4);
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            SearchResponse found = (SearchResponse) index.search(SearchRequest.of("常务会议"));
            assertThat(found.total()).isEqualTo(commits);
        }
    }
}

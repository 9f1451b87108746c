package io.huixun.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.ingest.IngestProgress;
import io.huixun.ingest.IngestReport;
import io.huixun.store.StoredArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded cost per article (issue 12): an over-long body is refused in one line that names the limit and the line;
 * the article at the limit is stored whole; understanding reads only a prefix of a long body.
 */
class BoundedArticleTest {
    @TempDir
    Path dir;

    /** A body of exactly {@code length} characters made of numbered sentences (distinct per {@code tag}). */
    private static String body(String tag, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < length; i++) {
            b.append(tag).append("报道第").append(i).append("句说明当地的天气和交通情况。");
        }
        return b.substring(0, length);
    }

    private static String line(String title, String body, int n) {
        return "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"date\":\"2025-03-01\",\"source\":\"测试\","
                + "\"url\":\"https://bounded.example/" + n + "\"}";
    }

    @Test
    void anArticleOverTheLimitIsRefusedInOneLineAndTheOthersAreStored() throws Exception {
        Path jsonl = dir.resolve("long.jsonl");
        Files.write(jsonl, List.of(
                line("第一篇", body("甲", 300), 1),
                line("太长的一篇", body("乙", 100_001), 2),
                line("正好到上限的一篇", body("丙", 100_000), 3)), StandardCharsets.UTF_8);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            IngestReport report = inst.pipeline().ingest(jsonl.toString(), IngestProgress.NONE);
            assertThat(report.inserted()).isEqualTo(2);
            assertThat(report.rejected()).isEqualTo(1);
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.item()).isEqualTo(jsonl + ":2");
                assertThat(p.message()).isEqualTo("article too long: 100,001 characters, over the limit of 100,000"
                        + " per article; not stored");
            });
            List<StoredArticle> stored = inst.store().exportAll().toList();
            assertThat(stored).extracting(StoredArticle::title).containsExactly("第一篇", "正好到上限的一篇");
            assertThat(stored.get(1).canonicalText()).hasSize(100_000);
        }
    }

    @Test
    void understandingReadsOnlyTheFirstTwentyThousandCharacters() throws Exception {
        String name = "外交部长王毅表示，中方愿同各方加强合作。王毅说，双方同意继续推进对话。";
        Path jsonl = dir.resolve("names.jsonl");
        Files.write(jsonl, List.of(
                line("名字在前", name + body("丁", 30_000), 1),
                line("名字在后", body("戊", 30_000) + name, 2)), StandardCharsets.UTF_8);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            IngestReport report = inst.pipeline().ingest(jsonl.toString(), IngestProgress.NONE);
            assertThat(report.inserted()).isEqualTo(2);
            List<StoredArticle> stored = inst.store().exportAll().toList();
            assertThat(inst.store().understanding(stored.get(0).id()).orElseThrow().understanding().entities().people())
                    .contains("王毅");
            assertThat(inst.store().understanding(stored.get(1).id()).orElseThrow().understanding().entities().people())
                    .doesNotContain("王毅");
            // the whole text is still searchable
            assertThat(stored.get(1).canonicalText()).endsWith(name);
        }
    }
}

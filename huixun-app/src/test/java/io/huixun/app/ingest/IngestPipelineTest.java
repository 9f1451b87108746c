package io.huixun.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.ingest.IngestProgress;
import io.huixun.ingest.IngestReport;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.store.ArticleSummary;
import io.huixun.store.RecentFilter;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoredUnderstanding;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on real files, a real SQLite store and a real Lucene index. */
class IngestPipelineTest {
    @TempDir
    Path dir;

    @Test
    void theSeedPortalDumpBecomesALeadArticleAndSixRepairedTeasers() throws Exception {
        Path seed = TestInstallations.sample(dir, "portal-dump-seed.txt", 0);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            IngestReport report = inst.pipeline().ingest(seed.toString(), IngestProgress.NONE);
            assertThat(report.inserted()).isEqualTo(7);
            assertThat(report.problems()).isEmpty();
            List<StoredArticle> all = inst.store().exportAll().toList();
            StoredArticle lead = all.get(0);
            assertThat(lead.title()).isEqualTo("中国—中亚外长举行第六次会晤");
            assertThat(lead.teaser()).isFalse();
            assertThat(lead.published().orElseThrow().toLocalDate()).isEqualTo(LocalDate.of(2025, 4, 26));
            assertThat(lead.canonicalText()).startsWith("当地时间2025年4月26日，中国—中亚外长第六次会晤在阿拉木图举行。")
                    .doesNotContain("(dāng)").doesNotContain("當");
            assertThat(all.subList(1, 7)).allMatch(StoredArticle::teaser);
            assertThat(all).allSatisfy(a -> assertThat(a.repairLogJson()).startsWith("["));
            // The original bytes are kept beside the repair: the lead's original still has the damage.
            assertThat(lead.original().text()).contains("當(dāng)");
            StoredUnderstanding u = inst.store().understanding(lead.id()).orElseThrow();
            assertThat(u.understanding().entities().people()).contains("王毅");
        }
    }

    @Test
    void reIngestingTheSameInputCreatesNothing() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Path seed = TestInstallations.sample(inputs, "portal-dump-seed.txt", 0);
        Path jsonl = TestInstallations.sample(inputs, "fuyao-news.jsonl", 15);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            inst.pipeline().ingest(seed.toString(), IngestProgress.NONE);
            inst.pipeline().ingest(jsonl.toString(), IngestProgress.NONE);
            long count = inst.store().count();
            IngestReport again = inst.pipeline().ingest(inputs.toString(), IngestProgress.NONE);
            assertThat(again.inserted()).isZero();
            assertThat(again.alreadyStored()).isEqualTo(again.seen());
            assertThat(inst.store().count()).isEqualTo(count);
            assertThat(inst.index().count()).isEqualTo(count);
        }
    }

    @Test
    void aTraditionalPinyinSpammedCopyFoldsOntoItsCleanSimplifiedOriginal() throws Exception {
        String body = "新华社北京4月27日电 国务院常务会议27日决定核准浙江三门三期工程等核电项目。会议强调，发展核电必须确保安全万无一失，"
                + "要压实参建单位和业主单位主体责任，按照全球最高安全标准建设和运营核电机组，持续加强核安全监管。"
                + "会议还研究了进一步做好稳就业工作的有关举措，要求各地区各部门落实落细就业优先政策。";
        String traditional = ChineseConverter.of(ConversionConfig.S2T).convert(body)
                .replace("會議", "會(huì)議").replace("當", "當(dāng)");
        Path original = dir.resolve("a.jsonl");
        Files.writeString(original, "{\"title\":\"国常会核准核电项目\",\"body\":\"" + body
                + "\",\"date\":\"2025-04-27\",\"source\":\"新华社\",\"url\":\"https://example.cn/a\"}\n", StandardCharsets.UTF_8);
        Path copy = dir.resolve("b.jsonl");
        Files.writeString(copy, "{\"title\":\"國常會核準核電項目\",\"body\":\"" + traditional
                + "\",\"date\":\"2025-04-28\",\"source\":\"内容农场\",\"url\":\"https://farm.example/b\"}\n", StandardCharsets.UTF_8);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            inst.pipeline().ingest(original.toString(), IngestProgress.NONE);
            IngestReport second = inst.pipeline().ingest(copy.toString(), IngestProgress.NONE);
            assertThat(second.copies()).isEqualTo(1);
            List<ArticleSummary> canonical = inst.store().listRecent(RecentFilter.CANONICAL, 0, 10);
            assertThat(canonical).extracting(ArticleSummary::title).containsExactly("国常会核准核电项目");
            SearchResponse hits = (SearchResponse) inst.index().search(SearchRequest.of("核電項目"));
            assertThat(hits.total()).isEqualTo(1);
            assertThat(hits.hits().get(0).alsoAtSources()).isEqualTo(1);
        }
    }

    @Test
    void badJsonlLinesAreReportedOneByOneAndTheRestIsStored() throws Exception {
        Path jsonl = dir.resolve("mixed.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"title\":\"第一条\",\"body\":\"第一条新闻的正文内容。\",\"date\":\"2025-01-02\",\"url\":\"https://e.cn/1\"}",
                "{not json",
                "{\"title\":\"日期坏了\",\"body\":\"正文。\",\"date\":\"去年某天\",\"url\":\"https://e.cn/2\"}",
                "{\"source\":\"只有来源\"}",
                "",
                "{\"title\":\"第三条\",\"body\":\"第三条新闻的正文内容，和第一条不同。\",\"url\":\"https://e.cn/3\"}") + "\n",
                StandardCharsets.UTF_8);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            IngestReport report = inst.pipeline().ingest(jsonl.toString(), IngestProgress.NONE);
            assertThat(report.inserted()).isEqualTo(2);
            assertThat(report.problems()).hasSize(3);
            assertThat(report.problems()).extracting(IngestReport.Problem::item)
                    .containsExactly(jsonl + ":2", jsonl + ":3", jsonl + ":4");
            assertThat(report.problems().get(0).message()).contains("malformed JSON");
            assertThat(report.problems().get(1).message()).contains("date");
            assertThat(report.problems().get(2).message()).contains("title");
        }
    }

    @Test
    void binaryAndMissingInputsAreClearProblemsNotCrashes() throws Exception {
        Path binary = dir.resolve("blob.html");
        byte[] bytes = new byte[5000];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(binary, bytes);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            IngestReport report = inst.pipeline().ingest(binary.toString(), IngestProgress.NONE);
            assertThat(report.inserted()).isZero();
            assertThat(report.problems()).hasSize(1);
            IngestReport missing = inst.pipeline().ingest(dir.resolve("nope.txt").toString(), IngestProgress.NONE);
            assertThat(missing.problems().get(0).message()).contains("no such file");
        }
    }

    @Test
    void theStartUpCheckPutsBackWhatTheIndexLost() throws Exception {
        Path jsonl = TestInstallations.sample(dir, "fuyao-news.jsonl", 8);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            inst.pipeline().ingest(jsonl.toString(), IngestProgress.NONE);
            String victim = inst.index().ids().first();
            inst.index().delete(victim);
            inst.index().commit();
        }
        try (Installation reopened = Installation.open(dir.resolve("data"))) {
            assertThat(reopened.startupRepair().added()).isEqualTo(1);
            assertThat(reopened.index().count()).isEqualTo(reopened.store().count());
        }
    }

    @Test
    void theStartUpCheckRunsInTheBackgroundOnlyWhenTheCountsDiffer() throws Exception {
        Path jsonl = TestInstallations.sample(dir, "fuyao-news.jsonl", 8);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            inst.pipeline().ingest(jsonl.toString(), IngestProgress.NONE);
            java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
            var agreeing = inst.pipeline().synchronizeIndexInBackground(log::add);
            assertThat(agreeing).isDone();
            assertThat(agreeing.join().nothing()).isTrue();
            assertThat(log).isEmpty();

            for (int i = 0; i < 3; i++) {
                inst.index().delete(inst.index().ids().first());
            }
            inst.index().commit();
            long stored = inst.store().count();
            var repair = inst.pipeline().synchronizeIndexInBackground(log::add).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(repair.added()).isEqualTo(3);
            assertThat(inst.index().count()).isEqualTo(stored);
            assertThat(log).first().asString().isEqualTo("index check: the index holds " + (stored - 3)
                    + " documents and the store " + stored + " articles; comparing them in the background (searches"
                    + " may miss some articles until it ends)");
            assertThat(log).last().asString().isEqualTo("index check done: 3 documents added, 0 deleted");
        }
    }
}

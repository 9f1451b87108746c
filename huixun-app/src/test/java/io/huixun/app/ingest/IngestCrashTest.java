package io.huixun.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.ingest.IngestProgress;
import io.huixun.ingest.IngestReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of {@code huixun ingest}, then restart: the store keeps every article it committed, the index
 * is brought back in line at start-up, and ingesting the same file again adds exactly the missing articles.
 */
class IngestCrashTest {
    static final int ARTICLES = 600;
    static final String[] WORDS = {"经济", "发展", "会议", "合作", "项目", "城市", "科技", "创新", "教育", "医疗", "交通",
            "农业", "生态", "能源", "文化", "旅游", "港口", "铁路", "市场", "企业", "居民", "社区", "工程", "试点"};

    @TempDir
    Path dir;

    @Test
    void aKilledIngestLosesNothingCommittedAndDuplicatesNothing() throws Exception {
        Path jsonl = dir.resolve("many.jsonl");
        Random random = new Random(99);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            StringBuilder body = new StringBuilder("第" + i + "号报道：");
            for (int w = 0; w < 60; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 9 == 8 ? "。" : "");
            }
            lines.add("{\"title\":\"新闻" + i + "\",\"body\":\"" + body + "\",\"date\":\"2025-03-01\",\"url\":\"https://crash.example/"
                    + i + "\"}");
        }
        Files.write(jsonl, lines, StandardCharsets.UTF_8);
        Path data = dir.resolve("data");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "io.huixun.app.cli.Main", "ingest", "--data", data.toString(),
                jsonl.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (committed(data) < 60 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(child.isAlive()).as("the ingest should still be running when killed").isTrue();
        child.destroyForcibly().waitFor();
        long survived = committed(data);
        assertThat(survived).isBetween(60L, (long) ARTICLES - 1);

        try (Installation restarted = Installation.open(data)) {
            assertThat(restarted.store().count()).isEqualTo(survived);
            restarted.startupRepair(); // the check runs in the background; wait for it
            assertThat(restarted.index().count()).as("the start-up check re-syncs the index").isEqualTo(survived);
            IngestReport again = restarted.pipeline().ingest(jsonl.toString(), IngestProgress.NONE);
            assertThat(again.alreadyStored()).isEqualTo(survived);
            assertThat(again.inserted()).isEqualTo(ARTICLES - survived);
            assertThat(restarted.store().count()).isEqualTo(ARTICLES);
            assertThat(restarted.index().count()).isEqualTo(ARTICLES);
        }
    }

    /** Articles committed so far, read through a separate read-only connection (WAL lets it read while the child writes). */
    private static long committed(Path data) {
        Path db = data.resolve("huixun.db");
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM articles")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (Exception e) {
            return 0; // not created yet, or busy: ask again
        }
    }
}

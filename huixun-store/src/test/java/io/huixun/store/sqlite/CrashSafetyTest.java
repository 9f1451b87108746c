package io.huixun.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.store.SaveResult;
import io.huixun.store.StoredArticle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a large insert: every acknowledged article survives, no batch is half-written, and
 * inserting everything again adds only what was missing.
 */
class CrashSafetyTest {
    private static final int TOTAL = 5_000;
    private static final int KILL_AFTER_ACKS = 400;

    @TempDir
    Path dir;

    @Test
    void killedWriterLosesNothingAcknowledgedAndRerunDuplicatesNothing() throws Exception {
        Path db = dir.resolve("crash.db");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED", CrashInserter.class.getName(), db.toString(),
                Integer.toString(TOTAL))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<Integer, Long> acknowledged = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
                    if (acknowledged.size() >= KILL_AFTER_ACKS) {
                        child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close()
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
        assertThat(acknowledged.size()).as("the child was killed before finishing").isLessThan(TOTAL);

        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            for (Map.Entry<Integer, Long> ack : acknowledged.entrySet()) {
                StoredArticle stored = store.find(ack.getValue()).orElseThrow(
                        () -> new AssertionError("acknowledged article " + ack + " is missing"));
                assertThat(stored.url()).contains("https://crash.example.cn/" + ack.getKey());
                assertThat(stored.canonicalText()).isEqualTo(CrashInserter.article(ack.getKey()).canonicalText());
            }
            long survived = store.count();
            assertThat(survived % CrashInserter.BATCH).as("batches are atomic").isZero();
            assertThat(survived).isGreaterThanOrEqualTo(acknowledged.size());

            int inserted = 0;
            for (int n = 0; n < TOTAL; n += 500) {
                var batch = IntStream.range(n, n + 500).mapToObj(CrashInserter::article).toList();
                for (SaveResult r : store.saveAll(batch)) {
                    if (r instanceof SaveResult.Inserted) {
                        inserted++;
                    }
                }
            }
            assertThat(inserted).isEqualTo(TOTAL - survived);
            assertThat(store.count()).isEqualTo(TOTAL);
            Set<String> urls = new HashSet<>();
            try (Stream<StoredArticle> all = store.exportAll()) {
                all.forEach(a -> assertThat(urls.add(a.url().orElseThrow())).as("unique %s", a.url()).isTrue());
            }
            assertThat(urls).hasSize(TOTAL);
        }
    }
}

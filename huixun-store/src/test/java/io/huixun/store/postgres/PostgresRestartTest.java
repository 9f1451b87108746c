package io.huixun.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huixun.dedup.Deduplicator;
import io.huixun.store.ArticleStore;
import io.huixun.ingest.DeduplicatingWriter;
import io.huixun.store.NewArticle;
import io.huixun.store.SaveResult;
import io.huixun.store.StoredArticle;
import io.huixun.store.jdbc.StoreBackend;
import io.huixun.store.jdbc.TestArticles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the PostgreSQL server is stopped half-way through an ingest and started again. Runs only where the test
 * database's server can be controlled: {@code HUIXUN_TEST_POSTGRES_CTL} is a {@code pg_ctl -D … -l …} command
 * ({@code .ci/run} sets it; the server's port and addresses must be in its postgresql.conf so a plain start restores
 * them).
 */
class PostgresRestartTest {
    private static final String CTL_VARIABLE = "HUIXUN_TEST_POSTGRES_CTL";

    @TempDir
    Path dir;

    @Test
    void anIngestOutlivesAServerRestartAndNothingIsLostOrDuplicated() throws Exception {
        StoreBackend postgres = StoreBackend.postgres();
        String ctl = ctlOrSkip(postgres);
        List<NewArticle> articles = articles(300);
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        ExecutorService ingest = Executors.newSingleThreadExecutor();
        try (StoreBackend.Place place = postgres.place(dir); ArticleStore store = place.open()) {
            Future<List<SaveResult>> run = ingestInTens(ingest, store, articles, from -> {
                if (from == 100) {
                    halfway.countDown();
                    stopped.await(); // the next batch meets a stopped server and pooled connections that are dead
                }
            });
            assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
            pgCtl(ctl + " stop -m fast -w -t 60");
            stopped.countDown();
            Thread.sleep(1500); // the ingest retries against a server that is down
            assertThat(run.isDone()).as("ingest waits for the server").isFalse();
            pgCtl(ctl + " start -w -t 60");

            assertEachStoredOnce(store, run.get(90, TimeUnit.SECONDS), 300);
            assertThat(store.saveAll(articles)).allSatisfy(r -> assertThat(r).isInstanceOf(SaveResult.AlreadyStored.class));
        } finally {
            ingest.shutdownNow();
        }
    }

    @Test
    void aServerCrashMidIngestLosesNothingAcknowledged() throws Exception {
        StoreBackend postgres = StoreBackend.postgres();
        String ctl = ctlOrSkip(postgres);
        List<NewArticle> articles = articles(400);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService ingest = Executors.newSingleThreadExecutor();
        try (StoreBackend.Place place = postgres.place(dir); ArticleStore store = place.open()) {
            Future<List<SaveResult>> run = ingestInTens(ingest, store, articles, from -> started.countDown());
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            // No pause this time: the server dies under whatever transaction is in flight, as in a power cut of
            // the database host (immediate mode skips the shutdown checkpoint; start-up runs crash recovery).
            pgCtl(ctl + " stop -m immediate -w -t 60");
            assertThat(run.isDone()).as("the crash hit the ingest, not its end").isFalse();
            Thread.sleep(500);
            pgCtl(ctl + " start -w -t 60");

            List<SaveResult> results = run.get(90, TimeUnit.SECONDS);
            for (SaveResult r : results) {
                if (r instanceof SaveResult.Inserted in) { // acknowledged: must have survived the crash
                    assertThat(store.find(in.article().id())).map(a -> a.url()).contains(in.article().url());
                }
            }
            assertEachStoredOnce(store, results, 400);
        } finally {
            ingest.shutdownNow();
        }
    }

    /** The pg_ctl command that controls the test server; skips the test where there is none. */
    private static String ctlOrSkip(StoreBackend postgres) {
        assumeTrue(postgres.unavailable().isEmpty(), () -> postgres.unavailable().orElseThrow());
        Optional<String> ctl = Optional.ofNullable(System.getenv(CTL_VARIABLE)).filter(c -> !c.isBlank());
        assumeTrue(ctl.isPresent(), "skipped: " + CTL_VARIABLE + " is not set (.ci/run sets it)");
        return ctl.get();
    }

    private static List<NewArticle> articles(int n) {
        List<NewArticle> articles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            articles.add(TestArticles.article(i));
        }
        return articles;
    }

    /** What the test does after each batch, given the batch's first index; it may wait. */
    private interface AfterBatch {
        void after(int from) throws InterruptedException;
    }

    /** Saves {@code articles} in batches of ten through a de-duplicating writer, on {@code ingest}'s thread. */
    private static Future<List<SaveResult>> ingestInTens(ExecutorService ingest, ArticleStore store,
                                                         List<NewArticle> articles, AfterBatch afterBatch) {
        DeduplicatingWriter writer = DeduplicatingWriter.open(store, Deduplicator.standard());
        return ingest.submit(() -> {
            List<SaveResult> results = new ArrayList<>();
            for (int from = 0; from < articles.size(); from += 10) {
                results.addAll(writer.saveAll(articles.subList(from, from + 10)));
                afterBatch.after(from);
            }
            return results;
        });
    }

    /** Every article answered, stored, and stored once (by URL). */
    private static void assertEachStoredOnce(ArticleStore store, List<SaveResult> results, int n) {
        assertThat(results).hasSize(n).allSatisfy(r ->
                assertThat(r).isInstanceOfAny(SaveResult.Inserted.class, SaveResult.AlreadyStored.class));
        assertThat(store.count()).isEqualTo(n);
        try (Stream<StoredArticle> all = store.exportAll()) {
            assertThat(all.map(a -> a.url().orElseThrow()).distinct().count()).isEqualTo(n);
        }
    }

    private static void pgCtl(String command) throws IOException, InterruptedException {
        // Output to a file, not a pipe: the server started by pg_ctl would otherwise keep the pipe open.
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "huixun-pg-ctl.log");
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as(command).isTrue();
        assertThat(p.exitValue()).as(command + " (output in " + log + ")").isZero();
    }
}

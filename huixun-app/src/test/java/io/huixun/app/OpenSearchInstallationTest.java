package io.huixun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.cli.HuixunCommand;
import io.huixun.ingest.IngestProgress;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.opensearch.LocalCluster;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real OpenSearch node in the test JVM: migrate fills it from an embedded installation, and a node searches it. */
class OpenSearchInstallationTest {
    static LocalCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        cluster = LocalCluster.start(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void migrateFillsOpenSearchAndANodeSearchesItInEitherScript() throws Exception {
        String url = "opensearch://" + String.join(",", cluster.hosts()) + "/huixun-migrate";
        Path embedded = dir.resolve("embedded");
        try (Installation local = Installation.open(embedded)) {
            local.pipeline().ingest(TestInstallations.sample(dir, "portal-dump-seed.txt", 0).toString(), IngestProgress.NONE);
            local.pipeline().ingest(TestInstallations.sample(dir, "fuyao-news.jsonl", 10).toString(), IngestProgress.NONE);
        }
        assertThat(HuixunCommand.run("migrate", "--data", embedded.toString(), "--to", url)).isZero();
        try (Installation node = Installation.open(embedded, Optional.empty(), Optional.of(url))) {
            assertThat(node.startupRepair().nothing()).as("migrate already filled the index").isTrue();
            assertThat(node.index().count()).isEqualTo(node.store().count()).isEqualTo(17);
            SearchResponse traditional = (SearchResponse) node.index().search(SearchRequest.of("中亞外長"));
            assertThat(traditional.hits()).isNotEmpty();
            assertThat(traditional.hits().get(0).title().text()).isEqualTo("中国—中亚外长举行第六次会晤");
        }
    }

    /** HUIXUN_ALLOW_NETWORKS with the index in OpenSearch (the store in SQLite): a loopback page is fetched. */
    @Test
    void allowNetworksIsHonouredWithSqliteAndOpenSearch() throws Exception {
        String url = "opensearch://" + String.join(",", cluster.hosts()) + "/huixun-allow-sqlite";
        try (LoopbackPage page = new LoopbackPage()) {
            page.assertAllowNetworksHonoured(dir.resolve("node"),
                    new Settings.Flags(Optional.empty(), Optional.empty(), Optional.of(url)), java.util.Map.of());
        }
    }

    /** The same with the store in PostgreSQL (skipped without HUIXUN_TEST_POSTGRES_URL). */
    @Test
    void allowNetworksIsHonouredWithPostgresqlAndOpenSearch() throws Exception {
        String store = PostgresInstallationTest.freshDatabase();
        String url = "opensearch://" + String.join(",", cluster.hosts()) + "/huixun-allow-postgres";
        try (LoopbackPage page = new LoopbackPage()) {
            page.assertAllowNetworksHonoured(dir.resolve("node"), Settings.Flags.NONE,
                    java.util.Map.of(Settings.STORE, store, Settings.SEARCH, url));
        }
    }
}

package io.huixun.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HUIXUN_ALLOW_NETWORKS} reaches the pipeline's fetcher whatever holds the store: a real fetch from a loopback
 * server, refused without the variable and stored with it. The OpenSearch combinations are in
 * {@link OpenSearchInstallationTest} (which starts a node); PostgreSQL is skipped without HUIXUN_TEST_POSTGRES_URL.
 */
class AllowNetworksTest {
    @TempDir
    Path dir;

    @Test
    void sqliteAndLucene() throws Exception {
        try (LoopbackPage page = new LoopbackPage()) {
            page.assertAllowNetworksHonoured(dir.resolve("data"), Settings.Flags.NONE, Map.of());
        }
    }

    @Test
    void postgresqlAndLucene() throws Exception {
        String url = PostgresInstallationTest.freshDatabase();
        try (LoopbackPage page = new LoopbackPage()) {
            page.assertAllowNetworksHonoured(dir.resolve("node"),
                    new Settings.Flags(Optional.empty(), Optional.of(url), Optional.empty()), Map.of());
        }
    }

    @Test
    void postgresqlNamedByTheEnvironmentAndLucene() throws Exception {
        String url = PostgresInstallationTest.freshDatabase();
        try (LoopbackPage page = new LoopbackPage()) {
            page.assertAllowNetworksHonoured(dir.resolve("node"), Settings.Flags.NONE, Map.of(Settings.STORE, url));
        }
    }
}

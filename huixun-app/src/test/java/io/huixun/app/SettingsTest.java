package io.huixun.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huixun.fetch.FetchSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Flags over environment over defaults, read in one place; the fetch policy is the same for every back-end. */
class SettingsTest {
    private static final Optional<String> PG = Optional.of("postgresql://db.example:5432/huixun?user=huixun&password=s3cret");
    private static final Optional<String> OS = Optional.of("opensearch://search.example:9200");

    @Test
    void aFlagWinsOverItsVariableWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of(Settings.DATA, "/srv/huixun", Settings.STORE, PG.get(), Settings.SEARCH,
                OS.get());
        Settings fromEnv = Settings.read(Settings.Flags.NONE, env);
        assertThat(fromEnv.folder()).isEqualTo(Path.of("/srv/huixun"));
        assertThat(fromEnv.storeUrl()).isEqualTo(PG);
        assertThat(fromEnv.searchUrl()).isEqualTo(OS);

        Settings flagged = Settings.read(new Settings.Flags(Optional.of(Path.of("here")),
                Optional.of("postgresql://other/db"), Optional.of("opensearch://other:9200")), env);
        assertThat(flagged.folder()).isEqualTo(Path.of("here"));
        assertThat(flagged.storeUrl()).contains("postgresql://other/db");
        assertThat(flagged.searchUrl()).contains("opensearch://other:9200");

        Settings defaults = Settings.read(Settings.Flags.NONE, Map.of(Settings.DATA, "  ", Settings.STORE, ""));
        assertThat(defaults.folder()).isEqualTo(Path.of(Installation.DEFAULT_FOLDER));
        assertThat(defaults.storeUrl()).isEmpty();
        assertThat(defaults.searchUrl()).isEmpty();
        assertThat(defaults.adminUser()).isEqualTo("admin");
        assertThat(defaults.adminPassword()).isEmpty();
        assertThat(defaults.publicUrl()).isEmpty();
    }

    /**
     * The bug of issue 14: with PostgreSQL or OpenSearch the fetch settings fell back to the defaults. Every
     * combination, named by flag or by variable, now carries the allow-list (the installation takes its fetcher from
     * {@link Settings#fetch()} and nowhere else: see AllowNetworksTest for real fetches).
     */
    @Test
    void allowNetworksReachesTheFetchPolicyForEveryBackEndCombination() throws Exception {
        InetAddress lan = InetAddress.getByName("192.168.1.20");
        InetAddress other = InetAddress.getByName("192.168.1.21");
        for (Optional<String> store : List.of(Optional.<String>empty(), PG)) {
            for (Optional<String> search : List.of(Optional.<String>empty(), OS)) {
                String shown = store.map(s -> "PostgreSQL").orElse("SQLite") + " × "
                        + search.map(s -> "OpenSearch").orElse("Lucene");
                Settings byFlag = Settings.read(new Settings.Flags(Optional.empty(), store, search),
                        Map.of(Settings.ALLOW_NETWORKS, "192.168.1.20/32"));
                Map<String, String> env = new HashMap<>(Map.of(Settings.ALLOW_NETWORKS, " 192.168.1.20/32 ,"));
                store.ifPresent(s -> env.put(Settings.STORE, s));
                search.ifPresent(s -> env.put(Settings.SEARCH, s));
                Settings byVariable = Settings.read(Settings.Flags.NONE, env);
                for (Settings s : List.of(byFlag, byVariable)) {
                    assertThat(s.storeUrl()).as(shown).isEqualTo(store);
                    assertThat(s.searchUrl()).as(shown).isEqualTo(search);
                    assertThat(s.fetch().addressPolicy().blockReason(lan)).as(shown).isEmpty();
                    assertThat(s.fetch().addressPolicy().blockReason(other)).as(shown + ": only the listed range")
                            .isPresent();
                }
                Settings without = Settings.read(new Settings.Flags(Optional.empty(), store, search), Map.of());
                assertThat(without.fetch().addressPolicy().blockReason(lan)).as(shown).isPresent();
            }
        }
    }

    @Test
    void theRestOfTheFetchSettingsAreTheDefaults() {
        FetchSettings d = FetchSettings.defaults();
        FetchSettings s = Settings.read(Settings.Flags.NONE, Map.of(Settings.ALLOW_NETWORKS, "10.0.0.0/8")).fetch();
        assertThat(List.of(s.userAgent(), s.readTimeout(), s.deadline(), s.maxBodyBytes(), s.maxRedirects(),
                s.hostInterval(), s.obeyRobots())).isEqualTo(List.of(d.userAgent(), d.readTimeout(), d.deadline(),
                d.maxBodyBytes(), d.maxRedirects(), d.hostInterval(), d.obeyRobots()));
    }

    @Test
    void aBadAllowListIsOneSentenceNamingTheVariable() {
        assertThatThrownBy(() -> Settings.read(Settings.Flags.NONE, Map.of(Settings.ALLOW_NETWORKS, "lan")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(Settings.ALLOW_NETWORKS + ": ");
    }

    @Test
    void fetchConcurrencyIsCheckedWhenUsed() {
        assertThat(Settings.read(Settings.Flags.NONE, Map.of()).fetchConcurrency())
                .isEqualTo(io.huixun.ingest.SourceRefresher.DEFAULT_IN_FLIGHT);
        assertThat(Settings.read(Settings.Flags.NONE, Map.of(Settings.FETCH_CONCURRENCY, " 64 ")).fetchConcurrency())
                .isEqualTo(64);
        for (String bad : List.of("0", "10001", "many")) {
            Settings s = Settings.read(Settings.Flags.NONE, Map.of(Settings.FETCH_CONCURRENCY, bad));
            assertThatThrownBy(s::fetchConcurrency).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(Settings.FETCH_CONCURRENCY + " must be a whole number from 1 to 10000, got '" + bad + "'");
        }
    }

    @Test
    void serveSettingsComeFromTheEnvironment() {
        Settings s = Settings.read(Settings.Flags.NONE, Map.of(Settings.ADMIN_USER, "editor", Settings.ADMIN_PASSWORD,
                "correct horse", Settings.PUBLIC_URL, "https://news.example/"));
        assertThat(s.adminUser()).isEqualTo("editor");
        assertThat(s.adminPassword()).contains("correct horse");
        assertThat(s.publicUrl()).contains("https://news.example/");
    }

    @Test
    void shownWithoutAnyUrlOrPassword() {
        Settings s = Settings.read(new Settings.Flags(Optional.of(Path.of("d")), PG, OS), Map.of(Settings.ADMIN_PASSWORD,
                "correct horse"));
        assertThat(s.toString()).isEqualTo("folder d, store PostgreSQL, index OpenSearch")
                .doesNotContain("s3cret").doesNotContain("horse");
    }
}

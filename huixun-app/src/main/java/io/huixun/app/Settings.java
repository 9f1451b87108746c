package io.huixun.app;

import io.huixun.fetch.FetchProxy;
import io.huixun.fetch.FetchSettings;
import io.huixun.ingest.SourceRefresher;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an installation is configured with, read in one place: the command line's flags first, then the
 * environment, then the defaults. The CLI reads it once per command ({@link #read}) and passes it down to
 * {@link Installation#open(Settings, Installation.Mode)}, serve and the fetchers; nothing else looks at the
 * environment. {@code --store postgresql://…} or {@code --search opensearch://…} change where things are kept, never
 * how the fetcher is guarded: {@code HUIXUN_ALLOW_NETWORKS=192.168.1.20/32} widens the fetch policy for every
 * back-end.
 *
 * <p>Variables: {@code HUIXUN_DATA}, {@code HUIXUN_STORE}, {@code HUIXUN_SEARCH} (the three flags' defaults),
 * {@code HUIXUN_ALLOW_NETWORKS}, {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, {@code HUIXUN_EXTRA_CA},
 * {@code HUIXUN_ADMIN_USER}, {@code HUIXUN_ADMIN_PASSWORD}, {@code HUIXUN_PUBLIC_URL},
 * {@code HUIXUN_FETCH_CONCURRENCY}.
 *
 * <p>Threads: immutable once read; share it freely.
 */
public final class Settings {
    public static final String DATA = "HUIXUN_DATA";
    public static final String STORE = "HUIXUN_STORE";
    public static final String SEARCH = "HUIXUN_SEARCH";
    public static final String ALLOW_NETWORKS = "HUIXUN_ALLOW_NETWORKS";
    public static final String EXTRA_CA = "HUIXUN_EXTRA_CA";
    public static final String ADMIN_USER = "HUIXUN_ADMIN_USER";
    public static final String ADMIN_PASSWORD = "HUIXUN_ADMIN_PASSWORD";
    public static final String PUBLIC_URL = "HUIXUN_PUBLIC_URL";
    public static final String FETCH_CONCURRENCY = "HUIXUN_FETCH_CONCURRENCY";
    /** Read by the CLI's error handler only (a stack trace for a bug report), so it is not a field here. */
    public static final String DEBUG = "HUIXUN_DEBUG";

    private final Path folder;
    private final Optional<String> storeUrl;
    private final Optional<String> searchUrl;
    private final FetchSettings fetch;
    private final String adminUser;
    private final Optional<String> adminPassword;
    private final Optional<String> publicUrl;
    /** Kept as written: only serve uses it, so only serve refuses a bad value ({@link #fetchConcurrency()}). */
    private final Optional<String> fetchConcurrency;

    private Settings(Path folder, Optional<String> storeUrl, Optional<String> searchUrl, FetchSettings fetch,
                     String adminUser, Optional<String> adminPassword, Optional<String> publicUrl,
                     Optional<String> fetchConcurrency) {
        this.folder = folder;
        this.storeUrl = storeUrl;
        this.searchUrl = searchUrl;
        this.fetch = fetch;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.publicUrl = publicUrl;
        this.fetchConcurrency = fetchConcurrency;
    }

    /** The flags a command was given (each empty when not given). */
    public record Flags(Optional<Path> data, Optional<String> store, Optional<String> search) {
        public static final Flags NONE = new Flags(Optional.empty(), Optional.empty(), Optional.empty());

        /** Only {@code --data}: {@code Flags.data(Path.of("/srv/huixun"))}. */
        public static Flags data(Path folder) {
            return new Flags(Optional.of(folder), Optional.empty(), Optional.empty());
        }
    }

    /**
     * Reads the settings: each flag, else its variable, else the default. A blank variable counts as unset.
     * {@code read(Flags.NONE, Map.of("HUIXUN_ALLOW_NETWORKS", "192.168.1.20/32"))} → folder {@code ./huixun-data},
     * SQLite and Lucene, fetch policy allowing that one LAN address.
     *
     * @throws IllegalArgumentException for an allow-list entry that is not a CIDR range, or an unreadable
     *                                  {@code HUIXUN_EXTRA_CA} file (one sentence naming the variable)
     */
    public static Settings read(Flags flags, Map<String, String> env) {
        Path folder = flags.data().orElseGet(() -> value(env, DATA).map(Path::of)
                .orElse(Path.of(Installation.DEFAULT_FOLDER)));
        Optional<String> store = flags.store().filter(s -> !s.isBlank()).or(() -> value(env, STORE));
        Optional<String> search = flags.search().filter(s -> !s.isBlank()).or(() -> value(env, SEARCH));
        return new Settings(folder, store, search, fetchSettings(env), value(env, ADMIN_USER).orElse("admin"),
                value(env, ADMIN_PASSWORD), value(env, PUBLIC_URL), value(env, FETCH_CONCURRENCY));
    }

    /** {@link #read} of this process's environment. */
    public static Settings fromEnvironment(Flags flags) {
        return read(flags, System.getenv());
    }

    /**
     * The default fetch settings, widened by {@code HUIXUN_ALLOW_NETWORKS} (comma-separated CIDR ranges such as
     * {@code 192.168.1.20/32}, for LAN sources like a self-hosted RSSHub; everything else non-public stays blocked),
     * with the proxy of {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} and the CA certificates of the PEM
     * file {@code HUIXUN_EXTRA_CA} trusted besides the JDK's (for sources behind a private CA).
     */
    private static FetchSettings fetchSettings(Map<String, String> env) {
        FetchSettings settings = FetchSettings.defaults();
        Optional<String> allowed = value(env, ALLOW_NETWORKS);
        if (allowed.isPresent()) {
            List<String> ranges = Arrays.stream(allowed.get().split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            try {
                settings = settings.withAddressPolicy(settings.addressPolicy().allowing(ranges));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ALLOW_NETWORKS + ": " + e.getMessage(), e);
            }
        }
        settings = settings.withProxy(FetchProxy.fromEnvironment(env));
        Optional<String> extraCa = value(env, EXTRA_CA);
        if (extraCa.isPresent()) {
            settings = settings.withExtraTrust(FetchSettings.readCertificates(Path.of(extraCa.get())));
        }
        return settings;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** These settings with other fetch settings (tests that fetch from loopback servers; benchmarks). */
    public Settings withFetch(FetchSettings other) {
        return new Settings(folder, storeUrl, searchUrl, other, adminUser, adminPassword, publicUrl, fetchConcurrency);
    }

    /** These settings for another data folder (demo's scratch folder; migrate's target). */
    public Settings withFolder(Path other) {
        return new Settings(other, storeUrl, searchUrl, fetch, adminUser, adminPassword, publicUrl, fetchConcurrency);
    }

    /** These settings with other back-ends (migrate opens its target with them). */
    public Settings withBackEnds(Optional<String> store, Optional<String> search) {
        return new Settings(folder, store, search, fetch, adminUser, adminPassword, publicUrl, fetchConcurrency);
    }

    /** {@code --data}, else {@code $HUIXUN_DATA}, else {@code ./huixun-data}. */
    public Path folder() {
        return folder;
    }

    /** {@code --store}, else {@code $HUIXUN_STORE}; empty for the folder's SQLite file. */
    public Optional<String> storeUrl() {
        return storeUrl;
    }

    /** {@code --search}, else {@code $HUIXUN_SEARCH}; empty for the folder's Lucene index. */
    public Optional<String> searchUrl() {
        return searchUrl;
    }

    /** What every fetcher of the installation uses (the pipeline's, serve's title look-ups, images, webhooks). */
    public FetchSettings fetch() {
        return fetch;
    }

    /** {@code HUIXUN_ADMIN_USER}, default {@code admin}. */
    public String adminUser() {
        return adminUser;
    }

    /** {@code HUIXUN_ADMIN_PASSWORD}: makes or updates that administrator when serve starts. */
    public Optional<String> adminPassword() {
        return adminPassword;
    }

    /** {@code HUIXUN_PUBLIC_URL}: the address alerts link to, when serve is behind a proxy. */
    public Optional<String> publicUrl() {
        return publicUrl;
    }

    /**
     * {@code HUIXUN_FETCH_CONCURRENCY}: how many sources serve refreshes at once (default
     * {@link SourceRefresher#DEFAULT_IN_FLIGHT}).
     *
     * @throws IllegalArgumentException unless a whole number from 1 to 10000
     */
    public int fetchConcurrency() {
        if (fetchConcurrency.isEmpty()) {
            return SourceRefresher.DEFAULT_IN_FLIGHT;
        }
        try {
            int n = Integer.parseInt(fetchConcurrency.get());
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(FETCH_CONCURRENCY + " must be a whole number from 1 to 10000, got '"
                + fetchConcurrency.get() + "'");
    }

    /** Names the back-ends, never a password: {@code folder huixun-data, store SQLite, index Lucene}. */
    @Override
    public String toString() {
        return "folder " + folder + ", store " + (storeUrl.isPresent() ? "PostgreSQL" : "SQLite") + ", index "
                + (searchUrl.isPresent() ? "OpenSearch" : "Lucene");
    }
}

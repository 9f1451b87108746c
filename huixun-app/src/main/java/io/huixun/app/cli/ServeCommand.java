package io.huixun.app.cli;

import io.huixun.app.Installation;
import io.huixun.app.Settings;
import io.huixun.app.web.AdminAuth;
import io.huixun.app.web.LocalNewsDesk;
import io.huixun.app.web.WebServer;
import io.huixun.ingest.SourceRefresher;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code huixun serve [--port N]}: the web UI, API and feeds, and the source refresher. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web UI, JSON API and feeds, and refresh the sources on their schedules.",
                "Log in with an account (huixun users add NAME --admin).",
                "HUIXUN_ADMIN_PASSWORD (user: HUIXUN_ADMIN_USER, default admin) makes or updates that administrator"
                        + " at start."})
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOption data;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default 127.0.0.1).")
    String host;

    @Override
    public Integer call() throws Exception {
        HuixunCommand.require(port >= 0 && port <= 65535, spec, "--port must be between 0 and 65535, got " + port);
        Settings settings = data.settings();
        int concurrency = fetchConcurrency(settings); // a bad value is refused before anything is opened
        Installation installation = data.open();
        serve(installation, settings, concurrency, host, port, adminAuth(installation, settings, false), "");
        return HuixunCommand.OK;
    }

    /**
     * Logins on the installation's accounts; {@code HUIXUN_ADMIN_PASSWORD} (user {@code HUIXUN_ADMIN_USER}, default
     * admin) makes or updates that administrator account at start, as a way in before any account exists.
     */
    static AdminAuth adminAuth(Installation installation, Settings settings, boolean demo) {
        String user = settings.adminUser();
        Optional<String> password = settings.adminPassword();
        if (password.isEmpty() && demo) {
            password = Optional.of("demo-" + Long.toHexString(new java.security.SecureRandom().nextLong()).substring(0, 8));
            System.out.println("demo administrator: user '" + user + "', password '" + password.get()
                    + "' (set HUIXUN_ADMIN_PASSWORD to choose one)");
        }
        try {
            return AdminAuth.open(installation.store().readers(), user, password, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            installation.close();
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** Serves until the process is stopped (Ctrl-C), then closes everything. */
    static void serve(Installation installation, Settings settings, int fetchConcurrency, String host, int port,
                      AdminAuth auth, String banner) throws InterruptedException {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(metrics);
        new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(metrics);
        io.micrometer.core.instrument.Gauge.builder("huixun.articles", installation.store(), s -> s.count())
                .register(metrics);
        installation.observeFetches(e -> io.micrometer.core.instrument.Timer.builder("huixun.fetch")
                .description("outbound fetches by host and outcome").tag("host", e.host()).tag("outcome", e.outcome())
                .register(metrics).record(e.duration()));
        io.micrometer.core.instrument.MultiGauge lag = io.micrometer.core.instrument.MultiGauge
                .builder("huixun.source.lag").description("seconds a source is overdue for its refresh (0 when not due)")
                .baseUnit("seconds").register(metrics);
        // Warm the index (JIT, caches, first-use set-up) before the port opens, so the first readers are not the slow ones;
        // on a thread of its own while the rest is built, so start-up takes the longer of the two, not their sum.
        Thread warming = Thread.ofPlatform().daemon().name("warm-up").start(() -> {
            try {
                installation.index().warmUp();
            } catch (RuntimeException e) {
                LOG.warn("warming up the search index failed ({}); serving anyway", e.getMessage());
            }
        });
        WebServer server;
        // A source added on the web page without a name is named by its feed's title (one guarded fetch, 10 s at most).
        io.huixun.fetch.Fetcher titles = io.huixun.fetch.Fetcher.create(settings.fetch()
                .withTimeouts(SourcesCommand.TITLE_LOOKUP_READ, SourcesCommand.TITLE_LOOKUP_DEADLINE));
        // Pictures of hot-link-protected sites, fetched without Referer and cached in the data folder (/img).
        io.huixun.app.web.ImageProxy images = io.huixun.app.web.ImageProxy.open(installation.folder(),
                installation.store(), settings.fetch());
        LocalNewsDesk desk = new LocalNewsDesk(installation, java.util.Optional.of(titles));
        try {
            server = WebServer.create(desk, auth, metrics, new io.huixun.app.web.LoginGuard(auth),
                    new io.huixun.app.web.ReaderRoutes(installation.store(), desk, auth),
                    new io.huixun.app.web.FollowingOpml(installation.store(), auth),
                    new io.huixun.app.web.AccountsPage(auth),
                    new io.huixun.app.web.GoogleReaderApi(installation.store(), auth),
                    new io.huixun.app.web.FeverApi(installation.store()), images);
            warming.join(); // bounded: the warm-up stops at its budget
            server.listen(host, port); // what writing needs is loaded by the first article to write
        } catch (RuntimeException e) {
            images.close();
            titles.close();
            installation.close();
            throw new UserInputException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        io.huixun.app.alert.AlertDispatcher alerts = new io.huixun.app.alert.AlertDispatcher(
                installation.store().readers(), desk,
                new io.huixun.app.alert.WebhookSender(settings.fetch().addressPolicy(),
                        io.huixun.app.alert.WebhookSender.DEFAULT_BACKOFF),
                settings.publicUrl().orElse("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()));
        alerts.start(java.time.Duration.ofMinutes(1));
        SourceRefresher refresher = new SourceRefresher(installation.store(), installation.pipeline(),
                Clock.systemUTC(), "node-" + ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID(),
                fetchConcurrency);
        refresher.start(java.time.Duration.ofSeconds(1));
        Thread.ofPlatform().daemon().name("source-lag").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    java.time.Instant now = java.time.Instant.now();
                    lag.register(installation.store().listSources().stream().map(s -> io.micrometer.core.instrument
                            .MultiGauge.Row.of(io.micrometer.core.instrument.Tags.of("source", String.valueOf(s.id())),
                                    s.health().nextDue().filter(d -> !s.paused() && d.isBefore(now))
                                            .map(d -> (double) java.time.Duration.between(d, now).toSeconds())
                                            .orElse(0.0))).toList(), true);
                    Thread.sleep(15_000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the store is closing: the next round (if any) tries again
                }
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            refresher.close();
            alerts.close();
            server.close();
            images.close();
            titles.close();
            installation.close();
            LOG.info("stopped");
            stopped.countDown();
        }, "huixun-shutdown"));
        String address = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/";
        long articles = installation.store().count();
        // stdout: the user's line (the demo's banner first); the log: the same event with time and level.
        System.out.println(banner + "Huixun is serving on " + address + "  (" + articles + " articles; Ctrl-C to stop)");
        System.out.flush();
        LOG.info("serving on {} ({} articles)", address, articles);
        stopped.await();
    }

    /** {@link Settings#fetchConcurrency()}, a bad value refused in one line (exit code 1). */
    static int fetchConcurrency(Settings settings) {
        try {
            return settings.fetchConcurrency();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}

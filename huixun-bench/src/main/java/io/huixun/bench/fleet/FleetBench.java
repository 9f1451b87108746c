package io.huixun.bench.fleet;

import io.huixun.fetch.AddressPolicy;
import io.huixun.fetch.FetchSettings;
import io.huixun.ingest.SourceRefresher;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * {@code ./bench fleet [--feeds N] [--hosts H] [--items K] [--seconds S] [--in-flight M] [--no-sequential] [--https]
 * [--latency MS] [--seed N] [--chart FILE.png] [--log FILE]}: builds a simulated fleet of news sites on loopback
 * ({@link FleetPlan}, {@link SiteServer}), lets Huixun gather from it with its production refresher twice in the
 * same run (with {@code M} sources in flight, then sequentially with 1), and reports time until every reachable
 * article is searchable, arrivals over time, per-host connections and request spacing as the sites measured them,
 * requests, memory, and the goals. Each run stops by itself at {@code S} seconds.
 */
public final class FleetBench {
    private FleetBench() {}

    record Options(int feeds, int hosts, int items, int seconds, int inFlight, boolean sequential, boolean https,
                   int latencyMillis, long seed, Optional<Path> chart, Optional<Path> log) {
        static Options parse(String[] args) {
            int feeds = 200;
            Integer hosts = null;
            int items = 10;
            int seconds = 180;
            int inFlight = SourceRefresher.DEFAULT_IN_FLIGHT;
            boolean sequential = true;
            boolean https = false;
            int latency = 80;
            long seed = 42;
            Optional<Path> chart = Optional.empty();
            Optional<Path> log = Optional.empty();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--no-sequential" -> sequential = false;
                    case "--https" -> https = true;
                    case "--feeds", "--hosts", "--items", "--seconds", "--in-flight", "--latency", "--seed",
                         "--chart", "--log" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        String v = args[++i];
                        switch (a) {
                            case "--feeds" -> feeds = positive(a, v, 20_000);
                            case "--hosts" -> hosts = positive(a, v, 50_000);
                            case "--items" -> items = positive(a, v, 100);
                            case "--seconds" -> seconds = positive(a, v, 3600);
                            case "--in-flight" -> inFlight = positive(a, v, 10_000);
                            case "--latency" -> latency = positive(a, v, 10_000);
                            case "--seed" -> seed = Long.parseLong(v);
                            case "--log" -> log = Optional.of(Path.of(v));
                            default -> chart = Optional.of(Path.of(v));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            int h = hosts != null ? hosts : Math.max(50, (feeds + 3) / 4);
            return new Options(feeds, h, items, seconds, inFlight, sequential, https, latency, seed, chart, log);
        }

        private static int positive(String name, String v, int max) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 1 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
            throw new IllegalArgumentException(name + " must be a whole number from 1 to " + max + ", got '" + v + "'");
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fleet: " + e.getMessage());
            System.err.println("usage: bench fleet [--feeds N] [--hosts H] [--items K] [--seconds S] [--in-flight M]"
                    + " [--no-sequential] [--https] [--latency MS] [--seed N] [--chart FILE.png] [--log FILE]");
            System.exit(2);
            return;
        }
        FetchSettings settings = FetchSettings.defaults()
                .withAddressPolicy(AddressPolicy.standard().allowing(List.of("127.0.0.0/8")));
        boolean https = o.https();
        String httpsNote = "off (--https to enable)";
        FleetCa ca = null;
        if (https) {
            if (!hasTrustSetting()) {
                https = false;
                httpsNote = "asked for, but this Fetcher has no trust setting (FetchSettings.withExtraTrust): HTTPS "
                        + "hosts served over HTTP instead";
            }
        }
        ArticleTexts texts = ArticleTexts.load(o.feeds() * o.items(), o.seed());
        FleetPlan plan = FleetPlan.build(o.feeds(), o.hosts(), o.items(), https, texts);
        if (https) {
            ca = FleetCa.create(plan.hosts().stream().filter(FleetPlan.Host::https).map(FleetPlan.Host::address)
                    .toList());
            settings = trusting(settings, ca.certificate()).orElseThrow();
            httpsNote = plan.hosts().stream().filter(FleetPlan.Host::https).count()
                    + " hosts on HTTPS with a CA made for this run";
        }
        SSLContext tls = ca == null ? null : ca.serverContext();
        List<SiteServer> sites = new ArrayList<>();
        try {
            for (FleetPlan.Host host : plan.hosts()) {
                sites.add(SiteServer.start(host, plan, o.seed(), o.latencyMillis(), tls));
            }
            Map<FleetPlan.Role, Long> roles = plan.hosts().stream()
                    .collect(Collectors.groupingBy(FleetPlan.Host::role, java.util.TreeMap::new,
                            Collectors.counting()));
            System.out.printf("fleet: %d feeds on %d hosts (127.77.x.y, one server each; roles %s), %d items per feed,"
                            + " %d articles, %d reachable%n", o.feeds(), o.hosts(), roles, o.items(),
                    plan.articles().size(), plan.reachable());
            System.out.printf("  full-text feeds %d, summary-only %d; gzip on %d hosts; HTTPS %s; latency: 5 ms + "
                            + "exponential, mean %d ms, seed %d%n",
                    plan.feeds().stream().filter(FleetPlan.Feed::fullText).count(),
                    plan.feeds().stream().filter(f -> !f.fullText()).count(),
                    plan.hosts().stream().filter(FleetPlan.Host::gzip).count(), httpsNote, o.latencyMillis(),
                    o.seed());
            System.out.printf("  texts: %s; %d cores; cap %d s per run%n%n", texts.origin(),
                    Runtime.getRuntime().availableProcessors(), o.seconds());
            if (o.log().isPresent()) {
                java.nio.file.Files.deleteIfExists(o.log().get());
            }
            List<FleetRun.Result> results = new ArrayList<>();
            FleetRun.Result concurrent = FleetRun.run("concurrent", plan, sites, settings, o.inFlight(), o.seconds(),
                    o.log());
            results.add(concurrent);
            FleetReport.printRun(concurrent, plan);
            if (o.sequential()) {
                FleetRun.Result sequential = FleetRun.run("sequential", plan, sites, settings, 1, o.seconds(),
                        o.log());
                results.add(sequential);
                FleetReport.printRun(sequential, plan);
            }
            FleetReport.printArrivals(results);
            FleetReport.printSummary(results, o.feeds(), o.items());
            if (o.chart().isPresent()) {
                ArrivalChart.write(o.chart().get(), results, plan.reachable());
                System.out.println("chart: " + o.chart().get());
            }
        } finally {
            for (SiteServer s : sites) {
                s.close();
            }
        }
        // stray refreshes or site threads are daemon/virtual; exit promptly so the bench always stops by itself
        System.exit(0);
    }

    static boolean hasTrustSetting() {
        try {
            FetchSettings.class.getMethod("withExtraTrust", Collection.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code settings} trusting the fleet's CA, when this build's fetcher has a trust setting. */
    static Optional<FetchSettings> trusting(FetchSettings settings, X509Certificate ca) {
        try {
            Method m = FetchSettings.class.getMethod("withExtraTrust", Collection.class);
            return Optional.of((FetchSettings) m.invoke(settings, List.of(ca)));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FetchSettings.withExtraTrust failed: " + e.getCause(), e);
        }
    }
}

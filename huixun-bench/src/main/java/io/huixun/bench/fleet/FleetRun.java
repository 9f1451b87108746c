package io.huixun.bench.fleet;

import io.huixun.app.Installation;
import io.huixun.bench.fleet.FleetPlan.Article;
import io.huixun.fetch.FetchSettings;
import io.huixun.ingest.SourceRefresher;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.store.ArticleStore;
import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import io.huixun.store.StoredArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One gatherer's run over the fleet: a fresh installation in a temporary folder (real SQLite store, real Lucene
 * index, the production fetcher allowed to reach loopback), every feed registered as a source, the production
 * {@link SourceRefresher} started in background mode as {@code serve} starts it, and a watcher that every half second
 * counts the reachable articles that are stored and in the index. Stops when all are searchable or at the cap.
 *
 * <p>Confined to the calling thread (the refresher runs its own threads).
 */
final class FleetRun {
    /** The tick {@code huixun serve} gives its refresher. */
    static final Duration TICK = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 500;

    /** One point of the arrival curve. */
    record Point(double seconds, long stored, long searchable) {}

    /**
     * What the run measured.
     *
     * @param secondsToAll   when every reachable article was searchable, or -1 when the cap came first
     * @param titleChecks    articles searched for by their title phrase after the run
     * @param titleFound     of those, found among the first ten hits
     * @param unexpected     stored articles that are not reachable articles of the fleet
     * @param sourceErrors   last error of each failing source, counted by message
     * @param shutdownProblem what closing the installation after the refresher threw, or empty
     */
    record Result(String label, int maxInFlight, long reachable, double secondsToAll, double seconds,
                  List<Point> points, long stored, long searchable, int titleChecks, int titleFound, long unexpected,
                  Map<String, HostStats.Snapshot> sites, Map<String, Integer> sourceErrors, long vmHwmKb,
                  long vmRssKb, String shutdownProblem, double cpuSeconds, String loadAverage) {}

    private FleetRun() {}

    /** @param log a file to append every request the sites saw to ({@code run address role ms path}), if wanted */
    static Result run(String label, FleetPlan plan, List<SiteServer> sites, FetchSettings settings, int maxInFlight,
                      int capSeconds, Optional<Path> log) throws IOException {
        Path folder = Files.createTempDirectory("huixun-fleet-");
        try {
            return runIn(folder, label, plan, sites, settings, maxInFlight, capSeconds, log);
        } finally {
            deleteTree(folder);
        }
    }

    private static Result runIn(Path folder, String label, FleetPlan plan, List<SiteServer> sites,
                                FetchSettings settings, int maxInFlight, int capSeconds, Optional<Path> log)
            throws IOException {
        Map<Integer, SiteServer> byHost = new HashMap<>();
        for (SiteServer s : sites) {
            byHost.put(s.host().index(), s);
            s.resetStats();
        }
        Installation installation = Installation.open(folder, settings);
        try {
            ArticleStore store = installation.store();
            for (FleetPlan.Feed f : plan.feeds()) {
                String url = byHost.get(f.host().index()).url(f.path());
                SourceAddResult added = store.addSource(new NewSource("fleet feed " + f.index(), url, SourceKind.FEED,
                        Optional.empty(), Duration.ofHours(1)));
                if (!(added instanceof SourceAddResult.Added)) {
                    throw new IllegalStateException("could not register " + url);
                }
            }
            // reachable article URL → stored id, filled in as articles arrive
            Map<String, Long> pending = new LinkedHashMap<>();
            for (Article a : plan.articles()) {
                if (a.reachable()) {
                    pending.put(byHost.get(a.host().index()).url(a.pagePath()), -1L);
                }
            }
            Map<String, Long> found = new HashMap<>();
            java.util.Set<String> reachableUrls = java.util.Set.copyOf(pending.keySet());
            long reachable = pending.size();
            List<Point> points = new ArrayList<>();
            long cpuStart = cpuNanos();
            String loadBefore = loadAverage();
            long start = System.nanoTime();
            long deadline = start + capSeconds * 1_000_000_000L;
            double allAt = -1;
            long lastStoreCount = -1;
            long maxSeenId = 0;
            long lastIndexCount = -1;
            long searchable = 0;
            SourceRefresher refresher = new SourceRefresher(store, installation.pipeline(), Clock.systemUTC(),
                    "fleet-" + label, maxInFlight);
            double seconds;
            double cpuSeconds;
            String load;
            Map<String, HostStats.Snapshot> seen = new TreeMap<>(Comparator.comparing(FleetRun::addressKey));
            long[] memory;
            int[] titles;
            long unexpected;
            Map<String, Integer> errors = new TreeMap<>();
            try {
                refresher.start(TICK);
                while (System.nanoTime() < deadline) {
                    sleep(POLL_MILLIS);
                    long storeCount = store.count();
                    if (storeCount != lastStoreCount) {
                        lastStoreCount = storeCount;
                        // only the rows stored since the last look (ids grow): looking up every pending URL at each
                        // poll cost the process a sizeable share of its CPU with 10,000 URLs, slowing what it measures
                        while (true) {
                            List<Long> next = new ArrayList<>();
                            for (long id = maxSeenId + 1; id <= maxSeenId + 500; id++) {
                                next.add(id);
                            }
                            List<io.huixun.store.ArticleSummary> rows = store.summaries(next);
                            if (rows.isEmpty()) {
                                break;
                            }
                            for (io.huixun.store.ArticleSummary row : rows) {
                                maxSeenId = Math.max(maxSeenId, row.id());
                                row.url().ifPresent(u -> {
                                    if (pending.remove(u) != null) {
                                        found.put(u, row.id());
                                    }
                                });
                            }
                        }
                    }
                    long indexCount = installation.index().count();
                    if (indexCount != lastIndexCount || searchable < found.size()) {
                        lastIndexCount = indexCount;
                        SortedSet<String> ids = installation.index().ids();
                        searchable = found.values().stream().filter(id -> ids.contains(String.valueOf(id))).count();
                    }
                    double t = (System.nanoTime() - start) / 1e9;
                    points.add(new Point(t, found.size(), searchable));
                    if (searchable == reachable) {
                        allAt = t;
                        break;
                    }
                }
                seconds = (System.nanoTime() - start) / 1e9;
                cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
                load = loadBefore + " → " + loadAverage();
                for (SiteServer s : sites) {
                    seen.put(s.host().address(), s.stats().snapshot());
                }
                if (log.isPresent()) {
                    writeLog(log.get(), label, sites, start);
                }
                memory = memoryKb();
                // checked while refreshes may still run: SourceRefresher.close() interrupts its workers, and a worker
                // interrupted inside Lucene closes the index's lock channel (see the handoff)
                titles = checkTitles(installation, plan, byHost, found);
                unexpected = countUnexpected(store, reachableUrls);
                for (Source s : store.listSources()) {
                    s.health().lastError().ifPresent(e -> errors.merge(e
                            .replaceAll("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+(:[0-9]+)?", "ADDR")
                            .replaceAll("/[a-z]+/[0-9]+\\.(xml|html)", "/PATH"), 1, Integer::sum));
                }
            } finally {
                refresher.close();
            }
            String shutdown = "";
            try {
                installation.close();
            } catch (RuntimeException e) {
                shutdown = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            return new Result(label, maxInFlight, reachable, allAt, seconds, points, found.size(), searchable,
                    titles[0], titles[1], unexpected, seen, errors, memory[0], memory[1], shutdown, cpuSeconds, load);
        } catch (RuntimeException e) {
            installation.close();
            throw e;
        }
    }

    /** Stored articles whose URL is not a reachable article of the fleet (a disallowed page, a failing feed...). */
    private static long countUnexpected(ArticleStore store, java.util.Set<String> reachableUrls) {
        try (Stream<StoredArticle> all = store.exportAll()) {
            return all.filter(a -> a.url().map(u -> !reachableUrls.contains(u)).orElse(true)).count();
        }
    }

    /** CPU time of this process so far (all threads: sites and Huixun). */
    static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** The machine's 1-minute load average ("?" where /proc is absent): the machine is shared, read ratios. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void writeLog(Path file, String label, List<SiteServer> sites, long start) throws IOException {
        List<String> lines = new ArrayList<>();
        for (SiteServer s : sites) {
            for (String entry : s.stats().requestLog()) {
                String[] parts = entry.split(" ", 2);
                lines.add(String.format("%s %s %s %.3f %s", label, s.host().address(), s.host().role(),
                        (Long.parseLong(parts[0]) - start) / 1e6, parts[1]));
            }
        }
        Files.write(file, lines, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Searches for up to 300 stored articles (spread over the fleet) by their unique title phrase. */
    private static int[] checkTitles(Installation installation, FleetPlan plan, Map<Integer, SiteServer> byHost,
                                     Map<String, Long> found) {
        List<Article> stored = plan.articles().stream()
                .filter(a -> found.containsKey(byHost.get(a.host().index()).url(a.pagePath()))).toList();
        int step = Math.max(1, stored.size() / 300);
        int checked = 0;
        int hits = 0;
        long until = System.nanoTime() + 60_000_000_000L;
        for (int i = 0; i < stored.size() && System.nanoTime() < until; i += step) {
            Article a = stored.get(i);
            String id = String.valueOf(found.get(byHost.get(a.host().index()).url(a.pagePath())));
            checked++;
            if (installation.index().search(SearchRequest.of(a.text().phrase()).withCollapseDuplicates(false))
                    instanceof SearchResponse r && r.hits().stream().map(SearchHit::id).anyMatch(id::equals)) {
                hits++;
            }
        }
        return new int[] {checked, hits};
    }

    /** VmHWM and VmRSS of this process in kB (0 where /proc is absent). */
    static long[] memoryKb() {
        long hwm = 0;
        long rss = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.replaceAll("[^0-9]", ""));
                } else if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: report 0
        }
        return new long[] {hwm, rss};
    }

    /** 127.77.0.10 after 127.77.0.9. */
    static String addressKey(String address) {
        StringBuilder k = new StringBuilder();
        for (String part : address.split("\\.")) {
            k.append(String.format("%03d", Integer.parseInt(part)));
        }
        return k.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

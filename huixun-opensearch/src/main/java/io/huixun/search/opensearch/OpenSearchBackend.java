package io.huixun.search.opensearch;

import io.huixun.search.SearchBackend;
import io.huixun.search.SearchIndex;

/**
 * The {@code opensearch://host:port,host:port[/index][?shards=N&replicas=M]} back-end, found by {@link
 * SearchBackend#openAt} through {@code META-INF/services}. Stateless: shared freely between threads.
 */
public final class OpenSearchBackend implements SearchBackend {
    @Override
    public String scheme() {
        return "opensearch";
    }

    @Override
    public SearchIndex open(String location) {
        return OpenSearchIndex.open(location);
    }
}

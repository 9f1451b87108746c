package io.huixun.search;

import java.util.ServiceLoader;

/**
 * A search back-end kept in a module of its own and found at run time by the scheme of its location, so that an
 * installation carries only the back-ends it uses. The embedded Lucene index needs no location; {@code
 * opensearch://host:9200} is served by huixun-opensearch when that module is on the class path (the jar that
 * {@code ./huixun} builds has it; an application that embeds huixun-app without it does not pull the OpenSearch
 * client in).
 *
 * <p>Implementations are listed in {@code META-INF/services/io.huixun.search.SearchBackend}; they hold no state (each
 * {@link #open} makes a new index), so one instance may be shared by any threads. Example: {@code
 * SearchBackend.openAt("opensearch://os1:9200")} → the OpenSearch index; without huixun-opensearch → a {@link
 * SearchIndexException} saying that this build has no OpenSearch support.
 */
public interface SearchBackend {
    /** The scheme of the locations this back-end opens, e.g. {@code opensearch}. */
    String scheme();

    /**
     * Connects to the index at {@code location} (creating it when missing).
     *
     * @throws SearchIndexException when it cannot be reached or refuses the index
     * @throws IllegalArgumentException when {@code location} is malformed
     */
    SearchIndex open(String location);

    /**
     * Opens {@code location} with the back-end its scheme names.
     *
     * @throws SearchIndexException when no back-end on the class path serves that scheme, with one sentence saying so
     */
    static SearchIndex openAt(String location) {
        int colon = location.indexOf("://");
        String scheme = colon > 0 ? location.substring(0, colon).strip() : "";
        for (SearchBackend backend : ServiceLoader.load(SearchBackend.class, SearchBackend.class.getClassLoader())) {
            if (backend.scheme().equalsIgnoreCase(scheme)) {
                return backend.open(location);
            }
        }
        if (scheme.equalsIgnoreCase("opensearch")) {
            throw new SearchIndexException("this build of Huixun has no OpenSearch support (the huixun-opensearch"
                    + " module is not on its class path); use the jar that ./huixun builds, which includes it", null);
        }
        throw new SearchIndexException("no search back-end serves '" + location + "' (expected opensearch://host:port)",
                null);
    }
}

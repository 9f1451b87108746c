package io.huixun.search;

import java.util.SortedSet;

/**
 * A full-text index of articles. Implementations: Lucene (module huixun-search), later OpenSearch.
 *
 * <p>Writes ({@link #put}, {@link #delete}) are visible to {@link #search} soon after they return, but survive a crash
 * only after {@link #commit} returns: after a crash the index opens at its last commit, never half-written.
 *
 * <p>Implementations are safe for use by many threads: searches run concurrently with each other and with writes.
 * I/O failures are {@link SearchIndexException}s; a bad query is a {@link QueryProblem} value.
 */
public interface SearchIndex extends AutoCloseable {

    /** Adds the document, replacing any document with the same id. */
    void put(SearchDocument document);

    /**
     * {@link #put(SearchDocument)} reusing segmentations already made for the document's texts (the ingest pipeline's
     * understanding stage segments every text once; see {@link KnownWords}). An index that does not segment ignores
     * them.
     */
    default void put(SearchDocument document, KnownWords words) {
        put(document);
    }

    /** Removes the document with this id, if there is one. */
    void delete(String id);

    /** Makes every earlier write durable (atomically: all or nothing). */
    void commit();

    /** Number of documents (canonical and duplicates) visible to searches. */
    long count();

    /** Ids of all documents visible to searches, sorted (for the store/index consistency check at start-up). */
    SortedSet<String> ids();

    /** Runs a search; never throws for a bad query or bad paging, which come back as a {@link QueryProblem}. */
    SearchResult search(SearchRequest request);

    /**
     * Runs representative searches so that the first real ones are fast (JIT, caches, per-reader facet state); a
     * server calls it before it opens its port. Bounded in time (a few seconds); safe to skip.
     */
    default void warmUp() {}

    /** Closes the index without committing. */
    @Override
    void close();
}

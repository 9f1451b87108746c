/**
 * Search: the contract between the pipeline and a full-text index, with no index library in it.
 *
 * <p>Entry points: {@link io.huixun.search.SearchIndex} (what an index back-end offers: add, delete, commit, count,
 * list ids, search) and {@link io.huixun.search.QueryParser} (the query language, shared by every back-end so that
 * Lucene and a future OpenSearch back-end give the same semantics). Values: {@link io.huixun.search.SearchDocument}
 * in, {@link io.huixun.search.SearchRequest} → {@link io.huixun.search.SearchResult} (a
 * {@link io.huixun.search.SearchResponse} or a {@link io.huixun.search.QueryProblem}; a bad query is a value, never
 * an exception).
 *
 * <p>Query language (see {@link io.huixun.search.QueryParser}): words and {@code "quoted phrases"}, implicit AND,
 * {@code OR}, {@code NOT} or a {@code -} prefix, parentheses, {@code source:}, {@code person:}, {@code place:},
 * {@code org:}, {@code story:}, {@code keyword:}, {@code after:2024-05-01}, {@code before:2024-06-01}.
 *
 * <p><b>Layer</b>: a stage: the back-end-neutral search API ({@code search.semantics} and the back-ends {@code
 * search.lucene}, {@code search.opensearch} build on it). Imports only the shared text layer and {@code model}. Kept by
 * {@code LayersTest} (huixun-bench).
 */
package io.huixun.search;

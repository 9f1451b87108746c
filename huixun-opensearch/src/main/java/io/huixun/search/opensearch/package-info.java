/**
 * The OpenSearch search back-end ({@link io.huixun.search.opensearch.OpenSearchIndex}, chosen with
 * {@code --search opensearch://…}): the same documents, terms and query structure as the embedded index, because both
 * take them from {@link io.huixun.search.semantics.SearchSemantics}; {@code QueryDsl} rewrites its Lucene query objects
 * into OpenSearch's query DSL.
 *
 * <p><b>Layer</b>: a search back-end, beside {@code search.lucene} and never importing it. May import
 * {@code io.huixun.search}, {@code io.huixun.search.semantics}, the shared text layer and {@code model}. Kept by
 * {@code LayersTest} (huixun-bench).
 */
package io.huixun.search.opensearch;

/**
 * Search semantics shared by every back-end: what a document's fields hold and what a query means, so that the
 * embedded Lucene index and OpenSearch index the same terms, run the same query structure and mark the same
 * highlights. Folding ({@code io.huixun.text.TextFold}), segmentation into word and bigram terms ({@code ChineseAnalysis}), regional
 * vocabulary, query translation ({@code QueryTranslator}), snippets, the field names ({@link
 * io.huixun.search.semantics.IndexFields}) and the warm-up searches; entry point {@link
 * io.huixun.search.semantics.SearchSemantics}. Queries are built as Lucene query objects (the embedded index runs
 * them, OpenSearch rewrites them), so this package uses Lucene's query classes but no index, directory or writer.
 *
 * <p><b>Layer</b>: search back-end support, in {@code huixun-search}. May import {@code io.huixun.search} (the
 * back-end-neutral API), the shared text layer ({@code io.huixun.text..}) and Lucene's query classes; never a back-end
 * ({@code search.lucene}, {@code search.opensearch}). Both back-ends import it. Kept by {@code LayersTest}.
 */
package io.huixun.search.semantics;

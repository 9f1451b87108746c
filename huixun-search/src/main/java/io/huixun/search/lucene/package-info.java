/**
 * The default {@link io.huixun.search.SearchIndex}: Lucene 10 with two views of every text, both folded to simplified
 * script, half-width and lower case at index and query time.
 *
 * <ul>
 *   <li>a <b>word</b> field: HanLP's segmentation (precise: 和服 does not match 和|服务);</li>
 *   <li>a <b>bigram</b> field: overlapping character pairs, as Lucene's {@code CJKBigramFilter} makes them (finds a
 *       word inside a compound the segmenter kept whole), where a pair that straddles a word boundary is indexed in a
 *       marked form ({@code 和|服}) so that a two-character query can refuse it.</li>
 * </ul>
 * Entry point: {@link io.huixun.search.lucene.LuceneSearchIndex}; {@link io.huixun.search.semantics.MatchFields} picks
 * the fields a search uses (for evaluations).
 *
 * <p>A search's cost does not grow with the store: one pass finds the top hits, counts matches and stories
 * ({@code GroupCounter}; the shown count stops at 1,000, "1,000+") and facets (only when asked); a query that
 * reaches 5,000 matches in that pass is broad, and is ranked, and its facets counted, among its most recent 2,000+
 * matches only ({@code LuceneSearchIndex.recent}); snippets read the word starts stored at indexing instead of
 * segmenting again; duplicates collapse by a group key ({@code GroupKeys}) so that a story is found
 * through any of its copies; a query in Taiwan or Hong Kong usage also searches mainland usage and back
 * ({@code semantics.RegionalVocabulary}); {@link io.huixun.search.semantics.WarmUp} readies a server before it takes
 * requests. The analysis, query translation and snippets are {@link io.huixun.search.semantics.SearchSemantics},
 * shared with OpenSearch; this package is what only an embedded Lucene index has (documents, facets, collapsing).
 *
 * <p><b>Layer</b>: a search back-end, implementing {@link io.huixun.search.SearchIndex}. May import
 * {@code io.huixun.search}, {@code io.huixun.search.semantics} and the shared text layer; no other back-end, no stage
 * and nothing above (ingest, app). Kept by {@code LayersTest}.
 */
package io.huixun.search.lucene;

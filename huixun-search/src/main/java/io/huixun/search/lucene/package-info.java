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
 * Entry point: {@link io.huixun.search.lucene.LuceneSearchIndex}; {@link io.huixun.search.lucene.MatchFields} picks
 * the fields a search uses (for evaluations).
 */
package io.huixun.search.lucene;

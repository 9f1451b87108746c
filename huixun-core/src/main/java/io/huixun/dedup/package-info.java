/**
 * De-duplication: exact and near-duplicate detection on canonical (repaired) text.
 *
 * <p>Entry points: {@link io.huixun.dedup.Deduplicator} turns a text into a {@link io.huixun.dedup.Fingerprint}
 * (an exact key plus a MinHash signature over character shingles, both computed after folding script, width,
 * whitespace, punctuation and spam pinyin away), and {@link io.huixun.dedup.DedupRules} answers "which indexed article
 * is this a copy of?" with a {@link io.huixun.dedup.DedupVerdict}, over a {@link io.huixun.dedup.DedupCandidates}
 * source: the store's persisted LSH band keys for stored articles ({@code io.huixun.store.DeduplicatingWriter}, no
 * memory per article, nothing rebuilt at start-up), or the in-memory {@link io.huixun.dedup.DedupIndex} for a batch,
 * the evaluation and tests.
 *
 * <p>Within a duplicate group the earliest clean copy is canonical (see {@link io.huixun.dedup.CanonicalRank}); the
 * others link to it.
 */
package io.huixun.dedup;

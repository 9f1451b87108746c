/**
 * De-duplication: exact and near-duplicate detection on canonical (repaired) text.
 *
 * <p>Entry points: {@link io.huixun.dedup.Deduplicator} turns a text into a {@link io.huixun.dedup.Fingerprint}
 * (an exact key plus a MinHash signature over character shingles, both computed after folding script, width,
 * whitespace, punctuation and spam pinyin away), and {@link io.huixun.dedup.DedupIndex} is the in-memory LSH index
 * that answers "which stored article is this a copy of?" with a {@link io.huixun.dedup.DedupVerdict}. The index holds
 * no text and only 8 bits of each hash (about 360 bytes an article): it is rebuilt at start-up from the fingerprints
 * the store keeps with each article, and looks whole fingerprints up there (a
 * {@link io.huixun.dedup.FingerprintLookup}) for the few candidates that could match.
 *
 * <p>Within a duplicate group the earliest clean copy is canonical (see {@link io.huixun.dedup.CanonicalRank}); the
 * others link to it.
 *
 * <p><b>Layer</b>: a stage. Imports only the shared text layer and {@code model}. Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.dedup;

package io.huixun.dedup;

/**
 * Parameters of near-duplicate detection.
 *
 * <p>Banding: a pair whose true Jaccard similarity is {@code j} becomes an LSH candidate with probability
 * {@code 1 - (1 - j^rows)^bands}. With the defaults (40 bands of 3 rows, 120 hashes) that is 0.995 at j = 0.5,
 * 0.68 at j = 0.3 and about 1e-5 for unrelated news (j ≈ 0.007); candidates are then kept only when the
 * signature estimate reaches {@code threshold}.
 *
 * @param shingleSize characters per shingle (code points), after normalisation
 * @param bands       LSH bands
 * @param rows        signature rows per band; the signature has {@code bands * rows} hashes
 * @param threshold   estimated Jaccard similarity from which two texts are near-duplicates, in (0, 1]
 * @param verifyMargin when a verification is given, estimates in {@code [threshold - margin, threshold + margin)}
 *                     are replaced by the exact similarity of the texts (about 3 standard errors at 120 hashes)
 * @param stripPinyin whether the normaliser drops parenthesised pinyin after a Han character ({@code 當(dāng)})
 */
public record DedupConfig(int shingleSize, int bands, int rows, double threshold, double verifyMargin,
                          boolean stripPinyin) {

    /** 5-grams, 40 × 3 = 120 hashes, threshold 0.5, verification within ±0.15 of it, pinyin stripped. */
    public static final DedupConfig DEFAULT = new DedupConfig(5, 40, 3, 0.5, 0.15, true);

    public DedupConfig {
        if (shingleSize < 1 || shingleSize > 16) {
            throw new IllegalArgumentException("shingleSize must be in 1..16, was " + shingleSize);
        }
        if (bands < 1 || rows < 1 || (long) bands * rows > 4096) {
            throw new IllegalArgumentException("bands and rows must be ≥ 1 with bands*rows ≤ 4096, were "
                    + bands + " and " + rows);
        }
        if (!(verifyMargin >= 0 && verifyMargin < 1)) {
            throw new IllegalArgumentException("verifyMargin must be in [0, 1), was " + verifyMargin);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
    }

    /** Number of hashes in a signature. */
    public int numHashes() {
        return bands * rows;
    }
}

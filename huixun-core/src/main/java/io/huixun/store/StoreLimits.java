package io.huixun.store;

import java.time.Year;

/**
 * Bounds a store enforces before writing; a value outside them makes {@link ArticleStore#save} answer
 * {@link SaveResult.Rejected}.
 *
 * @param maxOriginalBytes      original bytes, in bytes
 * @param maxTextChars          canonical text, in UTF-16 chars
 * @param maxRepairLogChars     repair log JSON, in UTF-16 chars
 * @param maxTitleChars         title, in UTF-16 chars
 * @param maxUrlChars           URL, in UTF-16 chars
 * @param maxSourceChars        publisher name, in UTF-16 chars
 * @param earliestPublishedYear earliest accepted publish year (inclusive)
 * @param latestPublishedYear   latest accepted publish year (inclusive)
 */
public record StoreLimits(int maxOriginalBytes, int maxTextChars, int maxRepairLogChars, int maxTitleChars,
                          int maxUrlChars, int maxSourceChars, int earliestPublishedYear, int latestPublishedYear) {

    /** 16 MiB of original, 4 Mi chars of text, 8 Mi of log, 1,000 for a title, 4,096 for a URL, years 1900–2200. */
    public static final StoreLimits DEFAULT =
            new StoreLimits(16 << 20, 4 << 20, 8 << 20, 1_000, 4_096, 200, 1900, 2200);

    public StoreLimits {
        if (maxOriginalBytes < 1 || maxTextChars < 1 || maxRepairLogChars < 2 || maxTitleChars < 1
                || maxUrlChars < 1 || maxSourceChars < 1) {
            throw new IllegalArgumentException("store limits must be positive");
        }
        if (earliestPublishedYear > latestPublishedYear || earliestPublishedYear < Year.MIN_VALUE
                || latestPublishedYear > Year.MAX_VALUE) {
            throw new IllegalArgumentException("published year range is empty or out of range: "
                    + earliestPublishedYear + ".." + latestPublishedYear);
        }
    }
}

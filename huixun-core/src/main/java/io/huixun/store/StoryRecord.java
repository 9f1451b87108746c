package io.huixun.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored story: the articles about one event, across sources and days, as one row with its counts.
 *
 * @param leadId   the member shown first: full text before teaser, clean before repaired, earliest first
 * @param articles canonical members (different reports)
 * @param reports  members and their copies
 * @param sources  distinct sources among members and copies: the one number behind "另有 N 家来源报道"
 * @param dated    whether any member carries a real publish time (undated teasers never rank above dated news)
 */
public record StoryRecord(String id, String title, long leadId, Instant first, Instant last, int articles,
                          int reports, int sources, boolean dated) {
    public StoryRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }

    /** How many sources besides the lead's reported it ("另有 N 家来源报道"): the same number on every page. */
    public int otherSources() {
        return Math.max(0, sources - 1);
    }
}

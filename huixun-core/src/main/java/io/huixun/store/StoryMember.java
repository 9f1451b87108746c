package io.huixun.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored article joining a story (or opening it), as the writer records it.
 *
 * @param at     its publish time, or for an undated item the time of the page it came from
 * @param dated  whether {@code at} is a real publish time of its own
 * @param clean  whether repair left it unchanged
 * @param source the source's name, or the host of its address when it has none
 * @param copy   a copy folded under a canonical member (counts as a report and a source, not as an article)
 */
public record StoryMember(String storyId, long articleId, String title, Instant at, boolean dated, boolean teaser,
                          boolean clean, String source, boolean copy) {
    public StoryMember {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }

    /** Lower is a better lead: full text before teaser, clean before repaired, earlier first. */
    long leadRank() {
        long kind = (teaser ? 2 : 0) + (clean ? 0 : 1);
        return (kind << 42) | Math.max(0, Math.min(at.toEpochMilli(), (1L << 42) - 1));
    }

    /** {@link #leadRank()} for the store implementations. */
    public static long leadRank(StoryMember m) {
        return m.leadRank();
    }
}

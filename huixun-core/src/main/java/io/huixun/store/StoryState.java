package io.huixun.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The clusterer's working state of one story, as stored (opaque to the store).
 *
 * @param lateUntil for a late story (older than the clusterer's window, kept open for later reports of its event),
 *                  the news time until which it stays open; empty for every other story
 */
public record StoryState(String storyId, String state, Optional<Instant> lateUntil) {
    public StoryState(String storyId, String state) {
        this(storyId, state, Optional.empty());
    }
}

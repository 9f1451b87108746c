package io.huixun.bench.story;

import java.time.Instant;
import java.util.List;

/**
 * A group of articles about one event.
 *
 * @param id      stable: the id of the story's first article, prefixed {@code s-}
 * @param title   the title of its first article
 * @param members article ids in the order they joined (a timeline when articles arrive in time order); possibly only
 *                the newest of them, see {@link #size()}
 * @param size    how many articles the story has in all
 */
public record Story(String id, String title, Instant first, Instant last, List<String> members, int size) {
    public Story {
        members = List.copyOf(members);
    }
}

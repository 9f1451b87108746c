package io.huixun.cluster;

import java.time.Instant;
import java.util.List;

/**
 * A group of articles about one event.
 *
 * @param id      stable: the id of the story's first article, prefixed {@code s-}
 * @param title   the title of its first article
 * @param members article ids in the order they joined (a timeline when articles arrive in time order)
 */
public record Story(String id, String title, Instant first, Instant last, List<String> members) {
    public Story {
        members = List.copyOf(members);
    }
}

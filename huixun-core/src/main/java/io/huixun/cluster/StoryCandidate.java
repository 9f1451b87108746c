package io.huixun.cluster;

import java.time.Instant;
import java.util.Set;

/**
 * What the clusterer needs to know about an article.
 *
 * @param entities people, places and organisations (normalised)
 * @param keywords characteristic words
 */
public record StoryCandidate(String articleId, Instant published, String title, Set<String> entities,
                             Set<String> keywords) {
    public StoryCandidate {
        entities = Set.copyOf(entities);
        keywords = Set.copyOf(keywords);
    }
}

package io.huixun.store;

import io.huixun.nlp.Entities;
import java.time.Instant;
import java.util.List;

/**
 * What story clustering needs of a stored article, streamed in time order to rebuild stories at start-up.
 *
 * @param at publish time, or ingest time when unknown
 */
public record StoryInput(long articleId, Instant at, String title, Entities entities, List<String> keywords) {
    public StoryInput {
        keywords = List.copyOf(keywords);
    }
}

package io.huixun.store;

import io.huixun.nlp.Understanding;
import java.util.Objects;
import java.util.Optional;

/** What the understanding stage found in an article, and the story it was put in, as stored beside the article. */
public record StoredUnderstanding(long articleId, Understanding understanding, Optional<String> storyId) {
    public StoredUnderstanding {
        Objects.requireNonNull(understanding, "understanding");
        Objects.requireNonNull(storyId, "storyId");
    }
}

package io.huixun.nlp;

import io.huixun.model.Dateline;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ArticleAnalyzer} found in one article.
 *
 * @param keywords most characteristic words first (at most 10)
 * @param summary  two or three sentences from the article, at most about 200 characters
 */
public record Understanding(List<String> keywords, Entities entities, Optional<Dateline> dateline, String summary,
                            Category category) {
    public Understanding {
        keywords = List.copyOf(keywords);
    }
}

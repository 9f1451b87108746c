package io.huixun.app.web.view;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * An article in a list.
 *
 * @param summary   two or three sentences (or the excerpt of a teaser)
 * @param alsoCount how many sources besides this one reported its story ("另有 N 家来源报道"): the story's
 *                  {@code otherSources()}, the same number on every page, feed and API answer
 * @param storyId   the story it belongs to (where "另有 N 家来源报道" links)
 * @param image     its lead image as a signed image-proxy path ({@code /img?u=…&s=…}), when its feed named one
 */
public record ArticleCard(long id, String title, String source, Optional<ZonedDateTime> published, String summary,
                          int alsoCount, boolean teaser, Optional<String> url, String category,
                          Optional<String> storyId, Optional<String> image) {
    /** A card without a lead image. */
    public ArticleCard(long id, String title, String source, Optional<ZonedDateTime> published, String summary,
                       int alsoCount, boolean teaser, Optional<String> url, String category, Optional<String> storyId) {
        this(id, title, source, published, summary, alsoCount, teaser, url, category, storyId, Optional.empty());
    }
}

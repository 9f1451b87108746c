package io.huixun.app.web.view;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * An article in a list.
 *
 * @param summary   two or three sentences (or the excerpt of a teaser)
 * @param alsoCount how many other sources carried a copy of it
 */
public record ArticleCard(long id, String title, String source, Optional<ZonedDateTime> published, String summary,
                          int alsoCount, boolean teaser, Optional<String> url, String category) {}

package io.huixun.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One search result.
 *
 * @param id            the article's id
 * @param url           the article's URL
 * @param title         the title with matched spans marked
 * @param source        the article's source
 * @param published     publication time at the source's offset
 * @param snippet       a passage of the body (at most about 160 chars) with matched spans marked; the start of the
 *                      body when nothing in it matched
 * @param score         the back-end's relevance score (meaningful only for ordering hits of one response)
 * @param alsoAtSources when duplicates are collapsed: how many other distinct sources carry a copy
 * @param duplicateIds  when duplicates are collapsed: ids of the copies folded into this hit
 * @param teaser        the article is a cut-off teaser
 */
public record SearchHit(
        String id,
        String url,
        HighlightedText title,
        String source,
        OffsetDateTime published,
        HighlightedText snippet,
        float score,
        int alsoAtSources,
        List<String> duplicateIds,
        boolean teaser) {
    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(snippet, "snippet");
        duplicateIds = List.copyOf(duplicateIds);
    }
}

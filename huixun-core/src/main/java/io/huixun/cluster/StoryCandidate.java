package io.huixun.cluster;

import java.time.Instant;
import java.util.Set;

/**
 * What the clusterer needs to know about an article.
 *
 * @param articleId  the canonical article's id (copies are folded before clustering)
 * @param published  publication time; an undated teaser takes the time of the page it came from
 * @param title      the headline as shown
 * @param entities   people, places and organisations (normalised, from {@code io.huixun.nlp.Understanding})
 * @param keywords   characteristic words (from {@code Understanding.keywords()})
 * @param titleTerms character bigrams of the simplified headline, see {@link TitleTerms#of(String)}: what a teaser
 *                   (headline + cut excerpt) still shares with the full report of its event
 * @param source     the feed or site name, kept as the story's sources (empty when unknown)
 * @param teaser     true for a headline with a cut excerpt (ends with {@code ...} or {@code …}): it has few features,
 *                   so it is compared on its headline
 */
public record StoryCandidate(String articleId, Instant published, String title, Set<String> entities,
                             Set<String> keywords, Set<String> titleTerms, String source, boolean teaser) {
    public StoryCandidate {
        if (articleId == null || articleId.isBlank()) {
            throw new IllegalArgumentException("a story candidate needs an article id");
        }
        if (published == null) {
            throw new IllegalArgumentException("story candidate " + articleId + " has no time");
        }
        title = title == null ? "" : title;
        entities = Set.copyOf(entities);
        keywords = Set.copyOf(keywords);
        titleTerms = Set.copyOf(titleTerms);
        source = source == null ? "" : source;
    }

    /** The former shape (no title terms, source or teaser flag): title terms are taken from {@code title}. */
    public StoryCandidate(String articleId, Instant published, String title, Set<String> entities,
                          Set<String> keywords) {
        this(articleId, published, title, entities, keywords, TitleTerms.of(title), "", false);
    }

    /**
     * A candidate with its title terms and teaser flag derived from the headline and the body text.
     * Example: title "核电开闸！国常会核准10台新机组", body "…持续加强..." gives teaser = true.
     */
    public static StoryCandidate of(String articleId, Instant published, String title, String body,
                                    Set<String> entities, Set<String> keywords, String source) {
        return new StoryCandidate(articleId, published, title, entities, keywords, TitleTerms.of(title), source,
                TitleTerms.looksLikeTeaser(body));
    }
}

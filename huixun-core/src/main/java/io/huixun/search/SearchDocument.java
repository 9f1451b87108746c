package io.huixun.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One article as the index sees it. Text is given as stored (any script, any width); the index folds it for
 * matching and shows it as given.
 *
 * @param id            the store's id; unique in the index (adding a document with an existing id replaces it)
 * @param url           where the article was found (may be empty, never null)
 * @param title         the displayed title
 * @param body          the displayed body, paragraphs separated by {@code \n}
 * @param source        the media source as displayed (新华社, 央视网 …)
 * @param published     publication time with the offset of the source's zone (the day of the date histogram and
 *                      of {@code after:}/{@code before:} is the local date at that offset)
 * @param people        person names mentioned (from the understanding stage)
 * @param places        place names mentioned
 * @param organisations organisation names mentioned
 * @param keywords      keywords of the article
 * @param storyId       the story cluster the article belongs to, if any
 * @param canonicalId   for a duplicate, the id of its canonical article; empty for a canonical article
 * @param teaser        true when the body is a cut-off teaser rather than the full text
 */
public record SearchDocument(
        String id,
        String url,
        String title,
        String body,
        String source,
        OffsetDateTime published,
        List<String> people,
        List<String> places,
        List<String> organisations,
        List<String> keywords,
        Optional<String> storyId,
        Optional<String> canonicalId,
        boolean teaser) {

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a search document needs a non-blank id");
        }
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(published, "published");
        people = List.copyOf(people);
        places = List.copyOf(places);
        organisations = List.copyOf(organisations);
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(canonicalId, "canonicalId");
        if (canonicalId.filter(id::equals).isPresent()) {
            throw new IllegalArgumentException("document '" + id + "' names itself as its canonical article");
        }
    }

    /** A canonical, non-teaser article with no entities, keywords or story: the common case in tests and tools. */
    public static SearchDocument of(String id, String url, String title, String body, String source,
            OffsetDateTime published) {
        return new SearchDocument(id, url, title, body, source, published, List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), false);
    }

    /** True when this article is a copy of another ({@link #canonicalId} is present). */
    public boolean isDuplicate() {
        return canonicalId.isPresent();
    }

    public SearchDocument withEntities(List<String> people, List<String> places, List<String> organisations) {
        return new SearchDocument(id, url, title, body, source, published, people, places, organisations, keywords,
                storyId, canonicalId, teaser);
    }

    public SearchDocument withKeywords(List<String> keywords) {
        return new SearchDocument(id, url, title, body, source, published, people, places, organisations, keywords,
                storyId, canonicalId, teaser);
    }

    public SearchDocument withStory(String storyId) {
        return new SearchDocument(id, url, title, body, source, published, people, places, organisations, keywords,
                Optional.of(storyId), canonicalId, teaser);
    }

    public SearchDocument asDuplicateOf(String canonicalId) {
        return new SearchDocument(id, url, title, body, source, published, people, places, organisations, keywords,
                storyId, Optional.of(canonicalId), teaser);
    }

    public SearchDocument asTeaser(boolean teaser) {
        return new SearchDocument(id, url, title, body, source, published, people, places, organisations, keywords,
                storyId, canonicalId, teaser);
    }
}

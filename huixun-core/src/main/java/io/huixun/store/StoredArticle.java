package io.huixun.store;

import io.huixun.dedup.Fingerprint;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An article as stored: the {@link NewArticle} as the store saved it, plus what the store assigned. The article's
 * fields and their null checks live in {@code NewArticle} alone; the accessors below read them so that callers write
 * {@code stored.title()}. "As saved" means with the store's own choices, e.g. the publish time cut to milliseconds
 * and {@code duplicateOf} pointing at the group's canonical, not at the copy the caller named.
 *
 * @param id          store-assigned, positive, increasing in insertion order
 * @param article     the article's fields as saved
 * @param contentHash SHA-256 of {@code original}'s bytes
 * @param ingestedAt  when it was saved
 */
public record StoredArticle(long id, NewArticle article, ContentHash contentHash, Instant ingestedAt) {

    public StoredArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }

    /** The id of this article's group: {@link #duplicateOf()} or its own. */
    public long canonicalId() {
        return duplicateOf().orElse(id);
    }

    public ArticleSummary summary() {
        return new ArticleSummary(id, url(), source(), title(), published(), teaser(), duplicateOf());
    }

    /** @see NewArticle#url() */
    public Optional<String> url() {
        return article.url();
    }

    /** @see NewArticle#sourceId() */
    public OptionalLong sourceId() {
        return article.sourceId();
    }

    /** @see NewArticle#source() */
    public String source() {
        return article.source();
    }

    /** @see NewArticle#title() */
    public String title() {
        return article.title();
    }

    /** @see NewArticle#published() */
    public Optional<ZonedDateTime> published() {
        return article.published();
    }

    /** @see NewArticle#teaser() */
    public boolean teaser() {
        return article.teaser();
    }

    /** @see NewArticle#original() */
    public OriginalContent original() {
        return article.original();
    }

    /** @see NewArticle#canonicalText() */
    public String canonicalText() {
        return article.canonicalText();
    }

    /** @see NewArticle#repairLogJson() */
    public String repairLogJson() {
        return article.repairLogJson();
    }

    /** @see NewArticle#fingerprint() */
    public Fingerprint fingerprint() {
        return article.fingerprint();
    }

    /** @see NewArticle#duplicateOf() */
    public OptionalLong duplicateOf() {
        return article.duplicateOf();
    }
}

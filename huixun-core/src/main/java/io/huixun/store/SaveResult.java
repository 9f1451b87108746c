package io.huixun.store;

/** The outcome of {@link ArticleStore#save}. */
public sealed interface SaveResult {

    /** A new row was written and committed. */
    record Inserted(StoredArticle article) implements SaveResult {
    }

    /**
     * Nothing was written: an article with the same URL or the same original bytes is already stored (re-ingesting
     * the same input is a no-op).
     */
    record AlreadyStored(ArticleSummary existing, Conflict conflict) implements SaveResult {
    }

    /** Nothing was written: the article breaks a rule; {@code message} names the rule and the value. */
    record Rejected(String field, String message) implements SaveResult {
    }

    /** Which unique key an {@link AlreadyStored} article matched. */
    enum Conflict {
        URL,
        CONTENT_HASH
    }
}

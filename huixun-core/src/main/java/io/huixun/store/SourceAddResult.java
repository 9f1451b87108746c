package io.huixun.store;

/** The outcome of {@link ArticleStore#addSource}. */
public sealed interface SourceAddResult {
    /** Registered now. */
    record Added(Source source) implements SourceAddResult {
    }

    /** A source with the same URL was already registered; nothing changed. */
    record AlreadyRegistered(Source existing) implements SourceAddResult {
    }

    /** Breaks a limit (e.g. a URL longer than the store accepts); {@code message} names the rule and the value. */
    record Rejected(String field, String message) implements SourceAddResult {
    }
}

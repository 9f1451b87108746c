package io.huixun.store.reader;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A page of a reading list, newest first (by article id, which is the order articles were stored) unless
 * {@code oldestFirst}.
 *
 * @param unreadOnly only unread articles
 * @param before     only articles with a smaller id (the continuation of the previous page, newest first)
 * @param after      only articles with a larger id
 * @param limit      1..1000
 */
public record ReadingQuery(ReadingScope scope, boolean unreadOnly, OptionalLong before, OptionalLong after,
                           boolean oldestFirst, int limit) {
    public ReadingQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, got " + limit);
        }
    }

    public static ReadingQuery newest(ReadingScope scope, boolean unreadOnly, int limit) {
        return new ReadingQuery(scope, unreadOnly, OptionalLong.empty(), OptionalLong.empty(), false, limit);
    }
}

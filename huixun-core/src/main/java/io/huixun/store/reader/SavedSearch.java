package io.huixun.store.reader;

import java.time.Instant;
import java.util.Objects;

/** A search a reader named and kept. */
public record SavedSearch(long id, String name, String query, Instant created) {
    public SavedSearch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(created, "created");
    }
}

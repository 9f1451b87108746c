package io.huixun.store.reader;

import java.util.Optional;

/**
 * One kept mark of a reader on an article (its canonical), as stored: an explicit read or unread verdict (empty: none,
 * the watermarks decide) and whether it is starred. What {@code huixun migrate} carries to a new store.
 */
public record ItemMark(long articleId, Optional<Boolean> read, boolean starred) {
    public ItemMark {
        java.util.Objects.requireNonNull(read, "read");
    }
}

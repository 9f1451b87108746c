package io.huixun.store.reader;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Something a reader follows.
 *
 * @param sourceId   the source, for a {@link FollowKind#SOURCE} follow
 * @param folderId   the folder it is filed in, if any
 * @param readBefore every article of this source with an id up to this is read (mark-all-as-read of one feed)
 */
public record Follow(long id, FollowKind kind, String target, OptionalLong sourceId, String title,
                     OptionalLong folderId, long readBefore, Instant created) {
    public Follow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(folderId, "folderId");
        Objects.requireNonNull(created, "created");
    }
}

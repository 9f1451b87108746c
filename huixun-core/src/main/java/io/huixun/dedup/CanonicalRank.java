package io.huixun.dedup;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Which copy of a story should be canonical: the earliest clean one.
 *
 * <p>Order (best first): clean copies (nothing needed repair) before repaired ones; then the earlier publish time
 * (a copy without one comes after those that have one); then the smaller id, i.e. the one stored first.
 *
 * @param clean     true when the text needed no repair (an empty repair log)
 * @param published publish instant, if known
 */
public record CanonicalRank(boolean clean, Optional<Instant> published) {

    /** Best first. Ties are broken by id by the caller. */
    static final Comparator<CanonicalRank> BEST_FIRST = Comparator
            .comparing((CanonicalRank r) -> !r.clean())
            .thenComparing(r -> r.published().orElse(Instant.MAX));

    public CanonicalRank {
        Objects.requireNonNull(published, "published");
    }
}

package io.huixun.dedup;

import java.util.Optional;

/** Gives the canonical text of an indexed article, so that candidate matches can be verified exactly. */
@FunctionalInterface
public interface TextLookup {
    /** The canonical text of article {@code id}; empty if it is no longer available. */
    Optional<String> canonicalText(long id);
}

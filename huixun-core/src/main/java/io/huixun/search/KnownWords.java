package io.huixun.search;

import io.huixun.text.Words;
import java.util.Objects;
import java.util.Optional;

/**
 * Segmentations of a document's title and body made before it reached the index (by the understanding stage), which
 * the index uses instead of segmenting again when they are of exactly the text it is given. Example: the preparer
 * segmented 外长王毅会见 for entities; the index takes its words 外长|王毅|会见 and makes its bigrams from them.
 *
 * @param title the title's words, if known
 * @param body  the body's words, if known (empty when understanding read only a prefix of a long body)
 */
public record KnownWords(Optional<Words> title, Optional<Words> body) {
    /** Nothing known: the index segments both texts itself. */
    public static final KnownWords NONE = new KnownWords(Optional.empty(), Optional.empty());

    public KnownWords {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    /** The title's words if they are of exactly {@code text}. */
    public Optional<Words> titleOf(String text) {
        return title.filter(w -> w.isOf(text));
    }

    /** The body's words if they are of exactly {@code text}. */
    public Optional<Words> bodyOf(String text) {
        return body.filter(w -> w.isOf(text));
    }
}

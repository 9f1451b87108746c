package io.huixun.extract;

import java.util.Objects;
import java.util.Set;

/**
 * An input's bytes decoded to text, as the extractor decodes them (see {@link ArticleExtractor#decode}).
 *
 * @param text     the decoded text, byte-order mark removed
 * @param charset  the Java name of the charset used ({@code GB18030}, {@code UTF-8})
 * @param warnings doubts about the decision: guessed, label overruled, undecodable bytes
 */
public record DecodedText(String text, String charset, Set<Extraction.Warning> warnings) {
    public DecodedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        warnings = Set.copyOf(warnings);
    }
}

package io.huixun.extract;

import io.huixun.model.Article;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The outcome of extracting one input: articles (with warnings about their quality), or a reason there are none. */
public sealed interface Extraction {

    /**
     * Articles found in the input: one for a page, one per item for a portal dump (the lead first).
     *
     * @param articles never empty
     * @param charset  the charset the bytes were decoded with (a Java charset name, e.g. {@code GB18030})
     * @param warnings what made this a best effort; empty when nothing did
     */
    record Extracted(List<Article> articles, String charset, Set<Warning> warnings) implements Extraction {
        public Extracted {
            articles = List.copyOf(articles);
            if (articles.isEmpty()) {
                throw new IllegalArgumentException("an extraction has at least one article");
            }
            Objects.requireNonNull(charset, "charset");
            warnings = Set.copyOf(warnings);
        }
    }

    /** Nothing to extract: empty input, binary data, or no text at all. {@code reason} is one human-readable line. */
    record Unreadable(String reason) implements Extraction {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why an extraction is only a best effort. */
    enum Warning {
        /** No label and no byte-order mark: the charset comes from statistics or the GB18030 default. */
        CHARSET_GUESSED,
        /** The declared charset did not decode the bytes cleanly; another charset was used. */
        CHARSET_LABEL_WRONG,
        /** Some bytes could not be decoded and became U+FFFD. */
        UNDECODABLE_BYTES,
        /** The HTML ends before {@code </html>}: the page was probably cut off. */
        TRUNCATED,
        /** No block of text looked like an article body; the body is a guess or empty. */
        NO_MAIN_TEXT,
        /** No title was found. */
        NO_TITLE
    }
}

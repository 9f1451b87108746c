package io.huixun.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A parsed query as a tree. Back-ends translate it into their own query objects; they decide how {@link Text} is
 * matched (segmentation, bigrams, script folding) but must keep the boolean structure.
 */
public sealed interface QueryNode {

    /**
     * Text as the user typed it. Unquoted text is matched word by word (all words must occur, nearby words score
     * higher); {@code quoted} text must occur contiguously.
     */
    record Text(String text, boolean quoted) implements QueryNode {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code field:value}: the document's value for {@code field} equals {@code value} after folding. */
    record FieldMatch(QueryField field, String value) implements QueryNode {
        public FieldMatch {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code after:D} (published on day D or later, {@code onOrAfter = true}) or {@code before:D} (published before
     * day D, not on it). Days are local dates at the article's own offset.
     */
    record DateBound(LocalDate day, boolean onOrAfter) implements QueryNode {
        public DateBound {
            Objects.requireNonNull(day, "day");
        }
    }

    /** Every child must match. */
    record All(List<QueryNode> children) implements QueryNode {
        public All {
            children = List.copyOf(children);
        }
    }

    /** At least one child must match. */
    record Any(List<QueryNode> children) implements QueryNode {
        public Any {
            children = List.copyOf(children);
        }
    }

    /** The child must not match. */
    record Not(QueryNode child) implements QueryNode {
        public Not {
            Objects.requireNonNull(child, "child");
        }
    }

    /** Matches every document (an empty query, or a query of filters only). */
    record MatchAll() implements QueryNode {}
}

package io.huixun.source;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of parsing one source document: a value, or a clear reason it could not be read. Parsers never throw
 * for bad input.
 *
 * @param <T> the parsed value
 */
public sealed interface ParseResult<T> {

    /**
     * Parsed. {@code warnings} name what was skipped or repaired (an entry without a usable link, a date that did
     * not parse), one line each.
     */
    record Parsed<T>(T value, List<String> warnings) implements ParseResult<T> {
        public Parsed {
            Objects.requireNonNull(value, "value");
            warnings = List.copyOf(warnings);
        }
    }

    /** Not readable as the expected format; {@code reason} says why in one line (the rule and where). */
    record Malformed<T>(String reason) implements ParseResult<T> {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

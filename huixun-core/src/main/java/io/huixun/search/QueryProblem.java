package io.huixun.search;

import java.util.Objects;

/**
 * A query that cannot be run, with a message meant for the person who typed it (one line, names the rule and the
 * offending part). Web and CLI show it as a 400 / exit 1, never as a server error.
 */
public record QueryProblem(String message, String input) implements ParseResult, SearchResult {
    public QueryProblem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(input, "input");
    }
}

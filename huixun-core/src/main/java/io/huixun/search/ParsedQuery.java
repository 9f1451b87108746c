package io.huixun.search;

import java.util.List;
import java.util.Objects;

/**
 * A query that parsed.
 *
 * @param input the query as given
 * @param root  the query tree
 * @param notes what the parser changed or ignored, for display ("unbalanced quote: the rest was taken as a phrase")
 */
public record ParsedQuery(String input, QueryNode root, List<String> notes) implements ParseResult {
    public ParsedQuery {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(root, "root");
        notes = List.copyOf(notes);
    }
}

package io.huixun.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code name:value} filters of the query language that match a whole value (after script and width folding). */
public enum QueryField {
    SOURCE("source"),
    PERSON("person"),
    PLACE("place"),
    ORGANISATION("org"),
    STORY("story"),
    KEYWORD("keyword");

    private final String prefix;

    QueryField(String prefix) {
        this.prefix = prefix;
    }

    /** The name used in queries, e.g. {@code person} in {@code person:王毅}. */
    public String prefix() {
        return prefix;
    }

    public static Optional<QueryField> fromPrefix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.prefix.equals(lower)).findFirst();
    }

    /** All names the parser accepts before a colon, for error messages: {@code source, person, …, after, before}. */
    public static String knownNames() {
        return Arrays.stream(values()).map(QueryField::prefix).collect(Collectors.joining(", ")) + ", after, before";
    }
}

package io.huixun.search;

import java.util.Objects;

/** One facet value and the number of matching documents that have it. */
public record FacetCount(String label, long count) {
    public FacetCount {
        Objects.requireNonNull(label, "label");
    }
}

package io.huixun.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A page of results.
 *
 * @param total  the exact number of matching documents (canonical ones only when duplicates are collapsed)
 * @param page   the 1-based page returned
 * @param size   the page size asked for
 * @param hits   at most {@code size} hits
 * @param facets counts for each facet asked for, over all {@code total} matching documents
 * @param notes  what the parser changed or ignored in the query, for display
 */
public record SearchResponse(
        long total,
        int page,
        int size,
        List<SearchHit> hits,
        Map<FacetKind, List<FacetCount>> facets,
        List<String> notes) implements SearchResult {
    public SearchResponse {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
        notes = List.copyOf(notes);
    }

    /** The counts of one facet, empty when it was not asked for. */
    public List<FacetCount> facet(FacetKind kind) {
        return facets.getOrDefault(Objects.requireNonNull(kind), List.of());
    }
}

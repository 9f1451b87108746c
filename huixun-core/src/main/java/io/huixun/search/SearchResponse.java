package io.huixun.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A page of results.
 *
 * <p>Counting stops at {@link SearchRequest#TOTAL_EXACT_UP_TO}: a broad query's cost must not follow its hit count.
 * Example: 乡村振兴 on 24k articles → {@code total = 1000, totalIsLowerBound = true}, shown as "1,000+".
 *
 * @param total             the number of matching documents (stories when duplicates are collapsed: each canonical
 *                          article with its copies counts once); exact unless {@code totalIsLowerBound}
 * @param page              the 1-based page returned
 * @param size              the page size asked for
 * @param hits              at most {@code size} hits
 * @param facets            counts for each facet asked for, over the matching documents (copies included)
 * @param notes             what the parser changed or ignored in the query, for display
 * @param totalIsLowerBound true when counting stopped at {@link SearchRequest#TOTAL_EXACT_UP_TO}: there are at least
 *                          {@code total} matches (show "1,000+")
 * @param recentOnly        true when the query was broad and was ranked, and its facets counted, among its most
 *                          recent matches only (the embedded index does so from 5,000 matches, so that a search's
 *                          cost does not grow with the store); views say so. Example: 新闻联播 at 1M articles
 */
public record SearchResponse(
        long total,
        int page,
        int size,
        List<SearchHit> hits,
        Map<FacetKind, List<FacetCount>> facets,
        List<String> notes,
        boolean totalIsLowerBound,
        boolean recentOnly) implements SearchResult {
    public SearchResponse {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
        notes = List.copyOf(notes);
    }

    /** An exact response: total and facets counted over every match. */
    public SearchResponse(long total, int page, int size, List<SearchHit> hits, Map<FacetKind, List<FacetCount>> facets,
            List<String> notes) {
        this(total, page, size, hits, facets, notes, false, false);
    }

    /** The counts of one facet, empty when it was not asked for. */
    public List<FacetCount> facet(FacetKind kind) {
        return facets.getOrDefault(Objects.requireNonNull(kind), List.of());
    }
}

package io.huixun.search;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A search.
 *
 * @param query              the query string in the language of {@link QueryParser}
 * @param filters            extra conditions ANDed with the query (e.g. a clicked facet); usually {@link
 *                           QueryNode.FieldMatch} or {@link QueryNode.DateBound}
 * @param sort               relevance or newest first
 * @param page               1-based page number
 * @param size               hits per page, 1 to {@link #MAX_SIZE}
 * @param facets             facets to count over the matching documents; ask only for those shown (they cost work
 *                           per match: an empty set skips that pass)
 * @param collapseDuplicates show each story once: a canonical article, with the count of sources that also carry it,
 *                           found through its own text or any of its copies' (a hit on a copy surfaces its canonical)
 */
public record SearchRequest(
        String query,
        List<QueryNode> filters,
        SortOrder sort,
        int page,
        int size,
        Set<FacetKind> facets,
        boolean collapseDuplicates) {

    public static final int MAX_SIZE = 100;
    /** The deepest result a request may reach ({@code page * size}); deeper paging is refused. */
    public static final int MAX_DEPTH = 10_000;
    /**
     * Matches are counted exactly up to this many; beyond it the total is a lower bound
     * ({@link SearchResponse#totalIsLowerBound()}), so that scoring can skip documents that cannot reach the page.
     */
    public static final int TOTAL_EXACT_UP_TO = 1_000;

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        filters = List.copyOf(filters);
        Objects.requireNonNull(sort, "sort");
        facets = facets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facets));
    }

    /** The first 10 hits by relevance, duplicates collapsed, no facets. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), SortOrder.RELEVANCE, 1, 10, Set.of(), true);
    }

    public SearchRequest withPage(int page, int size) {
        return new SearchRequest(query, filters, sort, page, size, facets, collapseDuplicates);
    }

    public SearchRequest withSort(SortOrder sort) {
        return new SearchRequest(query, filters, sort, page, size, facets, collapseDuplicates);
    }

    public SearchRequest withFacets(Set<FacetKind> facets) {
        return new SearchRequest(query, filters, sort, page, size, facets, collapseDuplicates);
    }

    public SearchRequest withFilters(List<QueryNode> filters) {
        return new SearchRequest(query, filters, sort, page, size, facets, collapseDuplicates);
    }

    public SearchRequest withCollapseDuplicates(boolean collapse) {
        return new SearchRequest(query, filters, sort, page, size, facets, collapse);
    }

    /** The paging rule broken by this request, or empty: checked by back-ends, reported as a {@link QueryProblem}. */
    public java.util.Optional<String> pagingProblem() {
        if (page < 1) {
            return java.util.Optional.of("page must be 1 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            return java.util.Optional.of("page size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        if ((long) page * size > MAX_DEPTH) {
            return java.util.Optional.of("results past the first " + MAX_DEPTH + " cannot be paged to (page " + page
                    + " of size " + size + "); narrow the query instead");
        }
        return java.util.Optional.empty();
    }
}

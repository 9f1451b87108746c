package io.huixun.app.web.view;

import java.util.List;
import java.util.Optional;

/**
 * A page of search results with facets.
 *
 * @param problem a clear message when the query could not be understood (the page still renders)
 * @param notes   what the query parser changed or ignored (an unbalanced quote closed, a stop word dropped)
 * @param totalIsLowerBound counting stopped at {@code total}: there are more ("1,000+")
 * @param recentOnly so many matches that they were ranked, and the filters counted, among the most recent only
 */
public record SearchView(String query, long total, List<SearchHitView> hits, List<FacetCount> sources,
                         List<FacetCount> days, List<FacetCount> people, List<FacetCount> places,
                         List<FacetCount> organisations, int page, int size, String sort, Optional<String> problem,
                         List<String> notes, boolean totalIsLowerBound, boolean recentOnly) {
    public SearchView(String query, long total, List<SearchHitView> hits, List<FacetCount> sources,
                      List<FacetCount> days, List<FacetCount> people, List<FacetCount> places,
                      List<FacetCount> organisations, int page, int size, String sort, Optional<String> problem,
                      List<String> notes) {
        this(query, total, hits, sources, days, people, places, organisations, page, size, sort, problem, notes, false,
                false);
    }

    public SearchView {
        hits = List.copyOf(hits);
        sources = List.copyOf(sources);
        days = List.copyOf(days);
        people = List.copyOf(people);
        places = List.copyOf(places);
        organisations = List.copyOf(organisations);
        notes = List.copyOf(notes);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** The count as shown: "1000+" when counting stopped there. */
    public String totalText() {
        return totalIsLowerBound ? total + "+" : String.valueOf(total);
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}

package io.huixun.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.app.Installation;
import io.huixun.search.QueryProblem;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huixun search QUERY [--json] [--limit N] [--sort relevance|time]}. Opens the index read-only
 * ({@link Installation.Mode#SEARCH}), so it works while {@code huixun serve} writes the folder, and sees what serve
 * last committed.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the stored news, in either script.",
                "Query syntax: words and \"phrases\", AND/OR/NOT or -word, and these filters:",
                "source:NAME, person:NAME, place:NAME, org:NAME (by source or by a name found in the text).",
                "after:YYYY-MM-DD (that day or later), before:YYYY-MM-DD (earlier days)."})
final class SearchCommand implements Callable<Integer> {
    /** The orders {@code --sort} accepts (picocli refuses any other word as a usage error). */
    enum Sort {
        relevance, time
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "QUERY",
            description = "The query; several words are joined with spaces (quote a \"phrase\" for the shell).")
    List<String> words;

    @Option(names = "--json", description = "Print {\"total\", \"hits\": [{\"id\", \"url\", \"title\", \"source\", \"published\", \"snippet\"}]}.")
    boolean json;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N", description = "Hits to show, 1 to 100 (default 10).")
    int limit;

    @Option(names = "--sort", defaultValue = "relevance", paramLabel = "relevance|time",
            description = "Order of the hits: relevance (default) or time (newest first).")
    Sort sort;

    @Override
    public Integer call() throws Exception {
        HuixunCommand.require(limit >= 1 && limit <= SearchRequest.MAX_SIZE, spec,
                "--limit must be between 1 and " + SearchRequest.MAX_SIZE + ", got " + limit);
        String query = String.join(" ", words);
        try (Installation installation = data.openExisting(Installation.Mode.SEARCH)) {
            SearchRequest request = SearchRequest.of(query).withPage(1, limit)
                    .withSort(sort == Sort.time ? io.huixun.search.SortOrder.TIME : io.huixun.search.SortOrder.RELEVANCE);
            return switch (installation.index().search(request)) {
                case QueryProblem p -> throw new UserInputException("bad query: " + p.message());
                case SearchResponse r -> {
                    print(r);
                    yield HuixunCommand.OK;
                }
            };
        }
    }

    private void print(SearchResponse r) throws Exception {
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", r.total());
            body.put("total_is_lower_bound", r.totalIsLowerBound());
            body.put("recent_only", r.recentOnly());
            body.put("hits", r.hits().stream().map(SearchCommand::hit).toList());
            System.out.println(new ObjectMapper().writeValueAsString(body));
            return;
        }
        System.out.println(r.total() + (r.totalIsLowerBound() ? "+" : "") + " results"
                + (r.recentOnly() ? " (so many that they are ranked among the most recent only)" : ""));
        for (SearchHit h : r.hits()) {
            System.out.println();
            System.out.println("[" + h.id() + "] " + h.title().text()
                    + (h.alsoAtSources() > 0 ? "  (also at " + h.alsoAtSources() + " sources)" : ""));
            System.out.println("    " + h.source() + " · " + h.published() + (h.url().isBlank() ? "" : " · " + h.url()));
            System.out.println("    " + h.snippet().render(s -> s, "【", "】"));
        }
    }

    private static Map<String, Object> hit(SearchHit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("url", h.url());
        m.put("title", h.title().text());
        m.put("source", h.source());
        m.put("published", h.published().toString());
        m.put("snippet", h.snippet().text());
        m.put("also_at", h.alsoAtSources());
        return m;
    }
}

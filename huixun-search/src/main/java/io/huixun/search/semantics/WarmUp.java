package io.huixun.search.semantics;

import io.huixun.search.FacetKind;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchIndex;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SortOrder;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Representative searches run before a server takes requests, so that the JIT, the per-reader facet state and the
 * page cache are ready (issue 12: in the first 10 s after start p99 was 2 s). The queries come from the index itself:
 * from the titles of the newest articles, a two-character word (broad), a 4–6 character piece (a rare phrase) and
 * the same piece in traditional script, each as the web page asks (facets, collapsed) and newest first. Example:
 * title 国务院常务会议部署稳就业 → 国务, 常务会议部署, 常務會議部署.
 *
 * <p>Stateless; runs on the caller's thread.
 */
public final class WarmUp {
    private static final ChineseConverter S2T = ChineseConverter.of(ConversionConfig.S2T);
    /** Newest articles whose titles give the queries. */
    static final int TITLES = 40;
    /** Rounds over the query list at most (the JIT compiles the hot paths after a few hundred calls). */
    static final int ROUNDS = 4;

    private WarmUp() {}

    /**
     * Runs the representative searches on {@code index} until {@code budget} is spent or {@link #ROUNDS} rounds are
     * done; returns how many searches ran. Never throws for a search that fails (a warm-up is best effort).
     */
    public static int run(SearchIndex index, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<String> queries = queries(index);
        int ran = 0;
        for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
            for (String q : queries) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                try {
                    index.search(new SearchRequest(q, List.of(), SortOrder.RELEVANCE, 1, 10,
                            EnumSet.allOf(FacetKind.class), true));
                    index.search(new SearchRequest(q, List.of(), SortOrder.TIME, 1, 10, Set.of(), true));
                    ran += 2;
                } catch (RuntimeException e) {
                    return ran; // an index that cannot answer now will say so on the first real request
                }
            }
        }
        return ran;
    }

    static List<String> queries(SearchIndex index) {
        List<String> out = new ArrayList<>();
        if (!(index.search(new SearchRequest("", List.of(), SortOrder.TIME, 1, TITLES, Set.of(), false))
                instanceof SearchResponse newest)) {
            return out;
        }
        for (SearchHit h : newest.hits()) {
            String han = hanOnly(h.title().text());
            if (han.length() >= 2) {
                out.add(han.substring(0, 2));
            }
            if (han.length() >= 6) {
                int len = 4 + han.length() % 3;
                String piece = han.substring(han.length() - len);
                out.add(piece);
                out.add(S2T.convert(piece));
            }
        }
        return out;
    }

    private static String hanOnly(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(ChineseAnalysis::isHan).forEach(b::appendCodePoint);
        return b.toString();
    }
}

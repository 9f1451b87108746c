package io.huixun.search.semantics;

import java.time.LocalDate;

/**
 * The names of the index fields that both back-ends share: what {@link SearchSemantics#analyse} fills and
 * {@link QueryTranslator} queries. The embedded index ({@code search.lucene.DocumentFields}) adds its own stored and
 * facet fields beside them; OpenSearch maps the same names ({@code OpenSearchIndex}), so a query translated once runs
 * on either. Example: a title's segmented words go to {@code title_w}, its bigrams to {@code title_b}.
 *
 * <p>Constants only: safe from any thread.
 */
public final class IndexFields {
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String PUBLISHED_MS = "published_ms";
    public static final String DAY = "day";
    public static final String PERSON = "person";
    public static final String PLACE = "place";
    public static final String ORGANISATION = "org";
    public static final String KEYWORD = "keyword";
    public static final String STORY = "story";
    /** The canonical article's id: the document's own id for a canonical article. */
    public static final String GROUP = "group";
    public static final String DUPLICATE = "duplicate";
    /** Stored word starts of the folded title and body ({@link WordStarts}). */
    public static final String TITLE_WORD_STARTS = "title_ws";
    public static final String BODY_WORD_STARTS = "body_ws";
    public static final String TEASER = "teaser";
    public static final String TITLE_WORDS = "title_w";
    public static final String TITLE_BIGRAMS = "title_b";
    public static final String BODY_WORDS = "body_w";
    public static final String BODY_BIGRAMS = "body_b";

    /** {@code 2024-05-01} → {@code 20240501}: sortable and readable in a debugger. */
    public static int dayNumber(LocalDate day) {
        return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }
    private IndexFields() {}
}

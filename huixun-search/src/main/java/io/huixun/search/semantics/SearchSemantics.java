package io.huixun.search.semantics;

import io.huixun.search.HighlightedText;
import io.huixun.search.KnownWords;
import io.huixun.search.ParsedQuery;
import io.huixun.search.QueryNode;
import io.huixun.search.QueryParser;
import io.huixun.search.QueryProblem;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchRequest;
import io.huixun.text.TextFold;
import io.huixun.text.Words;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The back-end independent half of the embedded index, public so that another back-end (OpenSearch) indexes the same
 * terms, runs the same query structure and marks the same highlights: folding ({@link TextFold}), segmentation into
 * word and bigram terms ({@link ChineseAnalysis}), query translation ({@link QueryTranslator}) and snippets
 * ({@link Snippets}).
 *
 * <p>Design note. A query is translated into Lucene query objects whatever the back-end: the Lucene index runs them,
 * and a remote back-end rewrites the few query types used here (term, boolean, boost, phrase, multi-phrase, int range,
 * match-all) into its own language. One translator means one set of semantics. Example: document title
 * {@code 我们和服务员} → {@code title_w = [我们, 和, 服务员]}, {@code title_b = [我们, 们|和, 和|服, 服务, 务员]}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SearchSemantics {
    /**
     * Lucene's limit on leaf clauses per query, raised from 1,024: a 1,000-character pasted phrase is one word-phrase
     * and one bigram-phrase per field, about 5,000 terms. The embedded index sets it JVM-wide (a Lucene static);
     * queries over it come back as a {@link QueryProblem} from either back-end ({@link #tooManyClauses}).
     */
    public static final int MAX_CLAUSES = 8_192;

    /** The article id (exact). */
    public static final String ID = IndexFields.ID;
    /** Word and bigram term fields of title and body (positions matter: phrases). */
    public static final List<String> TERM_FIELDS = List.of(IndexFields.TITLE_WORDS, IndexFields.TITLE_BIGRAMS,
            IndexFields.BODY_WORDS, IndexFields.BODY_BIGRAMS);
    /** Folded exact-value fields: the targets of {@code source:}, {@code person:} … and of duplicate collapsing. */
    public static final List<String> VALUE_FIELDS = List.of(IndexFields.ID, IndexFields.SOURCE,
            IndexFields.PERSON, IndexFields.PLACE, IndexFields.ORGANISATION, IndexFields.KEYWORD,
            IndexFields.STORY, IndexFields.GROUP, IndexFields.DUPLICATE, IndexFields.TEASER);
    /** Publication instant in epoch milliseconds (long): the time sort. */
    public static final String PUBLISHED_MS = IndexFields.PUBLISHED_MS;
    /** Local publication day as {@code yyyymmdd} (int): the target of {@code after:} and {@code before:}. */
    public static final String DAY = IndexFields.DAY;
    /** Value fields that are facets, by facet. */
    public static final String SOURCE = IndexFields.SOURCE;
    public static final String PERSON = IndexFields.PERSON;
    public static final String PLACE = IndexFields.PLACE;
    public static final String ORGANISATION = IndexFields.ORGANISATION;
    public static final String GROUP = IndexFields.GROUP;
    public static final String DUPLICATE = IndexFields.DUPLICATE;
    /** Stored word starts of the folded title and body (bytes; see {@link WordStarts}). */
    public static final String TITLE_WORD_STARTS = IndexFields.TITLE_WORD_STARTS;
    public static final String BODY_WORD_STARTS = IndexFields.BODY_WORD_STARTS;
    /** Facets list at most this many values (day: all). */
    public static final int FACET_TOP = 20;
    /** Most copies looked up for one collapsed hit. */
    public static final int ALSO_AT_LIMIT = 1_000;

    private SearchSemantics() {}

    /**
     * A document as the index sees it.
     *
     * @param terms  term field → its terms in order, one position each
     * @param values value field → its folded values (distinct, never blank)
     * @param publishedMillis epoch milliseconds
     * @param day    the local day ({@code 2024-05-01}) at the article's own offset
     * @param wordStarts {@link #TITLE_WORD_STARTS} and {@link #BODY_WORD_STARTS} → where the words of the folded text
     *               start, a bit set ({@link WordStarts}): stored with the document so that snippets know word
     *               boundaries without segmenting again
     */
    public record Analysed(Map<String, List<String>> terms, Map<String, List<String>> values, long publishedMillis,
            LocalDate day, Map<String, byte[]> wordStarts) {
        public Analysed {
            terms = Map.copyOf(terms);
            values = Map.copyOf(values);
            Objects.requireNonNull(day, "day");
            wordStarts = Map.copyOf(wordStarts);
        }

        /** {@link #day} as {@code yyyymmdd}, the value of the {@link #DAY} field. */
        public int dayNumber() {
            return IndexFields.dayNumber(day);
        }
    }

    /** Segments and folds {@code d} once; every field the index needs. */
    public static Analysed analyse(SearchDocument d) {
        return analyse(d, KnownWords.NONE);
    }

    /**
     * {@link #analyse(SearchDocument)}, taking the words of the title and body from {@code known} where they are of
     * exactly those texts (segment once: the understanding stage already ran HanLP over them).
     */
    public static Analysed analyse(SearchDocument d, KnownWords known) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        Map<String, byte[]> starts = new LinkedHashMap<>();
        starts.put(TITLE_WORD_STARTS, addText(terms, IndexFields.TITLE_WORDS, IndexFields.TITLE_BIGRAMS,
                d.title(), known.titleOf(d.title())));
        starts.put(BODY_WORD_STARTS, addText(terms, IndexFields.BODY_WORDS, IndexFields.BODY_BIGRAMS, d.body(),
                known.bodyOf(d.body())));
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put(IndexFields.ID, List.of(d.id()));
        values.put(IndexFields.SOURCE, folded(List.of(d.source())));
        values.put(IndexFields.PERSON, folded(d.people()));
        values.put(IndexFields.PLACE, folded(d.places()));
        values.put(IndexFields.ORGANISATION, folded(d.organisations()));
        values.put(IndexFields.KEYWORD, folded(d.keywords()));
        values.put(IndexFields.STORY, d.storyId().map(List::of).orElse(List.of()));
        values.put(IndexFields.GROUP, List.of(d.canonicalId().orElse(d.id())));
        values.put(IndexFields.DUPLICATE, List.of(d.isDuplicate() ? "1" : "0"));
        values.put(IndexFields.TEASER, List.of(d.teaser() ? "1" : "0"));
        return new Analysed(terms, values, d.published().toInstant().toEpochMilli(), d.published().toLocalDate(),
                starts);
    }

    /** Adds the word and bigram terms of {@code text}; returns where its words start ({@link WordStarts}). */
    private static byte[] addText(Map<String, List<String>> terms, String wordField, String bigramField, String text,
            Optional<Words> known) {
        TextFold.Folded f = TextFold.forMatching(text);
        String folded = f.text();
        List<ChineseAnalysis.Word> words = known.isPresent() && f.toOriginal() == null
                ? ChineseAnalysis.words(folded, known.get())
                : ChineseAnalysis.words(folded);
        terms.put(wordField, words.stream().map(ChineseAnalysis.Word::text).toList());
        terms.put(bigramField, ChineseAnalysis.grams(words).stream().map(ChineseAnalysis.Gram::term).toList());
        return WordStarts.encode(folded.length(), words);
    }

    private static List<String> folded(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            String f = foldValue(v);
            if (!f.isEmpty() && !out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** A value folded as the value fields hold it: script, width, case; outer spaces stripped. */
    public static String foldValue(String value) {
        return TextFold.forMatchingText(value).strip();
    }

    /** What {@link #translate} gives. */
    public sealed interface Translated permits Translation, Refused {}

    /**
     * A runnable query.
     *
     * @param query      the Lucene query; it matches copies too (collapsing them into their canonical article, by
     *                   {@link #GROUP}, is the back-end's job)
     * @param highlights folded strings to mark in displayed text, longest first
     * @param notes      what the parser and translator changed or ignored
     */
    public record Translation(Query query, List<String> highlights, List<String> notes) implements Translated {
        public Translation {
            Objects.requireNonNull(query, "query");
            highlights = List.copyOf(highlights);
            notes = List.copyOf(notes);
        }
    }

    /** The request cannot be run (bad paging, bad query). */
    public record Refused(QueryProblem problem) implements Translated {
        public Refused {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** Parses and translates a request's query and filters, matching on both text fields (the product). */
    public static Translated translate(SearchRequest request) {
        return translate(request, MatchFields.BOTH);
    }

    public static Translated translate(SearchRequest request, MatchFields fields) {
        Optional<String> paging = request.pagingProblem();
        if (paging.isPresent()) {
            return new Refused(new QueryProblem(paging.get(), request.query()));
        }
        ParsedQuery parsed;
        switch (QueryParser.parse(request.query())) {
            case QueryProblem problem -> {
                return new Refused(problem);
            }
            case ParsedQuery ok -> parsed = ok;
        }
        QueryTranslator translator = new QueryTranslator(fields);
        List<QueryNode> conditions = new ArrayList<>();
        conditions.add(parsed.root());
        conditions.addAll(request.filters());
        // Copies are searched too: a word only in a copy, or source: naming a copy's source, finds the story; the
        // back-end collapses each group (GROUP) into its canonical article.
        Query query = translator.translate(new QueryNode.All(conditions)).orElse(MatchAllDocsQuery.INSTANCE);
        List<String> notes = new ArrayList<>(parsed.notes());
        notes.addAll(translator.notes());
        List<String> targets = translator.highlights().stream()
                .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
        return new Translation(query, targets, notes);
    }

    /**
     * Whether {@code query} has more leaf clauses than the embedded index accepts ({@link #MAX_CLAUSES},
     * the embedded index's limit), counted as Lucene counts them. A remote back-end refuses such a query up front, so that both back-ends
     * refuse the same queries.
     */
    public static boolean tooManyClauses(Query query) {
        int limit = MAX_CLAUSES;
        if (IndexSearcher.getMaxClauseCount() < limit) {
            IndexSearcher.setMaxClauseCount(limit);
        }
        try {
            EMPTY.rewrite(query);
            return false;
        } catch (IndexSearcher.TooManyClauses e) {
            return true;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("rewriting against an empty in-memory reader", e);
        }
    }

    private static final IndexSearcher EMPTY = emptySearcher();

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new org.apache.lucene.index.MultiReader());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("an empty reader cannot fail to open", e);
        }
    }

    /** The message of a query whose expansion exceeds {@code limit} clauses. */
    public static QueryProblem tooComplex(String query, int limit) {
        return new QueryProblem("query is too complex: it expands to more than " + limit
                + " terms after segmentation; use fewer or shorter words", query);
    }

    /** {@code text} (a title) with every highlight marked. */
    public static HighlightedText markAll(String text, List<String> highlights) {
        return Snippets.markAll(text, highlights, WordStarts.UNKNOWN);
    }

    /** A passage of about 120 chars of {@code text} (a body) around its best matches; its start when none. */
    public static HighlightedText passage(String text, List<String> highlights) {
        return Snippets.passage(text, highlights, WordStarts.UNKNOWN);
    }

    /**
     * {@link #markAll(String, List)} with the word starts stored at indexing ({@link Analysed#wordStarts()}; null
     * when the document was indexed without them, then the neighbourhood of a match is segmented again).
     */
    public static HighlightedText markAll(String text, List<String> highlights, byte[] wordStarts) {
        return Snippets.markAll(text, highlights, WordStarts.of(wordStarts));
    }

    /** {@link #passage(String, List)} with the word starts stored at indexing (null when unknown). */
    public static HighlightedText passage(String text, List<String> highlights, byte[] wordStarts) {
        return Snippets.passage(text, highlights, WordStarts.of(wordStarts));
    }
}

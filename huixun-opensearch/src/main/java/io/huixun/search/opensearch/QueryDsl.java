package io.huixun.search.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Rewrites the Lucene queries of {@link io.huixun.search.semantics.SearchSemantics} into OpenSearch query DSL, so that
 * OpenSearch runs the same query tree (and, on one shard or with DFS, the same BM25 scores) as the embedded index.
 *
 * <p>Design note. Only the query types the translator produces are handled: term → {@code term}; boolean →
 * {@code bool} (same clause kinds, same should-rules); boost → a one-clause {@code bool} with {@code boost}; phrase →
 * {@code match_phrase} over the terms joined by {@link #SEP} with the splitting analyzer; multi-phrase (a pair either
 * inside a word or across a boundary) → {@code match_phrase} whose positions list their alternatives joined by
 * {@link #ALT}, analysed by a {@code pattern_capture} filter that stacks them at one position, which OpenSearch turns
 * back into a multi-phrase query; int range on the day → {@code range}; match-all → {@code match_all}. Example:
 * {@code +title_w:王毅 #duplicate:0} → {@code {"bool":{"must":[{"term":{"title_w":{"value":"王毅"}}}],
 * "filter":[{"term":{"duplicate":{"value":"0"}}}]}}}.
 *
 * <p>Stateless and thread-safe.
 */
final class QueryDsl {
    /** Separates terms in an indexed term field (U+001F, unit separator). */
    static final char SEP = '\u001F';
    /** Separates the alternatives of one phrase position in a query (U+001E, record separator). */
    static final char ALT = '\u001E';
    /** Splits on {@link #SEP}: document term fields and plain phrases. */
    static final String TERMS_ANALYZER = "huixun_terms";
    /** Splits on {@link #SEP} and stacks {@link #ALT}-separated alternatives: multi-phrases. */
    static final String ALTERNATIVES_ANALYZER = "huixun_alternatives";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private QueryDsl() {}

    /** A term as stored: the two separators cannot occur inside it (replaced by a space on both sides). */
    static String clean(String term) {
        return term.indexOf(SEP) < 0 && term.indexOf(ALT) < 0 ? term : term.replace(SEP, ' ').replace(ALT, ' ');
    }

    /** The value of a term field: its terms joined by {@link #SEP}. */
    static String joinTerms(List<String> terms) {
        StringBuilder out = new StringBuilder();
        for (String t : terms) {
            if (!out.isEmpty()) {
                out.append(SEP);
            }
            out.append(clean(t));
        }
        return out.toString();
    }

    /** The DSL of {@code query}; throws {@link IllegalArgumentException} for a query type the translator never makes. */
    static ObjectNode toDsl(Query query) {
        return switch (query) {
            case TermQuery t -> term(t.getTerm());
            case BoostQuery b -> {
                ObjectNode bool = F.objectNode();
                bool.putArray("must").add(toDsl(b.getQuery()));
                bool.put("boost", b.getBoost());
                yield wrap("bool", bool);
            }
            case BooleanQuery b -> bool(b);
            case PhraseQuery p -> {
                List<String> terms = new ArrayList<>();
                for (Term t : p.getTerms()) {
                    terms.add(t.text());
                }
                yield phrase(p.getField(), joinTerms(terms), TERMS_ANALYZER, p.getSlop());
            }
            case MultiPhraseQuery m -> {
                StringBuilder text = new StringBuilder();
                Term[][] positions = m.getTermArrays();
                String field = null;
                for (Term[] alternatives : positions) {
                    if (!text.isEmpty()) {
                        text.append(SEP);
                    }
                    for (int i = 0; i < alternatives.length; i++) {
                        if (i > 0) {
                            text.append(ALT);
                        }
                        text.append(clean(alternatives[i].text()));
                        field = alternatives[i].field();
                    }
                }
                if (field == null) {
                    throw new IllegalArgumentException("an empty multi-phrase query");
                }
                yield phrase(field, text.toString(), ALTERNATIVES_ANALYZER, m.getSlop());
            }
            case PointRangeQuery r when r.getNumDims() == 1 && r.getBytesPerDim() == Integer.BYTES -> {
                ObjectNode range = F.objectNode();
                range.put("gte", IntPoint.decodeDimension(r.getLowerPoint(), 0));
                range.put("lte", IntPoint.decodeDimension(r.getUpperPoint(), 0));
                yield wrap("range", wrap(r.getField(), range));
            }
            case MatchAllDocsQuery m -> wrap("match_all", F.objectNode());
            default -> throw new IllegalArgumentException("no OpenSearch form for " + query.getClass().getSimpleName()
                    + ": " + query);
        };
    }

    private static ObjectNode term(Term t) {
        ObjectNode value = F.objectNode();
        value.put("value", clean(t.text()));
        return wrap("term", wrap(t.field(), value));
    }

    private static ObjectNode bool(BooleanQuery b) {
        if (b.clauses().isEmpty()) {
            return wrap("match_none", F.objectNode()); // Lucene: an empty boolean query matches nothing
        }
        ObjectNode bool = F.objectNode();
        for (BooleanClause c : b.clauses()) {
            String kind = switch (c.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            ArrayNode list = bool.has(kind) ? (ArrayNode) bool.get(kind) : bool.putArray(kind);
            list.add(toDsl(c.query()));
        }
        if (b.getMinimumNumberShouldMatch() > 0) {
            bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
        }
        return wrap("bool", bool);
    }

    private static ObjectNode phrase(String field, String text, String analyzer, int slop) {
        ObjectNode body = F.objectNode();
        body.put("query", text);
        body.put("analyzer", analyzer);
        if (slop != 0) {
            body.put("slop", slop);
        }
        return wrap("match_phrase", wrap(field, body));
    }

    private static ObjectNode wrap(String name, ObjectNode inner) {
        ObjectNode o = F.objectNode();
        o.set(name, inner);
        return o;
    }
}

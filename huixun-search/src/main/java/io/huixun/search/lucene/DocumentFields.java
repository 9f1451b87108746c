package io.huixun.search.lucene;

import io.huixun.search.SearchDocument;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/**
 * The index schema: field names and how a {@link SearchDocument} becomes a Lucene document.
 *
 * <p>Displayed values are stored as given; matched values are folded ({@link TextFolder}). Texts are segmented once
 * per document and both the word and bigram fields are fed from that segmentation.
 */
final class DocumentFields {
    static final String ID = "id";
    static final String URL = "url";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String SOURCE_SHOWN = "source_shown";
    static final String SOURCE = "source";
    static final String PUBLISHED = "published";
    static final String PUBLISHED_MS = "published_ms";
    static final String DAY = "day";
    static final String PERSON = "person";
    static final String PLACE = "place";
    static final String ORGANISATION = "org";
    static final String KEYWORD = "keyword";
    static final String STORY = "story";
    /** The canonical article's id: the document's own id for a canonical article. */
    static final String GROUP = "group";
    static final String DUPLICATE = "duplicate";
    static final String TEASER = "teaser";
    static final String TITLE_WORDS = "title_w";
    static final String TITLE_BIGRAMS = "title_b";
    static final String BODY_WORDS = "body_w";
    static final String BODY_BIGRAMS = "body_b";

    /** Facet dimensions (in the default facet field). */
    static final String DIM_SOURCE = "source";
    static final String DIM_DAY = "day";
    static final String DIM_PERSON = "person";
    static final String DIM_PLACE = "place";
    static final String DIM_ORGANISATION = "org";

    static final FieldType TEXT;

    static {
        TEXT = new FieldType();
        TEXT.setTokenized(true);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        TEXT.setStored(false);
        TEXT.freeze();
    }

    static final FacetsConfig FACETS = new FacetsConfig();

    static {
        FACETS.setMultiValued(DIM_PERSON, true);
        FACETS.setMultiValued(DIM_PLACE, true);
        FACETS.setMultiValued(DIM_ORGANISATION, true);
    }

    private DocumentFields() {}

    static Document toDocument(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new StoredField(URL, d.url()));
        doc.add(new StoredField(TITLE, d.title()));
        doc.add(new StoredField(BODY, d.body()));
        doc.add(new StoredField(SOURCE_SHOWN, d.source()));
        String source = TextFolder.foldText(d.source()).strip();
        doc.add(new StringField(SOURCE, source, Field.Store.NO));
        if (!source.isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(DIM_SOURCE, source));
        }
        doc.add(new StoredField(PUBLISHED, d.published().toString()));
        long millis = d.published().toInstant().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED_MS, millis));
        doc.add(new NumericDocValuesField(PUBLISHED_MS, millis));
        LocalDate day = d.published().toLocalDate();
        doc.add(new IntPoint(DAY, dayNumber(day)));
        doc.add(new SortedSetDocValuesFacetField(DIM_DAY, day.toString()));
        addValues(doc, PERSON, DIM_PERSON, d.people());
        addValues(doc, PLACE, DIM_PLACE, d.places());
        addValues(doc, ORGANISATION, DIM_ORGANISATION, d.organisations());
        addValues(doc, KEYWORD, null, d.keywords());
        d.storyId().ifPresent(s -> doc.add(new StringField(STORY, s, Field.Store.YES)));
        doc.add(new StringField(GROUP, d.canonicalId().orElse(d.id()), Field.Store.YES));
        doc.add(new StringField(DUPLICATE, d.isDuplicate() ? "1" : "0", Field.Store.NO));
        doc.add(new StringField(TEASER, d.teaser() ? "1" : "0", Field.Store.YES));
        addText(doc, TITLE_WORDS, TITLE_BIGRAMS, d.title());
        addText(doc, BODY_WORDS, BODY_BIGRAMS, d.body());
        try {
            return FACETS.build(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("building facet fields of " + d.id(), e);
        }
    }

    private static void addValues(Document doc, String field, String dim, List<String> values) {
        values.stream().map(v -> TextFolder.foldText(v).strip()).filter(v -> !v.isEmpty()).distinct().forEach(v -> {
            doc.add(new StringField(field, v, Field.Store.NO));
            if (dim != null) {
                doc.add(new SortedSetDocValuesFacetField(dim, v));
            }
        });
    }

    private static void addText(Document doc, String wordField, String bigramField, String text) {
        List<ChineseAnalysis.Word> words = ChineseAnalysis.words(TextFolder.foldText(text));
        List<String> wordTerms = words.stream().map(ChineseAnalysis.Word::text).toList();
        List<String> gramTerms = ChineseAnalysis.grams(words).stream().map(ChineseAnalysis.Gram::term).toList();
        doc.add(new Field(wordField, new TermListStream(wordTerms), TEXT));
        doc.add(new Field(bigramField, new TermListStream(gramTerms), TEXT));
    }

    /** {@code 2024-05-01} → {@code 20240501}: sortable and readable in a debugger. */
    static int dayNumber(LocalDate day) {
        return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }
}

package io.huixun.search.lucene;

import static io.huixun.search.semantics.IndexFields.DAY;
import static io.huixun.search.semantics.IndexFields.DUPLICATE;
import static io.huixun.search.semantics.IndexFields.GROUP;
import static io.huixun.search.semantics.IndexFields.ID;
import static io.huixun.search.semantics.IndexFields.KEYWORD;
import static io.huixun.search.semantics.IndexFields.ORGANISATION;
import static io.huixun.search.semantics.IndexFields.PERSON;
import static io.huixun.search.semantics.IndexFields.PLACE;
import static io.huixun.search.semantics.IndexFields.PUBLISHED_MS;
import static io.huixun.search.semantics.IndexFields.SOURCE;
import static io.huixun.search.semantics.IndexFields.STORY;
import static io.huixun.search.semantics.IndexFields.TEASER;

import io.huixun.search.SearchDocument;
import io.huixun.search.semantics.SearchSemantics;
import io.huixun.text.TextFold;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded index's schema: how a {@link SearchDocument} becomes a Lucene document. The names both back-ends
 * share are {@link io.huixun.search.semantics.IndexFields}; the stored-only fields, the group key's doc values and
 * the facet dimensions, which only this index has, are here.
 *
 * <p>Displayed values are stored as given; matched values are folded ({@link TextFold}). Texts are segmented once
 * per document and both the word and bigram fields are fed from that segmentation.
 */
final class DocumentFields {
    static final String URL = "url";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String SOURCE_SHOWN = "source_shown";
    static final String PUBLISHED = "published";
    /** The group key again, as doc values: collapsing reads it for every top hit without loading stored fields. */
    static final String GROUP_KEY = "group_key";

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
        return toDocument(d, io.huixun.search.KnownWords.NONE);
    }

    /** The document, its texts segmented with {@code words} where they fit ({@link SearchSemantics#analyse}). */
    static Document toDocument(SearchDocument d, io.huixun.search.KnownWords words) {
        SearchSemantics.Analysed a = SearchSemantics.analyse(d, words);
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new StoredField(URL, d.url()));
        doc.add(new StoredField(TITLE, d.title()));
        doc.add(new StoredField(BODY, d.body()));
        doc.add(new StoredField(SOURCE_SHOWN, d.source()));
        for (String source : a.values().get(SOURCE)) {
            doc.add(new StringField(SOURCE, source, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(DIM_SOURCE, source));
        }
        doc.add(new StoredField(PUBLISHED, d.published().toString()));
        doc.add(new LongPoint(PUBLISHED_MS, a.publishedMillis()));
        doc.add(new NumericDocValuesField(PUBLISHED_MS, a.publishedMillis()));
        doc.add(new IntPoint(DAY, a.dayNumber()));
        doc.add(new SortedSetDocValuesFacetField(DIM_DAY, a.day().toString()));
        addValues(doc, PERSON, DIM_PERSON, a.values().get(PERSON));
        addValues(doc, PLACE, DIM_PLACE, a.values().get(PLACE));
        addValues(doc, ORGANISATION, DIM_ORGANISATION, a.values().get(ORGANISATION));
        addValues(doc, KEYWORD, null, a.values().get(KEYWORD));
        a.values().get(STORY).forEach(s -> doc.add(new StringField(STORY, s, Field.Store.YES)));
        doc.add(new StringField(GROUP, a.values().get(GROUP).get(0), Field.Store.YES));
        doc.add(new SortedDocValuesField(GROUP_KEY, new BytesRef(a.values().get(GROUP).get(0))));
        a.wordStarts().forEach((field, bits) -> doc.add(new StoredField(field, bits)));
        doc.add(new StringField(DUPLICATE, a.values().get(DUPLICATE).get(0), Field.Store.NO));
        doc.add(new StringField(TEASER, a.values().get(TEASER).get(0), Field.Store.YES));
        for (String field : SearchSemantics.TERM_FIELDS) {
            doc.add(new Field(field, new TermListStream(a.terms().get(field)), TEXT));
        }
        try {
            return FACETS.build(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("building facet fields of " + d.id(), e);
        }
    }

    /** Already folded, distinct, non-blank values. */
    private static void addValues(Document doc, String field, String dim, List<String> values) {
        values.forEach(v -> {
            doc.add(new StringField(field, v, Field.Store.NO));
            if (dim != null) {
                doc.add(new SortedSetDocValuesFacetField(dim, v));
            }
        });
    }

}

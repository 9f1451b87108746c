package io.huixun.search.lucene;

import io.huixun.search.FacetCount;
import io.huixun.search.FacetKind;
import io.huixun.search.QueryProblem;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchIndex;
import io.huixun.search.SearchIndexException;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.SortOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene {@link SearchIndex}: an index in one directory, written by one {@link IndexWriter} and read through a
 * near-real-time {@link SearcherManager}.
 *
 * <p>Durability: Lucene commits are atomic; after a crash (even kill -9) {@link #open} finds the index as of the last
 * {@link #commit} that returned. Writes since then are lost, so callers commit after each batch and re-index from the
 * store what {@link #ids()} lacks.
 *
 * <p>Thread-safe: any number of threads may search while others write. {@link #close} must not race other calls.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final int ALSO_AT_LIMIT = SearchSemantics.ALSO_AT_LIMIT;
    private static final int FACET_TOP = SearchSemantics.FACET_TOP;
    /**
     * Lucene's limit on leaf clauses per query, raised from 1,024: a 1,000-character pasted phrase is one word-phrase
     * and one bigram-phrase per field, about 5,000 terms. This setting is JVM-wide (a Lucene static); queries over
     * it come back as a {@link QueryProblem}.
     */
    static final int MAX_CLAUSES = 8_192;

    static {
        if (IndexSearcher.getMaxClauseCount() < MAX_CLAUSES) {
            IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
        }
    }

    private final Directory directory;
    /** Null when the index was opened read-only ({@link #openReadOnly}). */
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean changed = new AtomicBoolean();
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, Optional<SortedSetDocValuesReaderState> state) {}

    private LuceneSearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    private LuceneSearchIndex(Directory directory, SearcherManager committedOnly) {
        this.directory = directory;
        this.writer = null;
        this.searchers = committedOnly;
    }

    /**
     * Opens the index in {@code dir} for searching only, without the write lock, so it works while another process
     * (huixun serve) writes the index. It sees the last commit, and each search first picks up a newer commit if
     * there is one (a cheap check of the commit point). {@link #put}, {@link #delete} and {@link #commit} throw.
     *
     * @throws SearchIndexException when {@code dir} holds no committed index yet, or cannot be read
     */
    public static LuceneSearchIndex openReadOnly(Path dir) {
        Directory directory = null;
        try {
            directory = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw new SearchIndexException("no search index has been committed in " + dir + " yet", null);
            }
            return new LuceneSearchIndex(directory, new SearcherManager(directory, null));
        } catch (IOException e) {
            try {
                if (directory != null) {
                    directory.close();
                }
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new SearchIndexException("cannot open the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private IndexWriter writer() {
        if (writer == null) {
            throw new SearchIndexException("this search index was opened read-only", null);
        }
        return writer;
    }

    /**
     * Opens (or creates) the index in {@code dir}. An index left by a crashed process opens at its last commit.
     *
     * @throws SearchIndexException when the directory cannot be used (locked by another live process, unreadable)
     */
    public static LuceneSearchIndex open(Path dir) {
        try {
            return new LuceneSearchIndex(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new SearchIndexException("cannot open the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A fresh index in memory, for tests and tools. */
    public static LuceneSearchIndex inMemory() {
        try {
            return new LuceneSearchIndex(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new SearchIndexException("cannot create an in-memory search index", e);
        }
    }

    @Override
    public void put(SearchDocument document) {
        try {
            writer().updateDocument(new Term(DocumentFields.ID, document.id()), DocumentFields.toDocument(document));
            changed.set(true);
        } catch (IOException e) {
            throw new SearchIndexException("cannot index document " + document.id(), e);
        }
    }

    @Override
    public void delete(String id) {
        try {
            writer().deleteDocuments(new Term(DocumentFields.ID, id));
            changed.set(true);
        } catch (IOException e) {
            throw new SearchIndexException("cannot delete document " + id, e);
        }
    }

    @Override
    public void commit() {
        try {
            writer().commit();
            searchers.maybeRefreshBlocking();
            changed.set(false);
        } catch (IOException e) {
            throw new SearchIndexException("cannot commit the search index", e);
        }
    }

    @Override
    public long count() {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    @Override
    public SortedSet<String> ids() {
        return withSearcher(s -> {
            SortedSet<String> ids = new TreeSet<>();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(DocumentFields.ID);
                if (terms == null) {
                    continue;
                }
                var live = leaf.reader().getLiveDocs();
                TermsEnum it = terms.iterator();
                PostingsEnum postings = null;
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    postings = it.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            ids.add(term.utf8ToString());
                            break;
                        }
                    }
                }
            }
            return Collections.unmodifiableSortedSet(ids);
        });
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return search(request, MatchFields.BOTH);
    }

    /** {@link #search(SearchRequest)} restricted to some text fields: for measuring what each field contributes. */
    public SearchResult search(SearchRequest request, MatchFields fields) {
        SearchSemantics.Translation t;
        switch (SearchSemantics.translate(request, fields)) {
            case SearchSemantics.Refused refused -> {
                return refused.problem();
            }
            case SearchSemantics.Translation ok -> t = ok;
        }
        try {
            return withSearcher(s -> run(s, request, t.query(), t.highlights(), new ArrayList<>(t.notes())));
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchSemantics.tooComplex(request.query(), IndexSearcher.getMaxClauseCount());
        }
    }

    private SearchResponse run(IndexSearcher searcher, SearchRequest request, Query query, List<String> targets,
            List<String> notes) throws IOException {
        int depth = request.page() * request.size();
        TopDocs top;
        FacetsCollector facetHits = null;
        var topManager = request.sort() == SortOrder.TIME
                ? new TopFieldCollectorManager(new Sort(new SortField(DocumentFields.PUBLISHED_MS,
                        SortField.Type.LONG, true)), depth, Integer.MAX_VALUE)
                : new TopScoreDocCollectorManager(depth, Integer.MAX_VALUE);
        if (request.facets().isEmpty()) {
            top = searcher.search(query, topManager);
        } else {
            Object[] both = searcher.search(query, new MultiCollectorManager(topManager, new FacetsCollectorManager()));
            top = (TopDocs) both[0];
            facetHits = (FacetsCollector) both[1];
        }
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
            Document d = stored.document(docs[i].doc);
            hits.add(hit(searcher, d, docs[i], targets, request.collapseDuplicates()));
        }
        Map<FacetKind, List<FacetCount>> facets = facetHits == null ? Map.of() : facets(searcher, facetHits,
                request.facets());
        return new SearchResponse(top.totalHits.value(), request.page(), request.size(), hits, facets, notes);
    }

    private SearchHit hit(IndexSearcher searcher, Document d, ScoreDoc scored, List<String> targets, boolean collapse)
            throws IOException {
        String id = d.get(DocumentFields.ID);
        String source = d.get(DocumentFields.SOURCE_SHOWN);
        List<String> duplicates = new ArrayList<>();
        Set<String> otherSources = new LinkedHashSet<>();
        if (collapse) {
            Query copies = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(DocumentFields.GROUP, id)), Occur.FILTER)
                    .add(new TermQuery(new Term(DocumentFields.DUPLICATE, "1")), Occur.FILTER).build();
            StoredFields stored = searcher.storedFields();
            String ownSource = TextFolder.foldText(source).strip();
            for (ScoreDoc copy : searcher.search(copies, ALSO_AT_LIMIT).scoreDocs) {
                Document c = stored.document(copy.doc);
                duplicates.add(c.get(DocumentFields.ID));
                String s = TextFolder.foldText(c.get(DocumentFields.SOURCE_SHOWN)).strip();
                if (!s.equals(ownSource) && !s.isEmpty()) {
                    otherSources.add(s);
                }
            }
        }
        return new SearchHit(id, d.get(DocumentFields.URL), Snippets.markAll(d.get(DocumentFields.TITLE), targets),
                source, OffsetDateTime.parse(d.get(DocumentFields.PUBLISHED)),
                Snippets.passage(d.get(DocumentFields.BODY), targets),
                Float.isNaN(scored.score) ? 0f : scored.score, otherSources.size(), duplicates,
                "1".equals(d.get(DocumentFields.TEASER)));
    }

    private Map<FacetKind, List<FacetCount>> facets(IndexSearcher searcher, FacetsCollector hits, Set<FacetKind> kinds)
            throws IOException {
        Optional<SortedSetDocValuesReaderState> state = facetState(searcher.getIndexReader());
        Map<FacetKind, List<FacetCount>> out = new EnumMap<>(FacetKind.class);
        if (state.isEmpty()) {
            kinds.forEach(k -> out.put(k, List.of()));
            return out;
        }
        Facets counts = new SortedSetDocValuesFacetCounts(state.get(), hits);
        for (FacetKind kind : kinds) {
            String dim = switch (kind) {
                case SOURCE -> DocumentFields.DIM_SOURCE;
                case DAY -> DocumentFields.DIM_DAY;
                case PERSON -> DocumentFields.DIM_PERSON;
                case PLACE -> DocumentFields.DIM_PLACE;
                case ORGANISATION -> DocumentFields.DIM_ORGANISATION;
            };
            FacetResult result;
            try {
                result = kind == FacetKind.DAY ? counts.getAllChildren(dim) : counts.getTopChildren(FACET_TOP, dim);
            } catch (IllegalArgumentException noSuchDimension) {
                result = null; // no document has this dimension yet
            }
            List<FacetCount> list = new ArrayList<>();
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    if (lv.value.longValue() > 0) {
                        list.add(new FacetCount(lv.label, lv.value.longValue()));
                    }
                }
            }
            if (kind == FacetKind.DAY) {
                list.sort((a, b) -> a.label().compareTo(b.label()));
            }
            out.put(kind, List.copyOf(list));
        }
        return out;
    }

    /** Facet ordinals per reader: built once per refreshed reader (a few ms for 10^4 documents). */
    private Optional<SortedSetDocValuesReaderState> facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        Optional<SortedSetDocValuesReaderState> state;
        try {
            state = Optional.of(new DefaultSortedSetDocValuesReaderState(reader, DocumentFields.FACETS));
        } catch (IllegalArgumentException noFacetsYet) {
            state = Optional.empty();
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            if (writer == null) {
                searchers.maybeRefresh(); // read-only: pick up what the writing process committed since
            } else if (changed.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new SearchIndexException("cannot read the search index", e);
        }
    }

    /** The Lucene directory, for tools such as CheckIndex. */
    Directory directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer != null) {
                writer.rollback();
            }
            directory.close();
        } catch (IOException e) {
            throw new SearchIndexException("cannot close the search index", e);
        }
    }
}

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
import io.huixun.search.semantics.IndexFields;
import io.huixun.search.semantics.MatchFields;
import io.huixun.search.semantics.SearchSemantics;
import io.huixun.search.semantics.WarmUp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
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
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
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
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TotalHits;
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
 * <p>Thread-safe: any number of threads may search while others write; at most one search per core runs at once, the
 * others wait their turn ({@link SearchSlots}). {@link #close} must not race other calls.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final int ALSO_AT_LIMIT = SearchSemantics.ALSO_AT_LIMIT;
    /**
     * A search with at least this many matches is broad: it is ranked, by relevance or by time, among its most recent
     * matches only, at least {@link #BROAD_POOL} of them ({@link #recent}), so its cost does not grow with the store.
     * Example: {@code 央视网消息} (the credit line of most CCTV reports) in the 1M-article scale corpus: scoring
     * every match took 240 ms of one core, the recent pool about 20 ms; its BM25 scores hardly differ, and a news
     * reader wants the recent reports first. The cap also bounds the first pass, which scores every match it sees.
     */
    static final int BROAD_MATCHES = 5_000;
    static final int BROAD_POOL = 2_000;
    private static final int FACET_TOP = SearchSemantics.FACET_TOP;
    static {
        if (IndexSearcher.getMaxClauseCount() < SearchSemantics.MAX_CLAUSES) {
            IndexSearcher.setMaxClauseCount(SearchSemantics.MAX_CLAUSES);
        }
    }

    private final Directory directory;
    /** Null when the index was opened read-only ({@link #openReadOnly}). */
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean changed = new AtomicBoolean();
    /** At most one search per core runs; the others wait their turn (the tail is shorter: {@link SearchSlots}). */
    private final SearchSlots slots = SearchSlots.perCore();
    private volatile FacetState facetState;
    /** When a query is broad, and how many recent matches rank it ({@link #recent}); smaller in tests. */
    private record Broad(int matches, int pool) {}

    private volatile Broad broadLimits = new Broad(BROAD_MATCHES, BROAD_POOL);

    private record FacetState(IndexReader reader, Optional<SortedSetDocValuesReaderState> state) {}

    private LuceneSearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        config.setMergePolicy(mergePolicy());
        boolean fresh = !DirectoryReader.indexExists(directory);
        this.writer = new IndexWriter(directory, config);
        if (fresh) {
            writer.commit(); // an empty index is a committed one, so read-only openers (huixun search) find it
        }
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Fewer, larger segments than Lucene's default (10 per tier above a 16 MB floor). A search pays per segment for
     * each of its terms (a dictionary seek, a postings set-up), and an unquoted phrase has about 50 of them (word and
     * bigram fields, title and body, both forms of each pair); at 240,000 articles the default left 12 segments, most
     * of them 10 MB flushes, and the same 200 phrases cost about 20% less on 4 segments (benchmarks.md). Merging reads
     * and writes about 100 MB/s on one core: the extra merging this asks costs a few per cent of ingest's CPU.
     * Example: 11 segments (324, 58, 75 MB and nine of 4–12 MB) are merged to 3 (302, 187, 43 MB).
     */
    static TieredMergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setSegmentsPerTier(3);
        policy.setFloorSegmentMB(128);
        return policy;
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

    /** Tests: a broad query is one with at least {@code matches} matches, ranked among {@code pool} recent ones. */
    void broadLimits(int matches, int pool) {
        broadLimits = new Broad(matches, pool);
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
        put(document, io.huixun.search.KnownWords.NONE);
    }

    @Override
    public void put(SearchDocument document, io.huixun.search.KnownWords words) {
        try {
            writer().updateDocument(new Term(IndexFields.ID, document.id()),
                    DocumentFields.toDocument(document, words));
            changed.set(true);
        } catch (IOException e) {
            throw new SearchIndexException("cannot index document " + document.id() + where(), e);
        }
    }

    @Override
    public void delete(String id) {
        try {
            writer().deleteDocuments(new Term(IndexFields.ID, id));
            changed.set(true);
        } catch (IOException e) {
            throw new SearchIndexException("cannot delete document " + id + where(), e);
        }
    }

    @Override
    public void commit() {
        try {
            writer().commit();
            searchers.maybeRefreshBlocking();
            changed.set(false);
        } catch (IOException e) {
            throw new SearchIndexException("cannot commit the search index" + where(), e);
        }
    }

    /** " in /path/to/index" for an index in a folder (so a full disk names where), else "". */
    private String where() {
        return directory instanceof org.apache.lucene.store.FSDirectory fs ? " in " + fs.getDirectory() : "";
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
                Terms terms = leaf.reader().terms(IndexFields.ID);
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

    /** Representative searches for at most {@link #WARM_UP_BUDGET} ({@link WarmUp}). */
    @Override
    public void warmUp() {
        WarmUp.run(this, WARM_UP_BUDGET);
    }

    /**
     * How long {@link #warmUp} may take at most: {@code serve} opens its port after it (issue 10: ready within 5 s on
     * 240,000 articles; the JIT has compiled the hot search paths after a few hundred searches, which at 240k fit in
     * about 1.5 s on 2 cores, while the web server is built on the other core).
     */
    static final java.time.Duration WARM_UP_BUDGET = java.time.Duration.ofMillis(1500);

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
            return slots.run(() -> withSearcher(s -> run(s, request, t.query(), t.highlights(),
                    new ArrayList<>(t.notes()))));
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchSemantics.tooComplex(request.query(), IndexSearcher.getMaxClauseCount());
        }
    }

    /**
     * One page of results. Cost is bounded whatever the hit count. One pass finds the top hits (scoring keeps only
     * those), counts the matches and their groups ({@link GroupCounter}) and collects facets when asked for. When the
     * count reaches {@link #BROAD_MATCHES} the pass ends there: the query is broad, and is ranked, in either order,
     * over its most recent matches ({@link #recent}), its facets are counted there, and the response says so
     * ({@link SearchResponse#recentOnly}). Duplicates collapse over the top hits by their group key (doc values), with
     * one lookup for the canonical articles of the page and one for their copies; facets come from the top hits when
     * they are every match.
     */
    private SearchResponse run(IndexSearcher searcher, SearchRequest request, Query query, List<String> targets,
            List<String> notes) throws IOException {
        int from = (request.page() - 1) * request.size();
        int depth = request.page() * request.size();
        int limit = SearchRequest.TOTAL_EXACT_UP_TO;
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>();
        long total;
        boolean lowerBound;
        // Set when the top-hits pass saw every match: facets are then counted from those hits, with no second pass.
        ScoreDoc[] everyMatch = null;
        Broad broadAt = broadLimits;
        // Copies are few (about one article in ten has any), so twice the depth nearly always holds enough groups.
        int want = request.collapseDuplicates() ? depth * 2 + 10 : depth;
        // One pass finds the top hits, counts matches and groups, and collects facets, unless the count reaches the
        // broad cap: then the pass ends there and the query is ranked among its recent matches.
        TopDocs top;
        GroupCounter.Count count;
        FacetsCollector facetHits = null;
        boolean broad = false;
        Query ranked = query;
        try {
            List<org.apache.lucene.search.CollectorManager<?, ?>> managers = new ArrayList<>(List.of(
                    topManager(request, want), GroupCounter.aborting(limit, broadAt.matches())));
            if (!request.facets().isEmpty()) {
                managers.add(new FacetsCollectorManager());
            }
            Object[] pass = searcher.search(query, new MultiCollectorManager(
                    managers.toArray(org.apache.lucene.search.CollectorManager[]::new)));
            top = (TopDocs) pass[0];
            count = (GroupCounter.Count) pass[1];
            if (pass.length > 2) {
                facetHits = (FacetsCollector) pass[2];
            }
        } catch (GroupCounter.CapReached reached) {
            count = reached.count();
            // Past the pool, a deep page of a broad query is ranked over every match (rare: page 201 of 10).
            broad = depth <= broadAt.pool();
            ranked = broad ? recent(searcher, query, broadAt.pool(), (double) broadAt.matches() / reached.docsSeen())
                    : query;
            top = searcher.search(ranked, topManager(request, want));
        }
        if (!request.collapseDuplicates()) {
            lowerBound = count.matches() >= limit;
            total = Math.min(count.matches(), limit);
            if (!broad && count.matches() <= top.scoreDocs.length) {
                everyMatch = top.scoreDocs;
            }
            for (int i = from; i < top.scoreDocs.length; i++) {
                hits.add(hit(stored.document(top.scoreDocs[i].doc), top.scoreDocs[i].score, targets, null));
            }
        } else {
            Collapsed c = collapse(searcher, ranked, request, depth, top, want);
            if (c.all() && !broad) {
                total = c.groups().size();
                lowerBound = false;
                everyMatch = c.seen();
            } else {
                // The count stopped at the match cap before it saw every group: there may be more.
                lowerBound = count.groups() >= limit || count.matches() >= broadAt.matches();
                total = count.groups();
            }
            List<Map.Entry<String, ScoreDoc>> shown = new ArrayList<>(c.groups().entrySet()).subList(
                    Math.min(from, c.groups().size()), Math.min(depth, c.groups().size()));
            Map<String, Document> canonical = canonicalArticles(searcher, shown);
            Map<String, List<Document>> copies = copies(searcher, shown.stream().map(Map.Entry::getKey).toList());
            for (Map.Entry<String, ScoreDoc> e : shown) {
                Document d = canonical.get(e.getKey());
                if (d == null) {
                    d = stored.document(e.getValue().doc); // the canonical article is not in the index
                }
                hits.add(hit(d, e.getValue().score, targets, copies.getOrDefault(e.getKey(), List.of())));
            }
        }
        Map<FacetKind, List<FacetCount>> facets = Map.of();
        if (!request.facets().isEmpty()) {
            if (broad) {
                // Counted over the recent matches that were ranked, not all of them: bounded, and the response says so.
                facets = facets(searcher, searcher.search(ranked, new FacetsCollectorManager()), request.facets());
            } else if (everyMatch != null) {
                facets = facets(searcher, SeenHits.of(searcher, everyMatch), request.facets());
            } else {
                facets = facets(searcher, facetHits, request.facets());
            }
        }
        return new SearchResponse(total, request.page(), request.size(), hits, facets, notes, lowerBound, broad);
    }

    /**
     * {@code query} restricted to its most recent matches: to the shortest span of time, ending at the newest article,
     * that holds at least {@code pool} of them. The first span tried is the one that should hold twice the pool if
     * the query matches the same {@code share} of articles at every time and articles are spread evenly over time
     * (the share comes from the first pass: its matches among the documents it saw); each further try is four times
     * longer. Example: 发展 matching 40% of 240,000 articles over 1,200 days, pool 2,000: the first span is 50 days,
     * and it holds about 4,000 matches. Each try costs at most {@code pool} matches.
     */
    private static Query recent(IndexSearcher searcher, Query query, int pool, double share) throws IOException {
        long newest = Long.MIN_VALUE;
        long oldest = Long.MAX_VALUE;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            PointValues points = leaf.reader().getPointValues(IndexFields.PUBLISHED_MS);
            if (points != null && points.size() > 0) {
                newest = Math.max(newest, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
                oldest = Math.min(oldest, LongPoint.decodeDimension(points.getMinPackedValue(), 0));
            }
        }
        if (newest == Long.MIN_VALUE) {
            return query;
        }
        double docsWanted = 2.0 * pool / Math.max(share, 1e-9);
        long day = java.time.Duration.ofDays(1).toMillis();
        long span = Math.max(day, (long) ((newest - oldest) * Math.min(1.0, docsWanted / searcher.getIndexReader()
                .maxDoc())));
        for (; newest - span + 1 > oldest; span = span > Long.MAX_VALUE / 8 ? Long.MAX_VALUE / 2 : span * 4) {
            Query windowed = new BooleanQuery.Builder().add(query, Occur.MUST)
                    .add(LongPoint.newRangeQuery(IndexFields.PUBLISHED_MS, newest - span + 1, Long.MAX_VALUE),
                            Occur.FILTER).build();
            if (GroupCounter.count(searcher, windowed, 0, pool).matches() >= pool) {
                return windowed;
            }
        }
        return query;
    }

    private static org.apache.lucene.search.CollectorManager<?, ? extends TopDocs> topManager(SearchRequest request,
            int n) {
        return request.sort() == SortOrder.TIME
                ? new TopFieldCollectorManager(new Sort(new SortField(IndexFields.PUBLISHED_MS,
                        SortField.Type.LONG, true)), n, SearchRequest.TOTAL_EXACT_UP_TO)
                : new TopScoreDocCollectorManager(n, SearchRequest.TOTAL_EXACT_UP_TO);
    }

    /**
     * The best hit of each group, in rank order, at least {@code depth} groups when there are so many.
     *
     * @param all whether every matching document was seen (then {@code groups.size()} is the exact total)
     */
    private record Collapsed(LinkedHashMap<String, ScoreDoc> groups, boolean all, ScoreDoc[] seen) {}

    private static Collapsed collapse(IndexSearcher searcher, Query query, SearchRequest request, int depth,
            TopDocs first, int firstWant) throws IOException {
        int want = firstWant;
        TopDocs top = first;
        while (true) {
            GroupKeys keys = new GroupKeys(searcher);
            LinkedHashMap<String, ScoreDoc> groups = new LinkedHashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                groups.putIfAbsent(keys.of(sd.doc), sd);
            }
            boolean all = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
                    && top.totalHits.value() <= top.scoreDocs.length;
            if (groups.size() >= depth || all || want >= SearchRequest.MAX_DEPTH * 4) {
                return new Collapsed(groups, all, top.scoreDocs);
            }
            want *= 4;
            top = searcher.search(query, topManager(request, want));
        }
    }

    /** The canonical articles of groups whose best hit is a copy, in one lookup by id. */
    private static Map<String, Document> canonicalArticles(IndexSearcher searcher,
            List<Map.Entry<String, ScoreDoc>> shown) throws IOException {
        Map<String, Document> out = new HashMap<>();
        StoredFields stored = searcher.storedFields();
        List<BytesRef> wanted = new ArrayList<>();
        for (Map.Entry<String, ScoreDoc> e : shown) {
            Document d = stored.document(e.getValue().doc);
            if (e.getKey().equals(d.get(IndexFields.ID))) {
                out.put(e.getKey(), d);
            } else {
                wanted.add(new BytesRef(e.getKey()));
            }
        }
        if (!wanted.isEmpty()) {
            for (ScoreDoc sd : searcher.search(new TermInSetQuery(IndexFields.ID, wanted), wanted.size())
                    .scoreDocs) {
                Document d = stored.document(sd.doc);
                out.put(d.get(IndexFields.ID), d);
            }
        }
        return out;
    }

    /** The copies of each group, in one search for the whole page (at most {@link #ALSO_AT_LIMIT} per group). */
    private static Map<String, List<Document>> copies(IndexSearcher searcher, List<String> groups)
            throws IOException {
        if (groups.isEmpty()) {
            return Map.of();
        }
        Query q = new BooleanQuery.Builder()
                .add(new TermInSetQuery(IndexFields.GROUP, groups.stream().map(BytesRef::new).toList()),
                        Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.DUPLICATE, "1")), Occur.FILTER).build();
        StoredFields stored = searcher.storedFields();
        Map<String, List<Document>> out = new HashMap<>();
        Set<String> fields = Set.of(IndexFields.ID, IndexFields.GROUP, DocumentFields.SOURCE_SHOWN);
        int max = Math.min(SearchRequest.MAX_DEPTH, groups.size() * ALSO_AT_LIMIT);
        for (ScoreDoc sd : searcher.search(q, max, new Sort(SortField.FIELD_DOC)).scoreDocs) {
            Document c = stored.document(sd.doc, fields);
            List<Document> list = out.computeIfAbsent(c.get(IndexFields.GROUP), g -> new ArrayList<>());
            if (list.size() < ALSO_AT_LIMIT) {
                list.add(c);
            }
        }
        return out;
    }

    /** {@code copies} null: duplicates not collapsed. */
    private static SearchHit hit(Document d, float score, List<String> targets, List<Document> copies) {
        String id = d.get(IndexFields.ID);
        String source = d.get(DocumentFields.SOURCE_SHOWN);
        List<String> duplicates = new ArrayList<>();
        Set<String> otherSources = new LinkedHashSet<>();
        if (copies != null) {
            String ownSource = SearchSemantics.foldValue(source);
            for (Document c : copies) {
                duplicates.add(c.get(IndexFields.ID));
                String s = SearchSemantics.foldValue(c.get(DocumentFields.SOURCE_SHOWN));
                if (!s.equals(ownSource) && !s.isEmpty()) {
                    otherSources.add(s);
                }
            }
        }
        return new SearchHit(id, d.get(DocumentFields.URL),
                SearchSemantics.markAll(d.get(DocumentFields.TITLE), targets, wordStarts(d, IndexFields.TITLE_WORD_STARTS)),
                source, OffsetDateTime.parse(d.get(DocumentFields.PUBLISHED)),
                SearchSemantics.passage(d.get(DocumentFields.BODY), targets, wordStarts(d, IndexFields.BODY_WORD_STARTS)),
                Float.isNaN(score) ? 0f : score, otherSources.size(), duplicates,
                "1".equals(d.get(IndexFields.TEASER)));
    }

    /** The stored word starts of {@code field}, null when the document was indexed without them. */
    private static byte[] wordStarts(Document d, String field) {
        BytesRef b = d.getBinaryValue(field);
        return b == null ? null : java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
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
                    long n = lv.value.longValue();
                    if (n > 0) {
                        list.add(new FacetCount(lv.label, n));
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

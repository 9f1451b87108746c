package io.huixun.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import io.huixun.bench.common.ConcurrentLatency;
import io.huixun.bench.common.SharedData;
import io.huixun.search.FacetKind;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.lucene.LuceneSearchIndex;
import io.huixun.search.semantics.MatchFields;
import io.huixun.text.TextFold;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code ./bench search-eval [QUERIES_PER_KIND [SEED]]} (defaults 100 and 7): relevance and speed of the search index on the CCTV pool
 * (24,010 articles), against Lucene's smartcn analyzer, in one run.
 *
 * <p>Relevance: queries whose relevant article is known, generated from the data with a fixed seed:
 * <ul>
 *   <li>{@code phrase}: a 6–10 character Han run cut from one article that occurs in no other article;</li>
 *   <li>{@code phrase-trad}: the same kind of phrase written in traditional script (OpenCC s2t), article simplified;</li>
 *   <li>{@code phrase-rev}: a simplified phrase whose article is stored in traditional script (a seeded 1% of the pool
 *       is indexed after s2t);</li>
 *   <li>{@code person+place}: a person and a place that HanLP recognises in the article and that HanLP's
 *       segmentation finds together in no other article, as {@code 王毅 巴黎};</li>
 *   <li>{@code paraphrase}: three content words of the title, shuffled, found together (as segmented words) in at
 *       most 3 articles.</li>
 * </ul>
 * Each is run on the word field alone, the bigram field alone, both, and a smartcn index (classic query parser, AND).
 * Recall@10 counts the article among the first 10 hits; MRR is the mean of 1/rank (0 past rank 10).
 *
 * <p>Speed: indexing the pool (one thread), and query latency with 8 client threads in-process.
 *
 * <p>Segmentation: by default the index takes each text's words from the understanding stage
 * ({@code ArticleAnalyzer.read}), as ingest does since issue 12's "segment once"; {@code --index-segments} lets the
 * index segment every text itself (place recognition only), as before. The readings are made before the indexing
 * clock starts (in ingest they are made by the parallel preparer).
 */
public final class SearchEvaluation {
    private static final ChineseConverter S2T = ChineseConverter.of(ConversionConfig.S2T);
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final int CLIENTS = 8;

    public record Article(String id, String date, String source, String title, String body, String url) {}

    record EvalQuery(String kind, String text, String target) {}

    private SearchEvaluation() {}

    public static void main(String[] args) throws Exception {
        Path file = SharedData.require("data/cctv-xwlb/articles.jsonl");
        boolean indexSegments = java.util.Arrays.asList(args).contains("--index-segments");
        args = java.util.Arrays.stream(args).filter(a -> !a.equals("--index-segments")).toArray(String[]::new);
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        List<Article> articles = load(file);
        System.out.printf(Locale.ROOT, "search-eval: %,d articles from %s%n", articles.size(), file);

        Random random = new Random(20261125L);
        Set<String> traditional = new HashSet<>();
        for (Article a : articles) {
            if (random.nextInt(100) == 0) {
                traditional.add(a.id());
            }
        }
        // What each article looks like in the index, and folded for ground truth.
        List<Article> stored = articles.stream().map(a -> traditional.contains(a.id())
                ? new Article(a.id(), a.date(), a.source(), S2T.convert(a.title()), S2T.convert(a.body()), a.url())
                : a).toList();
        List<String> folded = stored.stream().map(a -> fold(a.title() + "\n" + a.body())).toList();
        Corpus corpus = new Corpus(stored, folded);

        List<EvalQuery> queries = generate(articles, traditional, corpus, perKind, new Random(seed));
        Map<String, Long> perKindCount = new LinkedHashMap<>();
        queries.forEach(q -> perKindCount.merge(q.kind(), 1L, Long::sum));
        System.out.println("queries: " + queries.size() + " " + perKindCount + " (seed " + seed + ")");

        // HUIXUN_EVAL_DIR keeps the two indexes between runs (for iterating on query code); default: a temp dir.
        String keep = System.getenv("HUIXUN_EVAL_DIR");
        Path work = keep != null ? Path.of(keep) : Files.createTempDirectory("huixun-search-eval");
        boolean reuse = keep != null && Files.isDirectory(work.resolve("smartcn"));
        try {
            Path ours = work.resolve("huixun");
            Path smart = work.resolve("smartcn");
            long bytes = stored.stream().mapToLong(a -> (a.title() + a.body()).getBytes(StandardCharsets.UTF_8).length)
                    .sum();
            // The words understanding segmented (segment once), unless the index is to segment itself.
            List<io.huixun.search.KnownWords> words = stored.stream().map(a -> io.huixun.search.KnownWords.NONE)
                    .toList();
            if (!reuse && !indexSegments) {
                long r0 = System.nanoTime();
                io.huixun.nlp.ArticleAnalyzer analyzer = new io.huixun.nlp.ArticleAnalyzer();
                words = stored.parallelStream().map(a -> {
                    var r = analyzer.read(a.title(), a.body(), LocalDate.parse(a.date()));
                    return new io.huixun.search.KnownWords(r.titleWords(), r.bodyWords());
                }).toList();
                System.out.printf(Locale.ROOT, "words: from the understanding stage (segment once), read in %.1f s%n",
                        (System.nanoTime() - r0) / 1e9);
            } else {
                System.out.println("words: " + (reuse ? "(index reused)" : "segmented by the index itself"));
            }
            // Index ours.
            long t0 = System.nanoTime();
            if (!reuse) try (LuceneSearchIndex index = LuceneSearchIndex.open(ours)) {
                for (int i = 0; i < stored.size(); i++) {
                    Article a = stored.get(i);
                    index.put(SearchDocument.of(a.id(), a.url(), a.title(), a.body(), a.source(),
                            OffsetDateTime.of(LocalDate.parse(a.date()).atTime(19, 0), SHANGHAI)), words.get(i));
                }
                index.commit();
            }
            double oursSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            if (!reuse) {
                indexSmartcn(smart, stored);
            } else {
                System.out.println("(indexes reused from " + work + ": indexing times below are meaningless)");
            }
            double smartSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.println();
            System.out.println("## Indexing (one thread, " + String.format(Locale.ROOT, "%,d", stored.size())
                    + " articles, " + String.format(Locale.ROOT, "%.1f", bytes / 1e6) + " MB UTF-8 title+body)");
            System.out.println("| index | time | docs/s | MB/s | size on disk |");
            System.out.println("|---|---|---|---|---|");
            row("Huixun (words + bigrams, folded)", oursSeconds, stored.size(), bytes, size(ours));
            row("smartcn alone", smartSeconds, stored.size(), bytes, size(smart));

            try (LuceneSearchIndex index = LuceneSearchIndex.open(ours);
                    DirectoryReader smartReader = DirectoryReader.open(FSDirectory.open(smart))) {
                IndexSearcher smartSearcher = new IndexSearcher(smartReader);
                Map<String, Function<EvalQuery, List<String>>> systems = new LinkedHashMap<>();
                for (MatchFields f : MatchFields.values()) {
                    systems.put("Huixun " + f.name().toLowerCase(Locale.ROOT), q -> ours(index, q.text(), f, false));
                }
                systems.put("smartcn", q -> smartcn(smartSearcher, q.text()));
                relevance(queries, systems);
                crossScript(queries, systems.get("Huixun both"));
                boundaryFalseHits(stored, index, perKind, new Random(seed + 1));

                System.out.println();
                System.out.println("## Query latency (" + CLIENTS + " client threads in-process, each runs all "
                        + queries.size() + " queries once after one warm-up pass)");
                System.out.println("| system | request | p50 ms | p99 ms | queries/s |");
                System.out.println("|---|---|---|---|---|");
                latency("Huixun both", "top 10 + snippets + source/day facets", queries,
                        q -> ours(index, q.text(), MatchFields.BOTH, true));
                latency("Huixun both", "top 10 + snippets", queries,
                        q -> ours(index, q.text(), MatchFields.BOTH, false));
                latency("smartcn", "top 10 ids", queries, q -> smartcn(smartSearcher, q.text()));
            }
        } finally {
            if (keep == null) try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The evaluation's data and queries for other runners (the OpenSearch benchmark), built exactly as {@link #main}
     * builds them: same seeded 1% in traditional script, same generated queries for a seed.
     *
     * @param documents the pool as indexed
     * @param queries   the generated query texts
     * @param targets   for each query, the id of the article it was generated from
     * @param bytes     UTF-8 bytes of titles and bodies
     */
    public record Workload(List<SearchDocument> documents, List<String> queries, List<String> targets, long bytes) {}

    public static Workload workload(Path file, int perKind, long seed) throws IOException {
        List<Article> articles = load(file);
        Random random = new Random(20261125L);
        Set<String> traditional = new HashSet<>();
        for (Article a : articles) {
            if (random.nextInt(100) == 0) {
                traditional.add(a.id());
            }
        }
        List<Article> stored = articles.stream().map(a -> traditional.contains(a.id())
                ? new Article(a.id(), a.date(), a.source(), S2T.convert(a.title()), S2T.convert(a.body()), a.url())
                : a).toList();
        List<String> folded = stored.stream().map(a -> fold(a.title() + "\n" + a.body())).toList();
        List<EvalQuery> queries = generate(articles, traditional, new Corpus(stored, folded), perKind,
                new Random(seed));
        List<SearchDocument> docs = stored.stream().map(a -> SearchDocument.of(a.id(), a.url(), a.title(), a.body(),
                a.source(), OffsetDateTime.of(LocalDate.parse(a.date()).atTime(19, 0), SHANGHAI))).toList();
        long bytes = stored.stream().mapToLong(a -> (a.title() + a.body()).getBytes(StandardCharsets.UTF_8).length)
                .sum();
        return new Workload(docs, queries.stream().map(EvalQuery::text).toList(),
                queries.stream().map(EvalQuery::target).toList(), bytes);
    }

    // ---- data ----

    public static List<Article> load(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Article> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode a = json.readTree(line);
                out.add(new Article(a.path("id").asText(), a.path("date").asText(), a.path("source").asText(),
                        a.path("title").asText(), a.path("body").asText(), a.path("url").asText()));
            }
        }
        return out;
    }

    /** The index's own folding ({@link TextFold#forMatchingText}): ground truth sees the text as the index does. */
    static String fold(String s) {
        return TextFold.forMatchingText(s);
    }

    /** Substring ground truth over the folded pool. */
    record Corpus(List<Article> articles, List<String> folded) {
        /** Indexes of articles containing every string, stopping after {@code limit + 1}. */
        List<Integer> containingAll(List<String> parts, int limit) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < folded.size() && out.size() <= limit; i++) {
                String text = folded.get(i);
                if (parts.stream().allMatch(text::contains)) {
                    out.add(i);
                }
            }
            return out;
        }
    }

    static List<EvalQuery> generate(List<Article> original, Set<String> traditional, Corpus corpus, int perKind,
            Random random) {
        List<EvalQuery> out = new ArrayList<>();
        List<Integer> simplifiedIdx = new ArrayList<>();
        List<Integer> traditionalIdx = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            (traditional.contains(original.get(i).id()) ? traditionalIdx : simplifiedIdx).add(i);
        }
        phrases(out, "phrase", original, simplifiedIdx, corpus, perKind, random, Function.identity(), false);
        phrases(out, "phrase-trad", original, simplifiedIdx, corpus, perKind, random, S2T::convert, true);
        phrases(out, "phrase-rev", original, traditionalIdx, corpus, Math.min(perKind, traditionalIdx.size()), random,
                Function.identity(), true);
        wordQueries(out, original, simplifiedIdx, corpus, perKind, random);
        return out;
    }

    private static void phrases(List<EvalQuery> out, String kind, List<Article> original, List<Integer> pool,
            Corpus corpus, int want, Random random, Function<String, String> script, boolean mustChangeScript) {
        int made = 0;
        Set<Integer> used = new HashSet<>();
        for (int attempt = 0; made < want && attempt < want * 50; attempt++) {
            int idx = pool.get(random.nextInt(pool.size()));
            if (used.contains(idx)) {
                continue;
            }
            String body = original.get(idx).body();
            int len = 6 + random.nextInt(5);
            if (body.length() < len + 2) {
                continue;
            }
            int start = random.nextInt(body.length() - len);
            String window = body.substring(start, start + len);
            if (!window.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                continue;
            }
            if (mustChangeScript && S2T.convert(window).equals(window)) {
                continue;
            }
            String f = fold(window);
            List<Integer> hits = corpus.containingAll(List.of(f), 1);
            if (hits.size() != 1 || hits.get(0) != idx) {
                continue;
            }
            used.add(idx);
            out.add(new EvalQuery(kind, script.apply(window), original.get(idx).id()));
            made++;
        }
    }

    /**
     * Person + place and paraphrase queries. Their ground truth is by words, not substrings: a pair (or triple) of
     * words counts as present in an article when HanLP's segmentation of that article yields them as tokens. (A
     * substring test would call 10万台 an occurrence of the "person" 万台, which is exactly the false hit a
     * bigram index makes.) Candidates come from sampled articles; one segmentation pass over the pool then finds
     * every article that has all the candidate's words.
     */
    private static void wordQueries(List<EvalQuery> out, List<Article> original, List<Integer> pool, Corpus corpus,
            int want, Random random) {
        Segment ner = HanLP.newSegment().enablePlaceRecognize(true);
        record Candidate(String kind, List<String> words, String text, int target) {}
        List<Candidate> candidates = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (int attempt = 0; attempt < want * 12; attempt++) {
            int idx = pool.get(random.nextInt(pool.size()));
            if (!used.add(idx)) {
                continue;
            }
            Article a = original.get(idx);
            List<String> people = new ArrayList<>();
            List<String> places = new ArrayList<>();
            for (Term t : ner.seg(fold(a.title() + "\n" + a.body()))) {
                String n = t.nature.toString();
                if (!isHan(t.word) || t.word.length() < 2) {
                    continue;
                }
                if (n.startsWith("nr") && t.word.length() <= 4 && !people.contains(t.word)) {
                    people.add(t.word);
                } else if (n.startsWith("ns") && !places.contains(t.word)) {
                    places.add(t.word);
                }
            }
            Collections.shuffle(people, random);
            Collections.shuffle(places, random);
            for (String p : people.subList(0, Math.min(2, people.size()))) {
                for (String l : places.subList(0, Math.min(2, places.size()))) {
                    if (!p.contains(l) && !l.contains(p)) {
                        candidates.add(new Candidate("person+place", List.of(p, l), p + " " + l, idx));
                    }
                }
            }
            List<String> words = new ArrayList<>();
            for (Term t : ner.seg(fold(a.title()))) {
                String n = t.nature.toString();
                boolean content = n.startsWith("n") || n.startsWith("v") || n.startsWith("a") || n.startsWith("g");
                if (content && t.word.length() >= 2 && isHan(t.word) && !words.contains(t.word)) {
                    words.add(t.word);
                }
            }
            if (words.size() >= 3) {
                Collections.shuffle(words, random);
                List<String> pick = List.copyOf(words.subList(0, 3));
                candidates.add(new Candidate("paraphrase", pick, String.join(" ", pick), idx));
            }
        }
        Set<String> needed = new HashSet<>();
        candidates.forEach(c -> needed.addAll(c.words()));
        Map<String, java.util.BitSet> postings = new java.util.HashMap<>();
        for (int i = 0; i < corpus.folded().size(); i++) {
            for (Term t : ner.seg(corpus.folded().get(i))) {
                if (needed.contains(t.word)) {
                    postings.computeIfAbsent(t.word, k -> new java.util.BitSet()).set(i);
                }
            }
        }
        Map<String, Integer> made = new java.util.HashMap<>();
        Set<Integer> targets = new HashSet<>();
        for (Candidate c : candidates) {
            if (made.getOrDefault(c.kind(), 0) >= want || targets.contains(c.target())) {
                continue;
            }
            java.util.BitSet docs = null;
            for (String w : c.words()) {
                java.util.BitSet b = postings.getOrDefault(w, new java.util.BitSet());
                if (docs == null) {
                    docs = (java.util.BitSet) b.clone();
                } else {
                    docs.and(b);
                }
            }
            int limit = c.kind().equals("person+place") ? 1 : 3;
            if (docs == null || !docs.get(c.target()) || docs.cardinality() > limit) {
                continue;
            }
            out.add(new EvalQuery(c.kind(), c.text(), original.get(c.target()).id()));
            made.merge(c.kind(), 1, Integer::sum);
            targets.add(c.target());
        }
    }

    private static boolean isHan(String s) {
        return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    // ---- systems ----

    static List<String> ours(LuceneSearchIndex index, String query, MatchFields fields, boolean facets) {
        SearchRequest request = SearchRequest.of(query);
        if (facets) {
            request = request.withFacets(Set.of(FacetKind.SOURCE, FacetKind.DAY));
        }
        SearchResult result = index.search(request, fields);
        if (!(result instanceof SearchResponse response)) {
            throw new IllegalStateException("query refused: " + query + ": " + result);
        }
        return response.hits().stream().map(SearchHit::id).toList();
    }

    public static void indexSmartcn(Path dir, List<Article> stored) throws IOException {
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir),
                new IndexWriterConfig(new SmartChineseAnalyzer()).setRAMBufferSizeMB(64))) {
            for (Article a : stored) {
                Document d = new Document();
                d.add(new StringField("id", a.id(), Field.Store.YES));
                d.add(new TextField("title", a.title(), Field.Store.YES));
                d.add(new TextField("body", a.body(), Field.Store.YES));
                writer.addDocument(d);
            }
            writer.commit();
        }
    }

    private static final ThreadLocal<MultiFieldQueryParser> SMART_PARSER = ThreadLocal.withInitial(() -> {
        MultiFieldQueryParser p = new MultiFieldQueryParser(new String[] {"title", "body"},
                new SmartChineseAnalyzer(), Map.of("title", 2f, "body", 1f));
        p.setDefaultOperator(QueryParser.Operator.AND);
        return p;
    });

    static List<String> smartcn(IndexSearcher searcher, String text) {
        try {
            Query q = SMART_PARSER.get().parse(QueryParser.escape(text));
            List<String> ids = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc d : searcher.search(q, 10).scoreDocs) {
                ids.add(stored.document(d.doc).get("id"));
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException("smartcn query failed: " + text, e);
        }
    }

    // ---- reports ----

    static void relevance(List<EvalQuery> queries, Map<String, Function<EvalQuery, List<String>>> systems) {
        List<String> kinds = queries.stream().map(EvalQuery::kind).distinct().toList();
        System.out.println();
        System.out.println("## Relevance: recall@10 / MRR@10 (" + queries.size() + " queries)");
        StringBuilder head = new StringBuilder("| system | all |");
        StringBuilder line = new StringBuilder("|---|---|");
        for (String k : kinds) {
            head.append(' ').append(k).append(" (").append(queries.stream().filter(q -> q.kind().equals(k)).count())
                    .append(") |");
            line.append("---|");
        }
        System.out.println(head);
        System.out.println(line);
        Map<String, int[]> ranks = new LinkedHashMap<>();
        for (var system : systems.entrySet()) {
            Map<String, double[]> sums = new LinkedHashMap<>();
            int[] mine = new int[queries.size()];
            ranks.put(system.getKey(), mine);
            for (int qi = 0; qi < queries.size(); qi++) {
                EvalQuery q = queries.get(qi);
                int rank = system.getValue().apply(q).indexOf(q.target()) + 1;
                mine[qi] = rank == 0 ? 99 : rank;
                for (String key : List.of("all", q.kind())) {
                    double[] s = sums.computeIfAbsent(key, k -> new double[3]);
                    s[0] += rank > 0 ? 1 : 0;
                    s[1] += rank > 0 ? 1.0 / rank : 0;
                    s[2]++;
                }
            }
            StringBuilder row = new StringBuilder("| " + system.getKey() + " |");
            for (String key : Stream.concat(Stream.of("all"), kinds.stream()).toList()) {
                double[] s = sums.get(key);
                row.append(String.format(Locale.ROOT, " %.3f / %.3f |", s[0] / s[2], s[1] / s[2]));
            }
            System.out.println(row);
        }
        int[] both = ranks.get("Huixun both");
        int[] words = ranks.get("Huixun words");
        int[] grams = ranks.get("Huixun bigrams");
        if (both != null && words != null && grams != null) {
            System.out.println();
            System.out.println("Queries where both fields rank the article lower than one field alone (rank 99 = not"
                    + " in the top 10), first 10:");
            int shown = 0;
            for (int i = 0; i < queries.size() && shown < 10; i++) {
                if (both[i] > Math.min(words[i], grams[i])) {
                    System.out.printf(Locale.ROOT, "  %s: both %d, words %d, bigrams %d%n", queries.get(i), both[i],
                            words[i], grams[i]);
                    shown++;
                }
            }
        }
    }

    /**
     * The 和服 trap on real data: two-character words (nouns from sampled titles) as queries; a top-10 hit is false
     * when the word occurs in the article only across a word boundary (和|服务), judged by the same segmentation the
     * index uses (HanLP with place recognition, title and body apart).
     */
    static void boundaryFalseHits(List<Article> stored, LuceneSearchIndex index, int want, Random random) {
        Segment seg = HanLP.newSegment().enablePlaceRecognize(true);
        Map<String, Article> byId = new java.util.HashMap<>();
        stored.forEach(a -> byId.put(a.id(), a));
        Set<String> words = new java.util.LinkedHashSet<>();
        for (int attempt = 0; words.size() < want && attempt < want * 50; attempt++) {
            Article a = stored.get(random.nextInt(stored.size()));
            for (Term t : seg.seg(fold(a.title()))) {
                if (t.word.length() == 2 && isHan(t.word) && t.nature.toString().startsWith("n") && words.size() < want) {
                    words.add(t.word);
                }
            }
        }
        System.out.println();
        System.out.println("## Two-character word queries: hits where the word occurs only across a word boundary ("
                + words.size() + " nouns from sampled titles, top 10 each)");
        System.out.println("| system | hits | false hits | share |");
        System.out.println("|---|---|---|---|");
        for (MatchFields f : List.of(MatchFields.BIGRAMS, MatchFields.BOTH)) {
            long hits = 0;
            long falseHits = 0;
            for (String w : words) {
                for (String id : ours(index, w, f, false)) {
                    hits++;
                    Article a = byId.get(id);
                    if (!insideAWord(seg, fold(a.title()), w) && !insideAWord(seg, fold(a.body()), w)) {
                        falseHits++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| Huixun %s | %d | %d | %.1f%% |%n", f.name().toLowerCase(Locale.ROOT),
                    hits, falseHits, 100.0 * falseHits / Math.max(1, hits));
        }
    }

    private static boolean insideAWord(Segment seg, String text, String word) {
        if (!text.contains(word)) {
            return false;
        }
        for (Term t : seg.seg(text)) {
            if (t.word.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static void crossScript(List<EvalQuery> queries, Function<EvalQuery, List<String>> system) {
        List<EvalQuery> cross = queries.stream().filter(q -> q.kind().equals("phrase-trad")
                || q.kind().equals("phrase-rev")).toList();
        long found = cross.stream().filter(q -> system.apply(q).contains(q.target())).count();
        System.out.println();
        System.out.printf(Locale.ROOT, "Cross-script (traditional query → simplified article, and simplified query → "
                + "traditional article): %d / %d found in the top 10 (%.1f%%)%n", found, cross.size(),
                100.0 * found / cross.size());
        cross.stream().filter(q -> !system.apply(q).contains(q.target())).limit(10)
                .forEach(q -> System.out.println("  missed: " + q));
    }

    static void latency(String name, String what, List<EvalQuery> queries, Function<EvalQuery, List<String>> run)
            throws Exception {
        queries.forEach(run::apply); // warm-up
        ConcurrentLatency l = ConcurrentLatency.measure(queries, CLIENTS, run::apply);
        System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.0f |%n", name, what, l.percentileMillis(0.5),
                l.percentileMillis(0.99), l.perSecond());
    }

    static void row(String name, double seconds, int docs, long bytes, long size) {
        System.out.printf(Locale.ROOT, "| %s | %.1f s | %,.0f | %.2f | %.1f MB |%n", name, seconds, docs / seconds,
                bytes / 1e6 / seconds, size / 1e6);
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}

package io.huixun.search.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huixun.search.FacetCount;
import io.huixun.search.FacetKind;
import io.huixun.search.HighlightedText;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchIndex;
import io.huixun.search.SearchIndexException;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.SortOrder;
import io.huixun.search.semantics.SearchSemantics;
import io.huixun.search.semantics.WarmUp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The OpenSearch {@link SearchIndex}: one index on a cluster, reached through the opensearch-java client.
 *
 * <p>Design note. Text is analysed in Huixun, not in OpenSearch: each document is folded and segmented by
 * {@link SearchSemantics} (the embedded index's code) and its word and bigram terms are sent as term lists that the
 * index only splits ({@link QueryDsl#SEP}); queries are translated by the same code and rewritten into DSL
 * ({@link QueryDsl}); snippets are cut client-side from the stored text with the same snippet code. So both back-ends
 * match the same documents for every query, and on one shard (or with DFS statistics, which this class asks for)
 * score them alike. Example: {@code put(doc("a", "我们和服务员", …))} indexes {@code title_w = "我们␟和␟服务员"},
 * {@code title_b = "我们␟们|和␟和|服␟服务␟务员"}; {@code search("和服")} does not match it, as in Lucene.
 *
 * <p>Writes: {@link #put} and {@link #delete} are buffered and sent with the bulk API in batches of {@link #BATCH};
 * a search, count or id listing first sends the buffer and refreshes (so a thread sees its own writes, as with the
 * embedded index). {@link #commit} returns only when every buffered write is acknowledged by the cluster (written to
 * the primary and its in-sync replicas, translog fsynced, OpenSearch's default {@code index.translog.durability:
 * request}) and refreshed: a committed document survives the loss of any one node when the index has a replica.
 * Transient failures (a node gone, a shard being promoted: connection errors, 429, 5xx, unavailable shards) are
 * retried for up to {@link #RETRY_MILLIS} ms; writes are idempotent (by id), so a retry never duplicates.
 *
 * <p>Thread-safe: searches run concurrently with each other and with writes. {@link #close} must not race other
 * calls; it closes the client, not the index on the cluster.
 */
public final class OpenSearchIndex implements SearchIndex {
    /** Writes per bulk request. */
    static final int BATCH = 500;
    /** How long a request is retried while the cluster recovers from a lost node. */
    static final long RETRY_MILLIS = 60_000;
    /**
     * How long opening tries to reach any node at all: a cluster that refuses every connection (not started, wrong
     * port) is reported within seconds instead of after {@link #RETRY_MILLIS}. Once reached, the usual retries apply.
     */
    static final long OPEN_REACH_MILLIS = 5_000;
    private static final int IDS_PAGE = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenSearchTransport transport;
    private final OpenSearchGenericClient client;
    private final String index;
    private final List<String> pending = new ArrayList<>();
    private final Object writeLock = new Object();
    private final AtomicBoolean changed = new AtomicBoolean();
    /** Whether the index has several shards: then searches gather global term statistics first (DFS). */
    private volatile boolean sharded;

    /**
     * Where the index lives and how it is laid out when it has to be created.
     *
     * @param hosts    {@code host:port} of one or more nodes (the client spreads requests and fails over)
     * @param index    the index name
     * @param shards   primary shards of a new index
     * @param replicas replicas per shard of a new index
     */
    public record Target(List<String> hosts, String index, int shards, int replicas) {
        public Target {
            hosts = List.copyOf(hosts);
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("an OpenSearch target needs at least one host:port");
            }
            if (!index.matches("[a-z0-9][a-z0-9_.-]*")) {
                throw new IllegalArgumentException("'" + index + "' is not a valid OpenSearch index name"
                        + " (lower-case letters, digits, '_', '.', '-')");
            }
            if (shards < 1 || replicas < 0) {
                throw new IllegalArgumentException("shards must be 1 or more and replicas 0 or more");
            }
        }

        /**
         * Parses {@code opensearch://host:port,host:port[/index][?shards=N&replicas=M]}; defaults: index
         * {@code huixun}, 1 shard, 1 replica when several hosts are given, else 0.
         */
        public static Target parse(String location) {
            String rest = location.strip();
            if (!rest.startsWith("opensearch://")) {
                throw new IllegalArgumentException("expected opensearch://host:port,…[/index], got '" + location + "'");
            }
            rest = rest.substring("opensearch://".length());
            Map<String, String> options = new HashMap<>();
            int q = rest.indexOf('?');
            if (q >= 0) {
                for (String kv : rest.substring(q + 1).split("&")) {
                    String[] p = kv.split("=", 2);
                    options.put(p[0], p.length > 1 ? p[1] : "");
                }
                rest = rest.substring(0, q);
            }
            int slash = rest.indexOf('/');
            String name = slash >= 0 && slash + 1 < rest.length() ? rest.substring(slash + 1) : "huixun";
            String hostList = slash >= 0 ? rest.substring(0, slash) : rest;
            List<String> hosts = new ArrayList<>();
            for (String h : hostList.split(",")) {
                if (!h.isBlank()) {
                    if (!h.strip().matches("[^:/\\s]+:\\d{1,5}")) {
                        throw new IllegalArgumentException("'" + h.strip() + "' in '" + location
                                + "' is not host:port");
                    }
                    hosts.add(h.strip());
                }
            }
            try {
                int shards = Integer.parseInt(options.getOrDefault("shards", "1"));
                int replicas = Integer.parseInt(options.getOrDefault("replicas", hosts.size() > 1 ? "1" : "0"));
                return new Target(hosts, name, shards, replicas);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shards and replicas must be numbers in '" + location + "'", e);
            }
        }
    }

    private OpenSearchIndex(Target target) {
        HttpHost[] hosts = target.hosts().stream().map(h -> {
            int colon = h.lastIndexOf(':');
            return new HttpHost("http", h.substring(0, colon), Integer.parseInt(h.substring(colon + 1)));
        }).toArray(HttpHost[]::new);
        this.transport = ApacheHttpClient5TransportBuilder.builder(hosts).setMapper(new JacksonJsonpMapper())
                .build();
        this.client = new OpenSearchGenericClient(transport);
        this.index = target.index();
    }

    /**
     * Connects to the cluster and creates the index if it does not exist (several Huixun nodes may race to create it;
     * the loser uses the winner's).
     *
     * @throws SearchIndexException when the cluster cannot be reached or refuses the index
     */
    public static OpenSearchIndex open(Target target) {
        OpenSearchIndex idx = new OpenSearchIndex(target);
        try {
            idx.createIfMissing(target);
            return idx;
        } catch (RuntimeException e) {
            idx.close();
            throw e;
        }
    }

    /** {@link #open(Target)} of {@link Target#parse}. */
    public static OpenSearchIndex open(String location) {
        return open(Target.parse(location));
    }

    /** The index name on the cluster. */
    public String indexName() {
        return index;
    }

    private void createIfMissing(Target target) {
        Reply exists;
        try {
            exists = call("HEAD", "/" + index, Map.of(), null, true, OPEN_REACH_MILLIS);
        } catch (Unreachable e) {
            throw new SearchIndexException("OpenSearch at " + String.join(", ", target.hosts()) + " cannot be reached"
                    + " (" + e.getMessage() + "; tried for " + OPEN_REACH_MILLIS / 1000 + " s): start it, or check"
                    + " the opensearch:// address", e.getCause());
        }
        if (exists.status() == 200) {
            JsonNode settings = call("GET", "/" + index + "/_settings", Map.of(), null, false).json();
            sharded = settings.path(index).path("settings").path("index").path("number_of_shards").asInt(1) > 1;
            // An index made before the word starts were stored gets their fields (adding fields is allowed).
            ObjectNode mapping = JSON.createObjectNode();
            wordStartFields(mapping.putObject("properties"));
            call("PUT", "/" + index + "/_mapping", Map.of(), mapping.toString(), false);
            return;
        }
        sharded = target.shards() > 1;
        Reply created = call("PUT", "/" + index, Map.of(), definition(target.shards(), target.replicas()), true);
        if (created.status() >= 300 && !created.text().contains("resource_already_exists_exception")) {
            throw new SearchIndexException("OpenSearch refused to create index " + index + ": " + created.text(),
                    null);
        }
        // Wait until the primaries are allocated, so the first writes do not wait on the cluster.
        call("GET", "/_cluster/health/" + index, Map.of("wait_for_status", "yellow", "timeout", "60s"), null, true);
    }

    /** Settings and mappings: splitting-only analyzers for the pre-analysed term fields, keywords for values. */
    static String definition(int shards, int replicas) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode settings = root.putObject("settings");
        settings.put("number_of_shards", shards);
        settings.put("number_of_replicas", replicas);
        ObjectNode analysis = settings.putObject("analysis");
        analysis.putObject("tokenizer").putObject(QueryDsl.TERMS_ANALYZER).put("type", "pattern")
                .put("pattern", String.valueOf(QueryDsl.SEP));
        ObjectNode capture = analysis.putObject("filter").putObject(QueryDsl.ALTERNATIVES_ANALYZER);
        capture.put("type", "pattern_capture").put("preserve_original", false);
        capture.putArray("patterns").add("([^" + QueryDsl.ALT + "]+)");
        ObjectNode analyzers = analysis.putObject("analyzer");
        analyzers.putObject(QueryDsl.TERMS_ANALYZER).put("type", "custom").put("tokenizer", QueryDsl.TERMS_ANALYZER);
        ObjectNode alt = analyzers.putObject(QueryDsl.ALTERNATIVES_ANALYZER);
        alt.put("type", "custom").put("tokenizer", QueryDsl.TERMS_ANALYZER);
        alt.putArray("filter").add(QueryDsl.ALTERNATIVES_ANALYZER);

        ObjectNode mappings = root.putObject("mappings");
        mappings.put("dynamic", "strict");
        ArrayNode excludes = mappings.putObject("_source").putArray("excludes");
        SearchSemantics.TERM_FIELDS.forEach(excludes::add);
        ObjectNode props = mappings.putObject("properties");
        for (String shown : List.of(Fields.URL, Fields.TITLE, Fields.BODY, Fields.SOURCE_SHOWN, Fields.PUBLISHED)) {
            props.putObject(shown).put("type", "text").put("index", false);
        }
        for (String field : SearchSemantics.TERM_FIELDS) {
            props.putObject(field).put("type", "text").put("analyzer", QueryDsl.TERMS_ANALYZER)
                    .put("index_options", "positions");
        }
        for (String field : SearchSemantics.VALUE_FIELDS) {
            props.putObject(field).put("type", "keyword");
        }
        wordStartFields(props);
        props.putObject(SearchSemantics.PUBLISHED_MS).put("type", "long");
        props.putObject(SearchSemantics.DAY).put("type", "integer");
        props.putObject(Fields.DAY_DATE).put("type", "date").put("format", "yyyy-MM-dd");
        return root.toString();
    }

    /** The stored word starts of title and body (base64, not indexed): snippets read them instead of segmenting. */
    private static void wordStartFields(ObjectNode props) {
        for (String f : List.of(SearchSemantics.TITLE_WORD_STARTS, SearchSemantics.BODY_WORD_STARTS)) {
            props.putObject(f).put("type", "binary");
        }
    }

    /** Names of the fields only this back-end has (display copies and the date-histogram day). */
    static final class Fields {
        static final String URL = "url";
        static final String TITLE = "title";
        static final String BODY = "body";
        static final String SOURCE_SHOWN = "source_shown";
        static final String PUBLISHED = "published";
        static final String DAY_DATE = "day_date";

        private Fields() {}
    }

    // ---- writes ----

    @Override
    public void put(SearchDocument d) {
        put(d, io.huixun.search.KnownWords.NONE);
    }

    @Override
    public void put(SearchDocument d, io.huixun.search.KnownWords words) {
        SearchSemantics.Analysed a = SearchSemantics.analyse(d, words);
        ObjectNode source = JSON.createObjectNode();
        source.put(Fields.URL, d.url());
        source.put(Fields.TITLE, d.title());
        source.put(Fields.BODY, d.body());
        source.put(Fields.SOURCE_SHOWN, d.source());
        source.put(Fields.PUBLISHED, d.published().toString());
        source.put(SearchSemantics.PUBLISHED_MS, a.publishedMillis());
        source.put(SearchSemantics.DAY, a.dayNumber());
        source.put(Fields.DAY_DATE, a.day().toString());
        a.terms().forEach((field, terms) -> source.put(field, QueryDsl.joinTerms(terms)));
        a.wordStarts().forEach((field, bits) -> source.put(field, bits));
        a.values().forEach((field, values) -> {
            ArrayNode list = source.putArray(field);
            values.forEach(list::add);
        });
        enqueue(action("index", d.id()) + "\n" + source + "\n");
    }

    @Override
    public void delete(String id) {
        enqueue(action("delete", id) + "\n");
    }

    private String action(String kind, String id) {
        ObjectNode meta = JSON.createObjectNode();
        meta.putObject(kind).put("_index", index).put("_id", id);
        return meta.toString();
    }

    private void enqueue(String lines) {
        synchronized (writeLock) {
            pending.add(lines);
            changed.set(true);
            if (pending.size() >= BATCH) {
                flush();
            }
        }
    }

    /** Sends the buffered writes; returns when each is acknowledged (retrying the transient failures). */
    private void flush() {
        synchronized (writeLock) {
            List<String> batch = new ArrayList<>(pending);
            long deadline = System.currentTimeMillis() + RETRY_MILLIS;
            while (!batch.isEmpty()) {
                StringBuilder body = new StringBuilder();
                batch.forEach(body::append);
                Reply reply = call("POST", "/_bulk", Map.of(), body.toString(), false);
                JsonNode items = reply.json().path("items");
                List<String> retry = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    JsonNode result = items.path(i).elements().hasNext() ? items.path(i).elements().next() : null;
                    int status = result == null ? 500 : result.path("status").asInt(500);
                    boolean missingDelete = status == 404 && batch.get(i).startsWith("{\"delete\"");
                    if (status < 300 || missingDelete) {
                        continue;
                    }
                    if (transientStatus(status) && System.currentTimeMillis() < deadline) {
                        retry.add(batch.get(i));
                    } else {
                        throw new SearchIndexException("OpenSearch refused a write to " + index + " (status " + status
                                + "): " + (result == null ? reply.text() : result.path("error")), null);
                    }
                }
                if (!retry.isEmpty()) {
                    pause(200);
                }
                batch = retry;
            }
            pending.clear();
        }
    }

    @Override
    public void commit() {
        synchronized (writeLock) {
            flush();
            refresh();
            changed.set(false);
        }
    }

    private void refresh() {
        Reply r = call("POST", "/" + index + "/_refresh", Map.of(), null, false);
        if (r.json().path("_shards").path("failed").asInt(0) > 0) {
            throw new SearchIndexException("refresh of " + index + " failed on some shards: " + r.text(), null);
        }
    }

    /** Makes earlier writes of this client visible: the embedded index's "soon after they return". */
    private void catchUp() {
        if (changed.get()) {
            synchronized (writeLock) {
                if (changed.getAndSet(false)) {
                    flush();
                    refresh();
                }
            }
        }
    }

    // ---- reads ----

    @Override
    public long count() {
        catchUp();
        return call("GET", "/" + index + "/_count", Map.of(), null, false).json().path("count").asLong();
    }

    @Override
    public SortedSet<String> ids() {
        catchUp();
        SortedSet<String> ids = new TreeSet<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = JSON.createObjectNode();
            body.put("size", IDS_PAGE);
            body.put("_source", false);
            body.putObject("query").putObject("match_all");
            body.putArray("sort").addObject().put(SearchSemantics.ID, "asc");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = searchRaw(body, false).path("hits").path("hits");
            for (JsonNode h : hits) {
                ids.add(h.path("_id").asText());
                after = h.path("sort");
            }
            if (hits.size() < IDS_PAGE) {
                return Collections.unmodifiableSortedSet(ids);
            }
        }
    }

    @Override
    public SearchResult search(SearchRequest request) {
        SearchSemantics.Translation t;
        switch (SearchSemantics.translate(request)) {
            case SearchSemantics.Refused refused -> {
                return refused.problem();
            }
            case SearchSemantics.Translation ok -> t = ok;
        }
        if (SearchSemantics.tooManyClauses(t.query())) {
            return SearchSemantics.tooComplex(request.query(), 8_192);
        }
        catchUp();
        int limit = SearchRequest.TOTAL_EXACT_UP_TO;
        ObjectNode body = JSON.createObjectNode();
        body.set("query", QueryDsl.toDsl(t.query()));
        body.put("from", (request.page() - 1) * request.size());
        body.put("size", request.size());
        body.put("track_total_hits", limit);
        ArrayNode includes = body.putObject("_source").putArray("includes");
        for (String f : SHOWN) {
            includes.add(f);
        }
        ArrayNode sort = body.putArray("sort");
        if (request.sort() == SortOrder.TIME) {
            sort.addObject().put(SearchSemantics.PUBLISHED_MS, "desc");
        } else {
            sort.add("_score");
        }
        sort.addObject().put(SearchSemantics.ID, "asc"); // stable pages across shards
        ObjectNode aggs = body.putObject("aggs");
        if (request.collapseDuplicates()) {
            // Copies match too: each group (a canonical article and its copies) comes back once, as its best hit;
            // the number of groups is counted like the embedded index counts it (exact up to the limit).
            body.putObject("collapse").put("field", SearchSemantics.GROUP);
            aggs.putObject("GROUPS").putObject("cardinality").put("field", SearchSemantics.GROUP)
                    .put("precision_threshold", 3 * limit);
        }
        for (FacetKind kind : request.facets()) {
            if (kind == FacetKind.DAY) {
                aggs.putObject("DAY").putObject("date_histogram").put("field", Fields.DAY_DATE)
                        .put("calendar_interval", "day").put("min_doc_count", 1).put("format", "yyyy-MM-dd");
            } else {
                aggs.putObject(kind.name()).putObject("terms").put("field", facetField(kind))
                        .put("size", SearchSemantics.FACET_TOP).put("shard_size", 1_000);
            }
        }
        if (aggs.isEmpty()) {
            body.remove("aggs");
        }
        JsonNode reply;
        try {
            reply = searchRaw(body, sharded);
        } catch (TooComplex e) {
            return SearchSemantics.tooComplex(request.query(), 8_192);
        }
        List<JsonNode> found = new ArrayList<>();
        reply.path("hits").path("hits").forEach(found::add);
        Map<String, List<JsonNode>> copies = Map.of();
        if (request.collapseDuplicates()) {
            found = canonicalArticles(found);
            copies = copies(found);
        }
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode h : found) {
            hits.add(hit(h, t.highlights(), copies.getOrDefault(h.path("_id").asText(), List.of()),
                    request.sort() == SortOrder.TIME));
        }
        Map<FacetKind, List<FacetCount>> facets = new EnumMap<>(FacetKind.class);
        for (FacetKind kind : request.facets()) {
            List<FacetCount> counts = new ArrayList<>();
            for (JsonNode b : reply.path("aggregations").path(kind.name()).path("buckets")) {
                long n = b.path("doc_count").asLong();
                if (n > 0) {
                    counts.add(new FacetCount(kind == FacetKind.DAY ? b.path("key_as_string").asText()
                            : b.path("key").asText(), n));
                }
            }
            facets.put(kind, List.copyOf(counts));
        }
        JsonNode totalHits = reply.path("hits").path("total");
        long total = totalHits.path("value").asLong();
        boolean lowerBound = "gte".equals(totalHits.path("relation").asText());
        if (request.collapseDuplicates()) {
            long groups = reply.path("aggregations").path("GROUPS").path("value").asLong();
            lowerBound = groups >= limit;
            total = Math.min(groups, limit);
        } else if (lowerBound) {
            total = limit;
        }
        return new SearchResponse(total, request.page(), request.size(), hits, facets, t.notes(), lowerBound, false);
    }

    /** Fields read from {@code _source} for a hit. */
    private static final List<String> SHOWN = List.of(Fields.URL, Fields.TITLE, Fields.BODY, Fields.SOURCE_SHOWN,
            Fields.PUBLISHED, SearchSemantics.ID, SearchSemantics.GROUP, "teaser", SearchSemantics.TITLE_WORD_STARTS,
            SearchSemantics.BODY_WORD_STARTS);

    /**
     * Each collapsed hit as its canonical article: a hit on a copy is replaced by the article it copies (one lookup
     * for the page), keeping the copy's score; a copy whose canonical article is missing stays as it is.
     */
    private List<JsonNode> canonicalArticles(List<JsonNode> hits) {
        List<String> wanted = new ArrayList<>();
        for (JsonNode h : hits) {
            String group = h.path("_source").path(SearchSemantics.GROUP).path(0).asText();
            if (!group.isEmpty() && !group.equals(h.path("_id").asText())) {
                wanted.add(group);
            }
        }
        if (wanted.isEmpty()) {
            return hits;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode ids = body.putObject("query").putObject("terms").putArray(SearchSemantics.ID);
        wanted.forEach(ids::add);
        body.put("size", wanted.size());
        ArrayNode includes = body.putObject("_source").putArray("includes");
        SHOWN.forEach(includes::add);
        Map<String, JsonNode> canonical = new HashMap<>();
        for (JsonNode c : searchRaw(body, false).path("hits").path("hits")) {
            canonical.put(c.path("_id").asText(), c);
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode h : hits) {
            JsonNode c = canonical.get(h.path("_source").path(SearchSemantics.GROUP).path(0).asText());
            if (c == null || c.path("_id").asText().equals(h.path("_id").asText())) {
                out.add(h);
            } else {
                ObjectNode replaced = ((ObjectNode) c).deepCopy();
                replaced.set("_score", h.path("_score"));
                out.add(replaced);
            }
        }
        return out;
    }

    private static String facetField(FacetKind kind) {
        return switch (kind) {
            case SOURCE -> SearchSemantics.SOURCE;
            case PERSON -> SearchSemantics.PERSON;
            case PLACE -> SearchSemantics.PLACE;
            case ORGANISATION -> SearchSemantics.ORGANISATION;
            case DAY -> Fields.DAY_DATE;
        };
    }

    /** The duplicates of each hit (by canonical id), in one request. */
    private Map<String, List<JsonNode>> copies(List<JsonNode> hits) {
        if (hits.isEmpty()) {
            return Map.of();
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        ArrayNode groups = bool.putArray("filter").addObject().putObject("terms").putArray(SearchSemantics.GROUP);
        hits.forEach(h -> groups.add(h.path("_id").asText()));
        ((ArrayNode) bool.get("filter")).addObject().putObject("term").put(SearchSemantics.DUPLICATE, "1");
        body.put("size", Math.min(10_000, hits.size() * SearchSemantics.ALSO_AT_LIMIT));
        body.putObject("_source").putArray("includes").add(SearchSemantics.GROUP).add(Fields.SOURCE_SHOWN);
        body.putArray("sort").addObject().put(SearchSemantics.ID, "asc");
        Map<String, List<JsonNode>> out = new HashMap<>();
        for (JsonNode c : searchRaw(body, false).path("hits").path("hits")) {
            String group = c.path("_source").path(SearchSemantics.GROUP).path(0).asText();
            List<JsonNode> list = out.computeIfAbsent(group, g -> new ArrayList<>());
            if (list.size() < SearchSemantics.ALSO_AT_LIMIT) {
                list.add(c);
            }
        }
        return out;
    }

    private static SearchHit hit(JsonNode h, List<String> highlights, List<JsonNode> copies, boolean byTime) {
        JsonNode s = h.path("_source");
        String source = s.path(Fields.SOURCE_SHOWN).asText();
        String ownSource = SearchSemantics.foldValue(source);
        List<String> duplicateIds = new ArrayList<>();
        Set<String> otherSources = new LinkedHashSet<>();
        for (JsonNode c : copies) {
            duplicateIds.add(c.path("_id").asText());
            String other = SearchSemantics.foldValue(c.path("_source").path(Fields.SOURCE_SHOWN).asText());
            if (!other.equals(ownSource) && !other.isEmpty()) {
                otherSources.add(other);
            }
        }
        HighlightedText title = SearchSemantics.markAll(s.path(Fields.TITLE).asText(), highlights,
                bytes(s.path(SearchSemantics.TITLE_WORD_STARTS)));
        HighlightedText snippet = SearchSemantics.passage(s.path(Fields.BODY).asText(), highlights,
                bytes(s.path(SearchSemantics.BODY_WORD_STARTS)));
        float score = byTime || h.path("_score").isNull() ? 0f : (float) h.path("_score").asDouble();
        return new SearchHit(h.path("_id").asText(), s.path(Fields.URL).asText(), title, source,
                OffsetDateTime.parse(s.path(Fields.PUBLISHED).asText()), snippet, score, otherSources.size(),
                duplicateIds, "1".equals(s.path("teaser").path(0).asText()));
    }

    /** A base64 value of {@code _source}; null when absent (a document indexed before the field existed). */
    private static byte[] bytes(JsonNode base64) {
        if (!base64.isTextual()) {
            return null;
        }
        try {
            return java.util.Base64.getDecoder().decode(base64.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Representative searches for at most 8 s ({@link WarmUp}): JIT of the translation and snippet code. */
    @Override
    public void warmUp() {
        WarmUp.run(this, java.time.Duration.ofSeconds(8));
    }

    /** The cluster refused the query as too large (more clauses than its limit). */
    private static final class TooComplex extends RuntimeException {
        TooComplex(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Runs a search body; retried while some shard cannot answer, so that an answer always covers every document
     * (a node lost means a replica answers instead, after a moment).
     */
    private JsonNode searchRaw(ObjectNode body, boolean dfs) {
        long deadline = System.currentTimeMillis() + RETRY_MILLIS;
        Map<String, String> params = dfs ? Map.of("search_type", "dfs_query_then_fetch") : Map.of();
        while (true) {
            Reply r = call("POST", "/" + index + "/_search", params, body.toString(), true);
            if (r.status() == 400 && (r.text().contains("too_many_clauses") || r.text().contains("maxClauseCount"))) {
                throw new TooComplex(r.text());
            }
            JsonNode json = r.status() < 300 ? r.json() : null;
            boolean complete = json != null && json.path("_shards").path("failed").asInt(0) == 0
                    && !json.path("timed_out").asBoolean(false);
            if (complete) {
                return json;
            }
            if ((r.status() < 300 || transientStatus(r.status())) && System.currentTimeMillis() < deadline) {
                pause(200);
                continue;
            }
            throw new SearchIndexException("OpenSearch search on " + index + " failed (status " + r.status() + "): "
                    + abbreviate(r.text()), null);
        }
    }

    // ---- transport ----

    private record Reply(int status, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new SearchIndexException("OpenSearch answered with something that is not JSON: "
                        + abbreviate(text), e);
            }
        }
    }

    /**
     * One HTTP call with retries on connection failures and transient statuses. With {@code anyStatus}, a final
     * non-transient error status is returned to the caller; otherwise it is a {@link SearchIndexException}.
     */
    private Reply call(String method, String endpoint, Map<String, String> params, String body, boolean anyStatus) {
        try {
            return call(method, endpoint, params, body, anyStatus, RETRY_MILLIS);
        } catch (Unreachable e) {
            throw new SearchIndexException("OpenSearch " + method + " " + endpoint + " failed for " + RETRY_MILLIS / 1000
                    + " s: " + e.getMessage(), e.getCause());
        }
    }

    /**
     * {@link #call(String, String, Map, String, boolean)}, but connection failures are retried only for
     * {@code reachMillis} (then {@link Unreachable}); transient statuses of a reached node still for
     * {@link #RETRY_MILLIS}.
     */
    private Reply call(String method, String endpoint, Map<String, String> params, String body, boolean anyStatus,
                       long reachMillis) {
        long start = System.currentTimeMillis();
        long deadline = start + RETRY_MILLIS;
        IOException last = null;
        boolean reached = false;
        while (System.currentTimeMillis() < deadline && (reached || System.currentTimeMillis() < start + reachMillis)) {
            var builder = Requests.builder().method(method).endpoint(endpoint).query(params);
            if (body != null) {
                builder.body(Body.from(body.getBytes(StandardCharsets.UTF_8), endpoint.endsWith("_bulk")
                        ? "application/x-ndjson" : "application/json"));
            }
            try (Response response = client.execute(builder.build())) {
                String text = response.getBody().map(Body::bodyAsString).orElse("");
                int status = response.getStatus();
                reached = true;
                if (transientStatus(status) && System.currentTimeMillis() < deadline) {
                    pause(200);
                    continue;
                }
                if (status >= 300 && !anyStatus && !(method.equals("HEAD") && status == 404)) {
                    throw new SearchIndexException("OpenSearch " + method + " " + endpoint + " failed (status " + status
                            + "): " + abbreviate(text), null);
                }
                return new Reply(status, text);
            } catch (IOException e) {
                last = e; // node down or connection reset: the client tries the other nodes on the next attempt
                pause(250);
            }
        }
        throw new Unreachable(last);
    }

    /** No node answered in time; the message is the last connection error's ("Connection refused"). */
    private static final class Unreachable extends RuntimeException {
        Unreachable(IOException last) {
            super(last == null ? "no answer" : String.valueOf(last.getMessage()), last, false, false);
        }
    }

    private static boolean transientStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchIndexException("interrupted while waiting for OpenSearch", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }

    /** Drops the whole index from the cluster (for tests and {@code huixun migrate} retries). */
    public void drop() {
        synchronized (writeLock) {
            pending.clear();
            changed.set(false);
        }
        call("DELETE", "/" + index, Map.of(), null, true);
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new SearchIndexException("cannot close the OpenSearch client", e);
        }
    }
}

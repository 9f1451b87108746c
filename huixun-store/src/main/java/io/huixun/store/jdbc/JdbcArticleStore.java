package io.huixun.store.jdbc;

import io.huixun.dedup.CanonicalRank;
import io.huixun.dedup.Fingerprint;
import io.huixun.dedup.MinHashSignature;
import io.huixun.model.Dateline;
import io.huixun.nlp.Category;
import io.huixun.nlp.Entities;
import io.huixun.nlp.Understanding;
import io.huixun.store.ArticleStore;
import io.huixun.store.ArticleMedia;
import io.huixun.store.ArticleSummary;
import io.huixun.store.ContentHash;
import io.huixun.store.NewArticle;
import io.huixun.store.NewSource;
import io.huixun.store.OriginalContent;
import io.huixun.store.RecentFilter;
import io.huixun.store.SaveResult;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceHealth;
import io.huixun.store.SourceKind;
import io.huixun.store.StoreException;
import io.huixun.store.StoreLimits;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoredFingerprint;
import io.huixun.store.StoredUnderstanding;
import io.huixun.store.StoryMember;
import io.huixun.store.StoryRecord;
import io.huixun.store.StoryState;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The SQL and row mapping shared by the JDBC stores ({@code SqliteArticleStore}, {@code PostgresArticleStore}).
 *
 * <p>Design: every statement here is portable between SQLite (3.35+) and PostgreSQL (15): the schema keeps times as
 * epoch milliseconds in BIGINT columns, long unique values keyed by their SHA-256, lists one value per line, and the
 * only dialect differences in the migrations are the {@code ${identity}} and {@code ${blob}} placeholders. A back-end
 * supplies connections and transactions ({@link #write}, {@link #read}, {@link #streamConnection}) and the one
 * dialect clause that differs at run time ({@link #lockSkippingClause}). Uniqueness of URL (by its SHA-256) and of
 * the original's SHA-256 is enforced by the schema; a save looks both up first inside its write transaction and
 * inserts with {@code ON CONFLICT DO NOTHING}, so a row inserted meanwhile by another node (PostgreSQL waits for that
 * node's transaction) is answered with {@link SaveResult.AlreadyStored}, never with an error or a second row. Every
 * statement is prepared; no value is ever spliced into SQL.
 * Example: {@code save(a)} → {@code Inserted(id 7)}; {@code save(a)} again, here or on another node →
 * {@code AlreadyStored(id 7, URL)}.
 *
 * <p>Thread-safe as far as the back-end's {@link #write} and {@link #read} are.
 */
public abstract class JdbcArticleStore implements ArticleStore {
    private static final String ARTICLE_COLUMNS = "id, url, source_id, source, title, published_at, published_zone,"
            + " teaser, original, original_charset, content_hash, canonical_text, repair_log, dedup_key, minhash,"
            + " duplicate_of, ingested_at";
    private static final String SUMMARY_COLUMNS = "id, url, source, title, published_at, published_zone, teaser,"
            + " duplicate_of";
    private static final String SOURCE_COLUMNS = "id, name, url, kind, charset_override, refresh_seconds, added_at,"
            + " last_success_at, last_error, last_error_at, consecutive_failures, next_due_at, paused, etag,"
            + " last_modified";
    private static final String UNDERSTANDING_COLUMNS = "article_id, summary, category, keywords, people, places,"
            + " organisations, dateline_text, dateline_start, dateline_agency, dateline_place, dateline_date,"
            + " dateline_reporters, story_id";
    /** Lists are stored one value per line. */
    private static final String LIST_SEPARATOR = "\n";

    private final ArticleRules rules;
    private final Clock clock;
    private final JdbcReaderStore readers;

    protected JdbcArticleStore(StoreLimits limits, Clock clock) {
        this.rules = new ArticleRules(limits);
        this.clock = clock;
        this.readers = new JdbcReaderStore(this, clock);
    }

    @Override
    public io.huixun.store.reader.ReaderStore readers() {
        return readers;
    }

    /**
     * Brings the schema reached through {@code source} up to date with the shared migrations.
     *
     * @param identity the column type of a generated primary key in this dialect
     * @param blob     the column type of a byte string in this dialect
     */
    protected static void migrate(DataSource source, String identity, String blob) {
        Flyway.configure(JdbcArticleStore.class.getClassLoader())
                .dataSource(source)
                .locations("classpath:db/migration/common")
                .placeholders(Map.of("identity", identity, "blob", blob))
                .load()
                .migrate();
    }

    // ---------------------------------------------------------------- back-end hooks

    /** Runs {@code work} in one write transaction: committed when this returns, rolled back on any exception. */
    protected abstract <T> T write(SqlWork<T> work);

    /** Runs {@code work} on a connection that sees committed data. */
    protected abstract <T> T read(SqlWork<T> work);

    /** A new connection for one lazily read stream; the stream closes it. */
    protected abstract Connection streamConnection() throws SQLException;

    /** A one-line description of {@code e} for a {@link StoreException}. */
    protected abstract String describe(SQLException e);

    /**
     * The clause appended to the lease query's inner SELECT: {@code FOR UPDATE SKIP LOCKED} where several writers
     * run at once (PostgreSQL), empty where writes are already serialised (SQLite).
     */
    protected abstract String lockSkippingClause();

    // ---------------------------------------------------------------- articles: writes

    @Override
    public SaveResult save(NewArticle article) {
        return write(connection -> saveIn(connection, article));
    }

    @Override
    public List<SaveResult> saveAll(List<NewArticle> articles) {
        return write(connection -> {
            List<SaveResult> results = new ArrayList<>(articles.size());
            for (NewArticle article : articles) {
                results.add(saveIn(connection, article));
            }
            return List.copyOf(results);
        });
    }

    private SaveResult saveIn(Connection c, NewArticle article) throws SQLException {
        Optional<SaveResult.Rejected> rejected = rules.check(article);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        ContentHash hash = article.original().hash();
        Optional<SaveResult.AlreadyStored> existing = existing(c, article.url(), hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        OptionalLong duplicateOf = OptionalLong.empty();
        if (article.duplicateOf().isPresent()) {
            long target = article.duplicateOf().getAsLong();
            Optional<Long> canonical = querySingle(c, "SELECT COALESCE(duplicate_of, id) FROM articles WHERE id = ?",
                    ps -> ps.setLong(1, target), rs -> rs.getLong(1));
            if (canonical.isEmpty()) {
                return new SaveResult.Rejected("duplicateOf", "duplicateOf: article " + target + " does not exist");
            }
            duplicateOf = OptionalLong.of(canonical.get()); // link to the group's canonical, never to a copy
        }
        if (article.sourceId().isPresent() && querySingle(c, "SELECT id FROM sources WHERE id = ?",
                ps -> ps.setLong(1, article.sourceId().getAsLong()), rs -> rs.getLong(1)).isEmpty()) {
            return new SaveResult.Rejected("sourceId", "sourceId: source " + article.sourceId().getAsLong()
                    + " does not exist");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<ZonedDateTime> published = article.published().map(p -> p.truncatedTo(ChronoUnit.MILLIS));
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO articles (url, url_key, source_id, source, title,"
                + " published_at, published_zone, sort_at, teaser, original, original_charset, content_hash,"
                + " canonical_text, repair_log, clean, dedup_key, minhash, duplicate_of, ingested_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING RETURNING id")) {
            ps.setString(1, article.url().orElse(null));
            ps.setString(2, article.url().map(JdbcArticleStore::urlKey).orElse(null));
            setLong(ps, 3, article.sourceId());
            ps.setString(4, article.source());
            ps.setString(5, article.title());
            setLong(ps, 6, published.map(p -> p.toInstant().toEpochMilli()).map(OptionalLong::of).orElse(OptionalLong.empty()));
            ps.setString(7, published.map(p -> p.getZone().getId()).orElse(null));
            ps.setLong(8, published.map(p -> p.toInstant().toEpochMilli()).orElse(now.toEpochMilli()));
            ps.setBoolean(9, article.teaser());
            ps.setBytes(10, article.original().bytes());
            ps.setString(11, article.original().charset().name());
            ps.setString(12, hash.hex());
            ps.setString(13, article.canonicalText());
            ps.setString(14, article.repairLogJson());
            ps.setBoolean(15, article.clean());
            ps.setString(16, article.fingerprint().exactKey());
            ps.setBytes(17, article.fingerprint().signature().toBytes());
            setLong(ps, 18, duplicateOf);
            ps.setLong(19, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    // Another node inserted the same URL or bytes after our look-up and committed (PostgreSQL made
                    // this insert wait for it): the article is stored once, by that node.
                    return existing(c, article.url(), hash).orElseThrow(() -> new SQLException(
                            "insert of " + hash.hex() + " conflicted, but no conflicting row is visible"));
                }
                id = rs.getLong(1);
            }
        }
        NewArticle saved = new NewArticle(article.url(), article.sourceId(), article.source(), article.title(),
                published, article.teaser(), article.original(), article.canonicalText(), article.repairLogJson(),
                article.fingerprint(), duplicateOf);
        return new SaveResult.Inserted(new StoredArticle(id, saved, hash, now));
    }

    private Optional<SaveResult.AlreadyStored> existing(Connection c, Optional<String> url, ContentHash hash)
            throws SQLException {
        if (url.isPresent()) {
            String key = urlKey(url.get());
            Optional<ArticleSummary> byUrl = querySingle(c, "SELECT " + SUMMARY_COLUMNS
                    + " FROM articles WHERE url_key = ?", ps -> ps.setString(1, key), JdbcArticleStore::summary);
            if (byUrl.isPresent()) {
                return Optional.of(new SaveResult.AlreadyStored(byUrl.get(), SaveResult.Conflict.URL));
            }
        }
        return querySingle(c, "SELECT " + SUMMARY_COLUMNS + " FROM articles WHERE content_hash = ?",
                ps -> ps.setString(1, hash.hex()), JdbcArticleStore::summary)
                .map(s -> new SaveResult.AlreadyStored(s, SaveResult.Conflict.CONTENT_HASH));
    }

    @Override
    public void promoteCanonical(long newCanonicalId, long oldCanonicalId) {
        write(c -> {
            Optional<OptionalLong> oldLink = querySingle(c, "SELECT duplicate_of FROM articles WHERE id = ?",
                    ps -> ps.setLong(1, oldCanonicalId), rs -> optionalLong(rs, 1));
            Optional<OptionalLong> newLink = querySingle(c, "SELECT duplicate_of FROM articles WHERE id = ?",
                    ps -> ps.setLong(1, newCanonicalId), rs -> optionalLong(rs, 1));
            if (oldLink.isEmpty() || newLink.isEmpty()) {
                throw new IllegalArgumentException("cannot promote " + newCanonicalId + " over " + oldCanonicalId
                        + ": no such article");
            }
            if (oldLink.get().isPresent()) {
                throw new IllegalArgumentException("article " + oldCanonicalId + " is not canonical (it is a copy of "
                        + oldLink.get().getAsLong() + ")");
            }
            if (newLink.get().isPresent() && newLink.get().getAsLong() != oldCanonicalId) {
                throw new IllegalArgumentException("article " + newCanonicalId + " belongs to another group ("
                        + newLink.get().getAsLong() + ")");
            }
            if (newCanonicalId == oldCanonicalId) {
                return null;
            }
            update(c, "UPDATE articles SET duplicate_of = NULL WHERE id = ?", ps -> ps.setLong(1, newCanonicalId));
            update(c, "UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ? OR id = ?", ps -> {
                ps.setLong(1, newCanonicalId);
                ps.setLong(2, oldCanonicalId);
                ps.setLong(3, oldCanonicalId);
            });
            return null;
        });
    }

    // ---------------------------------------------------------------- articles: reads

    @Override
    public Optional<StoredArticle> find(long id) {
        return read(c -> querySingle(c, "SELECT " + ARTICLE_COLUMNS + " FROM articles WHERE id = ?",
                ps -> ps.setLong(1, id), JdbcArticleStore::article));
    }

    @Override
    public Optional<String> canonicalText(long id) {
        return read(c -> querySingle(c, "SELECT canonical_text FROM articles WHERE id = ?",
                ps -> ps.setLong(1, id), rs -> rs.getString(1)));
    }

    @Override
    public Optional<Fingerprint> fingerprint(long id) {
        return read(c -> querySingle(c, "SELECT dedup_key, minhash FROM articles WHERE id = ?",
                ps -> ps.setLong(1, id),
                rs -> new Fingerprint(rs.getString(1), MinHashSignature.fromBytes(rs.getBytes(2)))));
    }

    @Override
    public Optional<StoredArticle> findByUrl(String url) {
        String key = urlKey(url);
        return read(c -> querySingle(c, "SELECT " + ARTICLE_COLUMNS + " FROM articles WHERE url_key = ?",
                ps -> ps.setString(1, key), JdbcArticleStore::article));
    }

    @Override
    public boolean hasUrl(String url) {
        String key = urlKey(url);
        return read(c -> querySingle(c, "SELECT 1 FROM articles WHERE url_key = ?", ps -> ps.setString(1, key),
                rs -> Boolean.TRUE)).isPresent();
    }

    @Override
    public Optional<StoredArticle> findByContentHash(ContentHash hash) {
        return read(c -> querySingle(c, "SELECT " + ARTICLE_COLUMNS + " FROM articles WHERE content_hash = ?",
                ps -> ps.setString(1, hash.hex()), JdbcArticleStore::article));
    }

    @Override
    public List<ArticleSummary> listRecentBefore(boolean canonicalOnly, long beforeId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("need a limit in 1..1000, was " + limit);
        }
        String canonical = canonicalOnly ? " duplicate_of IS NULL AND" : "";
        return read(c -> queryList(c, "SELECT " + SUMMARY_COLUMNS + " FROM articles WHERE" + canonical
                + " (sort_at, id) < ((SELECT sort_at FROM articles WHERE id = ?), ?) ORDER BY sort_at DESC, id DESC"
                + " LIMIT ?", ps -> {
                    ps.setLong(1, beforeId);
                    ps.setLong(2, beforeId);
                    ps.setInt(3, limit);
                }, JdbcArticleStore::summary));
    }

    @Override
    public List<ArticleSummary> listPage(RecentFilter filter, java.util.OptionalLong beforeId,
                                         java.util.OptionalLong afterId, int limit) {
        if (limit < 1 || limit > 1000 || beforeId.isPresent() && afterId.isPresent()) {
            throw new IllegalArgumentException("need a limit in 1..1000 and at most one cursor");
        }
        return listing(filter, beforeId.isPresent() ? beforeId : afterId, afterId.isPresent(), 0, limit);
    }

    @Override
    public List<ArticleSummary> listRecent(boolean canonicalOnly, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("need offset ≥ 0 and limit in 1..1000, were " + offset + ", " + limit);
        }
        String where = canonicalOnly ? " WHERE duplicate_of IS NULL" : "";
        return read(c -> queryList(c, "SELECT " + SUMMARY_COLUMNS + " FROM articles" + where
                + " ORDER BY sort_at DESC, id DESC LIMIT ? OFFSET ?", ps -> {
                    ps.setInt(1, limit);
                    ps.setInt(2, offset);
                }, JdbcArticleStore::summary));
    }

    @Override
    public List<ArticleSummary> alsoAt(long id) {
        return read(c -> {
            Optional<Long> canonical = querySingle(c, "SELECT COALESCE(duplicate_of, id) FROM articles WHERE id = ?",
                    ps -> ps.setLong(1, id), rs -> rs.getLong(1));
            if (canonical.isEmpty()) {
                return List.of();
            }
            return queryList(c, "SELECT " + SUMMARY_COLUMNS + " FROM articles WHERE (id = ? OR duplicate_of = ?)"
                    + " AND id <> ? ORDER BY id", ps -> {
                        ps.setLong(1, canonical.get());
                        ps.setLong(2, canonical.get());
                        ps.setLong(3, id);
                    }, JdbcArticleStore::summary);
        });
    }

    @Override
    public long count() {
        return read(c -> querySingle(c, "SELECT COUNT(*) FROM articles", ps -> { }, rs -> rs.getLong(1)).orElse(0L));
    }

    @Override
    public Stream<StoredArticle> exportAll() {
        return stream("SELECT " + ARTICLE_COLUMNS + " FROM articles ORDER BY id", JdbcArticleStore::article);
    }

    @Override
    public Stream<StoredFingerprint> fingerprintsAfter(long after) {
        // A number, not text from outside: safe to write into the statement (no bound for "all": Long.MIN_VALUE is
        // no bigint literal in PostgreSQL).
        return stream("SELECT id, duplicate_of, dedup_key, minhash, clean, published_at FROM articles"
                + (after == Long.MIN_VALUE ? "" : " WHERE id > " + after) + " ORDER BY id",
                rs -> {
                    long id = rs.getLong(1);
                    long canonical = optionalLong(rs, 2).orElse(id);
                    Fingerprint fingerprint = new Fingerprint(rs.getString(3), MinHashSignature.fromBytes(rs.getBytes(4)));
                    Optional<Instant> published = optionalLong(rs, 6).stream().mapToObj(Instant::ofEpochMilli).findFirst();
                    return new StoredFingerprint(id, canonical, fingerprint, new CanonicalRank(rs.getBoolean(5), published));
                });
    }

    @Override
    public List<ArticleSummary> listRecent(RecentFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("need offset ≥ 0 and limit in 1..1000, were " + offset + ", " + limit);
        }
        return listing(filter, java.util.OptionalLong.empty(), false, offset, limit);
    }

    /**
     * How many of the newest matching articles a category page walks before it turns to the category's own index.
     * A category's index lists its articles in no useful order: to show the newest 30 of POLITICS (286k of 1M) every
     * one of them was read and sorted (1.3 s at 1M). Walking the newest articles and looking up each one's category
     * costs about page ÷ share rows instead (30 ÷ 29% ≈ 100). A category too rare to fill a page within the walk is
     * small (under page × store ÷ walk articles), so reading and sorting all of it is cheap then; a page that comes up
     * short because the listing ended is complete as it is.
     */
    static final int CATEGORY_WALK = 20_000;

    /** {@link #CATEGORY_WALK}, shorter in tests so a small store takes every path; written before the store is shared. */
    private volatile int categoryWalk = CATEGORY_WALK;

    /** For tests: walk only {@code rows} articles before turning to the category's index. */
    void shortenCategoryWalk(int rows) {
        categoryWalk = rows;
    }

    /**
     * One page of summaries, newest first ({@code ascending}: oldest first after the cursor); the cost follows the page,
     * not the store. Example: {@code RecentFilter(true, 新华网, POLITICS)}, before id 812 → the 30 canonical articles
     * of 新华网 in politics published before article 812, read through articles_source_recent.
     */
    private List<ArticleSummary> listing(RecentFilter filter, java.util.OptionalLong cursor, boolean ascending,
                                         int offset, int limit) {
        List<String> where = new ArrayList<>();
        if (filter.canonicalOnly()) {
            where.add("a.duplicate_of IS NULL");
        }
        filter.source().ifPresent(x -> where.add("a.source = ?"));
        String cmp = ascending ? ">" : "<";
        if (cursor.isPresent()) {
            // A row value, which both databases read as a range of the listing index: the spelled-out form
            // (sort_at < x OR sort_at = x AND id < y) made SQLite walk the index from the top, so a deep page cost
            // the depth (0.17 s at 1M for the oldest page, 0.02 s now).
            where.add("(a.sort_at, a.id) " + cmp + " ((SELECT sort_at FROM articles WHERE id = ?), ?)");
        }
        String conditions = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        String order = ascending ? " ORDER BY a.sort_at, a.id" : " ORDER BY a.sort_at DESC, a.id DESC";
        LeadingBinder base = ps -> {
            int i = 1;
            if (filter.source().isPresent()) {
                ps.setString(i++, filter.source().get());
            }
            if (cursor.isPresent()) {
                ps.setLong(i++, cursor.getAsLong());
                ps.setLong(i++, cursor.getAsLong());
            }
            return i;
        };
        String columns = "SELECT " + prefixed("a.", SUMMARY_COLUMNS);
        if (filter.category().isEmpty()) {
            return read(c -> queryList(c, columns + " FROM articles a" + conditions + order + " LIMIT ? OFFSET ?", ps -> {
                int i = base.bindFrom(ps);
                ps.setInt(i++, limit);
                ps.setInt(i, offset);
            }, JdbcArticleStore::summary));
        }
        String category = filter.category().get();
        // The walk: the newest CATEGORY_WALK matching ids in the listing index's order, then each one's understanding
        // by key. The sub-query's LIMIT keeps both planners from merging it into the join; CROSS JOIN keeps SQLite's
        // from starting at the category index (it did, then sorted the whole category again).
        String walk = columns + " FROM (SELECT a.id, a.sort_at FROM articles a" + conditions + order + " LIMIT "
                + categoryWalk + ") w CROSS JOIN understandings u CROSS JOIN articles a WHERE u.article_id = w.id"
                + " AND a.id = w.id AND u.category = ?" + order + " LIMIT ? OFFSET ?";
        String whole = columns + " FROM articles a JOIN understandings u ON u.article_id = a.id" + conditions
                + (where.isEmpty() ? " WHERE" : " AND") + " u.category = ?" + order + " LIMIT ? OFFSET ?";
        return read(c -> {
            List<ArticleSummary> page = queryList(c, walk, ps -> {
                int i = base.bindFrom(ps);
                ps.setString(i++, category);
                ps.setInt(i++, limit);
                ps.setInt(i, offset);
            }, JdbcArticleStore::summary);
            if (page.size() == limit) {
                return page;
            }
            // Short. At the end of the listing (the last page of POLITICS) the walk saw every article left, so the
            // page is complete; counting what it saw reads at most CATEGORY_WALK entries of the listing index.
            int seen = querySingle(c, "SELECT COUNT(*) FROM (SELECT a.id FROM articles a" + conditions + order
                    + " LIMIT " + categoryWalk + ") w", base::bindFrom, rs -> rs.getInt(1)).orElse(0);
            if (seen < categoryWalk) {
                return page;
            }
            // A category too rare for the walk: its own index (small then) answers exactly.
            return queryList(c, whole, ps -> {
                int i = base.bindFrom(ps);
                ps.setString(i++, category);
                ps.setInt(i++, limit);
                ps.setInt(i, offset);
            }, JdbcArticleStore::summary);
        });
    }

    /** Binds a statement's leading parameters; answers the next free index. */
    @FunctionalInterface
    private interface LeadingBinder {
        int bindFrom(java.sql.PreparedStatement ps) throws java.sql.SQLException;
    }

    @Override
    public List<ArticleSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleSummary> byId = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            read(c -> queryList(c, "SELECT " + SUMMARY_COLUMNS + " FROM articles WHERE id IN (" + marks(chunk.size())
                    + ")", ps -> bindIds(ps, chunk), JdbcArticleStore::summary)).forEach(a -> byId.put(a.id(), a));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Map<Long, Integer> copyCounts(Collection<Long> canonicalIds) {
        Map<Long, Integer> counts = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(canonicalIds))) {
            read(c -> queryList(c, "SELECT duplicate_of, COUNT(*) FROM articles WHERE duplicate_of IN ("
                    + marks(chunk.size()) + ") GROUP BY duplicate_of", ps -> bindIds(ps, chunk),
                    rs -> Map.entry(rs.getLong(1), rs.getInt(2)))).forEach(e -> counts.put(e.getKey(), e.getValue()));
        }
        return counts;
    }

    @Override
    public void saveMedia(long articleId, List<ArticleMedia> media) {
        List<ArticleMedia> kept = media.stream().filter(m -> ArticleMedia.storable(m.url())).toList();
        if (kept.isEmpty()) {
            return;
        }
        write(c -> {
            update(c, "DELETE FROM article_media WHERE article_id = ?", ps -> ps.setLong(1, articleId));
            int n = 0;
            for (int i = 0; i < kept.size(); i++) {
                ArticleMedia m = kept.get(i);
                int position = i;
                n += update(c, "INSERT INTO article_media (article_id, position, kind, url, mime_type)"
                        + " VALUES (?, ?, ?, ?, ?)", ps -> {
                            ps.setLong(1, articleId);
                            ps.setInt(2, position);
                            ps.setString(3, m.kind().stored());
                            ps.setString(4, m.url());
                            ps.setString(5, m.mimeType().orElse(null));
                        });
            }
            return n;
        });
    }

    @Override
    public List<ArticleMedia> media(long articleId) {
        return read(c -> queryList(c, "SELECT kind, url, mime_type FROM article_media WHERE article_id = ?"
                + " ORDER BY position", ps -> ps.setLong(1, articleId),
                rs -> new ArticleMedia(rs.getString(2),
                        ArticleMedia.Kind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                        Optional.ofNullable(rs.getString(3)))));
    }

    @Override
    public Map<Long, String> leadImages(Collection<Long> articleIds) {
        Map<Long, String> images = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(articleIds))) {
            read(c -> queryList(c, "SELECT article_id, url FROM article_media WHERE kind = 'lead_image'"
                    + " AND article_id IN (" + marks(chunk.size()) + ")", ps -> bindIds(ps, chunk),
                    rs -> Map.entry(rs.getLong(1), rs.getString(2)))).forEach(e -> images.put(e.getKey(), e.getValue()));
        }
        return images;
    }

    @Override
    public List<String> publishers(int limit) {
        // Counted over the newest articles only, so the cost does not grow with the store.
        return read(c -> queryList(c, "SELECT source FROM (SELECT source FROM articles WHERE duplicate_of IS NULL"
                + " ORDER BY sort_at DESC, id DESC LIMIT 2000) recent WHERE source <> ''"
                + " GROUP BY source ORDER BY COUNT(*) DESC, source LIMIT ?", ps -> ps.setInt(1, limit),
                rs -> rs.getString(1)));
    }

    @Override
    public void saveUnderstanding(StoredUnderstanding stored) {
        Understanding u = stored.understanding();
        Optional<Dateline> d = u.dateline();
        write(c -> update(c, "INSERT INTO understandings (" + UNDERSTANDING_COLUMNS + ") VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET"
                + " summary = excluded.summary, category = excluded.category, keywords = excluded.keywords,"
                + " people = excluded.people, places = excluded.places, organisations = excluded.organisations,"
                + " dateline_text = excluded.dateline_text, dateline_start = excluded.dateline_start,"
                + " dateline_agency = excluded.dateline_agency, dateline_place = excluded.dateline_place,"
                + " dateline_date = excluded.dateline_date, dateline_reporters = excluded.dateline_reporters,"
                + " story_id = excluded.story_id", ps -> {
                    ps.setLong(1, stored.articleId());
                    ps.setString(2, u.summary());
                    ps.setString(3, u.category().name());
                    ps.setString(4, joined(u.keywords()));
                    ps.setString(5, joined(u.entities().people()));
                    ps.setString(6, joined(u.entities().places()));
                    ps.setString(7, joined(u.entities().organisations()));
                    ps.setString(8, d.map(Dateline::text).orElse(null));
                    if (d.isPresent()) {
                        ps.setInt(9, d.get().start());
                    } else {
                        ps.setNull(9, java.sql.Types.INTEGER);
                    }
                    ps.setString(10, d.flatMap(Dateline::agency).orElse(null));
                    ps.setString(11, d.flatMap(Dateline::place).orElse(null));
                    ps.setString(12, d.flatMap(Dateline::date).map(Object::toString).orElse(null));
                    ps.setString(13, d.map(x -> joined(x.reporters())).orElse(null));
                    ps.setString(14, stored.storyId().orElse(null));
                }));
    }

    @Override
    public Optional<StoredUnderstanding> understanding(long articleId) {
        return read(c -> querySingle(c, "SELECT " + UNDERSTANDING_COLUMNS + " FROM understandings WHERE article_id = ?",
                ps -> ps.setLong(1, articleId), JdbcArticleStore::understanding));
    }

    @Override
    public Map<Long, StoredUnderstanding> understandings(Collection<Long> articleIds) {
        Map<Long, StoredUnderstanding> out = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(articleIds))) {
            read(c -> queryList(c, "SELECT " + UNDERSTANDING_COLUMNS + " FROM understandings WHERE article_id IN ("
                    + marks(chunk.size()) + ")", ps -> bindIds(ps, chunk), JdbcArticleStore::understanding))
                    .forEach(u -> out.put(u.articleId(), u));
        }
        return out;
    }

    // ---------------------------------------------------------------- stories

    private static final String STORY_COLUMNS = "id, title, lead_id, first_at, last_at, articles, reports, sources,"
            + " dated";

    @Override
    public void addToStory(StoryMember m) {
        long at = m.at().toEpochMilli();
        long rank = StoryMember.leadRank(m);
        write(c -> {
            update(c, "INSERT INTO story_sources (story_id, source, reports) VALUES (?, ?, 1) ON CONFLICT"
                    + " (story_id, source) DO UPDATE SET reports = story_sources.reports + 1", ps -> {
                ps.setString(1, m.storyId());
                ps.setString(2, m.source());
            });
            // A copy adds a report but not a time: a content farm republishing a report weeks later does not make
            // the story new again (front page), nor move the newest time a restart takes for the story clock.
            int changed = update(c, "UPDATE stories SET articles = articles + ?, reports = reports + 1,"
                    + " first_at = CASE WHEN ? < first_at AND ? THEN ? ELSE first_at END,"
                    + " last_at = CASE WHEN ? > last_at AND ? THEN ? ELSE last_at END,"
                    + " dated = CASE WHEN ? THEN TRUE ELSE dated END,"
                    + " sources = (SELECT COUNT(*) FROM story_sources WHERE story_id = ?),"
                    + " title = CASE WHEN ? AND ? < lead_rank THEN ? ELSE title END,"
                    + " lead_id = CASE WHEN ? AND ? < lead_rank THEN ? ELSE lead_id END,"
                    + " lead_rank = CASE WHEN ? AND ? < lead_rank THEN ? ELSE lead_rank END"
                    + " WHERE id = ?", ps -> {
                        int i = 1;
                        ps.setInt(i++, m.copy() ? 0 : 1);
                        ps.setLong(i++, at);
                        ps.setBoolean(i++, !m.copy());
                        ps.setLong(i++, at);
                        ps.setLong(i++, at);
                        ps.setBoolean(i++, !m.copy());
                        ps.setLong(i++, at);
                        ps.setBoolean(i++, m.dated());
                        ps.setString(i++, m.storyId());
                        ps.setBoolean(i++, !m.copy());
                        ps.setLong(i++, rank);
                        ps.setString(i++, m.title());
                        ps.setBoolean(i++, !m.copy());
                        ps.setLong(i++, rank);
                        ps.setLong(i++, m.articleId());
                        ps.setBoolean(i++, !m.copy());
                        ps.setLong(i++, rank);
                        ps.setLong(i++, rank);
                        ps.setString(i, m.storyId());
                    });
            if (changed == 0) {
                update(c, "INSERT INTO stories (id, title, lead_id, lead_rank, first_at, last_at, articles, reports,"
                        + " sources, dated) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, ?)", ps -> {
                            ps.setString(1, m.storyId());
                            ps.setString(2, m.title());
                            ps.setLong(3, m.articleId());
                            ps.setLong(4, rank);
                            ps.setLong(5, at);
                            ps.setLong(6, at);
                            ps.setInt(7, m.copy() ? 0 : 1);
                            ps.setBoolean(8, m.dated());
                        });
            }
            return null;
        });
    }

    @Override
    public void mergeStories(String survivorId, String absorbedId) {
        if (survivorId.equals(absorbedId)) {
            return;
        }
        write(c -> {
            update(c, "UPDATE understandings SET story_id = ? WHERE story_id = ?", ps -> {
                ps.setString(1, survivorId);
                ps.setString(2, absorbedId);
            });
            update(c, "INSERT INTO story_sources (story_id, source, reports) SELECT ?, source, reports"
                    + " FROM story_sources WHERE story_id = ? ON CONFLICT (story_id, source)"
                    + " DO UPDATE SET reports = story_sources.reports + excluded.reports", ps -> {
                        ps.setString(1, survivorId);
                        ps.setString(2, absorbedId);
                    });
            update(c, "DELETE FROM story_sources WHERE story_id = ?", ps -> ps.setString(1, absorbedId));
            update(c, "UPDATE stories SET"
                    + " articles = articles + (SELECT articles FROM stories WHERE id = ?),"
                    + " reports = reports + (SELECT reports FROM stories WHERE id = ?),"
                    + " first_at = CASE WHEN (SELECT first_at FROM stories WHERE id = ?) < first_at"
                    + " THEN (SELECT first_at FROM stories WHERE id = ?) ELSE first_at END,"
                    + " last_at = CASE WHEN (SELECT last_at FROM stories WHERE id = ?) > last_at"
                    + " THEN (SELECT last_at FROM stories WHERE id = ?) ELSE last_at END,"
                    + " dated = (dated OR (SELECT dated FROM stories WHERE id = ?)),"
                    + " sources = (SELECT COUNT(*) FROM story_sources WHERE story_id = ?)"
                    + " WHERE id = ? AND EXISTS (SELECT 1 FROM stories WHERE id = ? AND merged_into IS NULL)", ps -> {
                        for (int i = 1; i <= 7; i++) {
                            ps.setString(i, absorbedId);
                        }
                        ps.setString(8, survivorId);
                        ps.setString(9, survivorId);
                        ps.setString(10, absorbedId);
                    });
            // The better lead of the two wins.
            update(c, "UPDATE stories SET (lead_id, lead_rank, title) = (SELECT a.lead_id, a.lead_rank, a.title"
                    + " FROM stories a WHERE a.id = ?) WHERE id = ? AND (SELECT lead_rank FROM stories WHERE id = ?)"
                    + " < lead_rank", ps -> {
                        ps.setString(1, absorbedId);
                        ps.setString(2, survivorId);
                        ps.setString(3, absorbedId);
                    });
            update(c, "UPDATE stories SET merged_into = ?, state = NULL WHERE id = ?", ps -> {
                ps.setString(1, survivorId);
                ps.setString(2, absorbedId);
            });
            return null;
        });
    }

    @Override
    public void saveStoryState(String storyId, String state, Optional<Instant> lateUntil) {
        write(c -> update(c, "UPDATE stories SET state = ?, late_until = ? WHERE id = ?", ps -> {
            ps.setString(1, state);
            if (lateUntil.isPresent()) {
                ps.setLong(2, lateUntil.get().toEpochMilli());
            } else {
                ps.setNull(2, Types.BIGINT);
            }
            ps.setString(3, storyId);
        }));
    }

    @Override
    public List<StoryState> activeStoryStates(Duration window) {
        return read(c -> queryList(c, "SELECT id, state, late_until FROM stories WHERE state IS NOT NULL"
                + " AND merged_into IS NULL AND last_at >= (SELECT MAX(last_at) FROM stories) - ? ORDER BY first_at, id",
                ps -> ps.setLong(1, window.toMillis()), JdbcArticleStore::storyState));
    }

    private static StoryState storyState(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        String state = rs.getString(2);
        long lateUntil = rs.getLong(3);
        return new StoryState(id, state, rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lateUntil)));
    }

    @Override
    public List<StoryState> lateStoryStates(int limit) {
        // newest first through the partial index stories_late, then reversed: the cap keeps those open longest
        List<StoryState> newestFirst = read(c -> queryList(c, "SELECT id, state, late_until FROM stories"
                + " WHERE late_until IS NOT NULL AND late_until >= (SELECT MAX(last_at) FROM stories)"
                + " AND state IS NOT NULL AND merged_into IS NULL ORDER BY late_until DESC, id DESC LIMIT ?",
                ps -> ps.setInt(1, limit), JdbcArticleStore::storyState));
        List<StoryState> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public void saveStoryFrequencies(Map<String, String> changed, Collection<String> kept) {
        write(c -> {
            List<String> saved = queryList(c, "SELECT day FROM story_frequencies", ps -> { }, rs -> rs.getString(1));
            for (String day : saved) {
                if (!kept.contains(day)) {
                    update(c, "DELETE FROM story_frequencies WHERE day = ?", ps -> ps.setString(1, day));
                }
            }
            for (Map.Entry<String, String> day : new java.util.TreeMap<>(changed).entrySet()) {
                update(c, "INSERT INTO story_frequencies (day, state) VALUES (?, ?) ON CONFLICT (day)"
                        + " DO UPDATE SET state = excluded.state", ps -> {
                            ps.setString(1, day.getKey());
                            ps.setString(2, day.getValue());
                        });
            }
            return null;
        });
    }

    @Override
    public List<String> storyFrequencies() {
        return read(c -> queryList(c, "SELECT state FROM story_frequencies ORDER BY day", ps -> { },
                rs -> rs.getString(1)));
    }

    @Override
    public Optional<StoryRecord> story(String storyId) {
        return read(c -> {
            String id = storyId;
            for (int hop = 0; hop < 16; hop++) { // absorbed stories point at their survivor; chains are short
                String current = id;
                Optional<String> next = querySingle(c, "SELECT merged_into FROM stories WHERE id = ?",
                        ps -> ps.setString(1, current), rs -> Optional.ofNullable(rs.getString(1)).orElse(""))
                        .map(String::valueOf);
                if (next.isEmpty()) {
                    return Optional.<StoryRecord>empty();
                }
                if (next.get().isEmpty()) {
                    return querySingle(c, "SELECT " + STORY_COLUMNS + " FROM stories WHERE id = ?",
                            ps -> ps.setString(1, current), JdbcArticleStore::storyRecord);
                }
                id = next.get();
            }
            return Optional.<StoryRecord>empty();
        });
    }

    @Override
    public Map<String, StoryRecord> stories(Collection<String> storyIds) {
        Map<String, StoryRecord> out = new HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(storyIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            read(c -> queryList(c, "SELECT " + STORY_COLUMNS + " FROM stories WHERE merged_into IS NULL AND id IN ("
                    + marks(chunk.size()) + ")", ps -> {
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(i + 1, chunk.get(i));
                        }
                    }, JdbcArticleStore::storyRecord)).forEach(r -> out.put(r.id(), r));
        }
        return out;
    }

    @Override
    public List<StoryRecord> recentStories(int minArticles, Duration window, int limit) {
        return read(c -> queryList(c, "SELECT " + STORY_COLUMNS + " FROM stories WHERE merged_into IS NULL"
                + " AND articles >= ? AND last_at >= (SELECT MAX(last_at) FROM stories) - ?"
                + " ORDER BY last_at DESC, id LIMIT ?", ps -> {
                    ps.setInt(1, minArticles);
                    ps.setLong(2, window.toMillis());
                    ps.setInt(3, limit);
                }, JdbcArticleStore::storyRecord));
    }

    @Override
    public List<ArticleSummary> storyArticles(String storyId, int limit) {
        String members = " FROM articles a JOIN understandings u ON u.article_id = a.id WHERE u.story_id = ?"
                + " AND a.duplicate_of IS NULL";
        return read(c -> {
            List<ArticleSummary> first = queryList(c, "SELECT " + prefixed("a.", SUMMARY_COLUMNS) + members
                    + " ORDER BY a.sort_at, a.id LIMIT 1", ps -> ps.setString(1, storyId), JdbcArticleStore::summary);
            List<ArticleSummary> newest = queryList(c, "SELECT " + prefixed("a.", SUMMARY_COLUMNS) + members
                    + " ORDER BY a.sort_at DESC, a.id DESC LIMIT ?", ps -> {
                        ps.setString(1, storyId);
                        ps.setInt(2, Math.max(1, limit));
                    }, JdbcArticleStore::summary);
            List<ArticleSummary> out = new ArrayList<>(first);
            for (int i = newest.size() - 1; i >= 0; i--) {
                if (first.isEmpty() || newest.get(i).id() != first.get(0).id()) {
                    out.add(newest.get(i));
                }
            }
            return List.copyOf(out.subList(0, Math.min(out.size(), Math.max(1, limit))));
        });
    }

    @Override
    public Map<String, Integer> storySources(String storyId) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        read(c -> queryList(c, "SELECT source, reports FROM story_sources WHERE story_id = ?"
                + " ORDER BY reports DESC, source", ps -> ps.setString(1, storyId),
                rs -> Map.entry(rs.getString(1), rs.getInt(2)))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static StoryRecord storyRecord(ResultSet rs) throws SQLException {
        return new StoryRecord(rs.getString(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9));
    }

    private static StoredUnderstanding understanding(ResultSet rs) throws SQLException {
        Optional<Dateline> dateline = Optional.empty();
        if (rs.getString(8) != null) {
            dateline = Optional.of(new Dateline(rs.getString(8), rs.getInt(9), Optional.ofNullable(rs.getString(10)),
                    Optional.ofNullable(rs.getString(11)),
                    Optional.ofNullable(rs.getString(12)).map(java.time.LocalDate::parse), split(rs.getString(13))));
        }
        Category category;
        try {
            category = Category.valueOf(rs.getString(3));
        } catch (IllegalArgumentException e) {
            category = Category.OTHER; // written by a newer version with more categories
        }
        Understanding u = new Understanding(split(rs.getString(4)),
                new Entities(split(rs.getString(5)), split(rs.getString(6)), split(rs.getString(7))), dateline,
                rs.getString(2), category);
        return new StoredUnderstanding(rs.getLong(1), u, Optional.ofNullable(rs.getString(14)));
    }

    private static String joined(List<String> values) {
        return String.join(LIST_SEPARATOR, values.stream().map(v -> v.replace(LIST_SEPARATOR, " ")).toList());
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(LIST_SEPARATOR));
    }

    /** SQLite allows 999 bound parameters per statement in old builds; stay well below. */
    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            out.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return out;
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static void bindIds(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    @Override
    public byte[] secret(String name, byte[] ifNone) {
        String fresh = java.util.Base64.getEncoder().encodeToString(ifNone);
        String stored = write(c -> {
            update(c, "INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", ps -> {
                ps.setString(1, name);
                ps.setString(2, fresh);
            });
            return querySingle(c, "SELECT value FROM secrets WHERE name = ?", ps -> ps.setString(1, name),
                    rs -> rs.getString(1)).orElseThrow();
        });
        return java.util.Base64.getDecoder().decode(stored);
    }

    // ---------------------------------------------------------------- sources

    @Override
    public SourceAddResult addSource(NewSource source) {
        Optional<SourceAddResult.Rejected> rejected = rules.check(source);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        String key = urlKey(source.url());
        return write(c -> {
            Optional<Source> existing = querySingle(c, "SELECT " + SOURCE_COLUMNS + " FROM sources WHERE url_key = ?",
                    ps -> ps.setString(1, key), JdbcArticleStore::source);
            if (existing.isPresent()) {
                return new SourceAddResult.AlreadyRegistered(existing.get());
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources (name, url, url_key, kind,"
                    + " charset_override, refresh_seconds, added_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, source.name());
                ps.setString(2, source.url());
                ps.setString(3, key);
                ps.setString(4, source.kind().name());
                ps.setString(5, source.charsetOverride().orElse(null));
                ps.setLong(6, source.refreshInterval().toSeconds());
                ps.setLong(7, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            return new SourceAddResult.Added(new Source(id, source.name(), source.url(), source.kind(),
                    source.charsetOverride(), Duration.ofSeconds(source.refreshInterval().toSeconds()), now,
                    SourceHealth.NEW, false));
        });
    }

    @Override
    public List<Source> listSources() {
        return read(c -> queryList(c, "SELECT " + SOURCE_COLUMNS + " FROM sources ORDER BY id", ps -> { },
                JdbcArticleStore::source));
    }

    @Override
    public Optional<Source> findSourceByUrl(String url) {
        String key = urlKey(url);
        return read(c -> querySingle(c, "SELECT " + SOURCE_COLUMNS + " FROM sources WHERE url_key = ?",
                ps -> ps.setString(1, key), JdbcArticleStore::source));
    }

    @Override
    public List<Source> listSources(long afterId, int limit, boolean backwards) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        String sql = backwards
                ? "SELECT * FROM (SELECT " + SOURCE_COLUMNS + " FROM sources WHERE id < ? ORDER BY id DESC LIMIT ?) page"
                        + " ORDER BY id"
                : "SELECT " + SOURCE_COLUMNS + " FROM sources WHERE id > ? ORDER BY id LIMIT ?";
        return read(c -> queryList(c, sql, ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
        }, JdbcArticleStore::source));
    }

    @Override
    public int countSources() {
        return read(c -> querySingle(c, "SELECT COUNT(*) FROM sources", ps -> { }, rs -> rs.getInt(1)).orElse(0));
    }

    @Override
    public boolean setSourceRefreshInterval(long id, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("refresh interval must be positive, was " + interval);
        }
        return write(c -> update(c, "UPDATE sources SET refresh_seconds = ? WHERE id = ?", ps -> {
            ps.setLong(1, interval.toSeconds());
            ps.setLong(2, id);
        }) > 0);
    }

    @Override
    public Optional<Source> findSource(long id) {
        return read(c -> querySingle(c, "SELECT " + SOURCE_COLUMNS + " FROM sources WHERE id = ?",
                ps -> ps.setLong(1, id), JdbcArticleStore::source));
    }

    @Override
    public boolean removeSource(long id) {
        return write(c -> update(c, "DELETE FROM sources WHERE id = ?", ps -> ps.setLong(1, id)) > 0);
    }

    @Override
    public boolean setSourcePaused(long id, boolean paused) {
        return write(c -> update(c, "UPDATE sources SET paused = ? WHERE id = ?", ps -> {
            ps.setBoolean(1, paused);
            ps.setLong(2, id);
        }) > 0);
    }

    @Override
    public boolean recordValidators(long sourceId, Optional<String> etag, Optional<String> lastModified) {
        return write(c -> update(c, "UPDATE sources SET etag = ?, last_modified = ? WHERE id = ?", ps -> {
            ps.setString(1, etag.map(v -> v.length() > 500 ? null : v).orElse(null));
            ps.setString(2, lastModified.map(v -> v.length() > 200 ? null : v).orElse(null));
            ps.setLong(3, sourceId);
        }) > 0);
    }

    @Override
    public boolean recordFetchSuccess(long sourceId, Instant at, Instant nextDue) {
        return write(c -> update(c, "UPDATE sources SET last_success_at = ?, consecutive_failures = 0,"
                + " next_due_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?", ps -> {
                    ps.setLong(1, at.toEpochMilli());
                    ps.setLong(2, nextDue.toEpochMilli());
                    ps.setLong(3, sourceId);
                }) > 0);
    }

    @Override
    public boolean recordFetchFailure(long sourceId, Instant at, String error, Instant nextDue) {
        String message = error.length() > 2000 ? error.substring(0, 2000) + "…" : error;
        return write(c -> update(c, "UPDATE sources SET last_error = ?, last_error_at = ?,"
                + " consecutive_failures = consecutive_failures + 1, next_due_at = ?, lease_owner = NULL,"
                + " lease_until = NULL WHERE id = ?", ps -> {
                    ps.setString(1, message);
                    ps.setLong(2, at.toEpochMilli());
                    ps.setLong(3, nextDue.toEpochMilli());
                    ps.setLong(4, sourceId);
                }) > 0);
    }

    @Override
    public Optional<Source> leaseDueSource(String nodeId, Instant now, Duration leaseLength) {
        if (nodeId.isBlank() || leaseLength.isNegative() || leaseLength.isZero()) {
            throw new IllegalArgumentException("need a node id and a positive lease, were '" + nodeId + "', "
                    + leaseLength);
        }
        long at = now.toEpochMilli();
        // The inner SELECT picks the most overdue free source; on PostgreSQL it locks that row and skips rows another
        // node is leasing right now, so two nodes asking at once get different sources. The outer WHERE repeats the
        // free test because PostgreSQL re-evaluates it on the latest row version after waiting.
        String free = " paused = FALSE AND (next_due_at IS NULL OR next_due_at <= ?)"
                + " AND (lease_until IS NULL OR lease_until <= ?)";
        return write(c -> querySingle(c, "UPDATE sources SET lease_owner = ?, lease_until = ? WHERE id = (SELECT id"
                + " FROM sources WHERE" + free + " ORDER BY COALESCE(next_due_at, 0), id LIMIT 1"
                + lockSkippingClause() + ") AND" + free + " RETURNING " + SOURCE_COLUMNS, ps -> {
                    ps.setString(1, nodeId);
                    ps.setLong(2, now.plus(leaseLength).toEpochMilli());
                    for (int i = 3; i <= 6; i += 2) {
                        ps.setLong(i, at);
                        ps.setLong(i + 1, at);
                    }
                }, JdbcArticleStore::source));
    }

    // ---------------------------------------------------------------- plumbing

    /** Work on one connection; may throw {@link SQLException}. */
    @FunctionalInterface
    protected interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs {@code work} in one write transaction: commit on return, roll back on any exception. */
    /** A lazily read stream on its own connection, closed with the stream. */
    private <T> Stream<T> stream(String sql, RowMapper<T> mapper) {
        Connection c = null;
        try {
            c = streamConnection();
            c.setAutoCommit(false); // one consistent snapshot for the whole export
            PreparedStatement ps = c.prepareStatement(sql);
            ps.setFetchSize(256);
            ResultSet rs = ps.executeQuery();
            Connection owned = c;
            java.util.Spliterator<T> rows = new java.util.Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE,
                    java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL) {
                @Override
                public boolean tryAdvance(java.util.function.Consumer<? super T> action) {
                    try {
                        if (!rs.next()) {
                            return false;
                        }
                        action.accept(mapper.map(rs));
                        return true;
                    } catch (SQLException e) {
                        throw new StoreException(describe(e), e);
                    }
                }
            };
            return java.util.stream.StreamSupport.stream(rows, false).onClose(() -> {
                try {
                    rs.close();
                    ps.close();
                    owned.rollback();
                } catch (SQLException e) {
                    throw new StoreException(describe(e), e);
                } finally {
                    closeQuietly(owned);
                }
            });
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException(describe(e), e);
        }
    }

    static <T> Optional<T> querySingle(Connection c, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    static <T> List<T> queryList(Connection c, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return List.copyOf(rows);
            }
        }
    }

    static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /**
     * The {@code url_key} column of articles and sources: the SHA-256 of the URL's UTF-8 bytes, so that a unique index
     * holds for URLs of any length. For example {@code urlKey("https://news.cctv.com/")} is 64 hex digits.
     */
    private static String urlKey(String url) {
        return ContentHash.of(url.getBytes(StandardCharsets.UTF_8)).hex();
    }

    private static StoredArticle article(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        NewArticle saved = new NewArticle(Optional.ofNullable(rs.getString(2)), optionalLong(rs, 3), rs.getString(4),
                rs.getString(5), published(rs, 6, 7), rs.getBoolean(8),
                new OriginalContent(rs.getBytes(9), Charset.forName(rs.getString(10))),
                rs.getString(12), rs.getString(13),
                new Fingerprint(rs.getString(14), MinHashSignature.fromBytes(rs.getBytes(15))), optionalLong(rs, 16));
        return new StoredArticle(id, saved, new ContentHash(rs.getString(11)), Instant.ofEpochMilli(rs.getLong(17)));
    }

    private static ArticleSummary summary(ResultSet rs) throws SQLException {
        return new ArticleSummary(rs.getLong(1), Optional.ofNullable(rs.getString(2)), rs.getString(3),
                rs.getString(4), published(rs, 5, 6), rs.getBoolean(7), optionalLong(rs, 8));
    }

    private static Source source(ResultSet rs) throws SQLException {
        SourceHealth health = new SourceHealth(instant(rs, 8), Optional.ofNullable(rs.getString(9)), instant(rs, 10),
                rs.getInt(11), instant(rs, 12), Optional.ofNullable(rs.getString(14)),
                Optional.ofNullable(rs.getString(15)));
        return new Source(rs.getLong(1), rs.getString(2), rs.getString(3), SourceKind.valueOf(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)), Duration.ofSeconds(rs.getLong(6)),
                Instant.ofEpochMilli(rs.getLong(7)), health, rs.getBoolean(13));
    }

    private static Optional<ZonedDateTime> published(ResultSet rs, int atColumn, int zoneColumn) throws SQLException {
        OptionalLong at = optionalLong(rs, atColumn);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(at.getAsLong()).atZone(ZoneId.of(rs.getString(zoneColumn))));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        OptionalLong millis = optionalLong(rs, column);
        return millis.isPresent() ? Optional.of(Instant.ofEpochMilli(millis.getAsLong())) : Optional.empty();
    }

    static OptionalLong optionalLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static void setLong(PreparedStatement ps, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.getAsLong());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing to do: the connection is being discarded
            }
        }
    }

}

package io.huixun.store.jdbc;

import static io.huixun.store.jdbc.JdbcArticleStore.chunks;
import static io.huixun.store.jdbc.JdbcArticleStore.marks;
import static io.huixun.store.jdbc.JdbcArticleStore.optionalLong;
import static io.huixun.store.jdbc.JdbcArticleStore.queryList;
import static io.huixun.store.jdbc.JdbcArticleStore.querySingle;
import static io.huixun.store.jdbc.JdbcArticleStore.update;

import io.huixun.store.reader.Account;
import io.huixun.store.reader.Alert;
import io.huixun.store.reader.AccountAddResult;
import io.huixun.store.reader.Folder;
import io.huixun.store.reader.Follow;
import io.huixun.store.reader.FollowKind;
import io.huixun.store.reader.ItemMark;
import io.huixun.store.reader.ItemState;
import io.huixun.store.reader.ReaderStore;
import io.huixun.store.reader.ReadingQuery;
import io.huixun.store.reader.ReadingScope;
import io.huixun.store.reader.Role;
import io.huixun.store.reader.SavedSearch;
import io.huixun.store.reader.StoredSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link ReaderStore} in the same database as its {@link JdbcArticleStore}, with the same portable SQL (SQLite and
 * PostgreSQL) and the same transactions.
 *
 * <p>An article is unread for a reader when its canonical's {@code item_state} row says {@code is_read = FALSE}, or
 * when there is no verdict in the row and its id is above both the reader's watermark and the watermark of the
 * follow of its source. Example: watermark 100, no row for article 120 → unread; row (120, TRUE) → read; article
 * 90 with no row → read; row (90, FALSE) → unread again.
 *
 * <p>Thread-safe as far as the owning store is: each method is one {@code read} or {@code write} call.
 */
final class JdbcReaderStore implements ReaderStore {
    private static final String ACCOUNT_COLUMNS = "id, name, role, password_hash, fever_key, read_before, created_at";
    private static final String FOLLOW_COLUMNS = "id, kind, target, source_id, title, folder_id, read_before,"
            + " created_at";
    /** The columns {@link #item} maps: the article, its canonical, source, verdict, star, stored time, follow's mark. */
    private static final String ITEM_COLUMNS = "a.id, COALESCE(a.duplicate_of, a.id), a.source_id, s.is_read,"
            + " s.starred_at, a.ingested_at, COALESCE(f.read_before, 0)";

    /** Explicit unread marks looked at per call; a reader with more sees the newest this many of them. */
    private static final int MAX_UNREAD_MARKS = 10_000;

    private final JdbcArticleStore store;
    private final Clock clock;

    JdbcReaderStore(JdbcArticleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private long now() {
        return clock.millis();
    }

    // ---------------------------------------------------------------- accounts

    @Override
    public AccountAddResult addAccount(String name, Role role, String passwordHash, Optional<String> feverKey) {
        return store.write(c -> {
            if (querySingle(c, "SELECT id FROM users WHERE name = ?", ps -> ps.setString(1, name),
                    rs -> rs.getLong(1)).isPresent()) {
                return new AccountAddResult.NameTaken(name);
            }
            Account added = querySingle(c, "INSERT INTO users (name, role, password_hash, fever_key, read_before,"
                    + " created_at) VALUES (?, ?, ?, ?, 0, ?) RETURNING " + ACCOUNT_COLUMNS, ps -> {
                        ps.setString(1, name);
                        ps.setString(2, role.name());
                        ps.setString(3, passwordHash);
                        ps.setString(4, feverKey.orElse(null));
                        ps.setLong(5, now());
                    }, JdbcReaderStore::account).orElseThrow();
            return new AccountAddResult.Added(added);
        });
    }

    @Override
    public Optional<Account> account(long id) {
        return accountWhere("id = ?", ps -> ps.setLong(1, id));
    }

    @Override
    public Optional<Account> account(String name) {
        return accountWhere("name = ?", ps -> ps.setString(1, name));
    }

    @Override
    public Optional<Account> accountByFeverKey(String feverKey) {
        return accountWhere("fever_key = ?", ps -> ps.setString(1, feverKey));
    }

    /** The one account matching {@code condition} on a unique column ({@code "name = ?"}), bound by {@code binder}. */
    private Optional<Account> accountWhere(String condition, JdbcArticleStore.Binder binder) {
        return store.read(c -> querySingle(c, "SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE " + condition, binder,
                JdbcReaderStore::account));
    }

    @Override
    public List<Account> accounts() {
        return store.read(c -> queryList(c, "SELECT " + ACCOUNT_COLUMNS + " FROM users ORDER BY name", ps -> { },
                JdbcReaderStore::account));
    }

    @Override
    public boolean setPassword(long userId, String passwordHash, Optional<String> feverKey) {
        return store.write(c -> {
            int changed = update(c, "UPDATE users SET password_hash = ?, fever_key = ? WHERE id = ?", ps -> {
                ps.setString(1, passwordHash);
                ps.setString(2, feverKey.orElse(null));
                ps.setLong(3, userId);
            });
            update(c, "DELETE FROM sessions WHERE user_id = ?", ps -> ps.setLong(1, userId));
            return changed > 0;
        });
    }

    @Override
    public boolean setRole(long userId, Role role) {
        return store.write(c -> update(c, "UPDATE users SET role = ? WHERE id = ?", ps -> {
            ps.setString(1, role.name());
            ps.setLong(2, userId);
        }) > 0);
    }

    @Override
    public boolean removeAccount(long userId) {
        // Children first: SQLite enforces ON DELETE CASCADE only with foreign keys on, so do not rely on it.
        return store.write(c -> {
            for (String table : List.of("sessions", "item_state", "follows", "saved_searches", "alerts", "folders")) {
                update(c, "DELETE FROM " + table + " WHERE user_id = ?", ps -> ps.setLong(1, userId));
            }
            return update(c, "DELETE FROM users WHERE id = ?", ps -> ps.setLong(1, userId)) > 0;
        });
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
                Optional.ofNullable(rs.getString(5)), rs.getLong(6), Instant.ofEpochMilli(rs.getLong(7)));
    }

    // ---------------------------------------------------------------- sessions

    @Override
    public void addSession(StoredSession s) {
        store.write(c -> update(c, "INSERT INTO sessions (token_hash, user_id, kind, csrf, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, s.tokenHash());
                    ps.setLong(2, s.userId());
                    ps.setString(3, s.kind());
                    ps.setString(4, s.csrf());
                    ps.setLong(5, s.created().toEpochMilli());
                    ps.setLong(6, s.expires().toEpochMilli());
                }));
    }

    @Override
    public Optional<StoredSession> session(String tokenHash, Instant now) {
        return store.read(c -> querySingle(c, "SELECT token_hash, user_id, kind, csrf, created_at, expires_at"
                + " FROM sessions WHERE token_hash = ? AND expires_at > ?", ps -> {
                    ps.setString(1, tokenHash);
                    ps.setLong(2, now.toEpochMilli());
                }, rs -> new StoredSession(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)))));
    }

    @Override
    public void removeSession(String tokenHash) {
        store.write(c -> update(c, "DELETE FROM sessions WHERE token_hash = ?", ps -> ps.setString(1, tokenHash)));
    }

    @Override
    public int removeSessions(long userId, String kind) {
        return store.write(c -> update(c, "DELETE FROM sessions WHERE user_id = ? AND kind = ?", ps -> {
            ps.setLong(1, userId);
            ps.setString(2, kind);
        }));
    }

    @Override
    public int removeExpiredSessions(Instant now) {
        return store.write(c -> update(c, "DELETE FROM sessions WHERE expires_at <= ?",
                ps -> ps.setLong(1, now.toEpochMilli())));
    }

    // ---------------------------------------------------------------- reading state

    @Override
    public void setRead(long userId, Collection<Long> articleIds, boolean read) {
        upsertState(userId, articleIds, "is_read", read ? Boolean.TRUE : Boolean.FALSE);
    }

    @Override
    public void setStarred(long userId, Collection<Long> articleIds, boolean starred) {
        upsertState(userId, articleIds, "starred_at", starred ? (Object) now() : null);
    }

    /** One upsert per article, keyed by the article's canonical: {@code (user, COALESCE(duplicate_of, id))}. */
    private void upsertState(long userId, Collection<Long> articleIds, String column, Object value) {
        if (articleIds.isEmpty()) {
            return;
        }
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_state (user_id, article_id, " + column
                    + ", changed_at) SELECT ?, COALESCE(duplicate_of, id), ?, ? FROM articles WHERE id = ?"
                    + " ON CONFLICT (user_id, article_id) DO UPDATE SET " + column + " = excluded." + column
                    + ", changed_at = excluded.changed_at")) {
                long at = now();
                for (long id : articleIds) {
                    ps.setLong(1, userId);
                    if (value == null) {
                        ps.setNull(2, java.sql.Types.BIGINT);
                    } else if (value instanceof Boolean b) {
                        ps.setBoolean(2, b);
                    } else {
                        ps.setLong(2, (Long) value);
                    }
                    ps.setLong(3, at);
                    ps.setLong(4, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<Long, ItemState> states(long userId, Collection<Long> articleIds) {
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(articleIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.read(c -> {
            long mark = userMark(c, userId);
            Map<Long, ItemState> out = new LinkedHashMap<>();
            for (List<Long> chunk : chunks(ids)) {
                for (ItemState s : queryList(c, "SELECT " + ITEM_COLUMNS + " FROM articles a"
                        + " LEFT JOIN item_state s ON s.user_id = ? AND s.article_id = COALESCE(a.duplicate_of, a.id)"
                        + " LEFT JOIN follows f ON f.user_id = ? AND f.kind = 'SOURCE' AND f.source_id = a.source_id"
                        + " WHERE a.id IN (" + marks(chunk.size()) + ")", ps -> {
                            ps.setLong(1, userId);
                            ps.setLong(2, userId);
                            for (int i = 0; i < chunk.size(); i++) {
                                ps.setLong(3 + i, chunk.get(i));
                            }
                        }, rs -> item(rs, mark))) {
                    out.put(s.articleId(), s);
                }
            }
            return Map.copyOf(out);
        });
    }

    @Override
    public List<ItemMark> itemMarks(long userId, long afterArticleId, int limit) {
        return store.read(c -> queryList(c, "SELECT article_id, is_read, starred_at FROM item_state WHERE user_id = ?"
                + " AND article_id > ? ORDER BY article_id LIMIT ?", ps -> {
                    ps.setLong(1, userId);
                    ps.setLong(2, afterArticleId);
                    ps.setInt(3, limit);
                }, rs -> {
                    long id = rs.getLong(1);
                    boolean read = rs.getBoolean(2);
                    Optional<Boolean> verdict = rs.wasNull() ? Optional.empty() : Optional.of(read);
                    rs.getLong(3);
                    return new ItemMark(id, verdict, !rs.wasNull());
                }));
    }

    @Override
    public void markStoryRead(long userId, String storyId) {
        store.write(c -> update(c, "INSERT INTO item_state (user_id, article_id, is_read, changed_at)"
                + " SELECT ?, u.article_id, TRUE, ? FROM understandings u JOIN articles a ON a.id = u.article_id"
                + " WHERE u.story_id = ? AND a.duplicate_of IS NULL"
                + " ON CONFLICT (user_id, article_id) DO UPDATE SET is_read = TRUE, changed_at = excluded.changed_at",
                ps -> {
                    ps.setLong(1, userId);
                    ps.setLong(2, now());
                    ps.setString(3, storyId);
                }));
    }

    @Override
    public List<ItemState> reading(long userId, ReadingQuery q) {
        return store.read(c -> {
            long mark = userMark(c, userId);
            if (q.scope() instanceof ReadingScope.Starred) {
                return starred(c, userId, q, mark);
            }
            // One bounded index walk per source in scope, merged here: the cost follows the reader's follows and the
            // page size, never the size of a source (a single query joining follows to articles sorts them all).
            List<Long> sources = new ArrayList<>();
            switch (q.scope()) {
                case ReadingScope.OneSource one -> sources.add(one.sourceId());
                case ReadingScope.OneFolder folder -> {
                    for (Follow f : follows(c, userId)) {
                        if (f.sourceId().isPresent() && f.folderId().equals(OptionalLong.of(folder.folderId()))) {
                            sources.add(f.sourceId().getAsLong());
                        }
                    }
                }
                default -> {
                    for (Follow f : follows(c, userId)) {
                        f.sourceId().ifPresent(sources::add);
                    }
                }
            }
            java.util.Comparator<Long> byId = q.oldestFirst() ? java.util.Comparator.<Long>naturalOrder()
                    : java.util.Comparator.<Long>reverseOrder();
            java.util.TreeMap<Long, ItemState> merged = new java.util.TreeMap<>(byId);
            for (long source : sources) {
                for (ItemState st : sourcePage(c, userId, source, q, mark)) {
                    merged.put(st.articleId(), st);
                }
                while (merged.size() > q.limit()) {
                    merged.pollLastEntry();
                }
            }
            return List.copyOf(merged.values());
        });
    }

    /** One source's part of a page: the newest (or oldest) {@code limit} rows on index articles_source_newest. */
    private List<ItemState> sourcePage(Connection c, long userId, long source, ReadingQuery q, long userMark)
            throws SQLException {
        long followMark = querySingle(c, "SELECT read_before FROM follows WHERE user_id = ? AND kind = 'SOURCE'"
                + " AND source_id = ?", ps -> {
                    ps.setLong(1, userId);
                    ps.setLong(2, source);
                }, rs -> rs.getLong(1)).orElse(0L);
        long wm = Math.max(userMark, followMark);
        String joins = " LEFT JOIN follows f ON f.user_id = ? AND f.kind = 'SOURCE' AND f.source_id = a.source_id";
        List<Long> bound = new ArrayList<>();
        String bounds = bounds("a.id", q, bound);
        String order = " ORDER BY a.id " + (q.oldestFirst() ? "ASC" : "DESC") + " LIMIT ?";
        List<Long> args = new ArrayList<>(List.of(userId, userId, source));
        args.addAll(bound);
        if (q.unreadOnly()) {
            args.add(wm);
        }
        args.add((long) q.limit());
        List<ItemState> rows = new ArrayList<>(queryList(c, "SELECT " + ITEM_COLUMNS + " FROM articles a"
                + " LEFT JOIN item_state s ON s.user_id = ? AND s.article_id = COALESCE(a.duplicate_of, a.id)" + joins
                + " WHERE a.source_id = ?" + bounds
                + (q.unreadOnly() ? " AND a.id > ? AND (s.is_read IS NULL OR s.is_read = FALSE)" : "") + order,
                ps -> bindAll(ps, args), rs -> item(rs, userMark)));
        if (q.unreadOnly()) {
            // Below the watermark only what the reader marked unread again: looked up from the reader's own rows.
            for (ItemState st : explicitlyUnread(c, userId, source, wm, userMark)) {
                boolean inPage = (q.before().isEmpty() || st.articleId() < q.before().getAsLong())
                        && (q.after().isEmpty() || st.articleId() > q.after().getAsLong());
                if (inPage) {
                    rows.add(st);
                }
            }
        }
        return rows;
    }

    /** The page bounds on {@code column} as SQL with their values appended to {@code args}. */
    private static String bounds(String column, ReadingQuery q, List<Long> args) {
        StringBuilder sql = new StringBuilder();
        if (q.before().isPresent()) {
            sql.append(" AND ").append(column).append(" < ?");
            args.add(q.before().getAsLong());
        }
        if (q.after().isPresent()) {
            sql.append(" AND ").append(column).append(" > ?");
            args.add(q.after().getAsLong());
        }
        return sql.toString();
    }

    private static void bindAll(PreparedStatement ps, List<Long> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setLong(i + 1, args.get(i));
        }
    }

    /** The canonicals the reader marked unread (by the partial index item_state_unread; the reader's own marks). */
    private static List<Long> unreadMarks(Connection c, long userId) throws SQLException {
        return queryList(c, "SELECT article_id FROM item_state WHERE user_id = ? AND is_read = FALSE LIMIT "
                + MAX_UNREAD_MARKS, ps -> ps.setLong(1, userId), rs -> rs.getLong(1));
    }

    /**
     * The articles of {@code source} at or below {@code wm} whose canonical the reader marked unread: driven by the
     * reader's marks (a primary-key and a duplicate_of look-up per mark). The unary {@code +} keeps both SQLite and
     * PostgreSQL from walking the source's index instead.
     */
    private static List<ItemState> explicitlyUnread(Connection c, long userId, long source, long wm, long userMark)
            throws SQLException {
        List<Long> marks = unreadMarks(c, userId);
        List<ItemState> out = new ArrayList<>();
        if (marks.isEmpty()) {
            return out;
        }
        for (List<Long> chunk : chunks(marks)) {
            for (String column : List.of("a.id", "a.duplicate_of")) {
                out.addAll(queryList(c, "SELECT " + ITEM_COLUMNS + " FROM articles a LEFT JOIN item_state s"
                        + " ON s.user_id = ? AND s.article_id = COALESCE(a.duplicate_of, a.id) LEFT JOIN follows f"
                        + " ON f.user_id = ? AND f.kind = 'SOURCE' AND f.source_id = a.source_id WHERE " + column
                        + " IN (" + marks(chunk.size()) + ") AND +a.source_id = ? AND +a.id <= ?", ps -> {
                            ps.setLong(1, userId);
                            ps.setLong(2, userId);
                            for (int i = 0; i < chunk.size(); i++) {
                                ps.setLong(3 + i, chunk.get(i));
                            }
                            ps.setLong(3 + chunk.size(), source);
                            ps.setLong(4 + chunk.size(), wm);
                        }, rs -> item(rs, userMark)));
            }
        }
        return out;
    }

    private static List<ItemState> starred(Connection c, long userId, ReadingQuery q, long mark) throws SQLException {
        List<Long> args = new ArrayList<>(List.of(userId));
        String bounds = bounds("s.article_id", q, args);
        if (q.unreadOnly()) {
            args.add(mark);
        }
        args.add((long) q.limit());
        return queryList(c, "SELECT " + ITEM_COLUMNS + " FROM item_state s JOIN articles a ON a.id = s.article_id"
                + " LEFT JOIN follows f ON f.user_id = s.user_id AND f.kind = 'SOURCE' AND f.source_id = a.source_id"
                + " WHERE s.user_id = ? AND s.starred_at IS NOT NULL" + bounds
                + (q.unreadOnly() ? " AND (s.is_read = FALSE OR (s.is_read IS NULL AND a.id > ? AND a.id >"
                + " COALESCE(f.read_before, 0)))" : "")
                + " ORDER BY s.article_id " + (q.oldestFirst() ? "ASC" : "DESC") + " LIMIT ?",
                ps -> bindAll(ps, args), rs -> item(rs, mark));
    }

    @Override
    public Map<Long, Integer> unreadCounts(long userId) {
        return store.read(c -> {
            long mark = userMark(c, userId);
            Map<Long, Integer> counts = new LinkedHashMap<>();
            for (Follow f : follows(c, userId)) {
                if (f.sourceId().isEmpty()) {
                    continue;
                }
                long source = f.sourceId().getAsLong();
                long wm = Math.max(mark, f.readBefore());
                // Above the watermark: walk the source's newest articles (index articles_source_newest), capped.
                int above = querySingle(c, "SELECT COUNT(*) FROM (SELECT 1 FROM articles a LEFT JOIN item_state s"
                        + " ON s.user_id = ? AND s.article_id = COALESCE(a.duplicate_of, a.id)"
                        + " WHERE a.source_id = ? AND a.id > ? AND (s.is_read IS NULL OR s.is_read = FALSE)"
                        + " LIMIT " + UNREAD_CAP + ") x", ps -> {
                            ps.setLong(1, userId);
                            ps.setLong(2, source);
                            ps.setLong(3, wm);
                        }, rs -> rs.getInt(1)).orElse(0);
                // At or below it only what the reader marked unread again (bounded by the reader's own marks).
                int below = above >= UNREAD_CAP ? 0 : explicitUnreadBelow(c, userId, source, wm);
                int n = Math.min(UNREAD_CAP, above + below);
                if (n > 0) {
                    counts.put(source, n);
                }
            }
            return Map.copyOf(counts);
        });
    }

    private static int explicitUnreadBelow(Connection c, long userId, long source, long wm) throws SQLException {
        return explicitlyUnread(c, userId, source, wm, 0).size();
    }

    @Override
    public void markAllRead(long userId, ReadingScope scope, long upToId) {
        if (scope instanceof ReadingScope.Starred) {
            throw new IllegalArgumentException("mark-all-as-read takes the reading list, a source or a folder");
        }
        store.write(c -> {
            String raise = " SET read_before = CASE WHEN read_before > ? THEN read_before ELSE ? END";
            if (scope instanceof ReadingScope.Subscribed) {
                update(c, "UPDATE users" + raise + " WHERE id = ?", ps -> {
                    ps.setLong(1, upToId);
                    ps.setLong(2, upToId);
                    ps.setLong(3, userId);
                });
                update(c, "UPDATE item_state SET is_read = TRUE, changed_at = ? WHERE user_id = ? AND is_read = FALSE"
                        + " AND article_id <= ?", ps -> {
                            ps.setLong(1, now());
                            ps.setLong(2, userId);
                            ps.setLong(3, upToId);
                        });
                return null;
            }
            List<Long> sources = new ArrayList<>();
            for (Follow f : follows(c, userId)) {
                boolean inScope = switch (scope) {
                    case ReadingScope.OneSource one -> f.sourceId().equals(OptionalLong.of(one.sourceId()));
                    case ReadingScope.OneFolder folder -> f.sourceId().isPresent()
                            && f.folderId().equals(OptionalLong.of(folder.folderId()));
                    default -> false;
                };
                if (inScope) {
                    sources.add(f.sourceId().getAsLong());
                }
            }
            for (long source : sources) {
                update(c, "UPDATE follows" + raise + " WHERE user_id = ? AND kind = 'SOURCE' AND source_id = ?",
                        ps -> {
                            ps.setLong(1, upToId);
                            ps.setLong(2, upToId);
                            ps.setLong(3, userId);
                            ps.setLong(4, source);
                        });
                List<Long> marked = explicitlyUnread(c, userId, source, upToId, 0).stream()
                        .map(ItemState::canonicalId).distinct().toList();
                for (List<Long> chunk : chunks(marked)) {
                    update(c, "UPDATE item_state SET is_read = TRUE, changed_at = ? WHERE user_id = ? AND article_id IN ("
                            + marks(chunk.size()) + ")", ps -> {
                                ps.setLong(1, now());
                                ps.setLong(2, userId);
                                for (int i = 0; i < chunk.size(); i++) {
                                    ps.setLong(3 + i, chunk.get(i));
                                }
                            });
                }
            }
            return null;
        });
    }

    @Override
    public long newestArticleIdAt(Instant at) {
        // Walks back from the newest id until one was stored by then: as long as what arrived after {@code at}.
        return store.read(c -> querySingle(c, "SELECT id FROM articles WHERE ingested_at <= ? ORDER BY id DESC LIMIT 1",
                ps -> ps.setLong(1, at.toEpochMilli()), rs -> rs.getLong(1)).orElse(0L));
    }

    private static long userMark(Connection c, long userId) throws SQLException {
        return querySingle(c, "SELECT read_before FROM users WHERE id = ?", ps -> ps.setLong(1, userId),
                rs -> rs.getLong(1)).orElse(Long.MAX_VALUE); // no such user: nothing is unread
    }

    private static ItemState item(ResultSet rs, long userMark) throws SQLException {
        long id = rs.getLong(1);
        boolean verdict = rs.getBoolean(4);
        boolean hasVerdict = !rs.wasNull();
        long followMark = rs.getLong(7);
        boolean read = hasVerdict ? verdict : id <= userMark || id <= followMark;
        rs.getLong(5);
        boolean starred = !rs.wasNull();
        return new ItemState(id, rs.getLong(2), optionalLong(rs, 3), read, starred, rs.getLong(6));
    }

    // ---------------------------------------------------------------- folders and follows

    @Override
    public Folder folder(long userId, String name) {
        return store.write(c -> {
            Optional<Folder> existing = querySingle(c, "SELECT id, name FROM folders WHERE user_id = ? AND name = ?",
                    ps -> {
                        ps.setLong(1, userId);
                        ps.setString(2, name);
                    }, rs -> new Folder(rs.getLong(1), rs.getString(2)));
            if (existing.isPresent()) {
                return existing.get();
            }
            return querySingle(c, "INSERT INTO folders (user_id, name) VALUES (?, ?) RETURNING id, name", ps -> {
                ps.setLong(1, userId);
                ps.setString(2, name);
            }, rs -> new Folder(rs.getLong(1), rs.getString(2))).orElseThrow();
        });
    }

    @Override
    public List<Folder> folders(long userId) {
        return store.read(c -> queryList(c, "SELECT id, name FROM folders WHERE user_id = ? ORDER BY name",
                ps -> ps.setLong(1, userId), rs -> new Folder(rs.getLong(1), rs.getString(2))));
    }

    @Override
    public boolean renameFolder(long userId, long folderId, String name) {
        return store.write(c -> {
            if (querySingle(c, "SELECT id FROM folders WHERE user_id = ? AND name = ?", ps -> {
                ps.setLong(1, userId);
                ps.setString(2, name);
            }, rs -> rs.getLong(1)).isPresent()) {
                return false;
            }
            return update(c, "UPDATE folders SET name = ? WHERE id = ? AND user_id = ?", ps -> {
                ps.setString(1, name);
                ps.setLong(2, folderId);
                ps.setLong(3, userId);
            }) > 0;
        });
    }

    @Override
    public boolean removeFolder(long userId, long folderId) {
        return store.write(c -> {
            update(c, "UPDATE follows SET folder_id = NULL WHERE user_id = ? AND folder_id = ?", ps -> {
                ps.setLong(1, userId);
                ps.setLong(2, folderId);
            });
            return deleteOwned(c, "folders", userId, folderId);
        });
    }

    @Override
    public Follow follow(long userId, FollowKind kind, String target, String title, OptionalLong folderId) {
        return store.write(c -> {
            Optional<Follow> existing = follow(c, userId, kind, target);
            if (existing.isPresent()) {
                return existing.get();
            }
            OptionalLong source = OptionalLong.empty();
            if (kind == FollowKind.SOURCE) {
                long id = parseSourceId(target);
                if (querySingle(c, "SELECT id FROM sources WHERE id = ?", ps -> ps.setLong(1, id),
                        rs -> rs.getLong(1)).isEmpty()) {
                    throw new IllegalArgumentException("no source " + target);
                }
                source = OptionalLong.of(id);
            }
            OptionalLong sourceId = source;
            return querySingle(c, "INSERT INTO follows (user_id, kind, target, source_id, title, folder_id,"
                    + " read_before, created_at) SELECT ?, ?, ?, ?, ?, ?, 0, ? WHERE ? IS NULL OR EXISTS"
                    + " (SELECT 1 FROM folders WHERE id = ? AND user_id = ?) RETURNING " + FOLLOW_COLUMNS, ps -> {
                        ps.setLong(1, userId);
                        ps.setString(2, kind.name());
                        ps.setString(3, target);
                        setLong(ps, 4, sourceId);
                        ps.setString(5, title);
                        setLong(ps, 6, folderId);
                        ps.setLong(7, now());
                        setLong(ps, 8, folderId);
                        setLong(ps, 9, folderId);
                        ps.setLong(10, userId);
                    }, JdbcReaderStore::follow).orElseThrow(() -> new IllegalArgumentException("no such folder"));
        });
    }

    private static long parseSourceId(String target) {
        try {
            return Long.parseLong(target);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no source " + target);
        }
    }

    @Override
    public Optional<Follow> follow(long userId, long followId) {
        return store.read(c -> querySingle(c, "SELECT " + FOLLOW_COLUMNS + " FROM follows WHERE user_id = ? AND id = ?",
                ps -> {
                    ps.setLong(1, userId);
                    ps.setLong(2, followId);
                }, JdbcReaderStore::follow));
    }

    @Override
    public Optional<Follow> follow(long userId, FollowKind kind, String target) {
        return store.read(c -> follow(c, userId, kind, target));
    }

    private static Optional<Follow> follow(Connection c, long userId, FollowKind kind, String target)
            throws SQLException {
        return querySingle(c, "SELECT " + FOLLOW_COLUMNS + " FROM follows WHERE user_id = ? AND kind = ? AND target = ?",
                ps -> {
                    ps.setLong(1, userId);
                    ps.setString(2, kind.name());
                    ps.setString(3, target);
                }, JdbcReaderStore::follow);
    }

    @Override
    public List<Follow> follows(long userId) {
        return store.read(c -> follows(c, userId));
    }

    private static List<Follow> follows(Connection c, long userId) throws SQLException {
        return queryList(c, "SELECT " + FOLLOW_COLUMNS + " FROM follows WHERE user_id = ? ORDER BY id DESC",
                ps -> ps.setLong(1, userId), JdbcReaderStore::follow);
    }

    @Override
    public boolean updateFollow(long userId, long followId, Optional<String> title, Optional<OptionalLong> folderId) {
        return store.write(c -> {
            if (querySingle(c, "SELECT id FROM follows WHERE id = ? AND user_id = ?", ps -> {
                ps.setLong(1, followId);
                ps.setLong(2, userId);
            }, rs -> rs.getLong(1)).isEmpty()) {
                return false;
            }
            if (title.isPresent()) {
                update(c, "UPDATE follows SET title = ? WHERE id = ?", ps -> {
                    ps.setString(1, title.get());
                    ps.setLong(2, followId);
                });
            }
            if (folderId.isPresent()) {
                OptionalLong folder = folderId.get();
                if (folder.isPresent() && querySingle(c, "SELECT id FROM folders WHERE id = ? AND user_id = ?", ps -> {
                    ps.setLong(1, folder.getAsLong());
                    ps.setLong(2, userId);
                }, rs -> rs.getLong(1)).isEmpty()) {
                    return false;
                }
                update(c, "UPDATE follows SET folder_id = ? WHERE id = ?", ps -> {
                    setLong(ps, 1, folder);
                    ps.setLong(2, followId);
                });
            }
            return true;
        });
    }

    @Override
    public boolean unfollow(long userId, long followId) {
        return store.write(c -> deleteOwned(c, "follows", userId, followId));
    }

    /**
     * Deletes row {@code id} of {@code table} if it belongs to {@code userId}: a reader can remove only their own
     * folders, follows, saved searches and alerts. {@code table} is one of those constant names, never user input.
     */
    private static boolean deleteOwned(Connection c, String table, long userId, long id) throws SQLException {
        return update(c, "DELETE FROM " + table + " WHERE id = ? AND user_id = ?", ps -> {
            ps.setLong(1, id);
            ps.setLong(2, userId);
        }) > 0;
    }

    private static Follow follow(ResultSet rs) throws SQLException {
        return new Follow(rs.getLong(1), FollowKind.valueOf(rs.getString(2)), rs.getString(3), optionalLong(rs, 4),
                rs.getString(5), optionalLong(rs, 6), rs.getLong(7), Instant.ofEpochMilli(rs.getLong(8)));
    }

    private static void setLong(PreparedStatement ps, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.getAsLong());
        } else {
            ps.setNull(index, java.sql.Types.BIGINT);
        }
    }

    // ---------------------------------------------------------------- saved searches

    @Override
    public SavedSearch saveSearch(long userId, String name, String query) {
        return store.write(c -> querySingle(c, "INSERT INTO saved_searches (user_id, name, query, created_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (user_id, name) DO UPDATE SET query = excluded.query"
                + " RETURNING id, name, query, created_at", ps -> {
                    ps.setLong(1, userId);
                    ps.setString(2, name);
                    ps.setString(3, query);
                    ps.setLong(4, now());
                }, JdbcReaderStore::savedSearch).orElseThrow());
    }

    @Override
    public List<SavedSearch> savedSearches(long userId) {
        return store.read(c -> queryList(c, "SELECT id, name, query, created_at FROM saved_searches WHERE user_id = ?"
                + " ORDER BY name", ps -> ps.setLong(1, userId), JdbcReaderStore::savedSearch));
    }

    @Override
    public boolean removeSavedSearch(long userId, long id) {
        return store.write(c -> deleteOwned(c, "saved_searches", userId, id));
    }

    private static SavedSearch savedSearch(ResultSet rs) throws SQLException {
        return new SavedSearch(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }

    // ---------------------------------------------------------------- keyword alerts

    private static final String ALERT_COLUMNS = "id, user_id, query, webhook_url, last_article_id, created_at";

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                Instant.ofEpochMilli(rs.getLong(6)));
    }

    @Override
    public Alert addAlert(long userId, String query, String webhookUrl, long startAfterId) {
        return store.write(c -> querySingle(c, "INSERT INTO alerts (user_id, query, webhook_url, last_article_id,"
                + " created_at) VALUES (?, ?, ?, ?, ?) RETURNING " + ALERT_COLUMNS, ps -> {
                    ps.setLong(1, userId);
                    ps.setString(2, query);
                    ps.setString(3, webhookUrl);
                    ps.setLong(4, startAfterId);
                    ps.setLong(5, now());
                }, JdbcReaderStore::alert).orElseThrow());
    }

    @Override
    public List<Alert> alerts(long userId) {
        return store.read(c -> queryList(c, "SELECT " + ALERT_COLUMNS + " FROM alerts WHERE user_id = ? ORDER BY id",
                ps -> ps.setLong(1, userId), JdbcReaderStore::alert));
    }

    @Override
    public List<Alert> allAlerts(int limit) {
        return store.read(c -> queryList(c, "SELECT " + ALERT_COLUMNS + " FROM alerts ORDER BY id LIMIT ?",
                ps -> ps.setInt(1, limit), JdbcReaderStore::alert));
    }

    @Override
    public boolean removeAlert(long userId, long alertId) {
        return store.write(c -> deleteOwned(c, "alerts", userId, alertId));
    }

    @Override
    public void advanceAlert(long alertId, long lastArticleId) {
        store.write(c -> update(c, "UPDATE alerts SET last_article_id = ? WHERE id = ? AND last_article_id < ?", ps -> {
            ps.setLong(1, lastArticleId);
            ps.setLong(2, alertId);
            ps.setLong(3, lastArticleId);
        }));
    }

    @Override
    public long newestArticleId() {
        return store.read(c -> querySingle(c, "SELECT MAX(id) FROM articles", ps -> { }, rs -> rs.getLong(1))
                .orElse(0L));
    }
}

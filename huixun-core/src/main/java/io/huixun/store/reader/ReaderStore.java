package io.huixun.store.reader;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the store keeps per reader. Reading state is kept under an article's canonical (see the V6 migration), so
 * marking a copy read marks every copy read; "everything up to here" is a watermark, so mark-all-as-read writes one
 * row. No method walks everything stored: lists are paged by article id on indexes, counts are capped at
 * {@link #UNREAD_CAP} per source.
 *
 * <p>Thread-safe, with the same guarantees as the {@link io.huixun.store.ArticleStore} it belongs to (writes
 * serialised, each call one transaction).
 */
public interface ReaderStore {
    /** Unread counts stop at this (apps show "1000+"); keeps a count's cost bounded however big a source grows. */
    int UNREAD_CAP = 1000;

    // ---------------------------------------------------------------- accounts

    AccountAddResult addAccount(String name, Role role, String passwordHash, Optional<String> feverKey);

    Optional<Account> account(long id);

    Optional<Account> account(String name);

    Optional<Account> accountByFeverKey(String feverKey);

    /** Every account, by name (accounts are few). */
    List<Account> accounts();

    /** Replaces an account's password hash and Fever key, and ends its sessions. False when there is none. */
    boolean setPassword(long userId, String passwordHash, Optional<String> feverKey);

    /** Changes an account's role. False when there is none. */
    boolean setRole(long userId, Role role);

    /** Removes an account with its sessions and everything it kept. False when there was none. */
    boolean removeAccount(long userId);

    // ---------------------------------------------------------------- sessions

    void addSession(StoredSession session);

    /** The live session with this token hash, or empty when unknown or expired at {@code now}. */
    Optional<StoredSession> session(String tokenHash, Instant now);

    void removeSession(String tokenHash);

    /** Removes an account's sessions of {@code kind} (by index); how many. */
    int removeSessions(long userId, String kind);

    /** Removes the sessions expired at {@code now} (by index); how many. */
    int removeExpiredSessions(Instant now);

    // ---------------------------------------------------------------- reading state

    /** Marks these articles read or unread for the reader (kept under each one's canonical); unknown ids are skipped. */
    void setRead(long userId, Collection<Long> articleIds, boolean read);

    /** Stars or unstars these articles (kept under each one's canonical); unknown ids are skipped. */
    void setStarred(long userId, Collection<Long> articleIds, boolean starred);

    /** The reader's state of these articles, by id; unknown ids are absent. */
    Map<Long, ItemState> states(long userId, Collection<Long> articleIds);

    /**
     * The reader's kept marks on articles with ids above {@code afterArticleId}, by id, at most {@code limit} (a page
     * on the primary key): for copying a reader to another store.
     */
    List<ItemMark> itemMarks(long userId, long afterArticleId, int limit);

    /** Marks every canonical member of a story read (a story is as big as its reports, never the store). */
    void markStoryRead(long userId, String storyId);

    /** A page of a reading list with each article's state. */
    List<ItemState> reading(long userId, ReadingQuery query);

    /** Unread articles per followed source (source id → count, at most {@link #UNREAD_CAP}); sources with none absent. */
    Map<Long, Integer> unreadCounts(long userId);

    /**
     * Marks everything in {@code scope} up to article {@code upToId} read, with one watermark (explicit unread marks
     * in the scope are cleared too). {@link ReadingScope.Starred} is not a scope for this and is refused.
     */
    void markAllRead(long userId, ReadingScope scope, long upToId);

    /** The largest article id stored at or before {@code at} (for mark-all-as-read "older than"); 0 when none. */
    long newestArticleIdAt(Instant at);

    // ---------------------------------------------------------------- folders and follows

    /** The reader's folder of this name, made when missing. */
    Folder folder(long userId, String name);

    List<Folder> folders(long userId);

    /** Renames a folder; false when there is none or the name is taken. */
    boolean renameFolder(long userId, long folderId, String name);

    /** Removes a folder (its follows stay, unfiled). False when there was none. */
    boolean removeFolder(long userId, long folderId);

    /**
     * Follows something; answers the existing follow when already followed (its title and folder unchanged). A
     * {@link FollowKind#SOURCE} target must be the id of a stored source.
     *
     * @throws IllegalArgumentException when a SOURCE target is not a stored source's id
     */
    Follow follow(long userId, FollowKind kind, String target, String title, OptionalLong folderId);

    Optional<Follow> follow(long userId, long followId);

    Optional<Follow> follow(long userId, FollowKind kind, String target);

    /** The reader's follows, newest first. */
    List<Follow> follows(long userId);

    /** Files a follow in a folder (or none) and/or renames it. False when there is no such follow. */
    boolean updateFollow(long userId, long followId, Optional<String> title, Optional<OptionalLong> folderId);

    boolean unfollow(long userId, long followId);

    // ---------------------------------------------------------------- saved searches

    /** Saves (or replaces the query of) the reader's search of this name. */
    SavedSearch saveSearch(long userId, String name, String query);

    List<SavedSearch> savedSearches(long userId);

    boolean removeSavedSearch(long userId, long id);

    // ---------------------------------------------------------------- keyword alerts

    /** Adds an alert that sends articles stored after {@code startAfterId}. */
    Alert addAlert(long userId, String query, String webhookUrl, long startAfterId);

    List<Alert> alerts(long userId);

    /** Every reader's alerts, oldest first, at most {@code limit} (alerts are few; the dispatcher walks them). */
    List<Alert> allAlerts(int limit);

    boolean removeAlert(long userId, long alertId);

    /** Records that articles up to {@code lastArticleId} were delivered (never moves back). */
    void advanceAlert(long alertId, long lastArticleId);

    /** The newest stored article's id (0 when none): where a new alert starts. */
    long newestArticleId();
}

package io.huixun.app.cli;

import io.huixun.ingest.StoryCopy;
import io.huixun.store.ArticleStore;
import io.huixun.store.reader.Account;
import io.huixun.store.reader.AccountAddResult;
import io.huixun.store.reader.Alert;
import io.huixun.store.reader.Folder;
import io.huixun.store.reader.Follow;
import io.huixun.store.reader.FollowKind;
import io.huixun.store.reader.ItemMark;
import io.huixun.store.reader.ReaderStore;
import io.huixun.store.reader.ReadingScope;
import io.huixun.store.reader.SavedSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Carries readers to a store that numbers articles and sources anew ({@code huixun migrate}): accounts (with their
 * password hashes, so passwords keep working), folders, follows, watermarks, read and starred marks, saved searches
 * and alerts. Article numbers inside them are translated: a mark names its article's new number; a watermark
 * ("everything up to article 812 is read") becomes the new number of the newest copied article at or below it, which
 * keeps its meaning because the copy keeps the articles' order. An account whose name the target already has is left
 * alone, so a second run changes nothing.
 *
 * <p>Confined to the migrating thread.
 */
final class ReaderCopy {
    /** Marks read per page from the source. */
    private static final int PAGE = 1000;

    private final ArticleStore source;
    private final ArticleStore target;
    private final Map<Long, Long> newId;
    private final Map<Long, Long> newSourceId;
    /** Old article numbers in ascending order and their new numbers, for watermarks. */
    private final long[] oldIds;
    private final long[] newIds;

    ReaderCopy(ArticleStore source, ArticleStore target, Map<Long, Long> newId, Map<Long, Long> newSourceId) {
        this.source = source;
        this.target = target;
        this.newId = newId;
        this.newSourceId = newSourceId;
        this.oldIds = newId.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        this.newIds = Arrays.stream(oldIds).map(newId::get).toArray();
    }

    /**
     * What {@link #copyAll} did: how many accounts it added, and the names it left alone because the target already
     * has an account of that name (a second run, or a reader who signed up there first).
     */
    record Copied(int added, List<String> leftAlone) {}

    /** Copies every reader whose name the target does not have yet. */
    Copied copyAll() {
        int added = 0;
        List<String> leftAlone = new ArrayList<>();
        for (Account a : source.readers().accounts()) {
            if (copy(a)) {
                added++;
            } else {
                leftAlone.add(a.name());
            }
        }
        return new Copied(added, List.copyOf(leftAlone));
    }

    private boolean copy(Account a) {
        ReaderStore from = source.readers();
        ReaderStore to = target.readers();
        if (!(to.addAccount(a.name(), a.role(), a.passwordHash(), a.feverKey()) instanceof AccountAddResult.Added added)) {
            return false;
        }
        long user = added.account().id();
        if (a.readBefore() > 0) {
            to.markAllRead(user, new ReadingScope.Subscribed(), watermark(a.readBefore()));
        }
        Map<Long, Long> folders = new HashMap<>();
        for (Folder f : from.folders(a.id())) {
            folders.put(f.id(), to.folder(user, f.name()).id());
        }
        for (Follow f : from.follows(a.id()).reversed()) { // oldest first, as they were made
            Optional<String> targetName = switch (f.kind()) {
                case SOURCE -> f.sourceId().isEmpty() ? Optional.empty()
                        : Optional.ofNullable(newSourceId.get(f.sourceId().getAsLong())).map(String::valueOf);
                case STORY -> Optional.of(StoryCopy.targetStoryId(source, f.target(),
                        old -> Optional.ofNullable(newId.get(old))));
                default -> Optional.of(f.target());
            };
            if (targetName.isEmpty()) {
                continue; // its source was not copied
            }
            OptionalLong folder = f.folderId().isPresent() && folders.containsKey(f.folderId().getAsLong())
                    ? OptionalLong.of(folders.get(f.folderId().getAsLong())) : OptionalLong.empty();
            Follow made = to.follow(user, f.kind(), targetName.get(), f.title(), folder);
            if (f.kind() == FollowKind.SOURCE && f.readBefore() > 0 && made.sourceId().isPresent()) {
                to.markAllRead(user, new ReadingScope.OneSource(made.sourceId().getAsLong()),
                        watermark(f.readBefore()));
            }
        }
        // After the watermarks: a mark below one (read again as unread) must win, as it did in the source.
        long after = 0;
        for (List<ItemMark> page; !(page = from.itemMarks(a.id(), after, PAGE)).isEmpty(); ) {
            List<Long> read = new ArrayList<>();
            List<Long> unread = new ArrayList<>();
            List<Long> starred = new ArrayList<>();
            for (ItemMark m : page) {
                Long id = newId.get(m.articleId());
                if (id != null) {
                    m.read().ifPresent(r -> (r ? read : unread).add(id));
                    if (m.starred()) {
                        starred.add(id);
                    }
                }
            }
            if (!read.isEmpty()) {
                to.setRead(user, read, true);
            }
            if (!unread.isEmpty()) {
                to.setRead(user, unread, false);
            }
            if (!starred.isEmpty()) {
                to.setStarred(user, starred, true);
            }
            after = page.get(page.size() - 1).articleId();
        }
        for (SavedSearch s : from.savedSearches(a.id())) {
            to.saveSearch(user, s.name(), s.query());
        }
        for (Alert alert : from.alerts(a.id())) {
            to.addAlert(user, alert.query(), alert.webhookUrl(), watermark(alert.lastArticleId()));
        }
        return true;
    }

    /** The new number of the newest copied article at or below old number {@code old}; 0 when there is none. */
    long watermark(long old) {
        int i = Arrays.binarySearch(oldIds, old);
        int at = i >= 0 ? i : -i - 2;
        return at < 0 ? 0 : newIds[at];
    }
}

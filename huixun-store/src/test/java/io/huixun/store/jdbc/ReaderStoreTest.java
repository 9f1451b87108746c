package io.huixun.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huixun.nlp.Category;
import io.huixun.nlp.Entities;
import io.huixun.nlp.Understanding;
import io.huixun.store.NewArticle;
import io.huixun.store.NewSource;
import io.huixun.store.SaveResult;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import io.huixun.store.StoredUnderstanding;
import io.huixun.store.reader.Account;
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
import io.huixun.store.reader.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Accounts, sessions and each reader's state: the same behaviour on every back-end. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.huixun.store.jdbc.StoreBackend#all")
class ReaderStoreTest extends OnEveryStoreBackend {

    private ReaderStore readers() {
        return store.readers();
    }

    private long user(String name) {
        return ((AccountAddResult.Added) readers().addAccount(name, Role.READER, "$argon2id$x", Optional.of("k-" + name)))
                .account().id();
    }

    private long source(String name) {
        return ((SourceAddResult.Added) store.addSource(new NewSource(name, "https://" + name + ".example.cn/feed",
                SourceKind.FEED, Optional.empty(), Duration.ofMinutes(30)))).source().id();
    }

    private long article(int n, long source, OptionalLong copyOf) {
        NewArticle a = TestArticles.article(n);
        NewArticle placed = new NewArticle(a.url(), OptionalLong.of(source), a.source(), a.title(), a.published(),
                a.teaser(), a.original(), a.canonicalText(), a.repairLogJson(), a.fingerprint(), copyOf);
        return ((SaveResult.Inserted) store.save(placed)).article().id();
    }

    @Test
    void accountsAreUniqueByNameAndFoundByFeverKey() {
        long id = user("li");
        assertThat(readers().addAccount("li", Role.ADMIN, "h", Optional.empty()))
                .isEqualTo(new AccountAddResult.NameTaken("li"));
        assertThat(readers().account("li")).map(Account::id).contains(id);
        assertThat(readers().accountByFeverKey("k-li")).map(Account::name).contains("li");
        assertThat(readers().setRole(id, Role.ADMIN)).isTrue();
        assertThat(readers().account(id).orElseThrow().admin()).isTrue();
        assertThat(readers().accounts()).extracting(Account::name).containsExactly("li");
    }

    @Test
    void removingOneKindOfSessionLeavesTheOthersAndOtherAccounts() {
        long li = user("li");
        long wang = user("wang");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        readers().addSession(new StoredSession("t-li", li, StoredSession.TOKEN, "c1", t, t.plusSeconds(600)));
        readers().addSession(new StoredSession("w-li", li, StoredSession.WEB, "c2", t, t.plusSeconds(600)));
        readers().addSession(new StoredSession("t-wang", wang, StoredSession.TOKEN, "c3", t, t.plusSeconds(600)));
        assertThat(readers().removeSessions(li, StoredSession.TOKEN)).isEqualTo(1);
        assertThat(readers().session("t-li", t)).isEmpty();
        assertThat(readers().session("w-li", t)).isPresent();
        assertThat(readers().session("t-wang", t)).map(StoredSession::kind).contains(StoredSession.TOKEN);
    }

    @Test
    void sessionsExpireAndEndWithANewPasswordOrTheAccount() {
        long id = user("li");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        readers().addSession(new StoredSession("h1", id, StoredSession.WEB, "c1", t, t.plusSeconds(60)));
        assertThat(readers().session("h1", t.plusSeconds(59))).map(StoredSession::csrf).contains("c1");
        assertThat(readers().session("h1", t.plusSeconds(60))).isEmpty();
        assertThat(readers().removeExpiredSessions(t.plusSeconds(61))).isEqualTo(1);

        readers().addSession(new StoredSession("h2", id, StoredSession.WEB, "c2", t, t.plusSeconds(60)));
        assertThat(readers().setPassword(id, "$argon2id$new", Optional.of("k2"))).isTrue();
        assertThat(readers().session("h2", t)).as("a new password ends old sessions").isEmpty();
        assertThat(readers().accountByFeverKey("k-li")).isEmpty();

        readers().addSession(new StoredSession("h3", id, StoredSession.API, "c3", t, t.plusSeconds(60)));
        long s = source("xinhua");
        long a = article(1, s, OptionalLong.empty());
        readers().setStarred(id, List.of(a), true);
        readers().follow(id, FollowKind.SOURCE, String.valueOf(s), "新华网", OptionalLong.empty());
        assertThat(readers().removeAccount(id)).isTrue();
        assertThat(readers().session("h3", t)).isEmpty();
        assertThat(readers().account("li")).isEmpty();
        assertThat(readers().removeAccount(id)).isFalse();
    }

    @Test
    void aReadersKeptMarksAreReadBackInPagesByArticle() {
        long li = user("li");
        long wang = user("wang");
        long s = source("央视网");
        long a = article(1, s, OptionalLong.empty());
        long b = article(2, s, OptionalLong.empty());
        long c = article(3, s, OptionalLong.empty());
        readers().setRead(li, List.of(a), true);
        readers().setRead(li, List.of(b), false);
        readers().setStarred(li, List.of(b, c), true);
        readers().setRead(wang, List.of(a, b, c), true);
        assertThat(readers().itemMarks(li, 0, 2)).containsExactly(new ItemMark(a, Optional.of(true), false),
                new ItemMark(b, Optional.of(false), true));
        assertThat(readers().itemMarks(li, b, 2)).containsExactly(new ItemMark(c, Optional.empty(), true));
        assertThat(readers().itemMarks(li, c, 2)).isEmpty();
    }

    @Test
    void aCopyReadOnceIsReadEverywhereAndOnlyForThatReader() {
        long li = user("li");
        long wang = user("wang");
        long xinhua = source("xinhua");
        long portal = source("portal");
        long original = article(1, xinhua, OptionalLong.empty());
        long copy = article(2, portal, OptionalLong.of(original));

        readers().setRead(li, List.of(copy), true);
        assertThat(readers().states(li, List.of(original, copy)).values()).allMatch(ItemState::read);
        assertThat(readers().states(li, List.of(copy)).get(copy).canonicalId()).isEqualTo(original);
        assertThat(readers().states(wang, List.of(original, copy)).values()).noneMatch(ItemState::read);

        readers().setStarred(wang, List.of(original), true);
        assertThat(readers().states(wang, List.of(copy)).get(copy).starred()).isTrue();
        assertThat(readers().states(li, List.of(copy)).get(copy).starred()).isFalse();
        assertThat(readers().reading(wang, ReadingQuery.newest(new ReadingScope.Starred(), false, 10)))
                .extracting(ItemState::articleId).containsExactly(original);
        assertThat(readers().reading(li, ReadingQuery.newest(new ReadingScope.Starred(), false, 10))).isEmpty();

        readers().setRead(li, List.of(original), false);
        assertThat(readers().states(li, List.of(copy)).get(copy).read()).isFalse();
    }

    @Test
    void readingListsUnreadCountsAndMarkAllAsReadByWatermark() {
        long li = user("li");
        long wang = user("wang");
        long xinhua = source("xinhua");
        long cctv = source("cctv");
        long other = source("other");
        long x1 = article(1, xinhua, OptionalLong.empty());
        long x2 = article(2, xinhua, OptionalLong.empty());
        long c1 = article(3, cctv, OptionalLong.empty());
        long o1 = article(4, other, OptionalLong.empty());
        Folder news = readers().folder(li, "要闻");
        assertThat(readers().folder(li, "要闻")).isEqualTo(news);
        readers().follow(li, FollowKind.SOURCE, String.valueOf(xinhua), "新华网", OptionalLong.of(news.id()));
        readers().follow(li, FollowKind.SOURCE, String.valueOf(cctv), "央视网", OptionalLong.empty());
        readers().follow(wang, FollowKind.SOURCE, String.valueOf(xinhua), "新华网", OptionalLong.empty());

        assertThat(readers().reading(li, ReadingQuery.newest(new ReadingScope.Subscribed(), true, 10)))
                .extracting(ItemState::articleId).containsExactly(c1, x2, x1).doesNotContain(o1);
        assertThat(readers().reading(li, ReadingQuery.newest(new ReadingScope.OneFolder(news.id()), false, 10)))
                .extracting(ItemState::articleId).containsExactly(x2, x1);
        assertThat(readers().reading(li, new ReadingQuery(new ReadingScope.Subscribed(), false, OptionalLong.of(x2),
                OptionalLong.empty(), false, 10))).extracting(ItemState::articleId).containsExactly(x1);
        assertThat(readers().unreadCounts(li)).containsEntry(xinhua, 2).containsEntry(cctv, 1).hasSize(2);

        readers().setRead(li, List.of(x1), true);
        assertThat(readers().unreadCounts(li)).containsEntry(xinhua, 1);

        readers().markAllRead(li, new ReadingScope.OneSource(xinhua), x2);
        assertThat(readers().unreadCounts(li)).doesNotContainKey(xinhua).containsEntry(cctv, 1);
        assertThat(readers().unreadCounts(wang)).as("another reader's marks are not mine").containsEntry(xinhua, 2);

        readers().setRead(li, List.of(x1), false);
        assertThat(readers().unreadCounts(li)).as("marked unread below the watermark").containsEntry(xinhua, 1);
        assertThat(readers().reading(li, ReadingQuery.newest(new ReadingScope.Subscribed(), true, 10)))
                .extracting(ItemState::articleId).containsExactly(c1, x1);

        readers().markAllRead(li, new ReadingScope.Subscribed(), readers().newestArticleIdAt(Instant.now().plusSeconds(5)));
        assertThat(readers().unreadCounts(li)).isEmpty();
        assertThat(readers().states(li, List.of(x1, c1, o1)).values()).allMatch(ItemState::read);
        long x3 = article(5, xinhua, OptionalLong.empty());
        assertThat(readers().unreadCounts(li)).containsExactly(java.util.Map.entry(xinhua, 1));
        assertThat(readers().states(li, List.of(x3)).get(x3).read()).isFalse();
        assertThatThrownBy(() -> readers().markAllRead(li, new ReadingScope.Starred(), x3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoryReadMarksItsMembersRead() {
        long li = user("li");
        long s = source("xinhua");
        long a = article(1, s, OptionalLong.empty());
        long b = article(2, s, OptionalLong.empty());
        long copy = article(3, s, OptionalLong.of(b));
        for (long id : List.of(a, b)) {
            store.saveUnderstanding(new StoredUnderstanding(id, new Understanding(List.of(), Entities.NONE,
                    Optional.empty(), "", Category.OTHER), Optional.of("s-1")));
        }
        readers().markStoryRead(li, "s-1");
        assertThat(readers().states(li, List.of(a, b, copy)).values()).allMatch(ItemState::read);
    }

    @Test
    void followsFoldersAndSavedSearchesBelongToTheirReader() {
        long li = user("li");
        long wang = user("wang");
        long s = source("xinhua");
        Follow story = readers().follow(li, FollowKind.STORY, "s-1", "台风", OptionalLong.empty());
        assertThat(readers().follow(li, FollowKind.STORY, "s-1", "另一个", OptionalLong.empty())).isEqualTo(story);
        readers().follow(li, FollowKind.ENTITY, "王毅", "王毅", OptionalLong.empty());
        readers().follow(li, FollowKind.QUERY, "芯片 出口", "芯片", OptionalLong.empty());
        assertThatThrownBy(() -> readers().follow(li, FollowKind.SOURCE, "999", "x", OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        Folder wangs = readers().folder(wang, "王的");
        assertThatThrownBy(() -> readers().follow(li, FollowKind.SOURCE, String.valueOf(s), "x",
                OptionalLong.of(wangs.id()))).as("another reader's folder").isInstanceOf(IllegalArgumentException.class);
        assertThat(readers().follows(li)).extracting(Follow::kind)
                .containsExactly(FollowKind.QUERY, FollowKind.ENTITY, FollowKind.STORY);
        assertThat(readers().follows(wang)).isEmpty();
        assertThat(readers().unfollow(wang, story.id())).isFalse();
        assertThat(readers().follow(wang, story.id())).isEmpty();

        Folder f = readers().folder(li, "科技");
        assertThat(readers().updateFollow(li, story.id(), Optional.of("台风专题"), Optional.of(OptionalLong.of(f.id()))))
                .isTrue();
        assertThat(readers().follow(li, story.id()).orElseThrow().folderId()).hasValue(f.id());
        assertThat(readers().renameFolder(li, f.id(), "技术")).isTrue();
        assertThat(readers().removeFolder(li, f.id())).isTrue();
        assertThat(readers().follow(li, story.id()).orElseThrow().folderId()).isEmpty();
        assertThat(readers().unfollow(li, story.id())).isTrue();

        readers().saveSearch(li, "芯片", "芯片");
        readers().saveSearch(li, "芯片", "芯片 OR 半导体");
        assertThat(readers().savedSearches(li)).singleElement().satisfies(x -> assertThat(x.query()).isEqualTo("芯片 OR 半导体"));
        assertThat(readers().savedSearches(wang)).isEmpty();
        assertThat(readers().removeSavedSearch(wang, readers().savedSearches(li).get(0).id())).isFalse();
    }

    @Test
    void alertsBelongToTheirReaderAndOnlyMoveForward() {
        long li = user("li");
        long wang = user("wang");
        long s = source("xinhua");
        long a = article(1, s, OptionalLong.empty());
        assertThat(readers().newestArticleId()).isEqualTo(a);
        var alert = readers().addAlert(li, "芯片", "https://hooks.example.cn/x", readers().newestArticleId());
        assertThat(readers().alerts(li)).containsExactly(alert);
        assertThat(readers().alerts(wang)).isEmpty();
        assertThat(readers().allAlerts(10)).containsExactly(alert);
        readers().advanceAlert(alert.id(), a + 5);
        readers().advanceAlert(alert.id(), a + 1);
        assertThat(readers().alerts(li).get(0).lastArticleId()).isEqualTo(a + 5);
        assertThat(readers().removeAlert(wang, alert.id())).isFalse();
        readers().removeAccount(li);
        assertThat(readers().allAlerts(10)).isEmpty();
    }
}

package io.huixun.store.jdbc;

import static io.huixun.store.jdbc.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.nlp.Category;
import io.huixun.nlp.Entities;
import io.huixun.nlp.Understanding;
import io.huixun.store.ArticleSummary;
import io.huixun.store.NewArticle;
import io.huixun.store.SaveResult;
import io.huixun.store.StoredUnderstanding;
import io.huixun.store.StoryMember;
import io.huixun.store.StoryRecord;
import io.huixun.store.StoryState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Stories are stored rows whose counts the writer keeps: the same behaviour on every back-end. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.huixun.store.jdbc.StoreBackend#all")
class StoryStoreTest extends OnEveryStoreBackend {
    private static final Instant T0 = Instant.parse("2025-04-26T02:00:00Z");

    private long insert(NewArticle article) {
        return ((SaveResult.Inserted) store.save(article)).article().id();
    }

    private void join(String story, long id, Instant at, String source, boolean teaser, boolean copy) {
        store.saveUnderstanding(new StoredUnderstanding(id, new Understanding(List.of(), Entities.NONE,
                Optional.empty(), "", Category.OTHER), Optional.of(story)));
        store.addToStory(new StoryMember(story, id, "标题" + id, at, true, teaser, true, source, copy));
    }

    @Test
    void countsSourcesOnceAndPrefersAFullReportAsLead() {
        long teaser = insert(article(1));
        long full = insert(article(2));
        long copy = insert(article(3));
        join("s-" + teaser, teaser, T0, "新华网", true, false);
        join("s-" + teaser, full, T0.plusSeconds(3600), "央视网", false, false);
        join("s-" + teaser, copy, T0.plusSeconds(7200), "新华网", false, true);

        StoryRecord s = store.story("s-" + teaser).orElseThrow();
        assertThat(s.articles()).isEqualTo(2);
        assertThat(s.reports()).isEqualTo(3);
        assertThat(s.sources()).as("新华网 twice counts once").isEqualTo(2);
        assertThat(s.otherSources()).isEqualTo(1);
        assertThat(s.leadId()).as("full text beats an earlier teaser").isEqualTo(full);
        assertThat(s.title()).isEqualTo("标题" + full);
        assertThat(s.first()).isEqualTo(T0);
        assertThat(s.last()).as("a copy adds a report, not a time").isEqualTo(T0.plusSeconds(3600));
        assertThat(store.storySources("s-" + teaser)).containsExactly(java.util.Map.entry("新华网", 2),
                java.util.Map.entry("央视网", 1));
    }

    @Test
    void aMergeMovesMembersSourcesAndCountsAndTheOldIdLeadsToTheSurvivor() {
        long a = insert(article(1));
        long b = insert(article(2));
        long c = insert(article(3));
        join("s-a", a, T0, "甲", false, false);
        join("s-b", b, T0.minusSeconds(600), "乙", false, false);
        join("s-b", c, T0.plusSeconds(600), "丙", false, false);
        store.mergeStories("s-a", "s-b");

        StoryRecord merged = store.story("s-a").orElseThrow();
        assertThat(merged.articles()).isEqualTo(3);
        assertThat(merged.sources()).isEqualTo(3);
        assertThat(merged.first()).isEqualTo(T0.minusSeconds(600));
        assertThat(merged.leadId()).as("the earlier full report of the two leads").isEqualTo(b);
        assertThat(store.story("s-b")).contains(merged);
        assertThat(store.stories(List.of("s-a", "s-b"))).containsOnlyKeys("s-a");
        assertThat(store.storyArticles("s-a", 10)).extracting(ArticleSummary::id).containsExactlyInAnyOrder(a, b, c);
        assertThat(store.understanding(c).orElseThrow().storyId()).contains("s-a");
    }

    @Test
    void lateStoriesStillOpenAreReadBackNewestKeptAndClosedOrMergedOnesLeftOut() {
        long live = insert(article(1));
        join("s-live", live, T0.plus(Duration.ofDays(365)), "甲", false, false);
        store.saveStoryState("s-live", "{\"live\":1}", Optional.empty());
        Instant newest = T0.plus(Duration.ofDays(365));
        // four late stories of last year: two open until after the newest story, one closed, one merged away
        String[] ids = {"s-a", "s-b", "s-closed", "s-merged"};
        Instant[] until = {newest.plus(Duration.ofDays(3)), newest.plus(Duration.ofDays(2)), newest.minusSeconds(1),
            newest.plus(Duration.ofDays(3))};
        for (int i = 0; i < ids.length; i++) {
            long id = insert(article(10 + i));
            join(ids[i], id, T0.plusSeconds(60 * i), "乙", false, false);
            store.saveStoryState(ids[i], "{\"n\":" + i + "}", Optional.of(until[i]));
        }
        store.mergeStories("s-a", "s-merged");

        assertThat(store.lateStoryStates(10)).containsExactly(
                new StoryState("s-b", "{\"n\":1}", Optional.of(until[1])),
                new StoryState("s-a", "{\"n\":0}", Optional.of(until[0])));
        assertThat(store.lateStoryStates(1)).as("the cap keeps those open longest").extracting(StoryState::storyId)
                .containsExactly("s-a");
        assertThat(store.activeStoryStates(Duration.ofDays(3))).as("the window by time holds no late story")
                .containsExactly(new StoryState("s-live", "{\"live\":1}", Optional.empty()));
        // a late story that a newer report reached is saved as not late: it leaves the late list
        store.saveStoryState("s-b", "{\"n\":5}", Optional.empty());
        assertThat(store.lateStoryStates(10)).extracting(StoryState::storyId).containsExactly("s-a");
    }

    @Test
    void recentStoriesAndActiveStatesAreBoundedByTheWindowOfTheNewestStory() {
        long old = insert(article(1));
        long recent = insert(article(2));
        long recent2 = insert(article(3));
        join("s-old", old, T0.minus(Duration.ofDays(30)), "甲", false, false);
        join("s-new", recent, T0, "甲", false, false);
        join("s-new", recent2, T0.plusSeconds(60), "乙", false, false);
        store.saveStoryState("s-old", "{\"old\":1}", Optional.empty());
        store.saveStoryState("s-new", "{\"new\":1}", Optional.empty());

        assertThat(store.activeStoryStates(Duration.ofDays(3))).extracting(StoryState::storyId)
                .containsExactly("s-new");
        assertThat(store.recentStories(1, Duration.ofDays(3), 10)).extracting(StoryRecord::id)
                .containsExactly("s-new");
        assertThat(store.recentStories(3, Duration.ofDays(3), 10)).isEmpty();
        assertThat(store.recentStories(1, Duration.ofDays(60), 10)).extracting(StoryRecord::id)
                .containsExactly("s-new", "s-old");
    }

    @Test
    void storyArticlesGiveTheFirstAndTheNewestInTimeOrder() {
        long[] ids = new long[6];
        for (int i = 0; i < 6; i++) {
            ids[i] = insert(article(i + 1));
            join("s-x", ids[i], T0.plusSeconds(i), "源" + i, false, false);
        }
        List<ArticleSummary> shown = store.storyArticles("s-x", 3);
        assertThat(shown).hasSize(3);
        assertThat(shown.get(0).id()).as("the first report").isEqualTo(firstByTime(ids));
        assertThat(store.story("s-missing")).isEmpty();
    }

    private long firstByTime(long[] ids) {
        // article(n) carries its own publish time; the first in time is the one with the earliest sort time
        return store.summaries(java.util.Arrays.stream(ids).boxed().toList()).stream()
                .min(java.util.Comparator.comparing((ArticleSummary s) -> s.published().orElseThrow())
                        .thenComparing(ArticleSummary::id)).orElseThrow().id();
    }
}

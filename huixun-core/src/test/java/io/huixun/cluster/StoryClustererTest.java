package io.huixun.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
    private static final Instant DAY1 = Instant.parse("2025-04-26T10:00:00Z");

    private static StoryCandidate article(String id, Instant when, String title, Set<String> entities,
                                          Set<String> keywords) {
        return new StoryCandidate(id, when, title, entities, keywords);
    }

    private StoryClusterer clustererWithBackground() {
        StoryClusterer c = StoryClusterer.withDefaults();
        // Background news makes 中国 a common, low-weight entity, as it is in real news.
        for (int i = 0; i < 20; i++) {
            c.assign(article("bg" + i, DAY1.minus(Duration.ofDays(10)), "其他新闻" + i, Set.of("中国", "地" + i),
                    Set.of("话题" + i)));
        }
        return c;
    }

    @Test
    void reportsOfTheSameEventAcrossSourcesAndDaysFormOneStory() {
        StoryClusterer c = clustererWithBackground();
        String first = c.assign(article("a1", DAY1, "王毅出席中国—中亚外长会晤", Set.of("王毅", "中亚", "阿拉木图", "中国"),
                Set.of("外长", "会晤", "中亚", "峰会")));
        String second = c.assign(article("a2", DAY1.plus(Duration.ofHours(20)), "中国—中亚外长会晤在阿拉木图举行",
                Set.of("中亚", "阿拉木图", "中国"), Set.of("外长", "会晤", "联合声明")));
        String unrelated = c.assign(article("a3", DAY1.plus(Duration.ofHours(21)), "长江生态保护取得进展",
                Set.of("长江", "湖北", "中国"), Set.of("生态", "保护", "流域")));
        assertThat(second).isEqualTo(first);
        assertThat(unrelated).isNotEqualTo(first);
        Story story = c.story(first).orElseThrow();
        assertThat(story.members()).containsExactly("a1", "a2");
        assertThat(story.title()).isEqualTo("王毅出席中国—中亚外长会晤");
        assertThat(story.last()).isEqualTo(DAY1.plus(Duration.ofHours(20)));
    }

    @Test
    void aCommonEntityAloneDoesNotJoinStories() {
        StoryClusterer c = clustererWithBackground();
        String a = c.assign(article("x1", DAY1, "甲", Set.of("中国", "上海"), Set.of("芯片", "制造")));
        String b = c.assign(article("x2", DAY1, "乙", Set.of("中国", "广州"), Set.of("足球", "联赛")));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void storiesCloseAfterTheWindow() {
        StoryClusterer c = clustererWithBackground();
        Set<String> e = Set.of("王毅", "阿拉木图");
        Set<String> k = Set.of("外长", "会晤");
        String first = c.assign(article("w1", DAY1, "会晤", e, k));
        String later = c.assign(article("w2", DAY1.plus(Duration.ofDays(5)), "会晤", e, k));
        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void assignmentIsIdempotentAndStoriesAreListedNewestFirst() {
        StoryClusterer c = StoryClusterer.withDefaults();
        StoryCandidate a = article("i1", DAY1, "标题", Set.of("王毅"), Set.of("外长"));
        assertThat(c.assign(a)).isEqualTo(c.assign(a));
        c.assign(article("i2", DAY1.plus(Duration.ofDays(9)), "别的", Set.of("李强"), Set.of("经济")));
        assertThat(c.stories(1)).extracting(Story::id).containsExactly("s-i2", "s-i1");
        assertThat(c.storyOf("i1")).contains("s-i1");
        assertThat(c.storyOf("nope")).isEmpty();
    }

    @Test
    void aLongRunningTopicDoesNotSnowballIntoOneStory() {
        // Regression: a war reported every other day for months became one "story" of 14,354 CCTV articles.
        StoryClusterer c = clustererWithBackground();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int day = 0; day < 60; day += 2) {
            ids.add(c.assign(article("war" + day, DAY1.plus(Duration.ofDays(day)), "战事" + day,
                    Set.of("乌克兰", "俄罗斯", "顿巴斯", "地" + day), Set.of("战事", "军队", "话" + day))));
        }
        assertThat(ids.size()).as("stories over 60 days").isGreaterThanOrEqualTo(60 / 7);
        for (String id : ids) {
            Story s = c.story(id).orElseThrow();
            assertThat(Duration.between(s.first(), s.last())).isLessThanOrEqualTo(StoryClusterer.MAX_SPAN);
        }
    }

    @Test
    void recentStoriesKeepTheLeadAndTheNewestMembersOnly() {
        StoryClusterer c = StoryClusterer.withDefaults();
        for (int i = 0; i < 10; i++) {
            c.assign(article("m" + i, DAY1.plus(Duration.ofHours(i)), "会晤" + i, Set.of("王毅", "阿拉木图"),
                    Set.of("外长", "会晤")));
        }
        Story s = c.recentStories(2, 5, 4).get(0);
        assertThat(s.size()).isEqualTo(10);
        assertThat(s.members()).containsExactly("m0", "m7", "m8", "m9");
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new StoryClusterer(Duration.ZERO, 0.5)).hasMessageContaining("window");
        assertThatThrownBy(() -> new StoryClusterer(Duration.ofDays(1), 0)).hasMessageContaining("threshold");
    }
}

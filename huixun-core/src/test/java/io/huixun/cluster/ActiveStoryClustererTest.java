package io.huixun.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActiveStoryClustererTest {
    private static final Instant DAY1 = Instant.parse("2025-04-26T10:00:00Z");

    private static StoryCandidate article(String id, Instant at, String title, Set<String> entities,
                                          Set<String> keywords) {
        return new StoryCandidate(id, at, title, entities, keywords, TitleTerms.of(title), "源", false);
    }

    private static StoryCandidate teaser(String id, Instant at, String title) {
        return new StoryCandidate(id, at, title, Set.of(), Set.of(), TitleTerms.of(title), "种子页", true);
    }

    /** Unrelated background news of the previous days, so that 中国 is common (low idf) as in real news. */
    private static ActiveStoryClusterer withBackground() {
        ActiveStoryClusterer c = ActiveStoryClusterer.withDefaults();
        for (int i = 0; i < 40; i++) {
            c.assign(article("bg" + i, DAY1.minus(Duration.ofHours(48 - i)), "其他新闻话题" + i + "号",
                    Set.of("中国", "地方" + i), Set.of("话题" + i, "工作")));
        }
        return c;
    }

    private static final Set<String> SUMMIT_E = Set.of("王毅", "中亚", "阿拉木图", "中国");
    private static final Set<String> SUMMIT_K = Set.of("外长", "会晤", "中亚", "峰会", "合作");

    @Test
    void reportsOfOneEventJoinAndAnUnrelatedOneOpensItsOwnStory() {
        ActiveStoryClusterer c = withBackground();
        StoryAssignment first = c.assign(article("a1", DAY1, "王毅出席中国—中亚外长会晤", SUMMIT_E, SUMMIT_K));
        StoryAssignment second = c.assign(article("a2", DAY1.plus(Duration.ofHours(20)), "中国—中亚外长会晤在阿拉木图举行",
                Set.of("中亚", "阿拉木图", "中国"), Set.of("外长", "会晤", "联合声明")));
        StoryAssignment other = c.assign(article("a3", DAY1.plus(Duration.ofHours(21)), "长江生态保护取得进展",
                Set.of("长江", "湖北", "中国"), Set.of("生态", "保护", "流域")));
        assertThat(first).isEqualTo(new StoryAssignment.Opened("s-a1", first.changed()));
        assertThat(second).isInstanceOf(StoryAssignment.Joined.class);
        assertThat(second.storyId()).isEqualTo("s-a1");
        assertThat(other).isInstanceOf(StoryAssignment.Opened.class);
        assertThat(other.storyId()).isEqualTo("s-a3");
        StoryState state = second.changed().get(0);
        assertThat(state.members()).isEqualTo(2);
        assertThat(state.title()).isEqualTo("王毅出席中国—中亚外长会晤");
        assertThat(state.last()).isEqualTo(DAY1.plus(Duration.ofHours(20)));
        assertThat(state.features()).containsEntry("e:阿拉木图", 2).containsEntry("t:会晤", 2);
        assertThat(state.sources()).containsExactly("源");
    }

    @Test
    void lateReportsOfAnOldEventStillMeetAfterNewerNewsWasSeen() {
        // newer news first (a live feed), then an archive of a year before: its two reports of one event must meet
        ActiveStoryClusterer c = withBackground();
        Instant later = DAY1.plus(Duration.ofDays(365));
        for (int i = 0; i < 30; i++) {
            c.assign(article("n" + i, later.plus(Duration.ofHours(i)), "新近新闻话题" + i + "号",
                    Set.of("中国", "城市" + i), Set.of("新话题" + i, "工作")));
        }
        StoryAssignment first = c.assign(article("old1", DAY1, "王毅出席中国—中亚外长会晤", SUMMIT_E, SUMMIT_K));
        StoryAssignment second = c.assign(article("old2", DAY1.plus(Duration.ofHours(3)), "中国—中亚外长会晤在阿拉木图举行",
                Set.of("中亚", "阿拉木图", "中国"), Set.of("外长", "会晤", "联合声明")));
        StoryAssignment unrelated = c.assign(article("old3", DAY1.plus(Duration.ofHours(4)), "长江生态保护取得进展",
                Set.of("长江", "湖北", "中国"), Set.of("生态", "保护", "流域")));
        assertThat(first).isInstanceOf(StoryAssignment.Opened.class);
        assertThat(second).isInstanceOf(StoryAssignment.Joined.class);
        assertThat(second.storyId()).isEqualTo("s-old1");
        assertThat(unrelated).isInstanceOf(StoryAssignment.Opened.class);
        // a late article never joins a story of other days
        StoryAssignment lateButUnrelatedInTime = c.assign(article("old4", later, "王毅出席中国—中亚外长会晤",
                SUMMIT_E, SUMMIT_K));
        assertThat(lateButUnrelatedInTime.storyId()).isNotEqualTo("s-old1");
    }

    @Test
    void lateStoriesSurviveARestoreSoTheNextLateReportStillMeetsItsEvent() {
        // as `huixun ingest` run once per file: live news, then one archive report per run
        ActiveStoryClusterer uninterrupted = withBackground();
        ActiveStoryClusterer before = withBackground();
        Instant later = DAY1.plus(Duration.ofDays(365));
        List<StoryCandidate> live = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            live.add(article("n" + i, later.plus(Duration.ofHours(i)), "新近新闻话题" + i + "号",
                    Set.of("中国", "城市" + i), Set.of("新话题" + i, "工作")));
        }
        StoryCandidate old1 = article("old1", DAY1, "王毅出席中国—中亚外长会晤", SUMMIT_E, SUMMIT_K);
        StoryCandidate old2 = article("old2", DAY1.plus(Duration.ofHours(3)), "中国—中亚外长会晤在阿拉木图举行",
                Set.of("中亚", "阿拉木图", "中国"), Set.of("外长", "会晤", "联合声明"));
        StoryCandidate old3 = article("old3", DAY1.plus(Duration.ofHours(4)), "长江生态保护取得进展",
                Set.of("长江", "湖北", "中国"), Set.of("生态", "保护", "流域"));
        live.forEach(uninterrupted::assign);
        live.forEach(before::assign);
        uninterrupted.assign(old1);
        before.assign(old1);
        assertThat(before.lateUntil("s-old1")).as("open one window of news from now")
                .contains(later.plus(Duration.ofHours(29)).plus(before.settings().window()));
        assertThat(before.lateUntil("s-n29")).as("a story of the live window is not late").isEmpty();

        // the store's active window (by time) never holds the late story: it comes back from the late list only
        List<StoryState> window = before.activeStates().stream().filter(s -> before.lateUntil(s.id()).isEmpty())
                .toList();
        ActiveStoryClusterer after = ActiveStoryClusterer.restore(before.settings(), window, before.lateStates(),
                before.frequencies());
        assertThat(after.lateStates()).isEqualTo(before.lateStates());
        StoryAssignment joined = after.assign(old2);
        assertThat(joined).isEqualTo(uninterrupted.assign(old2));
        assertThat(joined).isInstanceOf(StoryAssignment.Joined.class);
        assertThat(joined.storyId()).isEqualTo("s-old1");
        assertThat(after.assign(old3)).isEqualTo(uninterrupted.assign(old3));
        assertThat(after.activeStates()).isEqualTo(uninterrupted.activeStates());

        // without the late list (as before schema v10) the second report opened a story of its own
        ActiveStoryClusterer forgetful = ActiveStoryClusterer.restore(before.settings(), window, List.of(),
                before.frequencies());
        assertThat(forgetful.assign(old2)).isInstanceOf(StoryAssignment.Opened.class);
    }

    @Test
    void aLateStoryPastItsOpenTimeStaysClosedAfterARestore() {
        ActiveStoryClusterer c = withBackground();
        Instant later = DAY1.plus(Duration.ofDays(365));
        c.assign(article("n0", later, "新近新闻话题", Set.of("中国", "城市"), Set.of("新话题", "工作")));
        c.assign(article("old1", DAY1, "王毅出席中国—中亚外长会晤", SUMMIT_E, SUMMIT_K));
        List<ActiveStoryClusterer.LateStory> late = c.lateStates();
        // news moves on past the late story's open time, then a restart
        c.assign(article("n1", later.plus(Duration.ofDays(4)), "更新的新闻", Set.of("中国", "乡村"), Set.of("农业", "工作")));
        ActiveStoryClusterer after = ActiveStoryClusterer.restore(c.settings(), c.activeStates(), late,
                c.frequencies());
        assertThat(after.story("s-old1")).isEmpty();
        assertThat(after.lateStates()).isEmpty();
    }

    @Test
    void anUndatedPageBetweenTwoReportsOfAnEventDoesNotMoveTheClock() {
        Instant ingested = DAY1.plus(Duration.ofDays(590)); // the day the archive is ingested
        ActiveStoryClusterer c = withBackground();
        c.assign(article("a1", DAY1, "王毅出席中国—中亚外长会晤", SUMMIT_E, SUMMIT_K));
        Instant placed = c.placement(java.util.Optional.empty(), ingested);
        assertThat(placed).as("the clock's time, not the ingestion's").isEqualTo(DAY1);
        c.assign(article("u1", placed, "长江生态保护取得进展", Set.of("长江", "湖北"), Set.of("生态", "保护", "流域")));
        StoryAssignment second = c.assign(article("a2", DAY1.plus(Duration.ofHours(20)),
                "中国—中亚外长会晤在阿拉木图举行", Set.of("中亚", "阿拉木图", "中国"), Set.of("外长", "会晤", "联合声明")));
        assertThat(second.storyId()).isEqualTo("s-a1");
        assertThat(c.placement(java.util.Optional.of(DAY1.minusSeconds(5)), ingested)).as("a dated one keeps its time")
                .isEqualTo(DAY1.minusSeconds(5));
        assertThat(ActiveStoryClusterer.withDefaults().placement(java.util.Optional.empty(), ingested))
                .as("before any news, the ingestion time").isEqualTo(ingested);

        // placed at its ingestion time, the same page closed the event's story and the second report opened its own
        ActiveStoryClusterer moved = withBackground();
        moved.assign(article("a1", DAY1, "王毅出席中国—中亚外长会晤", SUMMIT_E, SUMMIT_K));
        moved.assign(article("u1", ingested, "长江生态保护取得进展", Set.of("长江", "湖北"), Set.of("生态", "保护", "流域")));
        assertThat(moved.assign(article("a2", DAY1.plus(Duration.ofHours(20)), "中国—中亚外长会晤在阿拉木图举行",
                Set.of("中亚", "阿拉木图", "中国"), Set.of("外长", "会晤", "联合声明"))).storyId()).isNotEqualTo("s-a1");
    }

    @Test
    void aHeadlineItsSourceUsedOnAnotherDayIsAColumnAndStandsAlone() {
        ActiveStoryClusterer c = withBackground();
        StoryAssignment monday = c.assign(article("d1", DAY1, "国内联播快讯", Set.of("国家统计局", "北京"),
                Set.of("数据", "发布", "增长")));
        StoryAssignment tuesday = c.assign(article("d2", DAY1.plus(Duration.ofDays(1)), "國內聯播快訊",
                Set.of("国家统计局", "湖南"), Set.of("铁路", "开通", "旅客")));
        assertThat(monday).isInstanceOf(StoryAssignment.Opened.class);
        assertThat(tuesday).as("the second day's digest shares only its column's name and one source")
                .isInstanceOf(StoryAssignment.Opened.class);
        assertThat(c.story(tuesday.storyId()).orElseThrow().features()).as("found by nothing").isEmpty();
        StoryAssignment wednesday = c.assign(article("d3", DAY1.plus(Duration.ofDays(2)), "国内联播快讯",
                Set.of("国家统计局", "湖南"), Set.of("铁路", "开通", "旅客")));
        assertThat(wednesday.storyId()).as("not even a digest of the same news joins a column's story")
                .isEqualTo("s-d3");

        // another source carrying a report under the same headline the next day is evidence as before
        ActiveStoryClusterer carried = withBackground();
        carried.assign(article("r1", DAY1, "中国—中亚外长会晤在阿拉木图举行", SUMMIT_E, SUMMIT_K));
        StoryAssignment next = carried.assign(new StoryCandidate("r2", DAY1.plus(Duration.ofDays(1)),
                "中国—中亚外长会晤在阿拉木图举行", Set.of("中亚", "阿拉木图"), Set.of("外长", "会晤"),
                TitleTerms.of("中国—中亚外长会晤在阿拉木图举行"), "另一家", false));
        assertThat(next.storyId()).isEqualTo("s-r1");

        // the same headline on the same day (two sites carrying one report) is still evidence
        ActiveStoryClusterer same = withBackground();
        same.assign(article("w1", DAY1, "中国—中亚外长会晤在阿拉木图举行", Set.of("中亚", "阿拉木图"), Set.of("外长", "会晤")));
        StoryAssignment w2 = same.assign(article("w2", DAY1.plusSeconds(3600), "中国—中亚外长会晤在阿拉木图举行",
                Set.of("中亚", "哈萨克斯坦"), Set.of("外长", "合作")));
        assertThat(w2.storyId()).isEqualTo("s-w1");

        // without the rule the title alone carried the second digest into the first one's story
        ActiveStoryClusterer unruled = withBackground();
        unruled.assign(article("d1", DAY1, "国内联播快讯", Set.of("国家统计局", "北京"), Set.of("数据", "发布", "增长")));
        StoryAssignment plain = unruled.assign(article("d2", DAY1.plus(Duration.ofDays(1)), "国内联播快讯 铁路开通",
                Set.of("国家统计局", "湖南"), Set.of("铁路", "开通", "旅客")));
        assertThat(plain.storyId()).as("a different headline keeps its terms").isEqualTo("s-d1");
    }

    @Test
    void aTeaserJoinsTheFullReportOfItsEventOnItsHeadline() {
        ActiveStoryClusterer c = withBackground();
        c.assign(article("f1", DAY1, "第四届全球媒体创新论坛在山东举行", Set.of("山东", "曲阜", "中央广播电视总台"),
                Set.of("论坛", "媒体", "创新", "文明")));
        StoryAssignment t = c.assign(teaser("t1", DAY1.plus(Duration.ofHours(14)),
                "交流互鉴 科技赋能！第四届全球媒体创新论坛在山东曲阜举行"));
        StoryAssignment unrelated = c.assign(teaser("t2", DAY1.plus(Duration.ofHours(15)),
                "孩子不能又亲又抱 当心“亲吻病”"));
        assertThat(t).isInstanceOf(StoryAssignment.Joined.class);
        assertThat(t.storyId()).isEqualTo("s-f1");
        assertThat(t.changed().get(0).sources()).containsExactlyInAnyOrder("种子页", "源");
        assertThat(unrelated).isInstanceOf(StoryAssignment.Opened.class);
    }

    @Test
    void aBridgingReportMergesTwoStoriesIntoTheLarger() {
        ActiveStoryClusterer c = withBackground();
        Set<String> aE = Set.of("王毅", "阿拉木图"), aK = Set.of("外长", "会晤");
        Set<String> bE = Set.of("努尔特列乌", "哈萨克斯坦"), bK = Set.of("会见", "双边");
        c.assign(article("m1", DAY1, "外长会晤", aE, aK));
        c.assign(article("m2", DAY1.plusSeconds(60), "外长会晤举行", aE, aK));
        c.assign(article("n1", DAY1.plusSeconds(120), "会见哈萨克斯坦", bE, bK));
        Set<String> bothE = new HashSet<>(aE), bothK = new HashSet<>(aK);
        bothE.addAll(bE);
        bothK.addAll(bK);
        StoryAssignment bridge = c.assign(article("x1", DAY1.plusSeconds(180), "外长会晤期间会见哈萨克斯坦", bothE, bothK));
        assertThat(bridge).isInstanceOf(StoryAssignment.Merged.class);
        StoryAssignment.Merged m = (StoryAssignment.Merged) bridge;
        assertThat(m.survivorId()).isEqualTo("s-m1");
        assertThat(m.absorbedIds()).containsExactly("s-n1");
        assertThat(m.changed().get(0).members()).isEqualTo(4);
        assertThat(c.story("s-n1")).isEmpty();
        assertThat(c.story("s-m1").orElseThrow().features()).containsEntry("e:哈萨克斯坦", 2);
    }

    @Test
    void candidatesStayBoundedAsStoriesAccumulate() {
        ActiveStoryClusterer c = ActiveStoryClusterer.withDefaults();
        ActiveStoryClusterer.Settings s = c.settings();
        Random random = new Random(10);
        List<Integer> examined = new ArrayList<>();
        // 3,000 distinct events in one day (all active at once): each shares 中国 and one of 20 provinces with many
        // others, and has its own people and words. The events keep coming; what is examined must not grow with them.
        for (int i = 0; i < 3000; i++) {
            c.assign(article("b" + i, DAY1.plusSeconds(i), "事件" + i, Set.of("中国", "省" + random.nextInt(20), "人" + i),
                    Set.of("词" + i, "事" + i, "发展")));
            examined.add(c.lastExamined());
        }
        assertThat(c.activeCount()).as("all still active").isGreaterThan(2500);
        int bound = s.probeFeatures() * s.postingLimit();
        assertThat(examined).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(bound));
        double early = examined.subList(200, 400).stream().mapToInt(Integer::intValue).average().orElseThrow();
        double late = examined.subList(2800, 3000).stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(late).as("examined late vs early").isLessThanOrEqualTo(Math.max(early * 1.5, 5));
    }

    @Test
    void closedStoriesLeaveTheActiveSet() {
        ActiveStoryClusterer c = withBackground();
        Set<String> e = Set.of("王毅", "阿拉木图"), k = Set.of("外长", "会晤");
        c.assign(article("w1", DAY1, "会晤", e, k));
        assertThat(c.story("s-w1")).isPresent();
        assertThat(c.expire(DAY1.plus(Duration.ofDays(2)))).doesNotContain("s-w1");
        assertThat(c.expire(DAY1.plus(Duration.ofDays(3)).plusSeconds(1))).contains("s-w1");
        assertThat(c.story("s-w1")).isEmpty();
        StoryAssignment later = c.assign(article("w2", DAY1.plus(Duration.ofDays(5)), "会晤", e, k));
        assertThat(later).isInstanceOf(StoryAssignment.Opened.class);
        assertThat(c.activeStates()).extracting(StoryState::id).containsExactly("s-w2");
    }

    @Test
    void aStoryNeverSpansMoreThanTheMaximum() {
        ActiveStoryClusterer c = withBackground();
        Set<String> ids = new HashSet<>();
        for (int day = 0; day < 30; day++) {
            ids.add(c.assign(article("war" + day, DAY1.plus(Duration.ofDays(day)), "战事" + day,
                    Set.of("乌克兰", "俄罗斯", "顿巴斯"), Set.of("战事", "军队"))).storyId());
            c.activeStates().forEach(st -> assertThat(Duration.between(st.first(), st.last()))
                    .isLessThanOrEqualTo(c.settings().maxSpan()));
        }
        assertThat(ids.size()).isGreaterThanOrEqualTo(30 / 8);
    }

    /** A stream of events with follow-ups over days, teasers and unrelated news, from a seed. */
    private static List<StoryCandidate> stream(long seed, int n) {
        Random r = new Random(seed);
        List<StoryCandidate> out = new ArrayList<>();
        Instant t = DAY1;
        for (int i = 0; i < n; i++) {
            t = t.plusSeconds(600 + r.nextInt(7200));
            int event = i / 4 + r.nextInt(3); // neighbouring articles often share an event
            String title = "事件" + event + "报道" + (r.nextBoolean() ? "后续" : "评论");
            if (r.nextInt(10) == 0) {
                out.add(teaser("r" + i, t, title));
            } else {
                out.add(article("r" + i, t, title, Set.of("中国", "人物" + event, "地点" + event % 7),
                        Set.of("关键" + event, "词" + r.nextInt(50), "工作")));
            }
        }
        return out;
    }

    @Test
    void theSameInputOrderGivesTheSameStories() {
        List<StoryCandidate> input = stream(3, 400);
        ActiveStoryClusterer a = ActiveStoryClusterer.withDefaults(), b = ActiveStoryClusterer.withDefaults();
        List<StoryAssignment> ra = input.stream().map(a::assign).toList();
        List<StoryAssignment> rb = input.stream().map(b::assign).toList();
        assertThat(ra).isEqualTo(rb);
        assertThat(ra.stream().filter(x -> x instanceof StoryAssignment.Joined).count()).isGreaterThan(50);
        assertThat(a.activeStates()).isEqualTo(b.activeStates());
        assertThat(a.frequencies()).isEqualTo(b.frequencies());
    }

    @Test
    void restoringFromSavedStateContinuesExactlyAsAnUninterruptedRun() {
        List<StoryCandidate> input = stream(5, 600);
        ActiveStoryClusterer uninterrupted = ActiveStoryClusterer.withDefaults();
        List<StoryAssignment> expected = input.stream().map(uninterrupted::assign).toList();

        ActiveStoryClusterer before = ActiveStoryClusterer.withDefaults();
        input.subList(0, 350).forEach(before::assign);
        // What the store would hold: the last saved state of every story still active, and the frequencies.
        List<StoryState> saved = before.activeStates();
        var frequencies = before.frequencies();
        // what a saver writes day by day (only the days that changed) is the same as the whole snapshot
        assertThat(before.documentsPerDay().keySet().stream().map(d -> before.frequencyDay(d).orElseThrow()).toList())
                .isEqualTo(frequencies);
        assertThat(before.documentsPerDay().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(frequencies.stream().mapToInt(DocumentFrequencies.Day::documents).sum());
        ActiveStoryClusterer after = ActiveStoryClusterer.restore(ActiveStoryClusterer.Settings.defaults(), saved,
                before.lateStates(), frequencies);
        assertThat(after.activeStates()).isEqualTo(saved);
        List<StoryAssignment> continued = input.subList(350, 600).stream().map(after::assign).toList();
        assertThat(continued).isEqualTo(expected.subList(350, 600));
        assertThat(after.activeStates()).isEqualTo(uninterrupted.activeStates());
    }

    @Test
    void documentFrequenciesForgetOldDaysAndStayBounded() {
        DocumentFrequencies df = new DocumentFrequencies(2, 16);
        java.time.LocalDate d1 = java.time.LocalDate.of(2025, 4, 26);
        df.add(d1, List.of("中国", "中亚"));
        df.add(d1, List.of("中国"));
        df.add(d1.plusDays(1), List.of("中国"));
        assertThat(df.documents()).isEqualTo(3);
        assertThat(df.idf("中亚")).isGreaterThan(df.idf("中国"));
        df.add(d1.plusDays(2), List.of("长江"));
        assertThat(df.documents()).as("day 1 left the window").isEqualTo(2);
        for (int i = 0; i < 100; i++) {
            df.add(d1.plusDays(2), List.of("词" + i));
        }
        assertThat(df.size()).isLessThanOrEqualTo(2 * 16 + 1);
        DocumentFrequencies back = DocumentFrequencies.restore(2, 16, df.snapshot());
        assertThat(back.snapshot()).isEqualTo(df.snapshot());
        assertThat(back.idf("中国")).isEqualTo(df.idf("中国"));
    }

    @Test
    void headlineTermsAreSimplifiedBigramsWithoutProgrammeLabels() {
        assertThat(TitleTerms.of("中國—中亞外長會晤")).containsExactly("中国", "中亚", "亚外", "外长", "长会", "会晤");
        assertThat(TitleTerms.of("【新思想引领新征程】海南封关 G20")).containsExactly("海南", "南封", "封关", "g20");
        assertThat(TitleTerms.looksLikeTeaser("4月25日,论坛在山东曲阜举行,...")).isTrue();
        assertThat(TitleTerms.looksLikeTeaser("4月25日,论坛在山东曲阜举行。")).isFalse();
    }

    @Test
    void rejectsNonsenseSettingsAndStates() {
        var d = ActiveStoryClusterer.Settings.defaults();
        assertThatThrownBy(() -> d.withThresholds(0, 0.5, 0.5)).hasMessageContaining("thresholds");
        assertThatThrownBy(() -> new StoryState("x", "t", DAY1, DAY1, 1, java.util.Map.of(), Set.of()))
                .hasMessageContaining("s-");
    }
}

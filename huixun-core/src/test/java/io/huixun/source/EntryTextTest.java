package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Feed text versus page text, with realistic Chinese entries. */
class EntryTextTest {
    private static final String TITLE = "国务院常务会议部署进一步稳就业工作";
    private static final String P1 = "国务院总理主持召开国务院常务会议，听取关于当前就业形势的汇报，部署进一步稳就业工作。";
    private static final String P2 = "会议指出，就业是最基本的民生。要加大对重点群体的帮扶力度，拓宽高校毕业生就业渠道，"
            + "落实好稳岗返还、社保补贴等政策。";
    private static final String P3 = "会议强调，各地区各部门要压实责任，强化政策协同，确保各项措施落地见效。";
    private static final String P4 = "会议还研究了其他事项。";

    private static FeedEntry entry(String title, Optional<String> contentHtml, Optional<String> summaryHtml) {
        return new FeedEntry(Optional.of(URI.create("https://www.example.gov.cn/2025/04/27/a.htm")), Optional.empty(),
                title, summaryHtml.map(SourceParser::plain).orElse(""), contentHtml,
                Optional.of(ZonedDateTime.of(2025, 4, 27, 18, 5, 0, 0, ZoneOffset.ofHours(8))), Optional.empty(),
                Optional.of("新华社记者"), List.of(), summaryHtml, List.of(), Optional.empty());
    }

    private static String html(String... paragraphs) {
        StringBuilder b = new StringBuilder();
        for (String p : paragraphs) {
            b.append("<p>").append(p).append("</p>");
        }
        return b.toString();
    }

    @Test
    void contentWithSeveralParagraphsIsFull() {
        EntryText.FeedSide side = EntryText.assess(entry(TITLE, Optional.of(html(P1, P2, P3)),
                Optional.of("国务院常务会议部署稳就业")));
        assertThat(side.extent()).isEqualTo(EntryText.Extent.FULL);
        assertThat(side.text()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
        assertThat(side.teaser()).isFalse();
    }

    @Test
    void descriptionsAndCutTextsAreSummaries() {
        assertThat(EntryText.assess(entry(TITLE, Optional.empty(), Optional.of(P1))).extent())
                .isEqualTo(EntryText.Extent.SUMMARY);
        for (String cut : List.of("国务院常务会议听取就业形势汇报，部署……", "会议指出，就业是最基本的民生...",
                "会议强调压实责任【阅读全文】", "会议研究了其他事项 更多>>", "Premier chairs meeting, read more »")) {
            assertThat(EntryText.assess(entry(TITLE, Optional.of(html(P1, cut)), Optional.empty())).extent())
                    .as(cut).isEqualTo(EntryText.Extent.SUMMARY);
        }
        assertThat(EntryText.assess(entry(TITLE, Optional.of("<p>一句话。</p>"), Optional.empty())).extent())
                .isEqualTo(EntryText.Extent.SUMMARY);
        assertThat(EntryText.assess(entry(TITLE, Optional.empty(), Optional.empty())).extent())
                .isEqualTo(EntryText.Extent.NONE);
        // a description that plainly holds the whole article (RSSHub-style feeds)
        assertThat(EntryText.assess(entry(TITLE, Optional.empty(), Optional.of(html(P1, P2, P3, P4, P2 + P1, P3 + P2, P1 + P3))))
                .extent()).isEqualTo(EntryText.Extent.FULL);
        // "more" inside a word is not a cut
        assertThat(EntryText.isCut(List.of("The delegation flew to Baltimore"))).isFalse();
    }

    @Test
    void aPageExpandingATeaserIsKept() {
        FeedEntry teaser = entry(TITLE, Optional.empty(), Optional.of("国务院总理主持召开国务院常务会议，部署进一步稳就业工作……"));
        String page = String.join("\n", P1, P2, P3, P4);
        EntryText.Choice c = EntryText.choose(teaser, page);
        assertThat(c).isInstanceOfSatisfying(EntryText.UsePage.class, p -> {
            assertThat(p.reason()).isEqualTo(EntryText.Reason.PAGE_EXPANDS_TEASER);
            assertThat(p.text()).isEqualTo(page);
        });
        assertThat(c.teaser()).isFalse();
    }

    @Test
    void aScriptShellOrStubNeverReplacesTheFeed() {
        FeedEntry teaser = entry(TITLE, Optional.empty(), Optional.of(P1));
        EntryText.Choice shell = EntryText.choose(teaser, "请启用JavaScript以继续浏览本网站。\n您的浏览器版本过低，请升级浏览器后访问"
                + "国务院常务会议部署进一步稳就业工作相关内容。");
        assertThat(shell).isInstanceOfSatisfying(EntryText.UseFeed.class, f -> {
            assertThat(f.reason()).isEqualTo(EntryText.Reason.PAGE_IS_SCRIPT_SHELL);
            assertThat(f.text()).isEqualTo(P1);
            assertThat(f.teaser()).isTrue();
        });
        assertThat(EntryText.choose(teaser, "You need to enable JavaScript to run this app.").reason())
                .isEqualTo(EntryText.Reason.PAGE_IS_SCRIPT_SHELL);
        assertThat(EntryText.choose(teaser, "首页 | 登录").reason()).isEqualTo(EntryText.Reason.PAGE_EMPTY);
    }

    @Test
    void aPageFarShorterThanTheFullFeedTextIsRefused() {
        FeedEntry full = entry(TITLE, Optional.of(html(P1, P2, P3, P4)), Optional.empty());
        EntryText.Choice c = EntryText.choose(full, P1 + "\n" + "责任编辑：张三");
        assertThat(c).isInstanceOf(EntryText.UseFeed.class);
        assertThat(c.reason()).isEqualTo(EntryText.Reason.PAGE_FAR_SHORTER);
        assertThat(c.teaser()).isFalse();
    }

    @Test
    void anUnrelatedPageIsRefused() {
        FeedEntry teaser = entry(TITLE, Optional.empty(), Optional.of(P1));
        String other = "本网站所有内容均受版权保护。未经授权，任何单位和个人不得转载、摘编或利用其他方式使用上述作品。"
                + "已经本网授权使用作品的，应在授权范围内使用，并注明来源。违反上述声明者，本网将追究其相关法律责任。";
        EntryText.Choice c = EntryText.choose(teaser, other);
        assertThat(c.reason()).isEqualTo(EntryText.Reason.PAGE_UNRELATED);
        assertThat(c).isInstanceOf(EntryText.UseFeed.class);
    }

    @Test
    void aFullFeedTextYieldsOnlyToALongerPageContainingIt() {
        FeedEntry full = entry(TITLE, Optional.of(html(P1, P2, P3)), Optional.empty());
        String longer = String.join("\n", P1, P2, P3, P4, "会议要求，要持续优化营商环境，激发各类经营主体活力，"
                + "以高质量发展促进高质量充分就业。");
        assertThat(EntryText.choose(full, longer)).isInstanceOfSatisfying(EntryText.UsePage.class,
                p -> assertThat(p.reason()).isEqualTo(EntryText.Reason.PAGE_LONGER_CONTAINS_FEED));
        // the same length with a footer is not better
        assertThat(EntryText.choose(full, String.join("\n", P1, P2, P3, "（责任编辑：李四）")).reason())
                .isEqualTo(EntryText.Reason.FEED_IS_COMPLETE);
    }

    @Test
    void withoutFeedTextThePageIsKeptWhenItMatchesTheTitle() {
        FeedEntry bare = entry(TITLE, Optional.empty(), Optional.empty());
        assertThat(EntryText.choose(bare, String.join("\n", P1, P2)).reason())
                .isEqualTo(EntryText.Reason.FEED_HAS_NO_TEXT);
        assertThat(EntryText.choose(bare, "体育新闻：某足球队在联赛中以三比一战胜对手，继续领跑积分榜。球队主教练赛后表示满意，"
                + "球员们在下半场表现出色，门将多次做出精彩扑救。")
                .reason()).isEqualTo(EntryText.Reason.PAGE_UNRELATED);
    }

    @Test
    void fieldsMissingOnThePageComeFromTheFeed() {
        FeedEntry e = entry(TITLE, Optional.empty(), Optional.of(P1));
        EntryText.Fields none = EntryText.merge(e, "中国政府网", Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(none.published()).isEqualTo(e.published());
        assertThat(none.author()).contains("新华社记者");
        assertThat(none.source()).contains("中国政府网");
        assertThat(none.fromFeed()).containsExactly("published", "author", "source");

        ZonedDateTime pageTime = ZonedDateTime.of(2025, 4, 27, 17, 0, 0, 0, ZoneOffset.ofHours(8));
        EntryText.Fields page = EntryText.merge(e, "中国政府网", Optional.of(pageTime), Optional.of("杨维汉"),
                Optional.of("新华社"));
        assertThat(page.published()).contains(pageTime);
        assertThat(page.author()).contains("杨维汉");
        assertThat(page.source()).contains("新华社");
        assertThat(page.fromFeed()).isEmpty();

        // a page date printed without time yields to the feed's time on the same day
        ZonedDateTime dateOnly = ZonedDateTime.of(2025, 4, 27, 0, 0, 0, 0, ZoneOffset.ofHours(8));
        assertThat(EntryText.merge(e, "", Optional.of(dateOnly), Optional.empty(), Optional.empty()).published())
                .isEqualTo(e.published());
    }
}

package io.huixun.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArticleAnalyzerTest {
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer();
    private static final String TITLE = "中国—中亚外长举行第六次会晤";
    private static final String BODY = "当地时间2025年4月26日，中国—中亚外长第六次会晤在阿拉木图举行。中共中央政治局委员、外交部长王毅同"
            + "哈萨克斯坦副总理兼外长努尔特列乌、吉尔吉斯斯坦外长库鲁巴耶夫、塔吉克斯坦外长穆赫里丁共同出席。"
            + "本次外长会晤为将于年内举行的第二届中国—中亚峰会作了全面政治准备。王毅说，当前，世界之变、时代之变、"
            + "历史之变正以前所未有方式展开。王毅就深化中国—中亚合作提出中方5点建议。";

    @Test
    void findsPeoplePlacesDatelineAndCategory() {
        Understanding u = ANALYZER.analyze(TITLE, BODY, LocalDate.of(2025, 4, 27));
        assertThat(u.entities().people()).first().isEqualTo("王毅");
        assertThat(u.entities().places()).contains("阿拉木图", "哈萨克斯坦");
        assertThat(u.dateline()).isEmpty(); // 当地时间…: the time of the event, not a dateline
        assertThat(u.category()).isEqualTo(Category.INTERNATIONAL);
    }

    @Test
    void keywordsAreCharacteristicNotCommonWords() {
        Understanding u = ANALYZER.analyze(TITLE, BODY, LocalDate.of(2025, 4, 27));
        assertThat(u.keywords()).hasSizeLessThanOrEqualTo(KeywordExtractor.MAX_KEYWORDS);
        assertThat(u.keywords()).contains("外长", "中亚");
        assertThat(u.keywords()).doesNotContain("当前", "时代");
    }

    @Test
    void summaryIsTheLeadWithoutTheAgencyDateline() {
        Understanding u = ANALYZER.analyze("最高法发布报告", "新华社北京4月27日电（记者杨维汉、罗沙）最高人民法院27日发布报告。"
                + "报告显示，各级法院审结案件数量持续增长。报告还提出了下一步工作安排。这一句不应进入摘要，因为摘要已经足够长了。",
                LocalDate.of(2025, 4, 28));
        assertThat(u.summary()).startsWith("最高人民法院27日发布报告。").doesNotContain("新华社");
        assertThat(u.summary().length()).isLessThanOrEqualTo(Summarizer.MAX_CHARS + 1);
    }

    @Test
    void traditionalInputIsUnderstoodLikeSimplified() {
        String traditional = io.huixun.text.convert.ChineseConverter.of(io.huixun.text.convert.ConversionConfig.S2T)
                .convert(BODY);
        Understanding t = ANALYZER.analyze("中國—中亞外長舉行第六次會晤", traditional, LocalDate.of(2025, 4, 27));
        Understanding s = ANALYZER.analyze(TITLE, BODY, LocalDate.of(2025, 4, 27));
        assertThat(t.entities()).isEqualTo(s.entities());
        assertThat(t.category()).isEqualTo(s.category());
    }

    @Test
    void emptyAndNonChineseInputGiveEmptyUnderstanding() {
        Understanding u = ANALYZER.analyze("", "", LocalDate.of(2025, 1, 1));
        assertThat(u.keywords()).isEmpty();
        assertThat(u.entities().isEmpty()).isTrue();
        assertThat(u.summary()).isEmpty();
        assertThat(u.category()).isEqualTo(Category.OTHER);
        Understanding english = ANALYZER.analyze("Hello", "The quick brown fox.", LocalDate.of(2025, 1, 1));
        assertThat(english.category()).isEqualTo(Category.OTHER);
    }

    @Test
    void summarySplitsSentencesKeepingClosingQuotes() {
        assertThat(Summarizer.sentences("他说：“好。”然后走了。")).containsExactly("他说：“好。”", "然后走了。");
    }

    /** Segment once: the words understanding segmented are handed on, as offsets into the texts it was given. */
    @Test
    void readingGivesTheWordsOfTitleAndBodyAsOffsetsIntoTheGivenTexts() {
        String traditional = "中國—中亞外長舉行第六次會晤";
        ArticleAnalyzer.Reading r = ANALYZER.read(traditional, BODY, LocalDate.of(2025, 4, 27));
        io.huixun.text.Words title = r.titleWords().orElseThrow();
        assertThat(title.text()).isEqualTo(traditional); // offsets into the traditional title, segmented simplified
        java.util.List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < title.size(); i++) {
            words.add(traditional.substring(title.start(i), title.end(i)));
        }
        assertThat(String.join("", words)).isEqualTo(traditional); // every character in exactly one word
        assertThat(words).contains("外長");
        io.huixun.text.Words body = r.bodyWords().orElseThrow();
        java.util.Set<String> bodyWords = new java.util.HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            bodyWords.add(BODY.substring(body.start(i), body.end(i)));
        }
        assertThat(bodyWords).contains("王毅", "阿拉木图"); // the name recognisers' words, as the index will use them
        assertThat(r.understanding()).isEqualTo(ANALYZER.analyze(traditional, BODY, LocalDate.of(2025, 4, 27)));
    }
}

package io.huixun.text.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRepairerTest {
    private static final TextRepairer SIMPLIFIED = TextRepairer.create(RepairOptions.DEFAULT);
    private static final TextRepairer KEEP = TextRepairer.create(new RepairOptions(RepairOptions.TargetScript.KEEP));
    private static final TextRepairer TRADITIONAL =
            TextRepairer.create(new RepairOptions(RepairOptions.TargetScript.TRADITIONAL));

    static String resource(String name) throws IOException {
        try (InputStream in = TextRepairerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void seedPageComesOutAsCleanSimplifiedChinese() throws IOException {
        String seed = resource("seed-page.txt");
        RepairResult result = SIMPLIFIED.repair(seed);
        String out = result.repaired();
        assertThat(result.original()).isEqualTo(seed);
        assertThat(out.lines().count()).isEqualTo(seed.lines().count());
        assertThat(out).startsWith("中国—中亚外长举行第六次会晤\n当地时间2025年4月26日，中国—中亚外长第六次会晤在阿拉木图举行。");
        assertThat(out).contains("的优秀文化。”在传承中创新、在创新中发展。");
        assertThat(out).contains("新华社北京4月27日电（记者杨维汉、罗沙）法律制度如何让天更蓝、水更绿、土更净？各界");
        assertThat(out).contains("究竟什么是“亲吻病”？又有哪些典型症状呢？孩子发烧");
        assertThat(out).contains("交流互鉴 科技赋能！第四届全球媒体创新论坛在山东曲阜举行");
        assertThat(out).contains("代表约300人，...");
        assertThat(out).doesNotContainPattern("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)");
        assertThat(out).doesNotContainPattern("[\\p{IsHan}“”][,?!:;()]|[,?!:;()][\\p{IsHan}]");
        assertThat(out).doesNotContain("?", "當", "時", "國", "創");
        for (String line : out.split("\n")) {
            if (line.length() > 3 && !line.startsWith("-")) {
                assertThat(ScriptOf.isSimplified(line)).as(line).isTrue();
            }
        }
    }

    @Test
    void everyEditNamesTheTextItChangedInTheInputAndTheOutput() throws IOException {
        String seed = resource("seed-page.txt");
        RepairResult result = SIMPLIFIED.repair(seed);
        assertThat(result.edits()).isNotEmpty();
        for (Edit e : result.edits()) {
            if (e.kind() == RepairKind.BYTE_MISALIGNMENT || e.kind() == RepairKind.PINYIN_ANNOTATION) {
                assertThat(seed.substring(e.inputStart(), e.inputEnd())).contains(e.before());
            }
            assertThat(e.inputEnd()).isLessThanOrEqualTo(seed.length());
            assertThat(e.outputEnd()).isLessThanOrEqualTo(result.repaired().length());
        }
        Edit misaligned = result.edits().stream().filter(e -> e.kind() == RepairKind.BYTE_MISALIGNMENT)
                .filter(e -> e.before().startsWith("?!")).findFirst().orElseThrow();
        assertThat(seed.substring(misaligned.inputStart(), misaligned.inputEnd())).isEqualTo(misaligned.before());
        assertThat(misaligned.after()).isEqualTo("。”在傳承中創");
        assertThat(result.repaired().substring(misaligned.outputStart(), misaligned.outputEnd()))
                .isEqualTo("。”在传承中创");
    }

    @Test
    void cleanTextInTheTargetScriptPassesByteIdentical() throws IOException {
        for (String paragraph : resource("fuyao-paragraphs.txt").split("\n")) {
            assertThat(SIMPLIFIED.repair(paragraph).repaired()).isEqualTo(paragraph);
            assertThat(KEEP.repair(paragraph).repaired()).isEqualTo(paragraph);
            assertThat(SIMPLIFIED.repair(paragraph).edits()).isEmpty();
        }
    }

    @Test
    void nonChineseTextPassesByteIdentical() {
        List<String> lines = List.of(
                "The quick brown fox, (surprisingly) agile: it jumps! Does it? Yes; twice.",
                "東京都は2025年4月26日、新しい計画を発表した。（共同通信）「そうですか？」",
                "日本語の文章です：ＡＢＣ１２３、全角のまま。",
                "서울에서 열린 회의에서 (AI) 정책을 논의했다?",
                "Café déjà vu — naïve résumé, 10:30, 1,000 items.",
                "Mixed 中文 and English: version 2.0 (beta), price 1,299?",
                "Hello, 世界! Welcome to 北京; see you (soon)?",
                "Ünïcödé ☃ snowman &amp; friends; AT&T",
                "");
        for (String line : lines) {
            assertThat(SIMPLIFIED.repair(line).repaired()).as(line).isEqualTo(line);
            assertThat(KEEP.repair(line).repaired()).as(line).isEqualTo(line);
        }
    }

    @Test
    void lineTerminatorsAreKept() {
        String text = "當(dāng)地\r\n中國\n\nabc\r時間";
        assertThat(SIMPLIFIED.repair(text).repaired()).isEqualTo("当地\r\n中国\n\nabc\r时间");
    }

    @Test
    void scriptOptionChoosesTheOutputScript() {
        assertThat(KEEP.repair("當(dāng)地時間").repaired()).isEqualTo("當地時間");
        assertThat(TRADITIONAL.repair("当地时间，中国").repaired()).isEqualTo("當地時間，中國");
        assertThat(SIMPLIFIED.repair("當地時間，中國").repaired()).isEqualTo("当地时间，中国");
    }

    @Test
    void aSimplifiedLineWithOneTraditionalLookingNameStays() {
        String line = "受中共中央委托，赵乐际等14日专程前往广州市殡仪馆为王丙乾同志送别，并慰问其亲属。";
        assertThat(SIMPLIFIED.repair(line).repaired()).isEqualTo(line);
    }

    @Test
    void oneRepairerServesManyThreadsWithTheSameResults() throws Exception {
        String seed = resource("seed-page.txt");
        String expected = SIMPLIFIED.repair(seed).repaired();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> SIMPLIFIED.repair(seed).repaired()));
            }
            for (var f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Script check for assertions: no character that t2s would change. */
    static final class ScriptOf {
        static boolean isSimplified(String s) {
            return s.chars().allMatch(c -> CharClasses.toSimplified((char) c) == c);
        }
    }
}

package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Inputs that are not articles get a reason or a flagged best effort, never an exception. */
class BadInputTest {
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(ExtractOptions.defaults());

    private static Extraction extract(byte[] bytes) {
        return EXTRACTOR.extract(RawDocument.ofFile("input", bytes));
    }

    @Test
    void emptyAndBlankInputsAreUnreadable() {
        assertThat(extract(new byte[0])).isInstanceOfSatisfying(Extraction.Unreadable.class,
                u -> assertThat(u.reason()).contains("empty"));
        assertThat(extract(" \n\t\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(Extraction.Unreadable.class);
    }

    @Test
    void binaryDataIsUnreadable() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(extract(png)).isInstanceOfSatisfying(Extraction.Unreadable.class,
                u -> assertThat(u.reason()).contains("binary"));
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        assertThat(extract(noise)).isInstanceOf(Extraction.Unreadable.class);
    }

    @Test
    void truncatedPageGivesWhatItHasAndSaysSo() {
        String html = "<html><head><title>半截页面</title></head><body><h1>半截页面</h1><div class=\"content\">"
                + "<p>这是一段完整的正文，有逗号，也有句号。</p><p>第二段写到一半就断了，后面的内容";
        assertThat(extract(html.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(Extraction.Extracted.class,
                ok -> {
                    assertThat(ok.warnings()).contains(Extraction.Warning.TRUNCATED);
                    assertThat(ok.articles().get(0).body()).contains("第二段写到一半就断了");
                });
    }

    @Test
    void truncatedInsideAMultiByteCharacterLosesOnlyThatCharacter() {
        byte[] bytes = "<html><body><p>正文，正文。最后一个字被截断：好</p>".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - "</p>".length() - 1);
        assertThat(extract(cut)).isInstanceOfSatisfying(Extraction.Extracted.class, ok -> {
            assertThat(ok.articles().get(0).body()).contains("最后一个字被截断");
            assertThat(ok.warnings()).contains(Extraction.Warning.TRUNCATED);
        });
    }

    @Test
    void pageWithoutTextIsUnreadable() {
        assertThat(extract("<html><head></head><body><img src=a.png><script>var x=1;</script></body></html>"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(Extraction.Unreadable.class);
    }

    @Test
    void wrongCharsetWithoutLabelIsDetectedAndFlagged() {
        String text = "标题\n这是一段用GBK编码却没有任何标签的中文文本，检测器应当根据字节统计认出它的编码，并且给出提示。";
        byte[] gbk = text.getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertThat(extract(gbk)).isInstanceOfSatisfying(Extraction.Extracted.class, ok -> {
            assertThat(ok.charset()).isEqualTo("GB18030");
            assertThat(ok.warnings()).contains(Extraction.Warning.CHARSET_GUESSED);
            assertThat(ok.articles().get(0).body()).contains("检测器应当根据字节统计");
        });
    }

    @Test
    void malformedJsonLdIsIgnored() {
        String html = "<html><head><title>标题</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"断了的</script></head><body><div class=\"content\"><p>这是一段正文，有逗号，有句号。"
                + "这是一段正文，有逗号，有句号。</p></div></body></html>";
        assertThat(extract(html.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(Extraction.Extracted.class,
                ok -> assertThat(ok.articles().get(0).body()).contains("这是一段正文"));
    }
}

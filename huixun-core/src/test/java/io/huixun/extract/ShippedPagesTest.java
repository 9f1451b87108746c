package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real pages shipped as fixtures (MIT; see NOTICE): four CWCED pages with hand-made gold (three GBK, one UTF-8)
 * and two GNE pages. The full sets are measured by the evaluation runner in huixun-bench.
 */
class ShippedPagesTest {
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(ExtractOptions.defaults());

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ShippedPagesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Extraction.Extracted extract(String path) throws IOException {
        Extraction e = EXTRACTOR.extract(RawDocument.ofFile(path, resource(path)));
        assertThat(e).isInstanceOf(Extraction.Extracted.class);
        return (Extraction.Extracted) e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"f70d9c97-9d64-415e-a7e4-840c9258eaf5", "9b1e5dcb-3a68-408d-80c4-6878fade378b",
            "9890f458-7af7-4e96-a507-6eb1b359d675", "c2d9f85c-f454-4bd5-8f4e-986580c1113a"})
    void cwcedBodyAndDateMatchTheGold(String id) throws IOException {
        Extraction.Extracted ok = extract("/extract/cwced/original/" + id + ".html");
        Article a = ok.articles().get(0);
        String gold = new String(resource("/extract/cwced/cleaned/" + id + ".txt"), StandardCharsets.UTF_8);
        String goldDate = new String(resource("/extract/cwced/date/" + id + ".txt"), StandardCharsets.UTF_8).strip();

        assertThat(charF1(a.body(), gold)).as("body char-F1").isGreaterThanOrEqualTo(0.9);
        assertThat(a.body()).doesNotContain("\uFFFD");
        Matcher m = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})").matcher(goldDate);
        assertThat(m.find()).isTrue();
        assertThat(a.published()).hasValueSatisfying(t -> assertThat(
                t.withZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate()).isEqualTo(LocalDate.of(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xinhuanet-1", "zsnews-1"})
    void gnePagesGiveTitleDateAndText(String name) throws IOException {
        Article a = extract("/extract/gne/" + name + ".html").articles().get(0);

        assertThat(a.title()).isNotBlank();
        assertThat(a.published()).isPresent();
        assertThat(TextBlock.nonSpace(a.body())).isGreaterThan(200);
        assertThat(a.body()).doesNotContain("版权所有", "ICP");
    }

    /** Bag-of-characters F1 over non-whitespace characters, as the evaluation runner measures it. */
    static double charF1(String predicted, String gold) {
        Map<Integer, Integer> g = bag(gold);
        Map<Integer, Integer> p = bag(predicted);
        int gn = g.values().stream().mapToInt(Integer::intValue).sum();
        int pn = p.values().stream().mapToInt(Integer::intValue).sum();
        int common = 0;
        for (var e : p.entrySet()) {
            common += Math.min(e.getValue(), g.getOrDefault(e.getKey(), 0));
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / pn;
        double recall = (double) common / gn;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<Integer, Integer> bag(String s) {
        Map<Integer, Integer> m = new HashMap<>();
        s.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0xA0 && c != 0x3000)
                .forEach(c -> m.merge(c, 1, Integer::sum));
        return m;
    }
}

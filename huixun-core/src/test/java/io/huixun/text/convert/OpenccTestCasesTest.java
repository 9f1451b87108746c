package io.huixun.text.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenCC's own test cases (Apache-2.0, copied under src/test/resources/opencc with attribution in NOTICE):
 * every line-aligned case of release 1.1.9, and the expectations of OpenCC's development head.
 */
class OpenccTestCasesTest {
    private static final String[] V119_CONFIGS =
            {"hk2s", "hk2t", "jp2t", "s2hk", "s2t", "s2tw", "s2twp", "t2hk", "t2jp", "t2s", "tw2s", "tw2sp", "tw2t"};

    static Stream<Arguments> v119Cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String config : V119_CONFIGS) {
            String[] in = resource("opencc/v1.1.9/" + config + ".in").split("\n");
            String[] ans = resource("opencc/v1.1.9/" + config + ".ans").split("\n");
            assertThat(in).hasSameSizeAs(ans);
            for (int i = 0; i < in.length; i++) {
                cases.add(Arguments.of(config, in[i], ans[i]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("v119Cases")
    void convertsEveryOpenCc119CaseExactly(String config, String input, String expected) {
        ChineseConverter converter = ChineseConverter.of(ConversionConfig.fromName(config));
        assertThat(converter.convert(input)).isEqualTo(expected);
    }

    @Test
    void passesAtLeast95PercentOfOpenCcHeadExpectations() throws IOException {
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (String row : resource("opencc/head-testcases.tsv").split("\n")) {
            String[] f = row.split("\t", -1);
            if (f[0].equals("config")) {
                continue;
            }
            total++;
            String actual = ChineseConverter.of(ConversionConfig.fromName(f[0])).convert(f[2]);
            if (!actual.equals(f[3])) {
                failures.add(f[0] + " " + f[1] + ": " + f[2] + " → " + actual + " (expected " + f[3] + ")");
            }
        }
        double passRate = 1.0 - (double) failures.size() / total;
        assertThat(passRate).as("head pass rate; failures:\n" + String.join("\n", failures)).isGreaterThanOrEqualTo(0.95);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = OpenccTestCasesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package io.huixun.text.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTreeTest {

    @Test
    void strictReadsPlainValuesAndLeavesNullsOut() throws IOException {
        Object v = JsonTree.parse("{\"a\":[1,\"x\",true,null],\"b\":null,\"c\":{\"d\":2.5}}");
        assertThat(v).isEqualTo(Map.of("a", List.of(1, "x", true), "c", Map.of("d", 2.5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,}", "{'a':1}", "{\"a\":1} x", "", "/* c */ {\"a\":1}", "[1,]"})
    void strictRefusesWhatPagesGetAwayWith(String json) {
        assertThatThrownBy(() -> JsonTree.parse(json)).isInstanceOf(IOException.class);
    }

    @Test
    void lenientAcceptsTrailingCommas() {
        assertThat(JsonTree.parseLenient("{\"a\":[1,2,],\"b\":\"x\",}"))
                .contains(Map.of("a", List.of(1, 2), "b", "x"));
    }

    @Test
    void lenientAcceptsSingleQuotesForNamesAndStrings() {
        assertThat(JsonTree.parseLenient("{'headline':'标题',\"x\":'他说\"好\"'}"))
                .contains(Map.of("headline", "标题", "x", "他说\"好\""));
    }

    @Test
    void lenientAcceptsRawLineBreaksAndTabsInStrings() {
        assertThat(JsonTree.parseLenient("{\"description\":\"第一行\n第二行\tend\"}"))
                .contains(Map.of("description", "第一行\n第二行\tend"));
    }

    @Test
    void lenientSkipsBlockAndLineComments() {
        assertThat(JsonTree.parseLenient("/* CMS 7.2 */ {\"a\": /* inline */ \"x\" // to the end\n }"))
                .contains(Map.of("a", "x"));
    }

    @Test
    void lenientReadsEveryEscapeAndUnknownOnesAsTheCharacter() {
        assertThat(JsonTree.parseLenient("[\"a\\/b\", \"\\u4e2d\\u6587\", \"\\'q\\'\", \"\\x\", \"\\n\\t\"]"))
                .contains(List.of("a/b", "中文", "'q'", "x", "\n\t"));
    }

    @Test
    void lenientReadsLooseNumbers() {
        Object v = JsonTree.parseLenient("[+1, .5, 1., 007, -2e3]").orElseThrow();
        assertThat(((List<?>) v).stream().map(n -> ((Number) n).doubleValue()).toList())
                .containsExactly(1.0, 0.5, 1.0, 7.0, -2000.0);
    }

    @Test
    void lenientTakesOtherUnicodeSpacesBetweenTokensAndKeepsThemInStrings() {
        assertThat(JsonTree.parseLenient("{\"a\":\u3000\"标\u3000题\",\u000b'b':'x\u3000'\u2003}"))
                .contains(Map.of("a", "标\u3000题", "b", "x\u3000"));
        assertThat(JsonTree.otherSpacesAsAscii("{\"a\\\"\u3000\":\u3000[]}")).isEqualTo("{\"a\\\"\u3000\": []}");
    }

    @Test
    void lenientReadsTheFirstValueAndIgnoresWhatFollows() {
        assertThat(JsonTree.parseLenient("  {\"a\":\"x\"};\n{\"b\":\"y\"}")).contains(Map.of("a", "x"));
    }

    @Test
    void lenientKeepsTheLastOfDuplicateKeys() {
        assertThat(JsonTree.parseLenient("{\"a\":\"1\",\"a\":\"2\"}")).contains(Map.of("a", "2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "{\"headline\":\"断了的", "{\"a\" \"b\"}", "{a:1}", "[1,,2]",
            "NaN", "<!-- {} -->", "{\"a\":\"\\u12\"}", "nul", "{\"a\":1 /* open"})
    void lenientAnswersEmptyForWhatIsNotJsonAtAll(String text) {
        assertThat(JsonTree.parseLenient(text)).isEmpty();
    }

    @Test
    void nestingDeeperThanTheCapIsNothingLenientAndAnErrorStrict() {
        String deep = "[".repeat(JsonTree.MAX_DEPTH + 2) + "]".repeat(JsonTree.MAX_DEPTH + 2);
        String ok = "[".repeat(JsonTree.MAX_DEPTH) + "]".repeat(JsonTree.MAX_DEPTH);
        assertThat(JsonTree.parseLenient(deep)).isEmpty();
        assertThat(JsonTree.parseLenient(ok)).isPresent();
        assertThatThrownBy(() -> JsonTree.parse(deep)).hasMessageContaining("deeper than " + JsonTree.MAX_DEPTH);
    }
}

package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetSnifferTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "e696b0e997bb, true",          // 新闻
        "41424344, false",             // ASCII only: no multi-byte evidence
        "d0c2cec5, false",             // 新闻 in GBK
        "c0af, false",                 // overlong '/'
        "eda080, false",               // UTF-16 surrogate encoded in UTF-8
        "f4908080, false",             // above U+10FFFF
        "e696b0e997, false",           // cut inside the last character, whole body: invalid
    })
    void multiByteUtf8Check(String hex, boolean expected) {
        assertThat(CharsetSniffer.isMultiByteUtf8(HexFormat.of().parseHex(hex))).isEqualTo(expected);
    }

    @Test
    void unknownHeaderLabelFallsThroughToMeta() {
        byte[] body = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">".getBytes(
                StandardCharsets.US_ASCII);
        CharsetDecision d = CharsetSniffer.decide(body, Optional.of("text/html; charset=x-no-such-charset"));
        assertThat(d.source()).isEqualTo(CharsetDecision.Source.META);
        assertThat(d.charset()).isEqualTo(Charset.forName("Big5-HKSCS"));
    }

    @Test
    void xmlDeclarationCountsAsMeta() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"GB2312\"?><rss/>".getBytes(StandardCharsets.US_ASCII);
        CharsetDecision d = CharsetSniffer.decide(body, Optional.of("application/rss+xml"));
        assertThat(d.source()).isEqualTo(CharsetDecision.Source.META);
        assertThat(d.charset()).isEqualTo(Charset.forName("GB18030"));
        assertThat(d.label()).contains("GB2312");
    }
}

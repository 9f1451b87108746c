package io.huixun.text.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {
    private static final String NEWS = "新华社北京4月27日电 国务院新闻办公室今天发表白皮书，全面介绍了我国经济社会发展取得的成就。";

    @Test
    void validUtf8BeatsEverythingButABom() {
        DetectedCharset d = CharsetDetector.detect(NEWS.getBytes(StandardCharsets.UTF_8));
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.evidence()).isEqualTo(DetectedCharset.Evidence.VALID_UTF8);
    }

    @Test
    void gbkBytesAreDetectedAndDecodedAsGb18030() {
        byte[] gbk = NEWS.getBytes(Charset.forName("GBK"));
        DetectedCharset d = CharsetDetector.detect(gbk);
        assertThat(new String(gbk, d.charset())).isEqualTo(NEWS);
    }

    @Test
    void big5BytesAreDetected() {
        String traditional = "中央社台北27日電 行政院今天召開院會，通過多項法案，並決定擴大對中小企業的支持與輔導。";
        byte[] big5 = traditional.getBytes(Charset.forName("Big5"));
        DetectedCharset d = CharsetDetector.detect(big5);
        assertThat(new String(big5, d.charset())).isEqualTo(traditional);
    }

    @Test
    void byteOrderMarksWin() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertThat(CharsetDetector.detect(bom).bomLength()).isEqualTo(3);
        assertThat(CharsetDetector.detect(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}).charset())
                .isEqualTo(StandardCharsets.UTF_16LE);
    }

    @Test
    void asciiAndEmptyInputAreUtf8() {
        assertThat(CharsetDetector.detect("plain".getBytes(StandardCharsets.US_ASCII)).evidence())
                .isEqualTo(DetectedCharset.Evidence.ASCII);
        assertThat(CharsetDetector.detect(new byte[0]).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void labelsMapAsBrowsersMapThem() {
        assertThat(CharsetDetector.forLabel("GB2312")).contains(CharsetDetector.GB18030);
        assertThat(CharsetDetector.forLabel(" \"gbk\" ")).contains(CharsetDetector.GB18030);
        assertThat(CharsetDetector.forLabel("iso-8859-1")).contains(Charset.forName("windows-1252"));
        assertThat(CharsetDetector.forLabel("no-such-charset")).isEmpty();
        assertThat(CharsetDetector.forLabel("../../etc/passwd")).isEmpty();
        assertThat(CharsetDetector.forLabel("x".repeat(10_000))).isEmpty();
        assertThat(CharsetDetector.forLabel(null)).isEmpty();
    }

    @Test
    void gb18030KeepsCharactersThatStrictGb2312Loses() {
        String names = "朱镕基 陶喆";
        byte[] bytes = names.getBytes(CharsetDetector.GB18030);
        assertThat(new String(bytes, CharsetDetector.forLabel("gb2312").orElseThrow())).isEqualTo(names);
    }

    @Test
    void aUtf8SequenceCutAtTheSampleEndStillCountsAsUtf8() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 40_000) {
            sb.append(NEWS);
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect(bytes).charset()).isEqualTo(StandardCharsets.UTF_8);
    }
}

package io.huixun.text.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8Test {

    @ParameterizedTest
    @CsvSource({
            "'', ASCII", "41 42, ASCII", "e5 a5 bd, VALID", "41 e5 a5 bd 41, VALID", "f0 9f 98 80, VALID",
            "e5 a5, INVALID", "c0 af, INVALID", "c1 bf, INVALID", "ed a0 80, INVALID", "f4 90 80 80, INVALID",
            "f5 80 80 80, INVALID", "80, INVALID", "e5 41 bd, INVALID", "ff, INVALID", "e0 80 80, INVALID"})
    void classifiesCompleteInput(String hex, Utf8.Check expected) {
        byte[] b = bytes(hex);
        assertThat(Utf8.check(b, b.length, true)).isEqualTo(expected);
        assertThat(Utf8.isValid(b)).isEqualTo(expected != Utf8.Check.INVALID);
        assertThat(Utf8.decode(b).isPresent()).isEqualTo(expected != Utf8.Check.INVALID);
    }

    @ParameterizedTest
    @CsvSource({"41 e5 a5, ASCII", "e5 a5 bd e5, VALID", "e5 a5 bd 41 f0 9f 98, VALID", "41 c0, INVALID"})
    void aSequenceCutAtTheEndOfAPrefixDoesNotCountAgainstUtf8(String hex, Utf8.Check expected) {
        byte[] b = bytes(hex);
        assertThat(Utf8.check(b, b.length, false)).isEqualTo(expected);
        assertThat(Utf8.check(b, b.length, true)).isEqualTo(Utf8.Check.INVALID);
    }

    @Test
    void decodeGivesTheText() {
        assertThat(Utf8.decode("新华社北京".getBytes(StandardCharsets.UTF_8))).contains("新华社北京");
        assertThat(Utf8.decode("新华社".getBytes(java.nio.charset.Charset.forName("GB18030")))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"'', 0", "41, 0", "e5 a5 bd, 0", "e5 a5, 2", "e5, 1", "f0 9f 98, 3", "41 c3, 1", "80 80 80 80, 0"})
    void incompleteTailIsTheCutSequence(String hex, int expected) {
        assertThat(Utf8.incompleteTail(bytes(hex))).isEqualTo(expected);
    }

    /** The byte check and the JDK's strict decoder must call the same inputs valid: random bytes biased to UTF-8. */
    @Test
    void theByteCheckAgreesWithTheStrictDecoder() {
        Random random = new Random(14);
        int[] interesting = {0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4,
                0xF5, 0xFF};
        for (int n = 0; n < 50_000; n++) {
            byte[] b = new byte[1 + random.nextInt(8)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) interesting[random.nextInt(interesting.length)];
            }
            assertThat(Utf8.isValid(b)).as(HexFormat.ofDelimiter(" ").formatHex(b)).isEqualTo(jdkAccepts(b));
        }
    }

    private static boolean jdkAccepts(byte[] b) {
        try {
            Utf8.strictDecoder().decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] bytes(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex);
    }
}

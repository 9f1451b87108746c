package io.huixun.text.repair;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Byte-pair tables of a double-byte legacy charset (GBK, Big5), for re-encoding mojibake and trying byte shifts
 * without going through the JDK's stream codecs character by character. Immutable; thread-safe.
 * Example (GBK): {@code encode('當') == 0xAE94}, {@code decode(0xD8, 0x95) == '貢'}.
 */
final class DoubleByteCodec {
    static final DoubleByteCodec GBK = new DoubleByteCodec("GBK");
    static final DoubleByteCodec BIG5 = new DoubleByteCodec("Big5");

    final String name;
    final Charset charset;
    private final char[] pairs = new char[65536];
    private final char[] encode = new char[65536];
    /**
     * {@link #pairs} transposed ({@code trail << 8 | lead}): the leads tried before one trail byte read 252 bytes in
     * a row, not one cache line each. Example: every lead before A1 for a lost lead byte.
     */
    private final char[] byTrail = new char[65536];

    private DoubleByteCodec(String name) {
        this.name = name;
        this.charset = Charset.forName(name);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(2);
        CharBuffer out = CharBuffer.allocate(4);
        for (int lead = 0x81; lead <= 0xFE; lead++) {
            for (int trail = 0x40; trail <= 0xFE; trail++) {
                in.clear();
                in.put((byte) lead).put((byte) trail).flip();
                out.clear();
                decoder.reset();
                if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError() || in.hasRemaining()) {
                    continue;
                }
                out.flip();
                if (out.remaining() == 1 && out.get(0) != '\uFFFD') {
                    char c = out.get(0);
                    pairs[lead << 8 | trail] = c;
                    byTrail[trail << 8 | lead] = c;
                    if (encode[c] == 0) {
                        encode[c] = (char) (lead << 8 | trail);
                    }
                }
            }
        }
    }

    /** The character of the pair, or 0 when the pair is not a valid character. */
    char decode(int lead, int trail) {
        return pairs[(lead & 0xFF) << 8 | (trail & 0xFF)];
    }

    /** {@link #decode}, from the transposed table: for a loop over lead bytes with the trail byte fixed. */
    char decodeLead(int lead, int trail) {
        return byTrail[(trail & 0xFF) << 8 | (lead & 0xFF)];
    }

    /** The two bytes {@code lead << 8 | trail} of {@code c}, the byte itself for ASCII, or -1 when unmappable. */
    int encode(char c) {
        if (c < 0x80) {
            return c;
        }
        return encode[c] == 0 ? -1 : encode[c];
    }

    /** Strict decode of a whole byte array; empty when any byte is malformed. */
    java.util.Optional<String> decodeStrict(byte[] bytes) {
        try {
            return java.util.Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }
}

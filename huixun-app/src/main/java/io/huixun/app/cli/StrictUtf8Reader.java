package io.huixun.app.cli;

import io.huixun.text.charset.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes UTF-8 strictly and says where it broke: malformed bytes or a NUL byte (the mark of a binary file) raise a
 * {@link UserInputException} naming the input and the byte offset, e.g.
 * {@code notes.txt: invalid UTF-8 at byte 1,204 (is it GBK? try 'huixun repair')}. Reads in 64 KiB blocks, so
 * memory stays bounded whatever the line length.
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final String inputName;
    private final CharsetDecoder decoder = Utf8.strictDecoder();
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private long bytesBeforeBuffer;
    private boolean eof;
    private int pending = -1;

    StrictUtf8Reader(InputStream in, String inputName) {
        this.in = in;
        this.inputName = inputName;
        bytes.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pending >= 0) {
            cbuf[off] = (char) pending;
            pending = -1;
            return 1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                throw malformed(bytes.position());
            }
            if (out.position() > off) {
                rejectNul(cbuf, off, out.position());
                return out.position() - off;
            }
            if (result.isOverflow()) { // room for one char, but the next is a surrogate pair
                CharBuffer pair = CharBuffer.allocate(2);
                check(decoder.decode(bytes, pair, eof));
                cbuf[off] = pair.get(0);
                pending = pair.get(1);
                return 1;
            }
            if (eof) {
                decoder.flush(out);
                return out.position() > off ? out.position() - off : -1;
            }
            fill();
        }
    }

    private void rejectNul(char[] cbuf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (cbuf[i] == '\0') {
                throw new UserInputException(inputName + ": looks like a binary file (NUL byte before byte "
                        + String.format("%,d", bytesBeforeBuffer + bytes.position()) + "), not text");
            }
        }
    }

    private void fill() throws IOException {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void check(CoderResult result) {
        if (result.isError()) {
            throw malformed(bytes.position());
        }
    }

    private UserInputException malformed(int positionInBuffer) {
        return new UserInputException(inputName + ": invalid UTF-8 at byte "
                + String.format("%,d", bytesBeforeBuffer + positionInBuffer)
                + " (is it another charset, such as GBK? 'huixun repair' reads any charset)");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

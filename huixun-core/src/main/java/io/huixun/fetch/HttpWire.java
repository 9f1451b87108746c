package io.huixun.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET over a plain socket (TLS for https), to an address the caller already approved.
 *
 * <p>Design note: the JDK HttpClient's timeout stops at the response headers (lessons.md), so a server that stalls
 * or drips the body would hold a fetch for as long as it likes. Here every blocking call (connect, handshake, each
 * read) runs with a socket timeout of min(read timeout, time left to the deadline), so a fetch ends within one read
 * timeout of its deadline whatever the server does. The socket is opened to the given {@link InetAddress}, never to a
 * name, so nothing is resolved twice. Not thread-safe: one exchange per thread.
 */
final class HttpWire implements Closeable {
    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    /** The server broke HTTP/1.1 (bad status line, oversized headers, bad chunking, short body). */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }

        ProtocolException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Socket socket;
    private final InputStream in;
    final int status;
    /** Lower-case header names to all their values, in order. */
    final Map<String, List<String>> headers;

    private HttpWire(Socket socket, InputStream in, int status, Map<String, List<String>> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
    }

    /**
     * Connects to the first of {@code addresses} that accepts (all already approved by the address policy), sends
     * the GET and reads the status line and headers.
     */
    static HttpWire exchange(TargetUrl target, List<InetAddress> addresses, Map<String, String> requestHeaders,
                             Deadline deadline) throws IOException {
        Socket socket = null;
        IOException lastFailure = null;
        for (InetAddress address : addresses) {
            Socket attempt = new Socket();
            try {
                attempt.connect(new InetSocketAddress(address, target.port()), deadline.nextTimeoutMillis("connect"));
                socket = attempt;
                break;
            } catch (SocketTimeoutException e) {
                closeQuietly(attempt);
                throw new Deadline.TimeoutException("connect", deadline.kindOfLastTimeout(), deadline.elapsed());
            } catch (IOException e) {
                closeQuietly(attempt);
                lastFailure = e; // refused or unreachable: try the next address
            }
        }
        if (socket == null) {
            throw lastFailure != null ? lastFailure : new java.net.ConnectException("no address to connect to");
        }
        try {
            Socket s = socket;
            if (target.https()) {
                SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(socket, target.host(), target.port(), true);
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (target.literal().isEmpty()) {
                    params.setServerNames(List.of(new SNIHostName(target.host())));
                }
                tls.setSSLParameters(params);
                tls.setSoTimeout(deadline.nextTimeoutMillis("tls handshake"));
                try {
                    tls.startHandshake();
                } catch (SocketTimeoutException e) {
                    throw new Deadline.TimeoutException("tls handshake",
                            deadline.kindOfLastTimeout(), deadline.elapsed());
                }
                s = tls;
            }
            writeRequest(s.getOutputStream(), target, requestHeaders);
            InputStream raw = new BufferedInputStream(new TimedInput(s, deadline), 16 * 1024);
            int status;
            Map<String, List<String>> headers;
            do { // skip 1xx interim responses
                status = readStatus(raw);
                headers = readHeaders(raw);
            } while (status >= 100 && status < 200);
            return new HttpWire(s, raw, status, headers);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** First value of a header, or null inside this package only. */
    String first(String lowerName) {
        List<String> v = headers.get(lowerName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * The body stream: transfer framing removed (chunked, Content-Length, or until close) and content decoded
     * (gzip, deflate). Reading it past a declared length's end, or hitting EOF early, throws ProtocolException.
     */
    InputStream body() throws IOException {
        if (status == 204 || status == 205 || status == 304) {
            return InputStream.nullInputStream(); // no body by definition, whatever the headers say
        }
        InputStream framed;
        String te = first("transfer-encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            framed = new ChunkedInput(in);
        } else if (declaredLength() >= 0) {
            framed = new LengthInput(in, declaredLength());
        } else {
            framed = in;
        }
        String ce = first("content-encoding");
        String encoding = ce == null ? "identity" : ce.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "identity", "" -> framed;
            case "gzip", "x-gzip" -> new GZIPInputStream(framed, 8192);
            case "deflate" -> deflate(framed);
            default -> throw new ProtocolException("unsupported Content-Encoding: " + TargetUrl.abbreviate(encoding));
        };
    }

    /** The declared Content-Length, -1 when absent. Conflicting or malformed values are a protocol error. */
    long declaredLength() throws ProtocolException {
        List<String> values = headers.get("content-length");
        if (values == null) {
            return -1;
        }
        long length = -1;
        for (String v : values) {
            for (String part : v.split(",")) {
                String p = part.strip();
                if (!p.matches("[0-9]{1,18}")) {
                    throw new ProtocolException("malformed Content-Length: " + TargetUrl.abbreviate(v));
                }
                long n = Long.parseLong(p);
                if (length >= 0 && n != length) {
                    throw new ProtocolException("conflicting Content-Length values: " + values);
                }
                length = n;
            }
        }
        return length;
    }

    boolean isContentEncoded() {
        String ce = first("content-encoding");
        return ce != null && !ce.isBlank() && !ce.strip().equalsIgnoreCase("identity");
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static InputStream deflate(InputStream framed) throws IOException {
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: look at the first byte.
        PushbackInputStream p = new PushbackInputStream(framed, 1);
        int b = p.read();
        if (b < 0) {
            return InputStream.nullInputStream();
        }
        p.unread(b);
        boolean zlib = (b & 0x0F) == 8;
        return new InflaterInputStream(p, new Inflater(!zlib), 8192);
    }

    private static void writeRequest(OutputStream out, TargetUrl target, Map<String, String> extra) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        sb.append("GET ").append(target.requestTarget()).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(target.hostHeader()).append("\r\n");
        for (Map.Entry<String, String> h : extra.entrySet()) {
            String v = h.getValue();
            if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                continue; // a validator with a line break would inject headers: drop it
            }
            sb.append(h.getKey()).append(": ").append(v).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static int readStatus(InputStream in) throws IOException {
        String line = readLine(in, MAX_HEADER_LINE);
        if (line == null) {
            throw new ProtocolException("connection closed before a status line");
        }
        // "HTTP/1.1 200 OK"
        if (!line.startsWith("HTTP/") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new ProtocolException("malformed status line: " + TargetUrl.abbreviate(line));
        }
        String code = line.substring(9, 12);
        if (!code.matches("[1-5][0-9][0-9]")) {
            throw new ProtocolException("malformed status code: " + TargetUrl.abbreviate(line));
        }
        return Integer.parseInt(code);
    }

    private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int total = 0;
        int count = 0;
        while (true) {
            String line = readLine(in, MAX_HEADER_LINE);
            if (line == null) {
                throw new ProtocolException("connection closed inside the response headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.length();
            if (total > MAX_HEADER_BYTES || ++count > MAX_HEADERS) {
                throw new ProtocolException("response headers larger than " + MAX_HEADER_BYTES + " bytes or "
                        + MAX_HEADERS + " lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // tolerate junk lines the way browsers do
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            headers.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
    }

    /** Reads one CRLF- or LF-terminated line as Latin-1; null at EOF before any byte. */
    static String readLine(InputStream in, int max) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (buf.size() >= max) {
                throw new ProtocolException("header line longer than " + max + " bytes");
            }
            buf.write(b);
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** Socket input whose every read is bounded by the read timeout and the deadline. */
    private static final class TimedInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final Deadline deadline;

        TimedInput(Socket socket, Deadline deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(deadline.nextTimeoutMillis("read"));
            try {
                return in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw new Deadline.TimeoutException("read", deadline.kindOfLastTimeout(),
                        deadline.elapsed());
            }
        }
    }

    /** Exactly {@code length} bytes; an early end is a protocol error (a lying Content-Length). */
    private static final class LengthInput extends FilterInputStream {
        private final long length;
        private long left;

        LengthInput(InputStream in, long length) {
            super(in);
            this.length = length;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new ProtocolException("body ended after " + (length - left) + " of " + length
                        + " bytes declared by Content-Length");
            }
            left -= n;
            return n;
        }
    }

    /** Chunked transfer coding (RFC 9112 §7.1); trailers are read and dropped. */
    private static final class ChunkedInput extends InputStream {
        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                String sizeLine = readLine(in, 1024);
                if (sizeLine == null) {
                    throw new ProtocolException("chunked body ended without its last chunk");
                }
                int semi = sizeLine.indexOf(';');
                String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).strip();
                if (!hex.matches("[0-9a-fA-F]{1,15}")) {
                    throw new ProtocolException("malformed chunk size: " + TargetUrl.abbreviate(sizeLine));
                }
                chunkLeft = Long.parseLong(hex, 16);
                if (chunkLeft == 0) {
                    String trailer;
                    do {
                        trailer = readLine(in, MAX_HEADER_LINE);
                    } while (trailer != null && !trailer.isEmpty());
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new EOFException("chunked body ended inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                String crlf = readLine(in, 2);
                if (crlf == null || !crlf.isEmpty()) {
                    throw new ProtocolException("chunk not followed by CRLF");
                }
            }
            return n;
        }
    }
}

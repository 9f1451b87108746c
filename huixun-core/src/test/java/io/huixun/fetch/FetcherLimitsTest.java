package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile and broken servers: every fetch ends with a clear result, on time, with bounded memory. */
class FetcherLimitsTest {
    private static final Duration READ = Duration.ofMillis(700);
    private static final Duration DEADLINE = Duration.ofMillis(1500);

    private TestHttpServer server;
    private Fetcher fetcher;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        TestHttpServer.warmUp();
    }

    @BeforeEach
    void start() throws IOException {
        server = new TestHttpServer(TestHttpServer.PUBLIC_STAND_IN);
        fetcher = Fetcher.create(TestHttpServer.impatient(READ, DEADLINE).withRobots(false).withMaxBodyBytes(1 << 20));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void serverThatStallsAfterTheHeadersTimesOutOnTheReadTimeout() {
        server.route("/stall", (r, out) -> {
            TestHttpServer.head(out, "HTTP/1.1 200 OK\nContent-Length: 1000");
            out.write("partial".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(30_000);
        });
        long t0 = System.nanoTime();
        FetchResult r = fetcher.fetch(server.url("/stall"));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(r).isInstanceOfSatisfying(FetchResult.TimedOut.class,
                t -> assertThat(t.phase()).contains("read"));
        assertThat(took).isLessThan(DEADLINE.plusSeconds(2));

        // with a read timeout longer than the deadline, the same stall ends at the deadline
        Fetcher patientReads = Fetcher.create(fetcher.settings().withTimeouts(Duration.ofSeconds(10), DEADLINE));
        long t1 = System.nanoTime();
        FetchResult r2 = patientReads.fetch(server.url("/stall"));
        Duration took2 = Duration.ofNanos(System.nanoTime() - t1);
        assertThat(r2).isInstanceOfSatisfying(FetchResult.TimedOut.class,
                t -> assertThat(t.phase()).startsWith("deadline"));
        assertThat(took2).isGreaterThanOrEqualTo(DEADLINE.minusMillis(50)).isLessThan(DEADLINE.plusSeconds(2));
    }

    @Test
    void serverThatStallsBeforeTheHeadersTimesOut() {
        server.route("/silent", (r, out) -> Thread.sleep(30_000));
        FetchResult r = fetcher.fetch(server.url("/silent"));
        assertThat(r).isInstanceOf(FetchResult.TimedOut.class);
    }

    @Test
    void serverThatDripsAByteASecondEndsAtTheWallClockDeadline() {
        // each byte arrives within the 1.5 s read timeout, so only the 2.2 s deadline can end this fetch
        Duration deadline = Duration.ofMillis(2200);
        Fetcher dripFetcher = Fetcher.create(fetcher.settings().withTimeouts(Duration.ofMillis(1500), deadline));
        server.route("/drip", (r, out) -> {
            TestHttpServer.head(out, "HTTP/1.1 200 OK\nContent-Length: 100000");
            for (int i = 0; i < 100_000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(1000);
            }
        });
        long t0 = System.nanoTime();
        FetchResult r = dripFetcher.fetch(server.url("/drip"));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(r).isInstanceOfSatisfying(FetchResult.TimedOut.class,
                t -> assertThat(t.phase()).startsWith("deadline"));
        assertThat(took).isGreaterThanOrEqualTo(deadline.minusMillis(50)).isLessThan(deadline.plusSeconds(2));
    }

    @Test
    void gzipBombStopsAtTheCapWithBoundedAllocation() throws IOException {
        byte[] bomb = gzipOfZeros(256L << 20); // 256 MiB of zeros in about 256 KiB
        server.route("/bomb", (r, out) -> TestHttpServer.respond(out, 200,
                Map.of("Content-Encoding", "gzip", "Content-Type", "text/html"), bomb));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        FetchResult r = fetcher.fetch(server.url("/bomb"));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(r).isInstanceOfSatisfying(FetchResult.TooLarge.class,
                t -> assertThat(t.limitBytes()).isEqualTo(1 << 20));
        // the cap is 1 MiB; decompressing the whole bomb would allocate 256 MiB or more
        assertThat(allocated).isLessThan(16L << 20);
    }

    @Test
    void tenGigabyteResponseIsRefusedFromItsDeclaredLengthWithoutReading() {
        server.route("/huge", (r, out) -> {
            TestHttpServer.head(out, "HTTP/1.1 200 OK\nContent-Length: " + (10L << 30));
            writeLazily(out, 10L << 30);
        });
        assertThat(fetcher.fetch(server.url("/huge"))).isInstanceOf(FetchResult.TooLarge.class);
    }

    @Test
    void tenGigabyteChunkedResponseStopsAtTheCap() {
        server.route("/huge-chunked", (r, out) -> {
            TestHttpServer.head(out, "HTTP/1.1 200 OK\nTransfer-Encoding: chunked");
            byte[] chunk = new byte[64 * 1024];
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (long sent = 0; sent < (10L << 30); sent += chunk.length) {
                out.write(size);
                out.write(chunk);
                out.write('\r');
                out.write('\n');
            }
        });
        assertThat(fetcher.fetch(server.url("/huge-chunked"))).isInstanceOf(FetchResult.TooLarge.class);
    }

    @Test
    void contentLengthLongerThanTheBodyIsAClearFailure() {
        server.route("/liar", (r, out) -> {
            TestHttpServer.head(out, "HTTP/1.1 200 OK\nContent-Length: 1000");
            out.write("only ten b".getBytes(StandardCharsets.US_ASCII));
        });
        assertThat(fetcher.fetch(server.url("/liar"))).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.reason()).contains("10 of 1000"));
    }

    @Test
    void contentLengthShorterThanTheBodyYieldsTheDeclaredBytesOnly() {
        server.route("/short", (r, out) -> {
            TestHttpServer.head(out, "HTTP/1.1 200 OK\nContent-Length: 5\nContent-Type: text/plain");
            out.write("hello, and more that must not be read".getBytes(StandardCharsets.US_ASCII));
        });
        assertThat(fetcher.fetch(server.url("/short"))).isInstanceOfSatisfying(FetchResult.Fetched.class,
                f -> assertThat(f.text()).isEqualTo("hello"));
    }

    @Test
    void conflictingContentLengthsAreAProtocolError() {
        server.route("/two", (r, out) -> {
            TestHttpServer.head(out, "HTTP/1.1 200 OK\nContent-Length: 5\nContent-Length: 7");
            out.write("hello, w".getBytes(StandardCharsets.US_ASCII));
        });
        assertThat(fetcher.fetch(server.url("/two"))).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.reason()).contains("Content-Length"));
    }

    @Test
    void truncatedChunkedPageAndTruncatedGzipAreFailuresNotCrashes() throws IOException {
        server.route("/cut", (r, out) -> {
            TestHttpServer.head(out, "HTTP/1.1 200 OK\nTransfer-Encoding: chunked");
            out.write("100\r\n<html><body>half a ch".getBytes(StandardCharsets.US_ASCII));
        });
        byte[] gz = gzip("<html><body>" + "新闻".repeat(2000) + "</body></html>");
        byte[] half = java.util.Arrays.copyOf(gz, gz.length / 2);
        server.route("/cut-gzip", (r, out) -> TestHttpServer.respond(out, 200, Map.of("Content-Encoding", "gzip"),
                half));
        server.route("/garbage", (r, out) -> {
            out.write("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertThat(fetcher.fetch(server.url("/cut"))).isInstanceOf(FetchResult.Failed.class);
        assertThat(fetcher.fetch(server.url("/cut-gzip"))).isInstanceOf(FetchResult.Failed.class);
        assertThat(fetcher.fetch(server.url("/garbage"))).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.reason()).contains("status line"));
    }

    @Test
    void redirectLoopEndsAfterTheRedirectLimit() {
        server.route("/a", TestHttpServer.redirect(302, "/b"));
        server.route("/b", TestHttpServer.redirect(301, "/a"));
        FetchResult r = fetcher.fetch(server.url("/a"));
        int limit = fetcher.settings().maxRedirects();
        assertThat(r).isInstanceOfSatisfying(FetchResult.TooManyRedirects.class,
                t -> assertThat(t.chain()).hasSize(limit + 1));
        assertThat(server.requests).hasSize(limit + 1);
    }

    @Test
    void connectionRefusedIsAFailure() throws IOException {
        int port;
        java.net.InetAddress standIn = java.net.InetAddress.getByName(TestHttpServer.PUBLIC_STAND_IN);
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, standIn)) {
            port = s.getLocalPort();
        }
        String host = TestHttpServer.PUBLIC_STAND_IN.contains(":") ? "[" + TestHttpServer.PUBLIC_STAND_IN + "]"
                : TestHttpServer.PUBLIC_STAND_IN;
        assertThat(fetcher.fetch("http://" + host + ":" + port + "/")).isInstanceOf(FetchResult.Failed.class);
    }

    @Test
    void randomBytesAsAResponseNeverThrow() {
        java.util.Random random = new java.util.Random(7);
        String[] prefixes = {"", "HTTP/1.1 200 OK\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", "HTTP/1.1 302 Found\r\nLocation: "};
        for (int i = 0; i < 40; i++) {
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            String prefix = prefixes[i % prefixes.length];
            server.route("/noise" + i, (r, out) -> {
                out.write(prefix.getBytes(StandardCharsets.ISO_8859_1));
                out.write(noise);
            });
            FetchResult r = fetcher.fetch(server.url("/noise" + i));
            assertThat(r).as("case " + i).isNotNull();
            assertThat(r).isNotInstanceOf(FetchResult.Fetched.class);
        }
    }

    private static void writeLazily(OutputStream out, long total) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (long sent = 0; sent < total; sent += block.length) {
            out.write(block);
        }
    }

    private static byte[] gzipOfZeros(long n) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 16];
        try (GZIPOutputStream gz = new GZIPOutputStream(buf, 1 << 16)) {
            for (long i = 0; i < n; i += zeros.length) {
                gz.write(zeros);
            }
        }
        return buf.toByteArray();
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return buf.toByteArray();
    }
}

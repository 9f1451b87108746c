package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the new client brings and what it must still refuse: keep-alive, Brotli, oversized headers, proxies from the
 * environment, robots.txt outages told apart from robots.txt rules, metrics events and one-sentence descriptions.
 */
class FetcherWireTest {
    private TestHttpServer server;
    private FetchSettings settings;

    @BeforeAll
    static void warmUp() {
        TestHttpServer.warmUp();
    }

    @BeforeEach
    void start() throws IOException {
        server = new TestHttpServer(TestHttpServer.PUBLIC_STAND_IN);
        settings = TestHttpServer.impatient(Duration.ofSeconds(3), Duration.ofSeconds(6));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void keepAliveServesRobotsTxtAndPagesOnOneConnection() throws Exception {
        try (JettyTestServer jetty = new JettyTestServer(TestHttpServer.PUBLIC_STAND_IN, null);
             Fetcher fetcher = Fetcher.create(settings)) {
            jetty.route("/robots.txt", r -> JettyTestServer.Answer.text("User-agent: *\nAllow: /\n"));
            jetty.route("/a", r -> JettyTestServer.Answer.text("a"));
            for (int i = 0; i < 5; i++) {
                assertThat(fetcher.fetch(jetty.url("/a"))).isInstanceOf(FetchResult.Fetched.class);
            }
            assertThat(jetty.seen).hasSize(6);
            assertThat(jetty.accepted.get()).isEqualTo(1);
            assertThat(jetty.seen).extracting(JettyTestServer.Seen::protocol).containsOnly("HTTP/1.1");
        }
    }

    @Test
    void brotliBodyIsDecodedAndCappedAfterDecoding() {
        String text = "<html><body>" + "新华社北京电。".repeat(2000) + "</body></html>";
        byte[] br = brotliStored(text.getBytes(StandardCharsets.UTF_8));
        server.route("/br", (r, out) -> TestHttpServer.respond(out, 200,
                Map.of("Content-Encoding", "br", "Content-Type", "text/html; charset=utf-8"), br));
        try (Fetcher fetcher = Fetcher.create(settings.withRobots(false))) {
            assertThat(fetcher.fetch(server.url("/br"))).isInstanceOfSatisfying(FetchResult.Fetched.class,
                    f -> assertThat(f.text()).isEqualTo(text));
            assertThat(server.requests.get(0).headers().get("accept-encoding")).contains("br");
        }
        try (Fetcher small = Fetcher.create(settings.withRobots(false).withMaxBodyBytes(br.length - 100))) {
            assertThat(small.fetch(server.url("/br"))).isInstanceOf(FetchResult.TooLarge.class);
        }
    }

    @Test
    void hugeResponseHeadersAreRefusedWithASentence() {
        server.route("/fat", (r, out) -> {
            StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\n");
            for (int i = 0; i < 200; i++) {
                sb.append("X-Filler-").append(i).append(": ").append("x".repeat(1000)).append('\n');
            }
            TestHttpServer.head(out, sb.append("Content-Length: 2").toString());
            out.write("ok".getBytes(StandardCharsets.US_ASCII));
        });
        try (Fetcher fetcher = Fetcher.create(settings.withRobots(false))) {
            assertThat(fetcher.fetch(server.url("/fat"))).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(f.describe()).contains("headers larger than 64 KiB");
                assertThat(f.kind()).isEqualTo(FetchResult.Failure.BAD_RESPONSE);
            });
        }
    }

    @Test
    void robotsTxtOutagesAreToldApartFromRobotsTxtRules() throws IOException {
        server.route("/robots.txt", TestHttpServer.text(500, "text/plain", "oops"));
        server.route("/page", TestHttpServer.text(200, "text/plain", "ok"));
        try (Fetcher fetcher = Fetcher.create(settings)) {
            FetchResult r = fetcher.fetch(server.url("/page"));
            assertThat(r).isInstanceOfSatisfying(FetchResult.BlockedByRobots.class, b -> {
                assertThat(b.why()).isEqualTo(FetchResult.RobotsBlock.UNAVAILABLE);
                assertThat(b.describe()).isEqualTo("robots.txt unavailable (HTTP 500 X); retrying after 10 min");
            });
        }
        int port;
        InetAddress standIn = InetAddress.getByName(TestHttpServer.PUBLIC_STAND_IN);
        try (ServerSocket s = new ServerSocket(0, 1, standIn)) {
            port = s.getLocalPort();
        }
        String host = TestHttpServer.PUBLIC_STAND_IN.contains(":") ? "[" + TestHttpServer.PUBLIC_STAND_IN + "]"
                : TestHttpServer.PUBLIC_STAND_IN;
        try (Fetcher fetcher = Fetcher.create(settings)) {
            FetchResult r = fetcher.fetch("http://" + host + ":" + port + "/page");
            assertThat(r.describe()).isEqualTo("robots.txt unavailable (connection refused by " + host + ":" + port
                    + "); retrying after 10 min");
            assertThat(r.outcome()).isEqualTo("robots_unavailable");
        }
        server.route("/robots.txt", TestHttpServer.text(200, "text/plain", "User-agent: *\nDisallow: /\n"));
        try (Fetcher fetcher = Fetcher.create(settings)) {
            FetchResult r = fetcher.fetch(server.url("/page"));
            assertThat(r.describe()).startsWith("robots.txt forbids it (disallowed by");
            assertThat(r.outcome()).isEqualTo("robots");
        }
    }

    @Test
    void observerHearsOnceAboutEveryFetchWithAStableLabel() {
        server.route("/ok", TestHttpServer.text(200, "text/plain", "ok"));
        server.route("/gone", TestHttpServer.text(410, "text/plain", "gone"));
        server.route("/err", TestHttpServer.text(503, "text/plain", "down"));
        List<FetchObserver.Event> events = new CopyOnWriteArrayList<>();
        try (Fetcher fetcher = Fetcher.create(settings.withRobots(false), events::add)) {
            fetcher.fetch(server.url("/ok"));
            fetcher.fetch(server.url("/gone"));
            fetcher.fetch(server.url("/err"));
            fetcher.fetch("http://127.0.0.1/");
            fetcher.fetch("ftp://example.com/");
        }
        assertThat(events).extracting(FetchObserver.Event::outcome)
                .containsExactly("ok", "http_4xx", "http_5xx", "blocked", "invalid_url");
        assertThat(events).extracting(FetchObserver.Event::status).containsExactly(200, 410, 503, 0, 0);
        assertThat(events.get(0).host()).isEqualTo(TestHttpServer.PUBLIC_STAND_IN);
        assertThat(events).allSatisfy(e -> assertThat(e.duration()).isPositive());
    }

    @Test
    void everyDescriptionIsOneSentenceWithoutRecordSyntax() {
        URI u = URI.create("http://example.com/");
        List<FetchResult> all = List.of(new FetchResult.NotModified("x", u),
                new FetchResult.HttpError("x", u, 404, Optional.empty(), "Not Found"),
                new FetchResult.TooLarge("x", u, 10L << 20),
                new FetchResult.TimedOut("x", u, Duration.ofMillis(1500), "deadline while reading the body",
                        FetchResult.Stage.BODY, true),
                new FetchResult.TooManyRedirects("x", List.of(u, u)),
                new FetchResult.Failed("x", u, FetchResult.Failure.UNKNOWN_HOST, "unknown host example.com"));
        assertThat(all).extracting(FetchResult::describe).containsExactly("not modified since the last fetch",
                "HTTP 404 Not Found", "response larger than the 10 MiB limit",
                "timed out reading the body (whole-fetch deadline, after 1.5 s)",
                "too many redirects (2, last http://example.com/)", "unknown host example.com");
        assertThat(all).allSatisfy(r -> assertThat(r.describe()).doesNotContain("=").doesNotContain("\n"));
    }

    @Test
    void proxyFromTheEnvironmentCarriesHttpAndNoProxyGoesDirect() throws Exception {
        try (LoopbackProxy proxy = new LoopbackProxy()) {
            server.route("/via", TestHttpServer.text(200, "text/plain", "proxied"));
            FetchProxy env = FetchProxy.fromEnvironment(Map.of("http_proxy", "http://127.0.0.1:" + proxy.port(),
                    "HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()));
            try (Fetcher fetcher = Fetcher.create(settings.withRobots(false).withProxy(env))) {
                assertThat(fetcher.fetch(server.url("/via"))).isInstanceOfSatisfying(FetchResult.Fetched.class,
                        f -> assertThat(f.text()).isEqualTo("proxied"));
                // the SSRF guard still judges the target behind the proxy
                assertThat(fetcher.fetch("http://127.0.0.1:" + server.port() + "/via"))
                        .isInstanceOf(FetchResult.BlockedAddress.class);
            }
            assertThat(proxy.requestLines).singleElement().asString().startsWith("GET " + server.url("/via"));
            FetchProxy bypass = FetchProxy.fromEnvironment(Map.of("HTTP_PROXY", "127.0.0.1:" + proxy.port(),
                    "NO_PROXY", "example.org," + TestHttpServer.PUBLIC_STAND_IN));
            try (Fetcher fetcher = Fetcher.create(settings.withRobots(false).withProxy(bypass))) {
                assertThat(fetcher.fetch(server.url("/via"))).isInstanceOf(FetchResult.Fetched.class);
            }
            assertThat(proxy.requestLines).hasSize(1);
        }
    }

    @Test
    void httpsTunnelsThroughTheProxyWithConnect() throws Exception {
        TestCa ca = new TestCa("proxy test CA");
        try (LoopbackProxy proxy = new LoopbackProxy();
             JettyTestServer tls = new JettyTestServer(TestHttpServer.PUBLIC_STAND_IN,
                     ca.serverKeyStore(TestHttpServer.PUBLIC_STAND_IN));
             Fetcher fetcher = Fetcher.create(settings.withRobots(false).withExtraTrust(List.of(ca.certificate))
                     .withProxy(FetchProxy.fromEnvironment(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()))))) {
            tls.route("/secure", r -> JettyTestServer.Answer.text("tunnelled"));
            assertThat(fetcher.fetch(tls.url("/secure"))).isInstanceOfSatisfying(FetchResult.Fetched.class,
                    f -> assertThat(f.text()).isEqualTo("tunnelled"));
            String authority = URI.create(tls.url("/")).getRawAuthority();
            assertThat(proxy.requestLines).singleElement().asString().startsWith("CONNECT " + authority);
        }
    }

    @Test
    void cloudMetadataStaysBlockedInsideAnAllowedRangeUnlessListedExactly() throws Exception {
        AddressPolicy wide = AddressPolicy.standard().allowing(List.of("169.254.0.0/16", "fd00::/8",
                "100.64.0.0/10", "0.0.0.0/0"));
        for (String metadata : List.of("169.254.169.254", "fd00:ec2::254", "100.100.100.200")) {
            assertThat(wide.blockReason(InetAddress.getByName(metadata))).as(metadata).isPresent();
        }
        assertThat(wide.blockReason(InetAddress.getByName("169.254.10.1"))).isEmpty();
        assertThat(wide.blockReason(InetAddress.getByName("100.100.100.201"))).isEmpty();
        AddressPolicy exact = AddressPolicy.standard().allowing(List.of("169.254.169.254/32", "fd00:ec2::254/128"));
        assertThat(exact.blockReason(InetAddress.getByName("169.254.169.254"))).isEmpty();
        assertThat(exact.blockReason(InetAddress.getByName("fd00:ec2::254"))).isEmpty();
        assertThat(exact.blockReason(InetAddress.getByName("100.100.100.200"))).isPresent();
    }

    /**
     * Brotli with stored (uncompressed) meta-blocks, RFC 7932 §9.2: enough to prove the decoder is wired without an
     * encoder on the class path. Bits are packed least significant first.
     */
    static byte[] brotliStored(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean first = true;
        for (int off = 0; off < data.length; off += 65536) {
            int len = Math.min(65536, data.length - off);
            // [WBITS=16: 1 bit 0 on the first block] ISLAST=0, MNIBBLES=4 (00), MLEN-1 (16 bits), ISUNCOMPRESSED=1
            int shift;
            long v;
            if (first) {
                v = 0L | ((long) (len - 1) << 4) | (1L << 20);
                shift = 21;
            } else {
                v = ((long) (len - 1) << 3) | (1L << 19);
                shift = 20;
            }
            int bytes = (shift + 7) / 8;
            for (int i = 0; i < bytes; i++) {
                out.write((int) (v >>> (8 * i)) & 0xFF);
            }
            out.write(data, off, len);
            first = false;
        }
        out.write(0x03); // ISLAST=1, ISLASTEMPTY=1
        return out.toByteArray();
    }

    /** A forward (absolute-form GET) and CONNECT proxy on 127.0.0.1 that records each request line. */
    static final class LoopbackProxy implements AutoCloseable {
        final List<String> requestLines = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;

        LoopbackProxy() throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Thread t = new Thread(this::accept, "test-proxy");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread t = new Thread(() -> serve(client), "test-proxy-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                String line = TestHttpServer.readLine(in, 8192);
                if (line == null) {
                    return;
                }
                requestLines.add(line);
                StringBuilder headers = new StringBuilder();
                String h;
                while ((h = TestHttpServer.readLine(in, 8192)) != null && !h.isEmpty()) {
                    if (!h.toLowerCase(java.util.Locale.ROOT).startsWith("proxy-")) {
                        headers.append(h).append("\r\n");
                    }
                }
                String[] parts = line.split(" ");
                URI target = parts[0].equals("CONNECT") ? URI.create("//" + parts[1]) : URI.create(parts[1]);
                try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
                    OutputStream up = upstream.getOutputStream();
                    if (parts[0].equals("CONNECT")) {
                        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } else {
                        String path = target.getRawPath() + (target.getRawQuery() == null ? ""
                                : "?" + target.getRawQuery());
                        up.write((parts[0] + " " + path + " " + parts[2] + "\r\n" + headers + "\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                    }
                    Thread back = new Thread(() -> pipe(upstream, client));
                    back.setDaemon(true);
                    back.start();
                    pipe(client, upstream);
                    back.join(5000);
                }
            } catch (IOException | InterruptedException e) {
                // a side closed: the tunnel is over
            }
        }

        private static void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                // one side closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

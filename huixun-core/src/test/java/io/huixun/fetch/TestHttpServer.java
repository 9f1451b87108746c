package io.huixun.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real HTTP/1.1 server on a loopback address, built on a raw ServerSocket so a test can misbehave on purpose:
 * stall, drip, lie about Content-Length, serve endless bodies. Each route gets the parsed request and the raw socket
 * output. Records every request it receives.
 */
final class TestHttpServer implements AutoCloseable {

    record Request(String method, String target, Map<String, String> headers, long receivedNanos) {}

    @FunctionalInterface
    interface Route {
        void respond(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A loopback address other than 127.0.0.1 that tests treat as "public" through the allow-list: 127.0.0.2 where
     * the OS routes all of 127/8 to loopback (Linux), else ::1 (macOS has only 127.0.0.1 configured).
     */
    static final String PUBLIC_STAND_IN = pickStandIn();

    /** The allow-list entry that makes {@link #PUBLIC_STAND_IN} public for a test's address policy. */
    static String standInCidr() {
        return PUBLIC_STAND_IN + (PUBLIC_STAND_IN.contains(":") ? "/128" : "/32");
    }

    /** Default settings under which {@link #PUBLIC_STAND_IN} is public (the address policy allows it). */
    static FetchSettings reachingStandIn() {
        return FetchSettings.defaults().withAddressPolicy(AddressPolicy.standard().allowing(List.of(standInCidr())));
    }

    /**
     * {@link #reachingStandIn()} with the given timeouts and no politeness waits: what most fetcher tests fetch
     * with. Example: {@code TestHttpServer.impatient(Duration.ofSeconds(1), Duration.ofSeconds(2))}.
     */
    static FetchSettings impatient(Duration read, Duration deadline) {
        return reachingStandIn().withTimeouts(read, deadline).withPoliteness(Duration.ZERO, Duration.ZERO);
    }

    private static String pickStandIn() {
        for (String candidate : new String[] {"127.0.0.2", "::1"}) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getByName(candidate), 0));
                return candidate;
            } catch (IOException e) {
                // not configured on this machine: try the next
            }
        }
        throw new IllegalStateException("tests need a second loopback address: neither 127.0.0.2 nor ::1 binds");
    }

    TestHttpServer(String bindAddress) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), 0));
        Thread acceptor = new Thread(this::acceptLoop, "test-http-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    TestHttpServer() throws IOException {
        this("127.0.0.1");
    }

    TestHttpServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Base URL such as {@code http://127.0.0.1:34567}. */
    String base() {
        String host = server.getInetAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return base() + path;
    }

    long hits(String path) {
        return requests.stream().filter(r -> r.target().equals(path)).count();
    }

    private void acceptLoop() {
        while (!closed.get()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "test-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String requestLine = readLine(in, 16 * 1024);
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new ConcurrentHashMap<>();
            String line;
            while ((line = readLine(in, 16 * 1024)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            String[] parts = requestLine.split(" ");
            Request request = new Request(parts[0], parts.length > 1 ? parts[1] : "", Map.copyOf(headers),
                    System.nanoTime());
            requests.add(request);
            String path = request.target();
            Route route = routes.get(path);
            if (route == null) {
                int q = path.indexOf('?');
                route = routes.get(q >= 0 ? path.substring(0, q) : path);
            }
            OutputStream out = s.getOutputStream();
            if (route == null) {
                respond(out, 404, Map.of(), "not found".getBytes(StandardCharsets.US_ASCII));
            } else {
                route.respond(request, out);
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client went away: expected in timeout and cap tests
        }
    }

    /**
     * Loads and links Jetty's client classes with one fetch, so the first fetch of a test with a tight deadline does
     * not pay the JVM's class loading (seconds on a busy 2-core machine).
     */
    static synchronized void warmUp() {
        if (warm) {
            return;
        }
        warm = true;
        try (TestHttpServer s = new TestHttpServer(PUBLIC_STAND_IN);
             Fetcher f = Fetcher.create(reachingStandIn().withRobots(false))) {
            s.route("/warm", text(200, "text/plain", "warm"));
            f.fetch(s.url("/warm"));
        } catch (IOException e) {
            throw new IllegalStateException("warm-up server did not start", e);
        }
    }

    private static boolean warm;

    /** Reads one CRLF- or LF-terminated line as Latin-1; null at EOF before any byte. */
    static String readLine(InputStream in, int max) throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(128);
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
                throw new IOException("line longer than " + max + " bytes");
            }
            buf.write(b);
        }
    }

    /** Writes a complete response with Content-Length. */
    static void respond(OutputStream out, int status, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    static void head(OutputStream out, String statusAndHeaders) throws IOException {
        // This server answers one request per connection, so it says so: a client that pooled the connection could
        // otherwise send its next request just as the socket closes.
        String close = statusAndHeaders.toLowerCase(Locale.ROOT).contains("\nconnection:") ? "" : "\nConnection: close";
        out.write((statusAndHeaders.replace("\n", "\r\n") + close.replace("\n", "\r\n") + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static Route text(int status, String contentType, String body) {
        return (r, out) -> respond(out, status, Map.of("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static Route redirect(int status, String location) {
        return (r, out) -> respond(out, status, Map.of("Location", location), new byte[0]);
    }

    @Override
    public void close() throws IOException {
        closed.set(true);
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

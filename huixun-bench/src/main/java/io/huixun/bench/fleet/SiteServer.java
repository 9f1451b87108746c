package io.huixun.bench.fleet;

import io.huixun.bench.fleet.FleetPlan.Article;
import io.huixun.bench.fleet.FleetPlan.Feed;
import io.huixun.bench.fleet.FleetPlan.Host;
import io.huixun.bench.fleet.FleetPlan.Role;
import io.huixun.text.time.NewsZone;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * One simulated site: a small HTTP/1.1 server (keep-alive, gzip) on its own loopback address that serves robots.txt,
 * RSS feeds and article pages from the {@link FleetPlan}, behaves as its {@link Role} says (fails, stalls, drips),
 * waits a seeded random latency before each answer, and counts what it sees in {@link HostStats}.
 *
 * <p>Why by hand on a {@link ServerSocket}: the site must see each TCP connection and each request's start to measure
 * a client's politeness, and must misbehave in ways a real server library refuses to (never answer, drip).
 *
 * <p>Threads: platform threads, one per connection (a few hundred at most), so that what a site measures is not
 * delayed by the gatherer's virtual threads, which share the JVM's few carrier threads with its CPU-bound work.
 *
 * <p>Bounded: a connection serves at most 1,000 requests, waits at most 30 s for a request, stalls or drips at most
 * {@link #MISBEHAVE_MILLIS}; closing the server closes every connection. Thread-safe: one thread per connection; shared state is the {@link HostStats} (thread-safe) and a latency generator under its own lock.
 */
final class SiteServer implements AutoCloseable {
    static final long MISBEHAVE_MILLIS = 90_000;
    private static final int MAX_REQUESTS_PER_CONNECTION = 1000;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneId.of("GMT"));
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withZone(NewsZone.DEFAULT);

    private final Host host;
    private final Map<String, Feed> feeds;
    private final Map<String, Article> pages;
    private final ServerSocket server;
    private final int port;
    private final Random latency;
    private final int meanLatencyMillis;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile HostStats stats = new HostStats();
    private volatile boolean closed;

    private SiteServer(Host host, FleetPlan plan, ServerSocket server, int port, long seed, int meanLatencyMillis) {
        this.host = host;
        this.feeds = plan.feedsOf(host);
        this.pages = plan.pagesOf(host);
        this.server = server;
        this.port = port;
        this.latency = new Random(seed * 31 + host.index());
        this.meanLatencyMillis = meanLatencyMillis;
    }

    /**
     * Starts the site on its address (a refusing site only reserves a port and closes it, so connecting is refused).
     *
     * @param tls the server's TLS context when the host is on HTTPS
     */
    static SiteServer start(Host host, FleetPlan plan, long seed, int meanLatencyMillis, SSLContext tls)
            throws IOException {
        InetAddress address = InetAddress.getByName(host.address());
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the fleet lives on loopback only, not " + host.address());
        }
        ServerSocket socket = host.https() ? tls.getServerSocketFactory().createServerSocket() : new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, 0), 256);
        int port = socket.getLocalPort();
        if (host.role() == Role.REFUSE) {
            socket.close();
            return new SiteServer(host, plan, null, port, seed, meanLatencyMillis);
        }
        SiteServer site = new SiteServer(host, plan, socket, port, seed, meanLatencyMillis);
        Thread.ofPlatform().daemon().name("site-" + host.address()).start(site::acceptLoop);
        return site;
    }

    Host host() {
        return host;
    }

    int port() {
        return port;
    }

    HostStats stats() {
        return stats;
    }

    /** Starts counting afresh (between two gatherers' runs). */
    void resetStats() {
        stats = new HostStats();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(s);
            HostStats counted = stats;
            counted.connectionOpened();
            // platform threads: the gatherer's CPU-bound virtual threads (text understanding) must not delay when a
            // site notices a request, or the spacing it measures would be the scheduler's, not the client's
            Thread.ofPlatform().daemon().stackSize(256 * 1024).name("site-conn-" + host.address()).start(() -> {
                try {
                    serve(s, counted);
                } catch (IOException e) {
                    // the client went away or timed out: nothing to answer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    counted.connectionClosed();
                    open.remove(s);
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            });
        }
    }

    private void serve(Socket s, HostStats counted) throws IOException, InterruptedException {
        s.setSoTimeout(30_000);
        s.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        for (int n = 0; n < MAX_REQUESTS_PER_CONNECTION && !closed; n++) {
            Request request = Request.read(in);
            if (request == null) {
                return;
            }
            String kind = kindOf(request.path);
            counted.requestStarted(System.nanoTime(), request.path, kind, request.path.startsWith("/private/")
                    && host.role() == Role.ROBOTS);
            try {
                if (host.role() == Role.STALL) {
                    stall(s, in);
                    return;
                }
                Thread.sleep(nextLatency());
                if (host.role() == Role.DRIP) {
                    drip(out);
                    return;
                }
                Response r = respond(request.path);
                boolean gzip = host.gzip() && request.acceptsGzip && r.body.length > 0 && r.status == 200;
                byte[] body = gzip ? gzip(r.body) : r.body;
                StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status).append(' ')
                        .append(r.status == 200 ? "OK" : r.status == 404 ? "Not Found" : "Error").append("\r\n")
                        .append("Content-Type: ").append(r.type).append("\r\n")
                        .append("Content-Length: ").append(body.length).append("\r\n");
                if (gzip) {
                    head.append("Content-Encoding: gzip\r\n");
                }
                head.append("Connection: ").append(request.keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                if (!request.keepAlive) {
                    return;
                }
            } finally {
                counted.requestEnded();
            }
        }
    }

    /** Accepts and never answers: waits for the client to give up (or the bound). */
    private void stall(Socket s, InputStream in) throws IOException {
        long until = System.currentTimeMillis() + MISBEHAVE_MILLIS;
        s.setSoTimeout(1000);
        while (!closed && System.currentTimeMillis() < until) {
            try {
                if (in.read() < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                // still there: keep holding
            }
        }
    }

    /** Answers 200 with a long body, one byte a second. */
    private void drip(OutputStream out) throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nContent-Length: 100000"
                + "\r\n\r\n<").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        long until = System.currentTimeMillis() + MISBEHAVE_MILLIS;
        while (!closed && System.currentTimeMillis() < until) {
            Thread.sleep(1000);
            out.write(' ');
            out.flush();
        }
    }

    private long nextLatency() {
        synchronized (latency) {
            // 5 ms floor plus an exponential tail, capped: most answers quick, a few slow (like real sites)
            double ms = 5 - meanLatencyMillis * Math.log(1 - latency.nextDouble());
            return Math.min(Math.round(ms), 10L * meanLatencyMillis + 5);
        }
    }

    private static String kindOf(String path) {
        if (path.equals("/robots.txt")) {
            return "robots";
        }
        return path.endsWith(".xml") ? "feed" : path.endsWith(".html") ? "page" : "other";
    }

    private record Response(int status, String type, byte[] body) {
        static Response text(int status, String type, String body) {
            return new Response(status, type, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Response respond(String path) {
        if (host.role() == Role.FAIL_ALL) {
            return Response.text(503, "text/plain; charset=utf-8", "service unavailable\n");
        }
        if (path.equals("/robots.txt")) {
            return switch (host.role()) {
                case ROBOTS -> Response.text(200, "text/plain", "User-agent: *\nDisallow: /private/\n");
                case CRAWL_DELAY -> Response.text(200, "text/plain",
                        "User-agent: *\nCrawl-delay: " + FleetPlan.CRAWL_DELAY_SECONDS + "\n");
                default -> host.index() % 2 == 0 ? Response.text(200, "text/plain", "User-agent: *\nAllow: /\n")
                        : Response.text(404, "text/plain", "not found\n");
            };
        }
        if (host.role() == Role.FAIL_FEEDS) {
            return Response.text(500, "text/plain; charset=utf-8", "internal error\n");
        }
        Feed feed = feeds.get(path);
        if (feed != null) {
            return Response.text(200, "application/rss+xml; charset=utf-8", rss(feed));
        }
        Article page = pages.get(path);
        if (page != null) {
            return Response.text(200, "text/html; charset=utf-8", html(page));
        }
        return Response.text(404, "text/plain", "not found\n");
    }

    private String rss(Feed feed) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ")
                .append("xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n")
                .append("<title>舰队站点").append(host.index()).append("·频道").append(feed.index()).append("</title>\n")
                .append("<link>").append(url("/")).append("</link>\n<description>模拟新闻源</description>\n");
        for (Article a : feed.items()) {
            String first = a.text().paragraphs().get(0);
            String summary = first.length() > 50 ? first.substring(0, 50) + "……" : first;
            x.append("<item><title>").append(escape(a.text().title())).append("</title>")
                    .append("<link>").append(url(a.pagePath())).append("</link>")
                    .append("<guid isPermaLink=\"true\">").append(url(a.pagePath())).append("</guid>")
                    .append("<pubDate>").append(RFC_1123.format(a.published())).append("</pubDate>")
                    .append("<description>").append(escape(summary)).append("</description>");
            if (feed.fullText()) {
                StringBuilder html = new StringBuilder();
                for (String p : a.text().paragraphs()) {
                    html.append("<p>").append(escape(p)).append("</p>");
                }
                x.append("<content:encoded><![CDATA[").append(html).append("]]></content:encoded>");
            }
            x.append("</item>\n");
        }
        return x.append("</channel></rss>\n").toString();
    }

    private String html(Article a) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(a.text().title())).append(" - 舰队站点").append(host.index()).append("</title>")
                .append("<meta property=\"article:published_time\" content=\"").append(ISO.format(a.published()))
                .append("\"></head><body><header><nav><a href=\"/\">首页</a> <a href=\"/news/\">新闻</a> ")
                .append("<a href=\"/about/\">关于我们</a></nav></header><main><article><h1>")
                .append(escape(a.text().title())).append("</h1><p class=\"meta\"><time datetime=\"")
                .append(ISO.format(a.published())).append("\">").append(ISO.format(a.published()).substring(0, 10))
                .append("</time> 来源：舰队站点").append(host.index()).append("</p>");
        for (String p : a.text().paragraphs()) {
            h.append("<p>").append(escape(p)).append("</p>");
        }
        return h.append("</article></main><footer>版权所有 © 舰队站点").append(host.index())
                .append("</footer></body></html>\n").toString();
    }

    String url(String path) {
        return host.scheme() + "://" + host.address() + ":" + port + path;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 2 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(body);
        }
        return bytes.toByteArray();
    }

    /** A request head: path, keep-alive, gzip accepted. Null at a clean end of the connection. */
    private record Request(String path, boolean keepAlive, boolean acceptsGzip) {
        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream(512);
            int state = 0; // counts the bytes of CR LF CR LF seen in a row
            while (state < 4) {
                int b;
                try {
                    b = in.read();
                } catch (SocketTimeoutException | SocketException e) {
                    return null;
                }
                if (b < 0) {
                    return null;
                }
                head.write(b);
                if (head.size() > MAX_HEAD_BYTES) {
                    throw new IOException("request head too large");
                }
                state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1
                        : b == '\r' ? 1 : 0;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] first = lines[0].split(" ");
            if (first.length < 3) {
                throw new IOException("bad request line");
            }
            String path = first[1];
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            boolean keepAlive = first[2].equals("HTTP/1.1");
            boolean gzip = false;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].toLowerCase(Locale.ROOT);
                if (line.startsWith("connection:")) {
                    String v = line.substring(11).strip();
                    keepAlive = v.contains("keep-alive") || (keepAlive && !v.contains("close"));
                } else if (line.startsWith("accept-encoding:") && line.contains("gzip")) {
                    gzip = true;
                }
            }
            return new Request(path, keepAlive, gzip);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

package io.huixun.bench.fetch;

import com.sun.net.httpserver.HttpServer;
import io.huixun.fetch.AddressPolicy;
import io.huixun.fetch.FetchResult;
import io.huixun.fetch.FetchSettings;
import io.huixun.fetch.Fetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Fetch throughput against a local server on 127.0.0.1, side by side with the JDK HttpClient (the peer; it has no
 * SSRF guard, body deadline, cap or charset decision). The page is a 60 KB GB18030 news page served gzipped, the way
 * portals serve it. Needs no data set.
 *
 * <p>Usage: {@code java -cp huixun-bench.jar io.huixun.bench.fetch.FetchThroughput [REQUESTS] [THREADS]}
 * (defaults 3000 and 4). Prints requests/s for each client after a warm-up, and requests per TCP connection (the
 * server counts client ports), which shows keep-alive.
 */
public final class FetchThroughput {
    private FetchThroughput() {}

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        byte[] page = page();
        byte[] gz = gzip(page);
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs on kept-alive
        // connections, capping any keep-alive client at about 25 requests/s per connection
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        server.createContext("/", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort()); // one port per TCP connection: keep-alive shows here
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=gb2312");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, gz.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(gz);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/";
        try {
            // as many exchanges in flight to the one host as the peer gets (the production default is 2 per host)
            Fetcher fetcher = Fetcher.create(FetchSettings.defaults().withRobots(false).withMaxPerHost(threads)
                    .withPoliteness(Duration.ZERO, Duration.ZERO)
                    .withAddressPolicy(AddressPolicy.standard().allowing(List.of("127.0.0.1/32"))));
            HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            System.out.printf("page %d bytes (gzip %d), %d requests, %d threads, %d cores%n", page.length, gz.length,
                    requests, threads, Runtime.getRuntime().availableProcessors());
            for (int round = 0; round < 2; round++) {
                String label = round == 0 ? "warm-up " : "";
                clientPorts.clear();
                run(label + "huixun Fetcher", requests, threads, i -> {
                    FetchResult r = fetcher.fetch(base + i);
                    if (!(r instanceof FetchResult.Fetched f)) {
                        throw new IllegalStateException("unexpected " + r);
                    }
                    return f.text().length();
                });
                System.out.printf("%-26s %8.1f requests per TCP connection (%d connections)%n", "", (double) requests
                        / Math.max(1, clientPorts.size()), clientPorts.size());
                clientPorts.clear();
                run(label + "JDK HttpClient", requests, threads, i -> {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + i)).header("Accept-Encoding", "gzip")
                            .timeout(Duration.ofSeconds(10)).build();
                    HttpResponse<byte[]> resp = jdk.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    byte[] body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(resp.body()))
                            .readAllBytes();
                    return new String(body, Charset.forName("GB18030")).length();
                });
                System.out.printf("%-26s %8.1f requests per TCP connection (%d connections)%n", "", (double) requests
                        / Math.max(1, clientPorts.size()), clientPorts.size());
            }
            fetcher.close();
        } finally {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    interface Call {
        int apply(int i) throws Exception;
    }

    private static void run(String name, int requests, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong chars = new AtomicLong();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    chars.addAndGet(call.apply(n));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-26s %8.0f requests/s  %6.1f s  (%d chars decoded)%n", name, requests / seconds, seconds,
                chars.get());
    }

    private static byte[] page() {
        StringBuilder sb = new StringBuilder("<html><head><meta charset=\"gb2312\"><title>新闻</title></head><body>");
        // varied text so gzip compresses it about as much as a real page (a repeated paragraph would shrink to nothing)
        String chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定"
                + "行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政"
                + "四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
                + "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九"
                + "区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清";
        java.util.Random random = new java.util.Random(42);
        while (sb.length() < 30_000) {
            sb.append("<p>");
            for (int i = 0; i < 80; i++) {
                sb.append(chars.charAt(random.nextInt(chars.length())));
            }
            sb.append("。</p>\n");
        }
        return sb.append("</body></html>").toString().getBytes(Charset.forName("GB18030"));
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }
}

package io.huixun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.huixun.ingest.IngestProgress;
import io.huixun.ingest.IngestReport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One news page served on 127.0.0.1, and the check that an installation's pipeline fetches it exactly when its
 * settings allow loopback ({@code HUIXUN_ALLOW_NETWORKS=127.0.0.0/8}): the same check for every back-end combination.
 */
final class LoopbackPage implements AutoCloseable {
    static final String PAGE = "<html><head><title>一季度工业生产稳中有升</title></head><body><h1>一季度工业生产稳中有升</h1>"
            + "<div class=\"content\"><p>国家统计局今天发布数据，一季度全国规模以上工业增加值同比增长百分之六点五，比上年全年加快零点七个百分点。</p>"
            + "<p>分门类看，采矿业增加值增长百分之三点二，制造业增长百分之七点一，电力热力燃气及水生产和供应业增长百分之三点一。</p>"
            + "<p>分产品看，新能源汽车、工业机器人、集成电路产量分别增长百分之三十五、百分之二十六和百分之十八。</p></div></body></html>";

    private final HttpServer server;

    LoopbackPage() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestURI().getPath().endsWith(".html") ? PAGE.getBytes(StandardCharsets.UTF_8) : null;
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            ex.close();
        });
        server.start();
    }

    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".html";
    }

    /**
     * Opens {@code folder} with the back-ends of {@code backEnds} (flags, as the CLI gives them), once without and
     * once with {@code HUIXUN_ALLOW_NETWORKS}, and checks the page is refused, then fetched and stored.
     */
    void assertAllowNetworksHonoured(Path folder, Settings.Flags backEnds, Map<String, String> env) {
        Settings.Flags flags = new Settings.Flags(java.util.Optional.of(folder), backEnds.store(), backEnds.search());
        try (Installation blocked = Installation.open(Settings.read(flags, env), Installation.Mode.FULL)) {
            IngestReport r = blocked.pipeline().ingest(url("blocked"), IngestProgress.NONE);
            assertThat(r.inserted()).as("without HUIXUN_ALLOW_NETWORKS loopback stays blocked").isZero();
            assertThat(r.problems()).isNotEmpty();
        }
        Map<String, String> allowing = new HashMap<>(env);
        allowing.put(Settings.ALLOW_NETWORKS, "10.9.0.0/16, 127.0.0.0/8");
        try (Installation allowed = Installation.open(Settings.read(flags, allowing), Installation.Mode.FULL)) {
            IngestReport r = allowed.pipeline().ingest(url("allowed"), IngestProgress.NONE);
            assertThat(r.problems()).as(backEnds.toString()).isEmpty();
            assertThat(r.inserted()).as(backEnds.toString()).isEqualTo(1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

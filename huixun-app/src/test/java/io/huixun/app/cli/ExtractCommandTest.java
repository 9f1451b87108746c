package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

class ExtractCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = """
            <html><head><meta charset="gb2312"><title>法典草案提请审议_新闻_某某网</title></head><body>
            <div class="nav"><a href="/">首页</a> <a href="/n">新闻</a> <a href="/f">财经</a></div>
            <h1>法典草案提请审议</h1><div class="info">2025-04-27 09:15 来源：新华社</div>
            <div class="content"><p>新华社北京4月27日电（记者杨维汉、罗沙）生态环境法典草案27日提请十四届全国人大常委会第十五次会议审议，朱镕基时期的环保法规也被提及。</p>
            <p>草案共五编，包括总则编、污染防治编、生态保护编、绿色低碳发展编和法律责任与附则编。</p></div>
            </body></html>
            """;

    @TempDir
    Path dir;

    private static List<JsonNode> lines(CliRun run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.stdout().split("\n")) {
            if (!line.isEmpty()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void printsOneJsonObjectPerPageWithTheContractFields() throws IOException {
        Path page = dir.resolve("page.html");
        Files.write(page, PAGE.getBytes(Charset.forName("GB18030")));
        CliRun run = CliRun.run("extract", "--now", "2025-04-28T12:00:00+08:00", page.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        List<JsonNode> out = lines(run);
        assertThat(out).hasSize(1);
        JsonNode a = out.get(0);
        assertThat(a.fieldNames()).toIterable().startsWith("input", "title", "body", "published", "author", "source",
                "charset", "teaser");
        assertThat(a.get("input").asText()).isEqualTo(page.toString());
        assertThat(a.get("title").asText()).isEqualTo("法典草案提请审议");
        assertThat(a.get("body").asText()).startsWith("新华社北京4月27日电").contains("朱镕基").doesNotContain("首页");
        assertThat(a.get("published").asText()).isEqualTo("2025-04-27T09:15:00+08:00");
        assertThat(a.get("source").asText()).isEqualTo("新华社");
        assertThat(a.get("author").asText()).isEqualTo("杨维汉、罗沙");
        assertThat(a.get("charset").asText()).isEqualTo("GB18030");
        assertThat(a.get("teaser").asBoolean()).isFalse();
    }

    @Test
    void portalDumpGivesOneLinePerItem() throws IOException {
        Path dump = Files.writeString(dir.resolve("dump.txt"), """
                头条：某地举行春季运动会
                2025年4月26日，某地举行春季运动会，共有三千余名运动员参加。
                -
                第二条新闻的标题
                第二条新闻的摘要，说到一半就……
                -
                第三条新闻的标题
                第三条新闻的摘要，也被截断了...
                """);
        CliRun run = CliRun.run("extract", dump.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> out = lines(run);
        assertThat(out).extracting(n -> n.get("title").asText())
                .containsExactly("头条：某地举行春季运动会", "第二条新闻的标题", "第三条新闻的标题");
        assertThat(out).extracting(n -> n.get("teaser").asBoolean()).containsExactly(false, true, true);
        assertThat(out.get(0).get("published").asText()).isEqualTo("2025-04-26T00:00:00+08:00");
        assertThat(out.get(1).get("published").isNull()).isTrue();
    }

    @Test
    void badInputsAreReportedOneLineEachAndTheOthersStillProcessed() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.html"));
        Path binary = Files.write(dir.resolve("x.bin"), new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0});
        Path good = Files.writeString(dir.resolve("good.txt"), "标题\n正文，有逗号。\n");
        CliRun run = CliRun.run("extract", empty.toString(), binary.toString(), dir.resolve("missing.html").toString(),
                "http://127.0.0.1:9/a.html", good.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(lines(run)).extracting(n -> n.get("title").asText()).containsExactly("标题");
        assertThat(run.stderr().lines().toList()).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("huixun extract: "));
        assertThat(run.stderr()).contains("empty input", "binary data", "no such file", "address not allowed")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void fetchesAnHttpPageThroughTheSharedFetcher() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = PAGE.replace("charset=\"gb2312\"", "").getBytes(Charset.forName("GB18030"));
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/news/a.html")) {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=gbk"); // only the header says
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            } else {
                exchange.sendResponseHeaders(404, -1); // robots.txt absent: everything allowed (RFC 9309)
            }
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/a.html";
            CliRun run = CliRun.run("extract", "--allow-address", "127.0.0.1/32", url);

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode a = lines(run).get(0);
            assertThat(a.get("input").asText()).isEqualTo(url);
            assertThat(a.get("url").asText()).isEqualTo(url);
            assertThat(a.get("title").asText()).isEqualTo("法典草案提请审议");
            assertThat(a.get("charset").asText()).isEqualTo("GB18030");
            assertThat(a.get("body").asText()).contains("朱镕基");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBadNowIsAUsageError() {
        CliRun run = CliRun.run("extract", "--now", "yesterday", "x.html");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--now");
    }

    @Test
    void readsStandardInput() throws IOException {
        CliRun run = CliRun.run("标题\n正文，有逗号。\n".getBytes(StandardCharsets.UTF_8), "extract", "-");
        assertThat(run.exitCode()).isZero();
        assertThat(lines(run)).extracting(n -> n.get("input").asText()).containsExactly("-");
    }
}

package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.ingest.IngestProgress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code huixun serve} in a real child JVM, stopped with SIGTERM while a client keeps searching: it exits through its
 * shutdown hook without a stack trace (issue 12: no AlreadyClosedException), and the folder opens again with the
 * index in line with the store. Its log lines have a time and a level (logback.xml). A serve with nothing to write
 * never loads what writing needs.
 */
class ServeShutdownTest {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsServeCleanlyWhileSearchesRun() throws Exception {
        Path data = dir.resolve("data");
        Path jsonl = TestInstallations.sample(Files.createDirectories(dir.resolve("in")), "fuyao-news.jsonl", 8);
        long stored;
        try (Installation inst = Installation.open(data)) {
            inst.pipeline().ingest(jsonl.toString(), IngestProgress.NONE);
            stored = inst.store().count();
        }
        Path savedDedup = data.resolve("dedup-index.bin");
        assertThat(savedDedup).as("closing after the ingest saved the de-duplication index").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "io.huixun.app.cli.Main", "serve", "--data", data.toString(),
                "--port", "0").redirectErrorStream(true).start();
        List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        int port = -1;
        Pattern serving = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/");
        for (String line; port < 0 && (line = out.readLine()) != null; ) {
            output.add(line);
            Matcher m = serving.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        assertThat(port).as(String.join("\n", output)).isPositive();
        Thread reader = Thread.ofPlatform().daemon().start(() -> out.lines().forEach(output::add));

        HttpClient http = HttpClient.newHttpClient();
        URI search = URI.create("http://127.0.0.1:" + port + "/api/search?q=%E6%B5%B7%E5%8D%97");
        assertThat(http.send(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        // a client that keeps searching through the shutdown
        Thread client = Thread.ofPlatform().daemon().start(() -> {
            for (int i = 0; i < 10_000; i++) {
                try {
                    http.send(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    return; // the server is gone
                }
            }
        });
        Thread.sleep(300);
        // SIGTERM through the process handle: Process.destroy() would also close our end of its output, losing what
        // the shutdown hook prints (the lines checked below)
        serve.toHandle().destroy();
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve ends within 60 s of SIGTERM").isTrue();
        reader.join(10_000);
        client.join(10_000);
        assertThat(serve.exitValue()).as("exit status after SIGTERM").isEqualTo(143);
        List<String> trouble = new ArrayList<>();
        for (String line : output) {
            if (line.contains("Exception") || line.startsWith("\tat ")) {
                trouble.add(line);
            }
        }
        assertThat(trouble).as(String.join("\n", output)).isEmpty();
        // the log (stderr) carries the same start and the stop as events with time and level, one line each
        Pattern logLine = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  "
                + "ServeCommand: (serving on http://127\\.0\\.0\\.1:" + port + "/ \\(" + stored + " articles\\)|stopping|stopped)");
        assertThat(output.stream().filter(line -> logLine.matcher(line).matches()))
                .as(String.join("\n", output)).hasSize(3);

        // nothing was written: what writing needs (the de-duplication index among it) was never loaded, so it did not
        // take the cores from the first searches, and its saved file is still there for the next writer
        assertThat(output).as(String.join("\n", output)).noneMatch(line -> line.contains("de-duplication index:"));
        assertThat(savedDedup).exists();

        try (Installation again = Installation.open(data)) {
            assertThat(again.startupRepair().nothing()).as("the index was closed in line with the store").isTrue();
            assertThat(again.store().count()).isEqualTo(stored);
        }
    }
}

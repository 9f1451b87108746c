package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invalid flag values are usage errors everywhere: exit code 2, one line on stderr naming the command and the flag,
 * and nothing opened or written (the data folder is not even created).
 */
class UsageErrorsTest {
    @TempDir
    Path dir;

    private record Case(String mentions, List<String> args) {
        static Case of(String mentions, String... args) {
            return new Case(mentions, List.of(args));
        }
    }

    @Test
    void everyInvalidValueIsExitTwoWithOneLine() {
        String data = dir.resolve("data").toString();
        List<Case> cases = List.of(
                Case.of("--every", "sources", "add", "https://www.news.cn/rss.xml", "--every", "0"),
                Case.of("--every", "sources", "add", "https://www.news.cn/rss.xml", "--every", "10081"),
                Case.of("--every", "sources", "add", "https://www.news.cn/rss.xml", "--every", "-3"),
                Case.of("--every", "sources", "add", "https://www.news.cn/rss.xml", "--every", "half"),
                Case.of("--charset", "sources", "add", "https://www.news.cn/rss.xml", "--charset", "klingon"),
                Case.of("--charset", "sources", "add", "https://www.news.cn/rss.xml", "--charset", "no such/name"),
                Case.of("--name", "sources", "add", "https://www.news.cn/rss.xml", "--name", "  "),
                Case.of("http(s) URL", "sources", "add", "ftp://www.news.cn/rss.xml"),
                Case.of("not a URL", "sources", "add", "http://bad host/rss"),
                Case.of("--every", "sources", "import", dir.resolve("x.opml").toString(), "--every", "0"),
                Case.of("ID", "sources", "pause", "0"),
                Case.of("ID", "sources", "resume", "abc"),
                Case.of("ID", "sources", "remove", "0"),
                Case.of("--sort", "search", "海南", "--sort", "bogus"),
                Case.of("--limit", "search", "海南", "--limit", "-1"),
                Case.of("--limit", "search", "海南", "--limit", "0"),
                Case.of("--limit", "search", "海南", "--limit", "101"),
                Case.of("--port", "demo", "--port", "70000"),
                Case.of("--port", "serve", "--port", "70000"),
                Case.of("--port", "serve", "--port", "-1"),
                Case.of("--port", "serve", "--port", "eighty"),
                Case.of("NAME", "users", "add", "li si"),
                Case.of("NAME", "users", "add", "a".repeat(65)),
                Case.of("--to", "migrate", "--to", "bogus://somewhere"),
                Case.of("--to", "migrate", "--to", "postgresfoo://somewhere"));
        for (Case c : cases) {
            String[] args = java.util.stream.Stream.concat(c.args().stream(), java.util.stream.Stream.of("--data", data))
                    .toArray(String[]::new);
            CliRun r = CliRun.run(args);
            String shown = String.join(" ", c.args());
            assertThat(r.exitCode()).as(shown + " → " + r.stderr()).isEqualTo(HuixunCommand.USAGE);
            assertThat(r.stderr().lines().toList()).as(shown).singleElement().asString()
                    .startsWith("huixun " + c.args().get(0)).contains(c.mentions()).doesNotContain("Exception")
                    .endsWith("--help)");
            assertThat(r.stdout()).as(shown).isEmpty();
            assertThat(Files.exists(dir.resolve("data"))).as(shown + " must not open the data folder").isFalse();
        }
    }

    /** extract takes no --data; its own closed values are checked before any input is read or fetched. */
    @Test
    void extractRefusesBadValuesBeforeReadingAnything() throws Exception {
        java.nio.file.Path page = dir.resolve("page.html");
        Files.writeString(page, "<html><body><p>一段文字。</p></body></html>");
        for (List<String> args : List.of(List.of("--allow-address", "lan"), List.of("--zone", "Mars/Olympus"),
                List.of("--now", "yesterday"))) {
            List<String> all = new java.util.ArrayList<>(List.of("extract", page.toString()));
            all.addAll(args);
            CliRun r = CliRun.run(all.toArray(String[]::new));
            assertThat(r.exitCode()).as(all + " → " + r.stderr()).isEqualTo(HuixunCommand.USAGE);
            assertThat(r.stderr().lines().toList()).as(all.toString()).singleElement().asString()
                    .startsWith("huixun extract: " + args.get(0)).endsWith("--help)");
            assertThat(r.stdout()).as(all.toString()).isEmpty();
        }
    }

    @Test
    void theMessageSaysWhatIsAllowed() {
        CliRun bare = CliRun.run("sources");
        assertThat(bare.exitCode()).isEqualTo(HuixunCommand.USAGE);
        assertThat(bare.stderr()).isEqualTo("huixun sources: say add, list, remove, pause, resume, import or export "
                + "(see huixun sources --help)\n");
        CliRun every = CliRun.run("sources", "add", "https://www.news.cn/rss.xml", "--every", "0");
        assertThat(every.stderr()).isEqualTo("huixun sources add: --every must be a whole number of minutes from 1 to "
                + "10080, got 0 (see huixun sources add --help)\n");
        CliRun sort = CliRun.run("search", "海南", "--sort", "bogus");
        assertThat(sort.stderr()).contains("relevance").contains("time").contains("bogus");
    }
}

package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that reads (or changes what exists) on a folder that holds no installation says so in one line, exit code
 * 1, and creates nothing there; commands that start an installation (ingest, sources add, users add) still do.
 */
class ReadCommandsNeedAnInstallationTest {
    @TempDir
    Path dir;

    static final List<List<String>> READERS = List.of(List.of("search", "海南"), List.of("export"),
            List.of("sources", "list"), List.of("sources", "export"), List.of("sources", "remove", "1"),
            List.of("sources", "pause", "1"), List.of("sources", "resume", "1"), List.of("users", "list"),
            List.of("users", "passwd", "li"), List.of("users", "remove", "li"), List.of("users", "token", "li"),
            List.of("reindex"), List.of("migrate", "--to", "postgresql://127.0.0.1:1/huixun?user=huixun"));

    @Test
    void aMissingFolderIsNotCreated() {
        Path data = dir.resolve("nothing-here");
        for (List<String> command : READERS) {
            CliRun r = run(command, data);
            String shown = String.join(" ", command);
            assertThat(r.exitCode()).as(shown + " → " + r.stderr()).isEqualTo(HuixunCommand.BAD_INPUT);
            assertThat(r.stderr().lines().toList()).as(shown).singleElement().asString()
                    .startsWith("huixun " + command.get(0)).contains("no Huixun installation in")
                    .contains(data.toAbsolutePath().toString()).doesNotContain("Exception");
            assertThat(Files.exists(data)).as(shown + " must not create the folder").isFalse();
        }
    }

    @Test
    void anEmptyOrForeignFolderIsLeftAsItIs() throws Exception {
        Path data = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(data.resolve("holiday.txt"), "not news");
        for (List<String> command : READERS) {
            CliRun r = run(command, data);
            assertThat(r.exitCode()).as(String.join(" ", command)).isEqualTo(HuixunCommand.BAD_INPUT);
            try (var files = Files.list(data)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("holiday.txt");
            }
        }
    }

    @Test
    void anInstallationIsReadAsBefore() {
        Path data = dir.resolve("data");
        try (Installation created = Installation.open(data, Installation.Mode.STORE, Optional.empty(),
                Optional.empty())) {
            assertThat(created.store().count()).isZero();
        }
        CliRun list = run(List.of("sources", "list"), data);
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        CliRun search = run(List.of("search", "海南"), data);
        assertThat(search.exitCode()).as(search.stderr()).isZero();
        assertThat(search.stdout()).startsWith("0 results");
    }

    /** {@code sources add} starts an installation in an empty folder, as before. */
    @Test
    void aWritingCommandStillCreatesOne() {
        Path data = dir.resolve("fresh");
        CliRun r = run(List.of("sources", "add", "https://www.news.cn/rss.xml", "--name", "新华网"), data);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(data.resolve("huixun.db")).isRegularFile();
    }

    private static CliRun run(List<String> command, Path data) {
        List<String> args = new java.util.ArrayList<>(command);
        args.add("--data");
        args.add(data.toString());
        return CliRun.run(args.toArray(String[]::new));
    }
}

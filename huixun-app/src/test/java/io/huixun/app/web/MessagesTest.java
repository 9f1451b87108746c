package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {
    /** Keys of the reader's pages: Messages.t(ctx, "…") in routes and templates, and form labels. */
    private static final Pattern USE = Pattern.compile("Messages\\.t\\((?:ctx|page)\\s*,\\s*\"([a-zA-Z.]+)\"");
    private static final Pattern LABEL = Pattern.compile("label = \"([a-zA-Z.]+)\"");

    @Test
    void englishCountsAgreeWithTheirNumber() {
        Messages en = Messages.of(Lang.EN);
        assertThat(en.format("article.alsoCount", 1)).isEqualTo("Also reported by 1 other source");
        assertThat(en.format("article.alsoCount", 3)).isEqualTo("Also reported by 3 other sources");
        assertThat(en.format("story.members", 1)).isEqualTo("1 report");
        assertThat(en.format("search.results", "1")).isEqualTo("1 result");
        assertThat(en.format("search.results", "1000+")).isEqualTo("1000+ results");
        assertThat(Messages.of(Lang.ZH_HANS).format("article.alsoCount", 1)).isEqualTo("另有 1 家来源报道");
    }

    @Test
    void everyKeyATemplateOrTheServerUsesIsWritten() throws Exception {
        // Keys quoted in templates and in the web package's sources: ctx.msg("…"), Notice.of("…"), BadRequest("…").
        Pattern used = Pattern.compile("(?:msg|Notice\\.of|Notice\\.problem|BadRequest|error)\\(\"([a-z]+\\.[A-Za-z.]+)\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/jte")),
                Files.walk(Path.of("src/main/java/io/huixun/app/web")))) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    Matcher m = used.matcher(Files.readString(f));
                    while (m.find()) {
                        assertThat(Messages.has(m.group(1))).as(m.group(1) + " in " + f).isTrue();
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        for (io.huixun.text.repair.RepairKind kind : io.huixun.text.repair.RepairKind.values()) {
            assertThat(Messages.has("repair." + kind.name())).as(kind.name()).isTrue();
        }
    }

    @Test
    void theTraditionalInterfacesUseTheCommonForms() {
        assertThat(Messages.of(Lang.ZH_HANT).get("sources.never")).isEqualTo("從未抓取");
        assertThat(Messages.of(Lang.ZH_HK).get("nav.sources")).isEqualTo("新聞源");
        assertThat(Messages.of(Lang.ZH_TW).get("sources.added")).startsWith("已新增").doesNotContain("祕");
    }

    @Test
    void everyReaderPageKeyInUseIsDefined() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/jte"), Path.of("src/main/java/io/huixun/app/web"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    for (Pattern p : List.of(USE, LABEL)) {
                        Matcher m = p.matcher(text);
                        while (m.find()) {
                            keys.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(keys).contains("nav.unread", "follow.thisStory", "saved.save");
        // Chosen at run time (a ternary, a variable): listed here.
        keys.addAll(List.of("state.read", "state.unread", "state.star", "state.unstar", "alert.badUrl",
                "reading.noStarred", "reading.noUnread", "reading.noFollows", "reading.unreadTitle",
                "reading.starredTitle"));
        for (var kind : io.huixun.store.reader.FollowKind.values()) { // "follow.kind." + kind.name() in following.jte
            keys.add("follow.kind." + kind.name());
        }
        assertThat(keys.stream().filter(k -> !k.endsWith("."))).allMatch(Messages::has);
        PageContext zh = new PageContext(Lang.ZH_HANT, Messages.of(Lang.ZH_HANT), Optional.empty(), "/", "");
        assertThat(Messages.t(zh, "state.read")).startsWith("標").endsWith("已讀");
        PageContext en = new PageContext(Lang.EN, Messages.of(Lang.EN), Optional.empty(), "/", "");
        assertThat(Messages.t(en, "follow.noSource", "9")).isEqualTo("There is no such source: 9");
    }
}

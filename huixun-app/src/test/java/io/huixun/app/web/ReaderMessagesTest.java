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

/** Every reader-page string the templates and routes ask for exists, in Chinese in the Chinese interfaces. */
class ReaderMessagesTest {
    private static final Pattern USE = Pattern.compile("(?:ReaderMessages\\.t\\(ctx|ReaderMessages\\.t\\(page)\\s*,\\s*\"([a-zA-Z.]+)\"");
    private static final Pattern LABEL = Pattern.compile("label = \"([a-zA-Z.]+)\"");

    @Test
    void everyKeyInUseIsDefined() throws IOException {
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
        assertThat(keys.stream().filter(k -> !k.endsWith("."))).allMatch(ReaderMessages::has);
        PageContext zh = new PageContext(Lang.ZH_HANT, Messages.of(Lang.ZH_HANT), Optional.empty(), "/", "");
        assertThat(ReaderMessages.t(zh, "state.read")).startsWith("標").endsWith("已讀");
        PageContext en = new PageContext(Lang.EN, Messages.of(Lang.EN), Optional.empty(), "/", "");
        assertThat(ReaderMessages.t(en, "follow.noSource", "9")).isEqualTo("There is no such source: 9");
    }
}

package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

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
}

package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: whatever the bytes, the source parsers answer a ParseResult and never throw. Run
 * {@code JAZZER_FUZZ=1 ./mvnw -pl huixun-core test -Dtest=SourceParserFuzzTest
 * -Djazzer.instrument='io.huixun.**,com.rometools.**,crawlercommons.**,org.jsoup.**'} (one target per JVM); seeds
 * are in src/test/resources/io/huixun/source/SourceParserFuzzTestInputs, findings land there too.
 */
@EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = ".+",
        disabledReason = "fuzzing only: Jazzer's agent would otherwise load into the shared test JVM, and it cannot "
                + "instrument Java 25 classes (noisy); SourceParserFuzzSeedsTest replays the seeds")
class SourceParserFuzzTest {
    private static final URI BASE = URI.create("https://news.example.cn/feed.xml");

    @FuzzTest(maxDuration = "60s")
    void feedsSitemapsOpmlAndPagesNeverThrow(byte[] input) {
        parseEverywhere(input);
    }

    /** The target's body, shared with {@link SourceParserFuzzSeedsTest} (which replays the seeds on any JDK). */
    static void parseEverywhere(byte[] input) {
        assertThat(SourceParser.detect(input, java.util.Optional.empty())).isNotNull();
        assertThat(FeedText.paragraphs(new String(input, StandardCharsets.UTF_8))).isNotNull();
        assertThat(SourceParser.feed(input, BASE)).isNotNull();
        assertThat(SourceParser.sitemap(input, BASE)).isNotNull();
        assertThat(SourceParser.opml(input)).isNotNull();
        assertThat(SourceParser.listPage(new String(input, StandardCharsets.UTF_8), BASE)).isNotNull();
    }
}

package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** robots.txt decisions, including the gaps closed around crawler-commons (cases written for this project). */
class RobotsPolicyTest {

    @ParameterizedTest(name = "{3} {2} -> {4}")
    @CsvSource(delimiter = '|', value = {
        // body (\n escaped)                                          | bom  | url                  | agent   | allowed
        "User-agent: *\\nDisallow: /private                           | none | /private/x           | huixun  | false",
        "User-agent: *\\nDisallow: /private                           | none | /public              | huixun  | true",
        "User-agent: *\\nDisallow: /                                  | none | /robots.txt          | huixun  | true",
        "User-agent: huixun\\nDisallow: /a\\nAllow: /a/b              | none | /a/b/c               | Huixun  | true",
        "User-agent: huixun\\nDisallow: /a\\nAllow: /a/b              | none | /a/c                 | Huixun  | false",
        "User-agent: *\\nDisallow: /*.pdf$                            | none | /x/y.pdf             | huixun  | false",
        "User-agent: *\\nDisallow: /*.pdf$                            | none | /x/y.pdf?z           | huixun  | true",
        "User-agent: foo\\nDisallow: /                                | full | /x                   | foo     | false",
        "User-agent: foo\\nDisallow: /                                | part | /x                   | foo     | false",
        "User-agent: foo\\nDisallow: /                                | one  | /x                   | foo     | false",
        "User-agent: *\\nAllow: /\\nUser-agent: Bot42x\\nDisallow: /   | none | /x                   | Bot42x  | true",
        "User-agent: *\\nAllow: /\\nUser-agent: Bot42x\\nDisallow: /   | none | /x                   | Bot     | false",
        "User-agent: *\\nCrawl-delay: 99999\\nDisallow: /private      | none | /news/1              | huixun  | true",
        "User-agent: *\\nDisallow: /新闻                               | none | /%E6%96%B0%E9%97%BB/1 | huixun  | false",
    })
    void decisions(String body, String bom, String path, String agent, boolean allowed) {
        byte[] text = body.strip().replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        byte[] prefix = switch (bom) {
            case "full" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            case "part" -> new byte[] {(byte) 0xEF, (byte) 0xBB};
            case "one" -> new byte[] {(byte) 0xEF};
            default -> new byte[0];
        };
        byte[] bytes = java.util.Arrays.copyOf(prefix, prefix.length + text.length);
        System.arraycopy(text, 0, bytes, prefix.length, text.length);
        RobotsPolicy policy = RobotsPolicy.parse(URI.create("http://example.com/robots.txt"), bytes, agent);
        assertThat(policy.isAllowed(URI.create("http://example.com" + path))).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"User-agent: *\\nCrawl-delay: 5\\nDisallow: /x, 5000"})
    void crawlDelayIsReportedNotTurnedIntoDisallowAll(String body, long millis) {
        RobotsPolicy policy = RobotsPolicy.parse(URI.create("http://example.com/robots.txt"),
                body.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8), "huixun");
        assertThat(policy.crawlDelay()).contains(Duration.ofMillis(millis));
        assertThat(policy.isAllowed(URI.create("http://example.com/y"))).isTrue();
    }
}

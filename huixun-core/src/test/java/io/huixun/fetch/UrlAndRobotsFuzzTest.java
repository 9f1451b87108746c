package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * Fuzz target: the URL gate either accepts (and then the host is a valid name or an IP the policy can judge) or
 * rejects with a message; robots.txt bodies of any bytes parse. Run {@code JAZZER_FUZZ=1 ./mvnw -pl huixun-core test
 * -Dtest=UrlAndRobotsFuzzTest -Djazzer.instrument='io.huixun.**,crawlercommons.**'}.
 */
@EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = ".+",
        disabledReason = "fuzzing only: Jazzer's agent would otherwise load into the shared test JVM, and it cannot "
                + "instrument Java 25 classes (noisy); UrlAndRobotsFuzzSeedsTest replays the seeds")
class UrlAndRobotsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void urlGateAndRobotsNeverThrowUnexpectedly(FuzzedDataProvider data) throws Exception {
        String url = data.consumeString(300);
        urlGateAndRobots(url, data.consumeRemainingAsBytes());
    }

    /** The target's body, shared with {@link UrlAndRobotsFuzzSeedsTest} (which replays the seeds on any JDK). */
    static void urlGateAndRobots(String url, byte[] robots) {
        try {
            TargetUrl t = TargetUrl.parse(url);
            assertThat(t.uri().toASCIIString()).startsWith(t.https() ? "https://" : "http://");
            assertThat(t.port()).isBetween(1, 65535);
            Optional<InetAddress> literal = t.literal();
            literal.ifPresent(a -> AddressPolicy.standard().blockReason(a));
        } catch (TargetUrl.Rejected e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        RobotsPolicy policy = RobotsPolicy.parse(URI.create("http://example.com/robots.txt"), robots, "huixun");
        policy.isAllowed(URI.create("http://example.com/a/b?c=d"));
    }
}

package io.huixun.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.huixun.search.SearchIndexException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * A cluster nobody listens for is reported at opening, after the short reach window ({@link
 * OpenSearchIndex#OPEN_REACH_MILLIS}) instead of the minute of retries a running cluster gets, in one sentence naming
 * the address.
 */
class UnreachableClusterTest {
    @Test
    void openingAClosedPortFailsWithOneSentenceNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again at once: nobody listens there
        }
        String location = "opensearch://127.0.0.1:" + port + "/huixun";
        SearchIndexException e = catchThrowableOfType(SearchIndexException.class,
                () -> OpenSearchIndex.open(location).close());
        assertThat(e).as("opening must fail").isNotNull();
        assertThat(e.getMessage()).startsWith("OpenSearch at 127.0.0.1:" + port + " cannot be reached (")
                .contains("tried for " + OpenSearchIndex.OPEN_REACH_MILLIS / 1000 + " s")
                .endsWith("start it, or check the opensearch:// address").doesNotContain("\n")
                .doesNotContain("Exception");
    }
}

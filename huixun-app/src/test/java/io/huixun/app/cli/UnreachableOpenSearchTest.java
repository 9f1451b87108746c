package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --search opensearch://…} where nobody listens: one line, exit code 1, after seconds rather than a minute. */
class UnreachableOpenSearchTest {
    @TempDir
    Path dir;

    @Test
    void searchSaysTheClusterCannotBeReached() throws Exception {
        Path data = dir.resolve("data");
        Installation.open(data, Installation.Mode.STORE, Optional.empty(), Optional.empty()).close();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.run("search", "海南", "--data", data.toString(), "--search", "opensearch://127.0.0.1:" + port);
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(HuixunCommand.BAD_INPUT);
        assertThat(r.stderr().lines().toList()).singleElement().asString().startsWith("huixun search: ")
                .contains("OpenSearch at 127.0.0.1:" + port + " cannot be reached").doesNotContain("Exception");
        assertThat(r.stdout()).isEmpty();
    }
}

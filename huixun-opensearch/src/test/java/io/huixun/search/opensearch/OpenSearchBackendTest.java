package io.huixun.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huixun.search.SearchBackend;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The module registers itself for {@code opensearch://} locations, which is how the application finds it. */
class OpenSearchBackendTest {
    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(SearchBackend.class).stream().map(ServiceLoader.Provider::type))
                .contains(OpenSearchBackend.class);
    }

    @Test
    void anOpenSearchLocationReachesThisModulesParser() {
        // no connection is tried: the location is refused by Target.parse, which only this module has
        assertThatThrownBy(() -> SearchBackend.openAt("opensearch://no-port-here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'no-port-here' in 'opensearch://no-port-here' is not host:port");
    }
}

package io.huixun.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Core alone has no remote back-end on its class path (huixun-opensearch depends on core, not the reverse), so this is
 * what an installation without OpenSearch support answers for {@code --search opensearch://…}.
 */
class SearchBackendTest {
    @Test
    void anOpenSearchLocationWithoutTheModuleSaysSoInOneSentence() {
        assertThatThrownBy(() -> SearchBackend.openAt("opensearch://127.0.0.1:9200"))
                .isInstanceOf(SearchIndexException.class)
                .hasMessageStartingWith("this build of Huixun has no OpenSearch support")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownSchemeNamesTheLocation() {
        assertThatThrownBy(() -> SearchBackend.openAt("solr://127.0.0.1:8983"))
                .isInstanceOf(SearchIndexException.class)
                .hasMessage("no search back-end serves 'solr://127.0.0.1:8983' (expected opensearch://host:port)");
    }
}

package io.huixun.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceNameTest {
    @Test
    void theSourcesOwnNameFirstThenTheHostOrTheLocalFile() {
        assertThat(SourceName.of(" 新华网 ", Optional.of("https://news.example.cn/a.html"))).contains("新华网");
        assertThat(SourceName.of("", Optional.of("https://news.example.cn/a.html"))).contains("news.example.cn");
        assertThat(SourceName.of(" ", Optional.of("file:///data/portal-dump-seed.txt#item-2")))
                .contains("portal-dump-seed.txt");
        assertThat(SourceName.of("", Optional.empty())).isEmpty();
        assertThat(SourceName.of("", Optional.of("not a uri at all"))).isEmpty();
        assertThat(SourceName.of("", Optional.of("file:///"))).isEmpty();
    }
}

package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLdReaderTest {

    @Test
    void findsTheArticleInAGraphWrittenTheWayCmsesWriteIt() {
        String block = """
                /* generated */ {'@context':'https://schema.org','@graph':[{'@type':'WebSite','name':'某某网'},
                 {"@type":["NewsArticle"],"headline":"  法典草案
                提请审议 ","author":[{"name":"杨维汉"},{"name":"罗沙"},null],"publisher":{"@id":"https://x.cn/"},}]}
                """;
        List<Map<String, Object>> articles = JsonLdReader.objects(JsonLdReader.parse(block).orElseThrow()).stream()
                .filter(JsonLdReader::isArticle).toList();
        assertThat(articles).hasSize(1);
        Map<String, Object> a = articles.get(0);
        assertThat(JsonLdReader.text(a, "headline")).contains("法典草案\n提请审议");
        assertThat(JsonLdReader.text(a, "author")).contains("杨维汉、罗沙");
        assertThat(JsonLdReader.text(a, "publisher")).contains("https://x.cn/");
        assertThat(JsonLdReader.text(a, "datePublished")).isEmpty();
    }

    @Test
    void objectsWithoutAnArticleTypeOrWithNullTypeAreNotArticles() {
        assertThat(JsonLdReader.isArticle(Map.of("@type", "Organization"))).isFalse();
        assertThat(JsonLdReader.isArticle(Map.of())).isFalse();
        assertThat(JsonLdReader.isArticle(Map.of("@type", List.of("Thing", "LiveBlogPosting")))).isTrue();
        assertThat(JsonLdReader.parse("{\"@type\":null}").map(v -> JsonLdReader.isArticle(cast(v)))).contains(false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object v) {
        return (Map<String, Object>) v;
    }
}

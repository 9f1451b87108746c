package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.model.Article;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Regression: a short lead paragraph opening with a dateline and "记者从…获悉" was taken for a byline and dropped. */
class DatelineLeadTest {
    @Test
    void aShortDatelinedLeadParagraphStaysInTheBodyAndIsNoAuthor() {
        String html = """
                <html><head><meta charset="utf-8"><title>长江生态保护取得新进展</title></head><body><h1>长江生态保护取得新进展</h1>
                <div class="article"><p>新华社北京4月27日电 记者从有关部门获悉，相关工作取得了积极进展，各方面反映良好。</p>
                <p>据介绍，今年以来，相关部门认真贯彻落实部署要求，扎实推进各项任务，取得了明显成效，为下一步工作打下了坚实基础。</p>
                <p>有关负责人表示，下一步将继续加大工作力度，推动各项政策措施落地见效，更好满足人民群众的需要。</p></div></body></html>""";
        Extraction result = new ArticleExtractor(ExtractOptions.defaults()).extract(new RawDocument("lead.html",
                html.getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.of("text/html; charset=utf-8")));
        Article article = ((Extraction.Extracted) result).articles().get(0);
        assertThat(article.body()).startsWith("新华社北京4月27日电 记者从有关部门获悉");
        assertThat(article.author()).isEmpty();
        assertThat(article.dateline()).isPresent();
    }
}

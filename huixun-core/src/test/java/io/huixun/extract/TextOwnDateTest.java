package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.model.Article;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The date a text carries as its own (a reprint's head line, an official document's 落款) and the posting date. */
class TextOwnDateTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(new ExtractOptions(
            ZonedDateTime.of(2025, 4, 27, 12, 0, 0, 0, SHANGHAI), SHANGHAI));
    private static final String PROSE = """
            <p>为拆一幢房，断送了三条人命。前天的这场惨剧发生得实在太突然，太震惊了，许多市民至今仍在追问事故的原因。</p>
            <p>采访中，我们发现，一项建筑工程往往要经过层层转包，拆房的活最后落到了没有资质的个人手里，安全无人过问。</p>
            <p>有关部门表示，将对全市的拆房工程进行一次全面检查，对无证拆房的行为依法严肃处理，绝不姑息。</p>
            """;

    private static LocalDate published(String html) {
        Extraction e = EXTRACTOR.extract(new RawDocument("t.html", html.getBytes(StandardCharsets.UTF_8),
                Optional.empty(), Optional.empty()));
        Article a = ((Extraction.Extracted) e).articles().get(0);
        return a.published().orElseThrow().toLocalDate();
    }

    @Test
    void aReprintKeepsTheDateAtItsHeadOverTheBlogsPostingDate() {
        String html = "<html><head><title>拆房屡出命案</title></head><body><h1>拆房屡出命案</h1>"
                + "<div class=\"post\"><p>拆房屡出命案 管理形同虚设</p><p>本报记者 王燕平</p><p>2003-7-24 钱江晚报</p>"
                + PROSE + "</div><div class=\"meta\">发表于 2005-08-30 13:22</div></body></html>";
        assertThat(published(html)).isEqualTo(LocalDate.of(2003, 7, 24));
    }

    @Test
    void anOfficialDocumentIsDatedByItsSignatureLine() {
        String html = "<html><head><title>通告</title><meta name=\"PubDate\" content=\"2022-01-28 00:00:00\"></head>"
                + "<body><h1>通告</h1><div class=\"doc\">" + PROSE + "<p>特此通告。</p><p>吉林省人民政府</p>"
                + "<p>2022年1月27日</p></div></body></html>";
        assertThat(published(html)).isEqualTo(LocalDate.of(2022, 1, 27));
    }

    @Test
    void aLabelledPostingDateIsNotTheTextsOwn() {
        String html = "<html><head><title>拆房</title></head><body><h1>拆房</h1><div class=\"post\">"
                + "<p>发布时间：2005-08-30</p>" + PROSE + "</div></body></html>";
        assertThat(published(html)).isEqualTo(LocalDate.of(2005, 8, 30));
    }
}

package io.huixun.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.ingest.IngestProgress;
import io.huixun.store.ArticleMedia;
import io.huixun.store.RecentFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page ingested as a file keeps its lead picture (its og:image here) as the article's lead image. */
class PageLeadImageTest {
    @TempDir
    Path dir;

    @Test
    void aPagesShareImageBecomesTheLeadImage() throws Exception {
        String paragraphs = "<p>国家统计局今天发布数据，一季度全国规模以上工业增加值同比增长百分之六点五，比上年全年加快零点七个百分点。</p>"
                + "<p>分门类看，采矿业增加值增长百分之三点二，制造业增长百分之七点一，电力热力燃气及水生产和供应业增长百分之三点一。</p>"
                + "<p>分产品看，新能源汽车、工业机器人、集成电路产量分别增长百分之三十五、百分之二十六和百分之十八。</p>";
        String html = "<html><head><title>一季度工业生产稳中有升</title><link rel=\"canonical\" href=\"https://stats.example.cn/2025/q1.html\">"
                + "<meta property=\"og:image\" content=\"https://stats.example.cn/img/q1-cover.jpg\"></head><body>"
                + "<h1>一季度工业生产稳中有升</h1><div class=\"content\">" + paragraphs + "</div></body></html>";
        Path page = dir.resolve("q1.html");
        Files.writeString(page, html);
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            inst.pipeline().ingest(page.toString(), IngestProgress.NONE);
            long id = inst.store().listRecent(RecentFilter.CANONICAL, 0, 1).get(0).id();
            assertThat(inst.store().media(id)).extracting(ArticleMedia::url, ArticleMedia::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("https://stats.example.cn/img/q1-cover.jpg",
                            ArticleMedia.Kind.LEAD_IMAGE));
        }
    }
}

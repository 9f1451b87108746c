package io.huixun.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.model.Image;
import io.huixun.store.ArticleMedia;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageMediaTest {
    private static Image image(String url) {
        return new Image(URI.create(url), "");
    }

    @Test
    void theFirstStorablePictureLeadsAndTheRestAreImages() {
        List<ArticleMedia> media = PageMedia.of(List.of(image("javascript:alert(1)"), image("https://a.cn/1.jpg"),
                image("https://a.cn/2.jpg"), image("https://a.cn/1.jpg")));
        assertThat(media).extracting(ArticleMedia::url, ArticleMedia::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://a.cn/1.jpg", ArticleMedia.Kind.LEAD_IMAGE),
                org.assertj.core.groups.Tuple.tuple("https://a.cn/2.jpg", ArticleMedia.Kind.IMAGE));
    }

    @Test
    void aFeedsOwnLeadImageStaysAndThePageOnlyAddsPictures() {
        ArticleMedia feedLead = new ArticleMedia("https://feed.cn/thumb.jpg", ArticleMedia.Kind.LEAD_IMAGE, Optional.empty());
        ArticleMedia audio = new ArticleMedia("https://feed.cn/a.mp3", ArticleMedia.Kind.AUDIO, Optional.of("audio/mpeg"));
        List<ArticleMedia> media = PageMedia.combine(List.of(feedLead, audio), List.of(image("https://feed.cn/thumb.jpg"),
                image("https://page.cn/p.jpg")));
        assertThat(media).containsExactly(feedLead, audio,
                new ArticleMedia("https://page.cn/p.jpg", ArticleMedia.Kind.IMAGE, Optional.empty()));
        assertThat(PageMedia.combine(List.of(audio), List.of(image("https://page.cn/p.jpg"))))
                .contains(new ArticleMedia("https://page.cn/p.jpg", ArticleMedia.Kind.LEAD_IMAGE, Optional.empty()));
        java.util.List<Image> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(image("https://page.cn/" + i + ".jpg"));
        }
        assertThat(PageMedia.of(many)).hasSize(1 + PageMedia.MAX_IMAGES);
    }
}

package io.huixun.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.store.ArticleMedia;
import io.huixun.store.SaveResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Lead images and enclosures kept with their articles: the same behaviour on every back-end. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.huixun.store.jdbc.StoreBackend#all")
class ArticleMediaStoreTest extends OnEveryStoreBackend {

    private long article(int n) {
        return ((SaveResult.Inserted) store.save(TestArticles.article(n))).article().id();
    }

    @Test
    void keepsMediaInOrderAndFindsLeadImagesForManyArticlesAtOnce() {
        long a = article(1);
        long b = article(2);
        long c = article(3);
        store.saveMedia(a, List.of(
                new ArticleMedia("https://img.example.cn/lead.jpg", ArticleMedia.Kind.LEAD_IMAGE, Optional.empty()),
                new ArticleMedia("javascript:alert(1)", ArticleMedia.Kind.IMAGE, Optional.empty()),
                new ArticleMedia("https://cdn.example.cn/a.mp3", ArticleMedia.Kind.AUDIO, Optional.of("audio/mpeg"))));
        store.saveMedia(b, List.of(
                new ArticleMedia("http://img.example.cn/b.png", ArticleMedia.Kind.LEAD_IMAGE, Optional.of("image/png"))));

        assertThat(store.media(a)).containsExactly(
                new ArticleMedia("https://img.example.cn/lead.jpg", ArticleMedia.Kind.LEAD_IMAGE, Optional.empty()),
                new ArticleMedia("https://cdn.example.cn/a.mp3", ArticleMedia.Kind.AUDIO, Optional.of("audio/mpeg")));
        assertThat(store.media(c)).isEmpty();
        assertThat(store.leadImages(List.of(a, b, c))).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                a, "https://img.example.cn/lead.jpg", b, "http://img.example.cn/b.png"));

        // Saving again replaces the list rather than adding to it.
        store.saveMedia(a, List.of(
                new ArticleMedia("https://img.example.cn/new.jpg", ArticleMedia.Kind.LEAD_IMAGE, Optional.empty())));
        assertThat(store.media(a)).extracting(ArticleMedia::url).containsExactly("https://img.example.cn/new.jpg");
    }
}

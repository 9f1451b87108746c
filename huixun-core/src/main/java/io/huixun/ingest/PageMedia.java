package io.huixun.ingest;

import io.huixun.model.Image;
import io.huixun.store.ArticleMedia;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A page's pictures as the article's media: the first picture of the text (or the page's og:image) is the lead image
 * shown on cards, a few more are kept as images. Beside a feed's own media, the feed's come first and the page only
 * supplies a lead image when the feed had none. Example: a page with images a.jpg, b.jpg → [LEAD_IMAGE a.jpg,
 * IMAGE b.jpg]. Stateless.
 */
final class PageMedia {
    /** Pictures kept per article besides the lead image. */
    static final int MAX_IMAGES = 9;

    private PageMedia() {}

    static List<ArticleMedia> of(List<Image> images) {
        return combine(List.of(), images);
    }

    static List<ArticleMedia> combine(List<ArticleMedia> feed, List<Image> page) {
        List<ArticleMedia> out = new ArrayList<>(feed);
        Set<String> have = new LinkedHashSet<>();
        feed.forEach(m -> have.add(m.url()));
        boolean lead = feed.stream().anyMatch(m -> m.kind() == ArticleMedia.Kind.LEAD_IMAGE);
        int added = 0;
        for (Image image : page) {
            String url = image.url().toString();
            if (!ArticleMedia.storable(url) || !have.add(url)) {
                continue;
            }
            if (!lead) {
                out.add(new ArticleMedia(url, ArticleMedia.Kind.LEAD_IMAGE, Optional.empty()));
                lead = true;
            } else if (added < MAX_IMAGES) {
                out.add(new ArticleMedia(url, ArticleMedia.Kind.IMAGE, Optional.empty()));
                added++;
            }
        }
        return List.copyOf(out);
    }
}

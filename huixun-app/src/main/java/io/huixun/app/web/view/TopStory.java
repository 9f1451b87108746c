package io.huixun.app.web.view;

import java.util.List;

/** A story on the front page: its lead article and the related reports, shown as teasers. */
public record TopStory(String id, String title, ArticleCard lead, List<ArticleCard> related) {
    public TopStory {
        related = List.copyOf(related);
    }
}

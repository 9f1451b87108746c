package io.huixun.app.web.view;

import java.util.List;

/**
 * A story on the front page: its lead article and the related reports, shown as teasers.
 *
 * @param clustered true for a story of the story clusterer (it has a page); false for a lead with related reports
 */
public record TopStory(String id, String title, ArticleCard lead, List<ArticleCard> related, boolean clustered) {
    public TopStory {
        related = List.copyOf(related);
    }
}

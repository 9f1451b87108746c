package io.huixun.app.web.view;

import java.util.List;

/**
 * A story on the front page: its lead article and the related reports, shown as teasers.
 *
 * @param clustered    true when the story has more than one report (its page lists them all)
 * @param articles     how many different reports the story has
 * @param otherSources how many sources besides the lead's reported it
 */
public record TopStory(String id, String title, ArticleCard lead, List<ArticleCard> related, boolean clustered,
                       int articles, int otherSources) {
    public TopStory {
        related = List.copyOf(related);
    }
}

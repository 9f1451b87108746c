package io.huixun.app.web.view;

import java.time.Instant;
import java.util.List;

/**
 * A story page: its title and its articles in time order (the timeline).
 *
 * @param timeline the first report and the newest ones (at most a page's worth)
 * @param size     how many articles the story has in all
 */
public record StoryView(String id, String title, Instant first, Instant last, List<ArticleCard> timeline,
                        List<String> sources, int size) {
    public StoryView {
        timeline = List.copyOf(timeline);
        sources = List.copyOf(sources);
    }
}

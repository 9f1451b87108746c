package io.huixun.app.web.view;

import java.time.Instant;
import java.util.List;

/** A story page: its title and its articles in time order (the timeline). */
public record StoryView(String id, String title, Instant first, Instant last, List<ArticleCard> timeline,
                        List<String> sources) {
    public StoryView {
        timeline = List.copyOf(timeline);
        sources = List.copyOf(sources);
    }
}

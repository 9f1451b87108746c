package io.huixun.app.web.view;

import java.util.List;
import java.util.Optional;

/** The front page: top stories, then the latest news, with the filters the reader can apply. */
public record FrontPageView(List<TopStory> top, List<ArticleCard> latest, List<String> sources,
                            Optional<String> activeSource, List<String> categories, Optional<String> activeCategory) {
    public FrontPageView {
        top = List.copyOf(top);
        latest = List.copyOf(latest);
        sources = List.copyOf(sources);
        categories = List.copyOf(categories);
    }
}

package io.huixun.app.web.view;

import java.time.Instant;
import java.util.List;

/**
 * A story page: its title and its articles in time order (the timeline).
 *
 * @param timeline the first report and the newest ones (at most a page's worth)
 * @param size         how many articles the story has in all
 * @param sourceCounts   each source with its number of reports, most first
 * @param otherSources   sources besides the lead's ("另有 N 家来源报道"), as on every other page
 * @param summary        the lead report's summary
 * @param people         the people named most often in its reports (likewise places, organisations)
 */
public record StoryView(String id, String title, Instant first, Instant last, List<ArticleCard> timeline,
                        List<String> sources, int size, java.util.Map<String, Integer> sourceCounts,
                        int otherSources, String summary, List<String> people, List<String> places,
                        List<String> organisations) {
    public StoryView {
        timeline = List.copyOf(timeline);
        sources = List.copyOf(sources);
        sourceCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourceCounts));
        people = List.copyOf(people);
        places = List.copyOf(places);
        organisations = List.copyOf(organisations);
    }
}

package io.huixun.app.web.view;

import io.huixun.model.Dateline;
import io.huixun.nlp.Entities;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Everything the article page shows. {@code original} is the text as received (decoded), for the repair view. */
public record ArticleView(long id, String title, List<String> paragraphs, String source,
                          Optional<ZonedDateTime> published, Optional<Dateline> dateline, Entities entities,
                          List<String> keywords, List<ArticleCard> alsoAt, List<RepairEditView> repairs,
                          String original, boolean teaser, Optional<String> url, Optional<String> storyId,
                          Optional<String> storyTitle, String category, String summary, int alsoCount,
                          Optional<String> image, List<MediaLink> media, Optional<List<RepairMarks.Piece>> marks) {
    /** An article without lead image, attached files or repair marks. */
    public ArticleView(long id, String title, List<String> paragraphs, String source,
                       Optional<ZonedDateTime> published, Optional<Dateline> dateline, Entities entities,
                       List<String> keywords, List<ArticleCard> alsoAt, List<RepairEditView> repairs,
                       String original, boolean teaser, Optional<String> url, Optional<String> storyId,
                       Optional<String> storyTitle, String category, String summary, int alsoCount) {
        this(id, title, paragraphs, source, published, dateline, entities, keywords, alsoAt, repairs, original, teaser,
                url, storyId, storyTitle, category, summary, alsoCount, Optional.empty(), List.of(), Optional.empty());
    }

    public ArticleView {
        media = List.copyOf(media);
        paragraphs = List.copyOf(paragraphs);
        keywords = List.copyOf(keywords);
        alsoAt = List.copyOf(alsoAt);
        repairs = List.copyOf(repairs);
    }
}

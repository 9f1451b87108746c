package io.huixun.model;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One article as the extract stage found it: the raw text (not yet repaired or converted) and what is known about it.
 *
 * <p>Texts are exactly as they appeared in the input after whitespace normalisation: traditional characters, pinyin
 * spam and mojibake are left for the repair stage, which keeps the original beside its fix. Immutable and thread-safe.
 *
 * @param title       the headline; empty when none was found
 * @param paragraphs  body paragraphs in reading order, each stripped and non-empty; the title is not repeated here
 * @param published   publish time in the source's zone (Asia/Shanghai when the page gave no zone)
 * @param author      author or reporters as printed (e.g. {@code 杨维汉、罗沙}); editors are not authors
 * @param source      the media source (e.g. {@code 新华社}, {@code 央视网})
 * @param dateline    the dateline opening the body, if any (e.g. {@code 新华社北京4月27日电})
 * @param canonicalUrl the page's canonical URL (link rel=canonical, og:url, JSON-LD url, else the address it came from)
 * @param images      images of the main text, in order
 * @param teaser      true when the body is only an excerpt cut with {@code ...} or {@code …} (a list item, a feed summary)
 */
public record Article(String title, List<String> paragraphs, Optional<ZonedDateTime> published, Optional<String> author,
                      Optional<String> source, Optional<Dateline> dateline, Optional<URI> canonicalUrl,
                      List<Image> images, boolean teaser) {

    public Article {
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dateline, "dateline");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        images = List.copyOf(images);
    }

    /** The body as one string, paragraphs separated by {@code \n}. */
    public String body() {
        return String.join("\n", paragraphs);
    }
}

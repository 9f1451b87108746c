package io.huixun.source;

import io.huixun.text.json.JsonTree;
import io.huixun.text.time.NewsDates;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). Required: {@code version} naming jsonfeed.org and
 * an {@code items} array. Stateless, thread-safe.
 */
final class JsonFeedReader {
    private JsonFeedReader() {}

    static ParseResult<Feed> read(String json, URI feedUrl, ZoneId zone, String charset) {
        Object root;
        try {
            root = JsonTree.parse(json);
        } catch (IOException e) {
            return new ParseResult.Malformed<>("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> feed)) {
            return new ParseResult.Malformed<>("not a JSON Feed: the top level is not an object");
        }
        String version = JsonTree.string(feed, "version").orElse("");
        if (!version.contains("jsonfeed.org/version/")) {
            return new ParseResult.Malformed<>("not a JSON Feed: \"version\" is missing or does not name jsonfeed.org");
        }
        if (!(feed.get("items") instanceof List<?> items)) {
            return new ParseResult.Malformed<>("not a JSON Feed: \"items\" is missing or not an array");
        }
        List<String> warnings = new ArrayList<>();
        List<FeedEntry> entries = new ArrayList<>();
        int i = 0;
        for (Object o : items) {
            i++;
            if (!(o instanceof Map<?, ?> item)) {
                warnings.add("item " + i + " is not an object");
                continue;
            }
            Optional<URI> url = JsonTree.string(item, "url").or(() -> JsonTree.string(item, "external_url"))
                    .flatMap(u -> resolve(feedUrl, u));
            if (url.isEmpty()) {
                warnings.add("item " + i + " has no usable url");
            }
            // content_html is HTML; content_text and summary are plain text (spec), escaped here so every
            // FeedEntry field holding markup holds HTML
            Optional<String> html = JsonTree.string(item, "content_html")
                    .or(() -> JsonTree.string(item, "content_text").map(EntryReader::escapeText));
            Optional<String> summaryHtml = JsonTree.string(item, "summary").map(EntryReader::escapeText);
            String summary = summaryHtml.map(SourceParser::plain)
                    .or(() -> html.map(SourceParser::plain).map(JsonFeedReader::abbreviate)).orElse("");
            Optional<ZonedDateTime> published = JsonTree.string(item, "date_published")
                    .flatMap(s -> NewsDates.parse(s, zone));
            Optional<ZonedDateTime> updated = JsonTree.string(item, "date_modified")
                    .flatMap(s -> NewsDates.parse(s, zone));
            Optional<String> author = firstAuthor(item).or(() -> firstAuthor(feed));
            List<String> tags = new ArrayList<>();
            for (Object t : JsonTree.array(item, "tags")) {
                if (t instanceof String s && !s.isBlank()) {
                    tags.add(s.strip());
                }
            }
            Optional<String> id = item.get("id") instanceof String s ? Optional.of(s)
                    : item.get("id") instanceof Number n ? Optional.of(n.toString()) : Optional.empty();
            List<Enclosure> attachments = new ArrayList<>();
            for (Object a : JsonTree.array(item, "attachments")) {
                if (a instanceof Map<?, ?> am) {
                    Optional<URI> au = JsonTree.string(am, "url").flatMap(u -> resolve(feedUrl, u));
                    Object size = am.get("size_in_bytes");
                    au.filter(x -> attachments.stream().noneMatch(e -> e.url().equals(x))).ifPresent(x ->
                            attachments.add(Enclosure.of(x, JsonTree.string(am, "mime_type").orElse(""),
                                    size instanceof Number n ? String.valueOf(n.longValue()) : "", "")));
                }
            }
            Optional<URI> image = JsonTree.string(item, "image").flatMap(u -> resolve(feedUrl, u))
                    .or(() -> attachments.stream().filter(e -> e.kind() == Enclosure.Kind.IMAGE)
                            .map(Enclosure::url).findFirst());
            if (published.isEmpty()) {
                published = updated;
            }
            entries.add(new FeedEntry(url, id, SourceParser.clean(JsonTree.string(item, "title").orElse("")),
                    summary, html, published, updated, author, tags, summaryHtml, attachments, image));
        }
        String format = version.endsWith("1.1") ? "json_1.1" : "json_1.0";
        return new ParseResult.Parsed<>(new Feed(format, SourceParser.clean(JsonTree.string(feed, "title")
                .orElse("")), JsonTree.string(feed, "home_page_url").flatMap(u -> resolve(feedUrl, u)), entries,
                charset), warnings);
    }

    private static Optional<String> firstAuthor(Map<?, ?> m) {
        for (Object a : JsonTree.array(m, "authors")) {
            if (a instanceof Map<?, ?> am) {
                Optional<String> name = JsonTree.string(am, "name");
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return JsonTree.object(m, "author").flatMap(a -> JsonTree.string(a, "name"));
    }

    private static Optional<URI> resolve(URI base, String u) {
        try {
            URI r = base.resolve(new URI(u.strip()));
            String scheme = r.getScheme() == null ? "" : r.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && r.getHost() != null ? Optional.of(r)
                    : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }

    private static String firstLine(String s) {
        String m = s == null ? "" : s;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

package io.huixun.app;

import io.huixun.fetch.FetchResult;
import io.huixun.fetch.Fetcher;
import io.huixun.source.Feed;
import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.store.StoreLimits;
import java.net.URI;

/**
 * The title a feed gives itself, looked up when a source is added by URL without {@code --name}, so that
 * {@code huixun sources add https://www.example.cn/rss.xml} is listed as "示例新闻" rather than "www.example.cn".
 * Shared by the CLI and the web sources page. One fetch through the guarded {@link Fetcher} (SSRF guard, robots.txt, size cap, the caller's short deadline).
 */
public sealed interface FeedTitle {
    /** The feed's own title, stripped and non-empty. */
    record Found(String title) implements FeedTitle {}

    /** No title to use; {@code reason} says why in a few words ("HTTP 404", "the feed has no title"). */
    record Missing(String reason) implements FeedTitle {}

    /** Longest title kept, the longest source name the store takes; longer ones are cut with "…". */
    int MAX_LENGTH = StoreLimits.DEFAULT.maxSourceChars();

    /** Fetches {@code url} once and reads its title; never throws for a failed fetch. */
    static FeedTitle lookUp(Fetcher fetcher, URI url) {
        FetchResult result = fetcher.fetch(url.toString());
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return new Missing(whyNot(result));
        }
        return switch (SourceParser.feed(fetched.body(), fetched.finalUrl())) {
            case ParseResult.Malformed<Feed> m -> new Missing("not a feed: " + m.reason());
            case ParseResult.Parsed<Feed> p -> {
                String title = p.value().title().strip().replaceAll("\\s+", " ");
                if (title.isEmpty()) {
                    yield new Missing("the feed has no title");
                }
                yield new Found(title.length() <= MAX_LENGTH ? title : title.substring(0, MAX_LENGTH - 1) + "…");
            }
        };
    }

    /** A few words for a fetch that brought no body: {@code HttpError(…, 404, …)} → "HTTP 404". */
    private static String whyNot(FetchResult result) {
        return switch (result) {
            case FetchResult.HttpError e -> "HTTP " + e.status();
            case FetchResult.TimedOut t -> "timed out after " + t.after().toSeconds() + " s (" + t.phase() + ")";
            case FetchResult.BlockedByRobots b -> "robots.txt: " + b.reason();
            case FetchResult.BlockedAddress b -> "address not allowed: " + b.reason();
            case FetchResult.InvalidUrl i -> i.reason();
            case FetchResult.TooLarge t -> "larger than " + t.limitBytes() + " bytes";
            case FetchResult.TooManyRedirects r -> "too many redirects";
            case FetchResult.Deferred d -> "the host asked to wait";
            case FetchResult.Failed f -> f.reason();
            default -> "the fetch brought no feed";
        };
    }
}

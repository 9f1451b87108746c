package io.huixun.fetch;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A URL a person typed for a source (a feed, sitemap or page), read by the rules the fetcher will fetch it by
 * ({@link TargetUrl}), so that what is accepted here is what can be fetched later. The CLI and the web page both
 * ask this and word the answer in the user's language. Examples: {@code " https://www.news.cn/rss.xml "} →
 * {@link Fetchable} named {@code www.news.cn}; {@code ftp://x.cn/a} → {@link NotHttp}; {@code http://bad host/}
 * → {@link NotUrl}. Immutable values.
 */
public sealed interface SourceUrl {

    /**
     * @param uri  the URL as typed (stripped): sources are stored and recognised again by it
     * @param host the host to name the source after when it has no name, e.g. {@code www.news.cn} or {@code 新华网.cn}
     */
    record Fetchable(URI uri, String host) implements SourceUrl {}

    /** Another scheme ({@code ftp:}, {@code mailto:}), no scheme, or no host: not an http(s) URL at all. */
    record NotHttp() implements SourceUrl {}

    /** An http(s) URL the fetcher could not request; {@code reason} in English, for logs (e.g. "URL port …"). */
    record NotUrl(String reason) implements SourceUrl {}

    static SourceUrl read(String typed) {
        String s = typed.strip();
        TargetUrl target;
        URI uri;
        try {
            target = TargetUrl.parse(s);
            uri = new URI(s);
        } catch (TargetUrl.Rejected r) {
            return r.notHttp() ? new NotHttp() : new NotUrl(r.getMessage());
        } catch (URISyntaxException e) { // TargetUrl parsed it already: not reached
            return new NotUrl("URL does not parse: " + e.getMessage());
        }
        String host = uri.getHost() != null ? uri.getHost() : IDN.toUnicode(target.host(), IDN.ALLOW_UNASSIGNED);
        return new Fetchable(uri, host);
    }
}

package io.huixun.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed sitemap: either a list of pages or, for a sitemap index, a list of further sitemaps to fetch.
 *
 * <p>Following child sitemaps (and bounding how deep and how many) is the crawler's job; this record only says
 * which URLs are which. A {@code <urlset>} sometimes lists sitemaps, or itself, among its pages: those are never
 * articles. Example: the sitemap {@code https://a.cn/sitemap.xml} listing {@code https://a.cn/sitemap.xml},
 * {@code https://a.cn/sitemap-news.xml.gz} and {@code https://a.cn/2025/04/27/a.shtml} →
 * {@link #articlePages()} = the {@code .shtml} page only; {@link #childSitemaps()} = the {@code .xml.gz} one.
 *
 * @param location  where the sitemap came from
 * @param index     whether this was a {@code <sitemapindex>}
 * @param pages     the {@code <url>} entries as written ({@code <urlset>}, text sitemap), in order
 * @param sitemaps  the child sitemaps of an index, in order
 */
public record Sitemap(URI location, boolean index, List<SitemapEntry> pages, List<URI> sitemaps) {
    /** Last path segment naming a sitemap or a feed-like XML file, e.g. {@code sitemap-2025-04.xml.gz}. */
    private static final Pattern SITEMAP_PATH = Pattern.compile(
            "(?i)(?:.*/)?(?:[^/]*sitemap[^/.]*(?:\\.(?:xml|txt|php|xml\\.gz|gz))?|[^/]+\\.xml(?:\\.gz)?|[^/]+\\.gz)$");

    public Sitemap {
        Objects.requireNonNull(location, "location");
        pages = List.copyOf(pages);
        sitemaps = List.copyOf(sitemaps);
    }

    /** The pages that may be articles: entries neither this sitemap itself nor a sitemap by their path. */
    public List<SitemapEntry> articlePages() {
        List<SitemapEntry> out = new ArrayList<>();
        for (SitemapEntry e : pages) {
            if (!isSitemapUrl(e.url())) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The sitemaps to fetch next: an index's children, or the entries of a {@code <urlset>} that are sitemaps;
     * never this sitemap itself; duplicates dropped.
     */
    public List<URI> childSitemaps() {
        Set<URI> out = new LinkedHashSet<>();
        for (URI u : sitemaps) {
            if (!sameDocument(u, location)) {
                out.add(u);
            }
        }
        for (SitemapEntry e : pages) {
            if (isSitemapUrl(e.url()) && !sameDocument(e.url(), location)) {
                out.add(e.url());
            }
        }
        return List.copyOf(out);
    }

    /** Whether a URL listed here is this sitemap itself or, by its path, another sitemap (not an article). */
    public boolean isSitemapUrl(URI url) {
        if (sameDocument(url, location)) {
            return true;
        }
        String path = url.getPath() == null ? "" : url.getPath();
        return SITEMAP_PATH.matcher(path).matches() && !path.endsWith("/");
    }

    /** Same scheme-insensitive host, path and query; fragment ignored: {@code http://a.cn/s.xml#x} = {@code https://A.cn/s.xml}. */
    static boolean sameDocument(URI a, URI b) {
        return host(a).equals(host(b)) && Objects.equals(emptyIfNull(a.getPath()), emptyIfNull(b.getPath()))
                && Objects.equals(a.getQuery(), b.getQuery());
    }

    private static String host(URI u) {
        return u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    }

    private static String emptyIfNull(String s) {
        return s == null || s.isEmpty() ? "/" : s;
    }
}

package io.huixun.app.web;

import io.huixun.app.image.ImageCache;
import io.huixun.app.image.ImageKind;
import io.huixun.app.image.ImageSigner;
import io.huixun.fetch.FetchResult;
import io.huixun.fetch.FetchSettings;
import io.huixun.fetch.Fetcher;
import io.huixun.store.ArticleMedia;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /img?u=URL&s=SIGNATURE}: a news site's image, fetched by the server and served from Huixun's origin.
 * Chinese sites commonly refuse images whose request carries a foreign {@code Referer} (hot-link protection); the
 * server's fetch sends none, so the picture loads. Only URLs signed by {@link ImageSigner} are fetched (not an open
 * proxy); the fetch goes through the project's {@link Fetcher} (SSRF guard on every hop, timeouts, size cap; robots.txt
 * is not consulted, as a browser loading the picture would not); the body must be a raster image by its first bytes.
 * Images are kept in an {@link ImageCache} in the data folder and served with a month-long, immutable cache lifetime.
 *
 * <p>Thread-safe: the signer is immutable, the fetcher and cache are thread-safe, and no lock is held while fetching.
 */
public final class ImageProxy implements RouteGroup, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImageProxy.class);
    /** Largest image fetched: 5 MiB. */
    public static final long MAX_IMAGE_BYTES = 5L << 20;
    /** Disk the cache may use by default: 512 MiB. */
    public static final long CACHE_BYTES = 512L << 20;
    /** Age after which a cached image is fetched again. */
    public static final Duration CACHE_AGE = Duration.ofDays(30);
    static final String CACHE_CONTROL = "public, max-age=2592000, immutable";
    /** Only stored media URLs are signed, so none is longer than the store takes. */
    private static final int MAX_URL = ArticleMedia.MAX_URL;

    private final ImageSigner signer;
    private final ImageCache cache;
    private final Fetcher fetcher;

    public ImageProxy(ImageSigner signer, ImageCache cache, Fetcher fetcher) {
        this.signer = signer;
        this.cache = cache;
        this.fetcher = fetcher;
    }

    /**
     * The proxy of the data folder {@code folder}: key {@link ImageSigner#of} (the store's), cache {@code image-cache/}, fetching
     * with {@code base} (the installation's fetch settings: SSRF guard, proxy, extra CAs) capped at
     * {@link #MAX_IMAGE_BYTES}, 5 s per read and 15 s per image, without robots.txt and with a short per-host gap
     * (a page shows many pictures of one host at once).
     */
    public static ImageProxy open(Path folder, io.huixun.store.ArticleStore store, FetchSettings base) {
        FetchSettings images = base.withMaxBodyBytes(MAX_IMAGE_BYTES).withRobots(false)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15))
                .withPoliteness(Duration.ofMillis(50), Duration.ofSeconds(10));
        return new ImageProxy(ImageSigner.of(folder, store),
                new ImageCache(folder.resolve("image-cache"), CACHE_BYTES, CACHE_AGE), Fetcher.create(images));
    }

    public ImageSigner signer() {
        return signer;
    }

    @Override
    public void register(RoutesConfig r, WebServer server) {
        r.get("/img", ctx -> serve(ctx, server));
    }

    private void serve(Context ctx, WebServer server) {
        String url = ctx.queryParam("u");
        String sig = ctx.queryParam("s");
        if (url == null || url.isBlank() || url.length() > MAX_URL || sig == null || !signer.verify(url, sig)) {
            server.error(ctx, 403, "error.imageSignature");
            return;
        }
        Optional<ImageCache.Entry> cached = cache.get(url);
        if (cached.isPresent()) {
            send(ctx, cached.get());
            return;
        }
        FetchResult result = fetcher.fetch(url);
        switch (result) {
            case FetchResult.Fetched f -> {
                Optional<ImageKind> kind = ImageKind.sniff(f.header("content-type").orElse(""), f.body());
                if (kind.isEmpty()) {
                    server.error(ctx, 502, "error.imageNotImage");
                    return;
                }
                send(ctx, cache.put(url, kind.get(), f.body()));
            }
            case FetchResult.BlockedAddress b -> server.error(ctx, 403, "error.imageBlocked");
            case FetchResult.InvalidUrl i -> server.error(ctx, 403, "error.imageBlocked");
            case FetchResult.TooLarge t -> server.error(ctx, 502, "error.imageTooLarge", MAX_IMAGE_BYTES >> 20);
            default -> {
                LOG.debug("image {} not fetched: {}", url, result.describe());
                server.error(ctx, 502, "error.imageUnavailable");
            }
        }
    }

    private static void send(Context ctx, ImageCache.Entry e) {
        byte[] body;
        try {
            body = Files.readAllBytes(e.file());
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.contentType(e.kind().mimeType).result(body);
    }

    @Override
    public void close() {
        fetcher.close();
    }
}

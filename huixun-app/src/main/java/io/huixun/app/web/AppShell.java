package io.huixun.app.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What makes Huixun installable as a web app: the manifest at {@code /manifest.webmanifest}, the service worker at
 * {@code /sw.js} (at the root, not under /static, because a worker controls only pages below its own path) and the
 * Chinese page it shows when the network is gone, {@code /offline}. Both files are read from the classpath once;
 * immutable afterwards, so thread-safe. Example: {@code GET /sw.js} → 200, {@code text/javascript; charset=utf-8},
 * {@code Cache-Control: no-cache} (browsers then check for a new worker on each visit).
 */
final class AppShell {
    static final String MANIFEST_TYPE = "application/manifest+json; charset=utf-8";
    static final String SCRIPT_TYPE = "text/javascript; charset=utf-8";
    private final byte[] manifest = resource("/static/manifest.webmanifest");
    private final byte[] worker = resource("/static/sw.js");

    void register(RoutesConfig r, WebServer server) {
        r.get("/manifest.webmanifest", ctx -> send(ctx, MANIFEST_TYPE, manifest, "max-age=3600"));
        r.get("/sw.js", ctx -> send(ctx, SCRIPT_TYPE, worker, "no-cache"));
        r.get("/offline", ctx -> server.render(ctx, "offline.jte", Map.of()));
    }

    private static void send(Context ctx, String type, byte[] body, String cacheControl) {
        ctx.header("Cache-Control", cacheControl).contentType(type).result(body);
    }

    private static byte[] resource(String path) {
        try (InputStream in = AppShell.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

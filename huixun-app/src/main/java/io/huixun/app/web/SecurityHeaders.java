package io.huixun.app.web;

import io.javalin.http.Context;

/**
 * Headers sent on every response, error pages included (stored XSS keeps arriving through side doors — lessons.md):
 * a Content-Security-Policy that allows no inline script and no foreign script or style, no framing, no MIME
 * sniffing, no referrer leak to the news sites we link to. Images may come from the sites themselves (http/https), and
 * so may a feed's audio and video (media-src); the pages show pictures through the image proxy ({@code /img}).
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; media-src 'self' https: http:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    /** Name → value, in the order sent; also used by {@link JettyErrorPages} for the answers Jetty gives itself. */
    static final java.util.Map<String, String> HEADERS = java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(java.util.Map.of("Content-Security-Policy", CSP,
                    "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY",
                    "Cross-Origin-Opener-Policy", "same-origin")));

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }
}

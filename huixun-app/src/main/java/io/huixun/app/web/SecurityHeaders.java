package io.huixun.app.web;

import io.javalin.http.Context;

/**
 * Headers sent on every response, error pages included (stored XSS keeps arriving through side doors — lessons.md):
 * a Content-Security-Policy that allows no inline script and no foreign script or style, no framing, no MIME
 * sniffing, no referrer leak to the news sites we link to. Images may come from the sites themselves (http/https).
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}

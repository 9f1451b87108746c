package io.huixun.app.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Pages and API resources that need a login: the sources page (its list and errors name what the operator reads and
 * where fetching fails), its OPML export and {@code /api/sources}. A browser opening the page without a session is
 * sent to the login page; an API client gets 401 with a JSON error; anything else (the export, state-changing
 * requests) gets 403, as before. Under {@code /api} an API token in {@code Authorization: Bearer} also logs in.
 *
 * <p>Stateless apart from the thread-safe {@link AdminAuth}: thread-safe.
 */
public final class LoginGuard implements RouteGroup {
    private final AdminAuth auth;

    public LoginGuard(AdminAuth auth) {
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig r, WebServer server) {
        for (String path : new String[] {"/sources", "/sources/*", "/api/sources", "/api/sources/*"}) {
            r.before(path, ctx -> guard(ctx, server));
        }
    }

    private void guard(Context ctx, WebServer server) {
        if (auth.session(ctx.cookie(AdminAuth.COOKIE)).isPresent()) {
            return;
        }
        // Scripts: an API token (huixun users token NAME) as a Bearer header, on the API only (no forms, no CSRF).
        if (ctx.path().startsWith("/api/") && auth.bearer(ctx.header("Authorization")).isPresent()) {
            return;
        }
        ctx.skipRemainingHandlers();
        if (ctx.path().startsWith("/api/")) {
            ctx.status(401);
            ApiRoutes.error(ctx, 401, "log in first (this resource needs an account)");
        } else if (ctx.method().name().equals("GET") && ctx.path().equals("/sources")) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        } else {
            server.error(ctx, 403, null);
        }
    }
}

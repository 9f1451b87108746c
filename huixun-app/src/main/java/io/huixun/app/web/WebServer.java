package io.huixun.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.huixun.app.web.view.ArticleView;
import io.huixun.app.web.view.SearchView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: pages, API, feeds, health and metrics on one port (Javalin on Jetty).
 *
 * <p>Every response goes through {@link SecurityHeaders}; every error — unknown route, unknown id, malformed
 * parameter, exception — is answered with a page (or a JSON body under {@code /api}) that says what went wrong,
 * never a stack trace. Inputs are bounded: query strings over {@value #MAX_QUERY} characters are refused with 400.
 * Thread-safe; close it to stop.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final int MAX_QUERY = 2000;
    static final int MAX_PARAM = 200;
    /** Sources shown per page of the sources list. */
    static final int SOURCES_PAGE = 100;
    static final int MAX_OPML_BYTES = 1 << 20;
    static final long MAX_EVERY_MINUTES = 7 * 24 * 60;
    private static final String LANG_COOKIE = "hx_lang";

    private final Javalin app;
    private final NewsDesk desk;
    private final AdminAuth auth;
    private final PrometheusMeterRegistry metrics;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final ApiRoutes api;

    private WebServer(NewsDesk desk, AdminAuth auth, PrometheusMeterRegistry metrics, RouteGroup... groups) {
        this.desk = desk;
        this.auth = auth;
        this.metrics = metrics;
        this.api = new ApiRoutes(desk);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=3600");
            });
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(2000);
                server.setErrorHandler(new JettyErrorPages(this::plainErrorPage));
            });
            config.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new JettyErrorPages(this::plainErrorPage)));
            config.jetty.multipartConfig.maxFileSize(MAX_OPML_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_OPML_BYTES + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
            // Let long query strings reach our own check, which answers 400 with a message instead of Jetty's bare 414.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(128 * 1024));
            config.requestLogger.http((ctx, ms) -> record(ctx, ms));
            config.routes.before(SecurityHeaders::apply);
            for (RouteGroup group : groups) { // before ours, so a group's before-handlers guard our routes too
                group.register(config.routes, this);
            }
            routes(config.routes);
            config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.key, e.args));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, null);
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Endpoint GET " + ctx.path() + " not found")) {
                    error(ctx, 404, null);
                }
            });
            config.routes.error(405, ctx -> error(ctx, 405, "error.methodNotAllowed"));
        });
    }

    /** Starts a server on {@code host:port} (port 0 picks a free one). */
    public static WebServer start(NewsDesk desk, AdminAuth auth, PrometheusMeterRegistry metrics, String host,
                                  int port, RouteGroup... groups) {
        return create(desk, auth, metrics, groups).listen(host, port);
    }

    /**
     * A server with its routes, not yet listening: {@code serve} builds it (about a second, mostly Javalin's static-file
     * set-up) while the search index warms up on another thread, then {@link #listen}s.
     */
    public static WebServer create(NewsDesk desk, AdminAuth auth, PrometheusMeterRegistry metrics,
                                   RouteGroup... groups) {
        return new WebServer(desk, auth, metrics, groups);
    }

    /** Opens the port ({@code 0} picks a free one); returns this server. */
    public WebServer listen(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * The HTTP routes registered, as {@code "GET /api/articles/{id}"} (before/after filters left out), for the test that
     * keeps the OpenAPI document complete.
     */
    List<String> routes() {
        java.util.Set<String> methods = java.util.Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> methods.contains(e.endpoint.method.name()))
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    @Override
    public void close() {
        app.stop();
    }

    /**
     * A malformed request parameter: answered with 400 and the message, a {@link Messages} key shown in the reader's
     * language ({@code getMessage()} is the English text, for the API and logs).
     */
    static final class BadRequest extends RuntimeException {
        final String key;
        final Object[] args;

        BadRequest(String key, Object... args) {
            super(Messages.of(Lang.EN).format(key, args));
            this.key = key;
            this.args = args.clone();
        }
    }

    private void routes(io.javalin.config.RoutesConfig r) {
        r.get("/", this::front);
        r.get("/article/{id}", this::article);
        r.get("/story/{id}", this::story);
        r.get("/story/{id}/feed.xml", ctx -> storyFeed(ctx, false));
        r.get("/story/{id}/atom.xml", ctx -> storyFeed(ctx, true));
        r.get("/search", this::search);
        r.get("/entity/{name}", ctx -> ctx.redirect("/search?q=" + PageContextEnc.enc(entityQuery(ctx.pathParam("name")))));
        r.get("/sources", ctx -> sourcesPage(ctx, null));
        r.get("/sources/export.opml", this::exportOpml);
        r.post("/sources", this::addSource);
        r.post("/sources/{id}/{action}", this::sourceAction);
        r.get("/login", ctx -> render(ctx, "login.jte", Map.of("failed", false, "enabled", auth.loginEnabled())));
        r.post("/login", this::login);
        r.post("/logout", this::logout);
        r.get("/feed.xml", ctx -> feed(ctx, false));
        r.get("/atom.xml", ctx -> feed(ctx, true));
        r.get("/health", ctx -> {
            NewsDesk.Health h = desk.health();
            ctx.status(h.consistent() ? 200 : 503).json(Map.of("status", h.consistent() ? "ok" : "inconsistent",
                    "articles", h.articles(), "indexed", h.indexed(), "sources", h.sources()));
        });
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        api.register(r);
        new AppShell().register(r, this);
    }

    private void front(Context ctx) {
        Optional<String> source = optionalParam(ctx, "source");
        Optional<String> category = optionalParam(ctx, "category");
        render(ctx, "front.jte", Map.of("view", desk.front(source, category)));
    }

    private void article(Context ctx) {
        Optional<ArticleView> view = parseId(ctx.pathParam("id")).flatMap(desk::article);
        if (view.isEmpty()) {
            error(ctx, 404, null);
            return;
        }
        render(ctx, "article.jte", Map.of("view", view.get(), "showRepairs", "1".equals(ctx.queryParam("repairs"))));
    }

    private void story(Context ctx) {
        var view = desk.story(bounded(ctx.pathParam("id")));
        if (view.isEmpty()) {
            error(ctx, 404, null);
            return;
        }
        render(ctx, "story.jte", Map.of("view", view.get()));
    }

    private void search(Context ctx) {
        String q = query(ctx);
        String sort = "time".equals(ctx.queryParam("sort")) ? "time" : "relevance";
        int page = intParam(ctx, "page", 0, 0, 500);
        SearchView view = desk.search(q, sort, page, 20);
        render(ctx, "search.jte", Map.of("view", view));
    }

    private void feed(Context ctx, boolean atom) {
        String q = query(ctx);
        String base = baseUrl(ctx);
        List<FeedItem> items = desk.feed(q.isBlank() ? Optional.empty() : Optional.of(q), base, 50);
        String title = q.isBlank() ? "汇讯 Huixun" : "汇讯 · " + q;
        String site = base + (q.isBlank() ? "/" : "/search?q=" + PageContextEnc.enc(q));
        String self = base + ctx.path() + (q.isBlank() ? "" : "?q=" + PageContextEnc.enc(q));
        if (atom) {
            ctx.contentType("application/atom+xml; charset=utf-8").result(FeedWriter.atom(title, site, self, items));
        } else {
            ctx.contentType("application/rss+xml; charset=utf-8")
                    .result(FeedWriter.rss(title, site, self, "汇讯：干净、去重的中文新闻", items));
        }
    }

    private void storyFeed(Context ctx, boolean atom) {
        String id = bounded(ctx.pathParam("id"));
        String base = baseUrl(ctx);
        Optional<List<FeedItem>> items = desk.storyFeed(id, base);
        if (items.isEmpty()) {
            error(ctx, 404, null);
            return;
        }
        String title = desk.story(id).map(s -> "汇讯 · " + s.title()).orElse("汇讯 · " + id);
        if (atom) {
            ctx.contentType("application/atom+xml; charset=utf-8").result(FeedWriter.atom(title,
                    base + "/story/" + id, base + ctx.path(), items.get()));
        } else {
            ctx.contentType("application/rss+xml; charset=utf-8").result(FeedWriter.rss(title,
                    base + "/story/" + id, base + ctx.path(), "汇讯专题", items.get()));
        }
    }

    /** The sources page, one page of {@value #SOURCES_PAGE} sources ({@code ?after=ID} / {@code ?before=ID}). */
    private void sourcesPage(Context ctx, Notice notice) {
        long after = longParam(ctx, "after");
        long before = longParam(ctx, "before");
        Map<String, Object> params = new HashMap<>();
        params.put("view", desk.sourcesPage(after, before, SOURCES_PAGE));
        params.put("notice", notice);
        render(ctx, "sources.jte", params);
    }

    private void exportOpml(Context ctx) throws java.io.IOException {
        if (auth.session(ctx.cookie(AdminAuth.COOKIE)).isEmpty()) {
            error(ctx, 403, null);
            return;
        }
        java.io.StringWriter out = new java.io.StringWriter();
        desk.exportOpml(out);
        ctx.header("Content-Disposition", "attachment; filename=\"huixun-sources.opml\"");
        ctx.contentType("text/x-opml; charset=utf-8").result(out.toString());
    }

    /** Adds a source by URL, or imports an OPML file or pasted OPML (then the URL may be empty). */
    private void addSource(Context ctx) throws java.io.IOException {
        Optional<AdminAuth.Session> admin = requireAdmin(ctx);
        if (admin.isEmpty()) {
            return;
        }
        String url = Optional.ofNullable(ctx.formParam("url")).orElse("").strip();
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String pasted = Optional.ofNullable(ctx.formParam("opml")).orElse("");
        byte[] file = new byte[0];
        io.javalin.http.UploadedFile upload = ctx.isMultipartFormData() ? ctx.uploadedFile("opmlfile") : null;
        if (upload != null && upload.size() > 0) {
            try (java.io.InputStream in = upload.content()) {
                file = in.readNBytes(MAX_OPML_BYTES + 1);
            }
        }
        if (url.length() > 2000 || name.length() > MAX_PARAM || pasted.length() > MAX_OPML_BYTES
                || file.length > MAX_OPML_BYTES) {
            throw new BadRequest("sources.tooLong");
        }
        Optional<java.time.Duration> every = minutes(ctx.formParam("every"));
        Notice notice;
        if (every.isEmpty()) {
            notice = Notice.problem("sources.everyRange");
        } else if (file.length > 0) {
            notice = desk.importOpml(file, every.get());
        } else if (!pasted.isBlank()) {
            notice = desk.importOpml(pasted.getBytes(java.nio.charset.StandardCharsets.UTF_8), every.get());
        } else if (!url.isEmpty()) {
            notice = desk.addSource(url, Optional.of(name).filter(n -> !n.isEmpty()), every.get());
        } else {
            notice = Notice.problem("sources.nothing");
        }
        if (notice.failed()) {
            ctx.status(400);
        }
        sourcesPage(ctx, notice);
    }

    /** A refresh interval in whole minutes, 1 to a week; empty when the field is malformed. Blank means 30. */
    static Optional<java.time.Duration> minutes(String field) {
        if (field == null || field.isBlank()) {
            return Optional.of(LocalNewsDesk.DEFAULT_REFRESH);
        }
        try {
            long m = Long.parseLong(field.strip());
            return m >= 1 && m <= MAX_EVERY_MINUTES ? Optional.of(java.time.Duration.ofMinutes(m)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void sourceAction(Context ctx) {
        if (requireAdmin(ctx).isEmpty()) {
            return;
        }
        long id = parseId(ctx.pathParam("id")).orElseThrow(() -> new BadRequest("error.noSuchSource"));
        String action = ctx.pathParam("action");
        if (action.equals("interval")) {
            Optional<java.time.Duration> every = minutes(ctx.formParam("every"));
            if (every.isEmpty()) {
                ctx.status(400);
                sourcesPage(ctx, Notice.problem("sources.everyRange"));
                return;
            }
            if (!desk.setRefreshInterval(id, every.get())) {
                error(ctx, 404, null);
                return;
            }
            ctx.redirect(backToPage(ctx), HttpStatus.SEE_OTHER);
            return;
        }
        boolean done = switch (action) {
            case "pause" -> desk.pauseSource(id, true);
            case "resume" -> desk.pauseSource(id, false);
            case "remove" -> desk.removeSource(id);
            default -> throw new BadRequest("error.unknownAction", bounded(action));
        };
        if (!done) {
            error(ctx, 404, null);
            return;
        }
        ctx.redirect(backToPage(ctx), HttpStatus.SEE_OTHER);
    }

    /** Back to the page of sources the form was on ({@code after} is a hidden field of each row's forms). */
    private static String backToPage(Context ctx) {
        String after = Optional.ofNullable(ctx.formParam("after")).orElse("");
        return after.matches("[1-9][0-9]{0,17}") ? "/sources?after=" + after : "/sources";
    }

    private Optional<AdminAuth.Session> requireAdmin(Context ctx) {
        Optional<AdminAuth.Session> session = auth.session(ctx.cookie(AdminAuth.COOKIE));
        if (session.isEmpty() || !session.get().admin()) {
            error(ctx, 403, null);
            return Optional.empty();
        }
        if (!AdminAuth.csrfMatches(session.get(), ctx.formParam("csrf"))) {
            error(ctx, 403, "error.csrf");
            return Optional.empty();
        }
        return session;
    }

    private void login(Context ctx) {
        AdminAuth.LoginResult result = auth.attempt(ctx.ip(), bounded(ctx.formParam("user")),
                bounded(ctx.formParam("password")), io.huixun.store.reader.StoredSession.WEB);
        if (!(result instanceof AdminAuth.LoginResult.LoggedIn in)) {
            if (result instanceof AdminAuth.LoginResult.Busy busy) {
                ctx.header("Retry-After", String.valueOf(Math.max(1, busy.retryAfter().toSeconds())));
            }
            ctx.status(result instanceof AdminAuth.LoginResult.Busy ? 429 : 401);
            render(ctx, "login.jte", Map.of("failed", true, "enabled", auth.loginEnabled()));
            return;
        }
        Optional<AdminAuth.Session> session = Optional.of(in.session());
        ctx.header("Set-Cookie", AdminAuth.COOKIE + "=" + session.get().token()
                + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800");
        ctx.redirect(session.get().admin() ? "/sources" : "/unread", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Optional<AdminAuth.Session> session = auth.session(ctx.cookie(AdminAuth.COOKIE));
        if (session.isPresent() && AdminAuth.csrfMatches(session.get(), ctx.formParam("csrf"))) {
            auth.logout(session.get().token());
        }
        ctx.header("Set-Cookie", AdminAuth.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    // ---- rendering and errors ----

    PageContext pageContext(Context ctx) {
        Lang lang = lang(ctx);
        return new PageContext(lang, Messages.of(lang), auth.session(ctx.cookie(AdminAuth.COOKIE)), ctx.path(),
                ctx.queryString());
    }

    private Lang lang(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null) {
            Lang lang = Lang.parse(bounded(asked));
            ctx.header("Set-Cookie", LANG_COOKIE + "=" + lang.tag() + "; Path=/; SameSite=Lax; Max-Age=31536000");
            return lang;
        }
        String cookie = ctx.cookie(LANG_COOKIE);
        if (cookie != null) {
            return Lang.parse(bounded(cookie));
        }
        String accept = Optional.ofNullable(ctx.header("Accept-Language")).orElse("").toLowerCase();
        if (accept.startsWith("zh-tw")) {
            return Lang.ZH_TW;
        }
        if (accept.startsWith("zh-hk")) {
            return Lang.ZH_HK;
        }
        if (accept.startsWith("zh-hant")) {
            return Lang.ZH_HANT;
        }
        return Lang.ZH_HANS; // the default interface, whatever else the browser prefers; English is one click away
    }

    void render(Context ctx, String template, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("ctx", pageContext(ctx));
        StringOutput out = new StringOutput();
        templates.render(template, all, out);
        ctx.html(out.toString());
    }

    /**
     * Answers {@code status} with Huixun's error page (or JSON under /api). {@code key} is a {@link Messages} key
     * with its {@code args}, shown in the reader's language; null gives the status's default sentence. Text that is
     * no key is shown as it is.
     */
    void error(Context ctx, int status, String key, Object... args) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            Messages en = Messages.of(Lang.EN);
            ApiRoutes.error(ctx, status, key != null ? en.format(key, args) : defaultMessage(status, en));
            return;
        }
        PageContext page = pageContext(ctx);
        String message = key != null && status != 500 ? page.msg(key, args) : defaultMessage(status, page.messages());
        StringOutput out = new StringOutput();
        templates.render("error.jte", Map.of("ctx", page, "status", status, "message", message), out);
        ctx.html(out.toString());
    }

    /** The error page for an answer Jetty gives itself (no route, no cookie, maybe no path): default language. */
    private String plainErrorPage(int status) {
        PageContext page = new PageContext(Lang.ZH_HANS, Messages.of(Lang.ZH_HANS), Optional.empty(), "/", null);
        StringOutput out = new StringOutput();
        templates.render("error.jte", Map.of("ctx", page, "status", status,
                "message", defaultMessage(status, page.messages())), out);
        return out.toString();
    }

    private static String defaultMessage(int status, Messages m) {
        return switch (status) {
            case 404 -> m.get("error.notFound");
            case 403 -> m.get("error.forbidden");
            case 405 -> m.get("error.methodNotAllowed");
            case 500 -> m.get("error.server");
            default -> m.get("error.malformed");
        };
    }

    private void record(Context ctx, Float ms) {
        String route = ctx.endpoints().lastHttpEndpoint() != null ? ctx.endpoints().lastHttpEndpoint().path : "unmatched";
        Timer.builder("http.server.requests").tag("method", ctx.method().name()).tag("route", route)
                .tag("status", String.valueOf(ctx.status().getCode())).publishPercentileHistogram()
                .register(metrics).record(Duration.ofNanos((long) (ms * 1_000_000)));
    }

    // ---- parameters ----

    /** Articles naming a person, place or organisation. */
    static String entityQuery(String name) {
        String n = bounded(name).replace("\"", "").strip();
        return "person:\"" + n + "\" OR place:\"" + n + "\" OR org:\"" + n + "\"";
    }

    static String query(Context ctx) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        if (q.length() > MAX_QUERY) {
            throw new BadRequest("error.queryTooLong", q.length(), MAX_QUERY);
        }
        return q.strip();
    }

    static Optional<String> optionalParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        if (v.length() > MAX_PARAM) {
            throw new BadRequest("error.paramTooLong", name);
        }
        return Optional.of(v.strip());
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new BadRequest("error.paramRange", name, min, max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("error.paramNumber", name);
        }
    }

    /** A non-negative id parameter such as {@code after}; 0 when absent. */
    static long longParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new BadRequest("error.paramNumber", name);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("error.paramNumber", name);
        }
    }

    static Optional<Long> parseId(String s) {
        try {
            long id = Long.parseLong(s);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String bounded(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > MAX_PARAM * 5 ? s.substring(0, MAX_PARAM * 5) : s;
    }

    static String baseUrl(Context ctx) {
        String host = Optional.ofNullable(ctx.header("Host")).filter(h -> h.matches("[A-Za-z0-9.\\-:\\[\\]]{1,200}"))
                .orElse("127.0.0.1");
        return "http://" + host;
    }

    /** Percent-encoding for redirect targets. */
    static final class PageContextEnc {
        static String enc(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

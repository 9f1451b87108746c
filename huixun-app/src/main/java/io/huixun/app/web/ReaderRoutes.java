package io.huixun.app.web;

import io.huixun.store.ArticleStore;
import io.huixun.store.ArticleSummary;
import io.huixun.store.Source;
import io.huixun.store.reader.Follow;
import io.huixun.store.reader.FollowKind;
import io.huixun.store.reader.ItemState;
import io.huixun.store.reader.ReaderStore;
import io.huixun.store.reader.ReadingQuery;
import io.huixun.store.reader.ReadingScope;
import io.huixun.store.reader.SavedSearch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The reader's pages: read/unread and star buttons (htmx fragments, plain forms without script), the unread and
 * starred lists, the following page with saved searches, and a feed (RSS, Atom, JSON Feed 1.1) per followed thing.
 *
 * <p>Every page and action needs a login; every action needs the session's CSRF token. A reader only ever reads or
 * changes rows of their own account: the account id comes from the session, never from the request. Opening an
 * article marks it read. The feeds are of the followed thing, not of the account ({@code /follows/feed.json?kind=
 * QUERY&target=芯片}), so a feed reader can fetch them without a session and they reveal nothing about anyone.
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
public final class ReaderRoutes implements RouteGroup {
    static final int PAGE = 50;
    static final int MAX_TARGET = 200;

    private final ArticleStore store;
    private final ReaderStore readers;
    private final NewsDesk desk;
    private final AdminAuth auth;

    public ReaderRoutes(ArticleStore store, NewsDesk desk, AdminAuth auth) {
        this.store = store;
        this.readers = store.readers();
        this.desk = desk;
        this.auth = auth;
    }

    /** One row of a reading list. */
    public record Row(ArticleSummary article, ItemState state) {
    }

    @Override
    public void register(RoutesConfig r, WebServer server) {
        r.get("/state/article/{id}", ctx -> stateFragment(ctx, server));
        r.post("/state/article/{id}/{action}", ctx -> changeState(ctx, server));
        r.post("/state/story/{id}/read", ctx -> storyRead(ctx, server));
        r.after("/article/{id}", ctx -> markOpenedRead(ctx));
        r.get("/unread", ctx -> reading(ctx, server, false));
        r.get("/starred", ctx -> reading(ctx, server, true));
        r.post("/unread/mark-all", ctx -> markAll(ctx, server));
        r.get("/following", ctx -> following(ctx, server, null));
        r.post("/following", ctx -> addFollow(ctx, server));
        r.post("/following/{id}/remove", ctx -> removeFollow(ctx, server));
        r.post("/saved-searches", ctx -> saveSearch(ctx, server));
        r.post("/saved-searches/{id}/remove", ctx -> removeSearch(ctx, server));
        r.post("/alerts", ctx -> addAlert(ctx, server));
        r.post("/alerts/{id}/remove", ctx -> removeAlert(ctx, server));
        r.get("/follows/feed.xml", ctx -> followFeed(ctx, server, "rss"));
        r.get("/follows/atom.xml", ctx -> followFeed(ctx, server, "atom"));
        r.get("/follows/feed.json", ctx -> followFeed(ctx, server, "json"));
    }

    // ---------------------------------------------------------------- sessions

    private Optional<AdminAuth.Session> session(Context ctx) {
        return auth.session(ctx.cookie(AdminAuth.COOKIE));
    }

    /** The session of a page view; otherwise the browser is sent to log in. */
    private Optional<AdminAuth.Session> viewer(Context ctx) {
        Optional<AdminAuth.Session> s = session(ctx);
        if (s.isEmpty()) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        }
        return s;
    }

    /** The session of an action with its CSRF token; otherwise 403. */
    private Optional<AdminAuth.Session> actor(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = session(ctx);
        if (s.isEmpty()) {
            server.error(ctx, 403, null);
            return Optional.empty();
        }
        if (!AdminAuth.csrfMatches(s.get(), ctx.formParam("csrf"))) {
            server.error(ctx, 403, "error.csrf");
            return Optional.empty();
        }
        return s;
    }

    /** Where to go back to after a plain (script-less) form: a local path only. */
    private static String back(Context ctx, String fallback) {
        String b = ctx.formParam("back");
        return b != null && b.startsWith("/") && !b.startsWith("//") && b.length() < 500 && b.chars().noneMatch(c -> c < 0x20)
                ? b : fallback;
    }

    // ---------------------------------------------------------------- state

    private void stateFragment(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = session(ctx);
        long id = WebServer.parseId(ctx.pathParam("id")).orElse(0L);
        if (s.isEmpty()) {
            ctx.status(204);
            return;
        }
        renderState(ctx, server, s.get(), id);
    }

    private void renderState(Context ctx, WebServer server, AdminAuth.Session s, long id) {
        ItemState state = readers.states(s.userId(), List.of(id)).get(id);
        if (state == null) {
            server.error(ctx, 404, null);
            return;
        }
        server.render(ctx, "state.jte", Map.of("state", state, "back", "/article/" + id));
    }

    private void changeState(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        long id = WebServer.parseId(ctx.pathParam("id"))
                .orElseThrow(() -> new WebServer.BadRequest("error.paramNumber", "id"));
        long user = s.get().userId();
        switch (ctx.pathParam("action")) {
            case "read" -> readers.setRead(user, List.of(id), true);
            case "unread" -> readers.setRead(user, List.of(id), false);
            case "star" -> readers.setStarred(user, List.of(id), true);
            case "unstar" -> readers.setStarred(user, List.of(id), false);
            default -> throw new WebServer.BadRequest("error.unknownAction",
                    ctx.pathParam("action").length() > 20 ? "" : ctx.pathParam("action"));
        }
        if (ctx.header("HX-Request") != null) {
            renderState(ctx, server, s.get(), id);
        } else {
            ctx.redirect(back(ctx, "/article/" + id), HttpStatus.SEE_OTHER);
        }
    }

    private void storyRead(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        String story = ctx.pathParam("id");
        if (story.length() > MAX_TARGET) {
            throw new WebServer.BadRequest("error.paramTooLong", "id");
        }
        readers.markStoryRead(s.get().userId(), story);
        ctx.redirect(back(ctx, "/story/" + WebServer.PageContextEnc.enc(story)), HttpStatus.SEE_OTHER);
    }

    private void markOpenedRead(Context ctx) {
        if (ctx.status().getCode() != 200) {
            return;
        }
        Optional<AdminAuth.Session> s = session(ctx);
        Optional<Long> id = WebServer.parseId(ctx.pathParam("id"));
        if (s.isPresent() && id.isPresent()) {
            readers.setRead(s.get().userId(), List.of(id.get()), true);
        }
    }

    // ---------------------------------------------------------------- reading lists

    private void reading(Context ctx, WebServer server, boolean starred) {
        Optional<AdminAuth.Session> s = viewer(ctx);
        if (s.isEmpty()) {
            return;
        }
        long user = s.get().userId();
        OptionalLong before = Optional.ofNullable(ctx.queryParam("before")).flatMap(WebServer::parseId)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        ReadingScope scope = starred ? new ReadingScope.Starred() : new ReadingScope.Subscribed();
        List<ItemState> states = readers.reading(user, new ReadingQuery(scope, !starred, before, OptionalLong.empty(),
                false, PAGE + 1));
        boolean more = states.size() > PAGE;
        List<ItemState> page = more ? states.subList(0, PAGE) : states;
        Map<Long, ArticleSummary> summaries = new HashMap<>();
        for (ArticleSummary a : store.summaries(page.stream().map(ItemState::articleId).toList())) {
            summaries.put(a.id(), a);
        }
        List<Row> rows = new ArrayList<>();
        for (ItemState st : page) {
            ArticleSummary a = summaries.get(st.articleId());
            if (a != null) {
                rows.add(new Row(a, st));
            }
        }
        boolean followsSources = starred || readers.follows(user).stream().anyMatch(f -> f.kind() == FollowKind.SOURCE);
        String empty = starred ? "reading.noStarred" : followsSources ? "reading.noUnread" : "reading.noFollows";
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("starred", starred);
        params.put("emptyKey", empty);
        params.put("next", more ? page.get(page.size() - 1).articleId() : 0L);
        params.put("newest", page.isEmpty() ? 0L : page.get(0).articleId());
        server.render(ctx, "reading.jte", params);
    }

    private void markAll(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        // Up to the newest article the reader saw, so what arrived since stays unread.
        long upTo = WebServer.parseId(Optional.ofNullable(ctx.formParam("upto")).orElse("")).orElse(0L);
        if (upTo > 0) {
            readers.markAllRead(s.get().userId(), new ReadingScope.Subscribed(), upTo);
        }
        ctx.redirect("/unread", HttpStatus.SEE_OTHER);
    }

    // ---------------------------------------------------------------- following

    private void following(Context ctx, WebServer server, String message) {
        Optional<AdminAuth.Session> s = viewer(ctx);
        if (s.isEmpty()) {
            return;
        }
        long user = s.get().userId();
        Map<String, Object> params = new HashMap<>();
        params.put("follows", readers.follows(user));
        params.put("saved", readers.savedSearches(user));
        params.put("alerts", readers.alerts(user));
        params.put("message", message == null ? FollowingOpml.notice(server.pageContext(ctx), ctx.queryParam("opml"))
                : message);
        params.put("folders", readers.folders(user));
        server.render(ctx, "following.jte", params);
    }

    private void addFollow(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        PageContext page = server.pageContext(ctx);
        FollowKind kind;
        try {
            kind = FollowKind.valueOf(Optional.ofNullable(ctx.formParam("kind")).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new WebServer.BadRequest("error.malformed");
        }
        String target = Optional.ofNullable(ctx.formParam("target")).orElse("").strip();
        if (target.isEmpty() || target.length() > MAX_TARGET) {
            ctx.status(400);
            following(ctx, server, Messages.t(page, "follow.badTarget", MAX_TARGET));
            return;
        }
        String title = Optional.ofNullable(ctx.formParam("title")).filter(t -> !t.isBlank() && t.length() <= MAX_TARGET)
                .orElse(target);
        if (kind == FollowKind.SOURCE) {
            String asked = target;
            Optional<Source> source = WebServer.parseId(asked).flatMap(store::findSource)
                    .or(() -> store.findSourceByUrl(asked));
            if (source.isEmpty()) {
                ctx.status(400);
                following(ctx, server, Messages.t(page, "follow.noSource", target));
                return;
            }
            target = String.valueOf(source.get().id());
            title = source.get().name();
        }
        Follow f = readers.follow(s.get().userId(), kind, target, title, OptionalLong.empty());
        if (ctx.formParam("back") != null) {
            ctx.redirect(back(ctx, "/following"), HttpStatus.SEE_OTHER);
            return;
        }
        following(ctx, server, Messages.t(page, "follow.added", f.title()));
    }

    private void removeFollow(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        WebServer.parseId(ctx.pathParam("id")).ifPresent(id -> readers.unfollow(s.get().userId(), id));
        ctx.redirect("/following", HttpStatus.SEE_OTHER);
    }

    private void saveSearch(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        String query = Optional.ofNullable(ctx.formParam("query")).orElse("").strip();
        String name = Optional.ofNullable(ctx.formParam("name")).filter(n -> !n.isBlank()).orElse(query).strip();
        if (query.isEmpty() || query.length() > WebServer.MAX_QUERY || name.length() > MAX_TARGET) {
            ctx.status(400);
            following(ctx, server, Messages.t(server.pageContext(ctx), "follow.badTarget", MAX_TARGET));
            return;
        }
        readers.saveSearch(s.get().userId(), name, query);
        ctx.redirect(back(ctx, "/following"), HttpStatus.SEE_OTHER);
    }

    private void removeSearch(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        WebServer.parseId(ctx.pathParam("id")).ifPresent(id -> readers.removeSavedSearch(s.get().userId(), id));
        ctx.redirect("/following", HttpStatus.SEE_OTHER);
    }

    private void addAlert(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        String query = Optional.ofNullable(ctx.formParam("query")).orElse("").strip();
        String url = Optional.ofNullable(ctx.formParam("url")).orElse("").strip();
        PageContext page = server.pageContext(ctx);
        if (query.isEmpty() || query.length() > MAX_TARGET) {
            ctx.status(400);
            following(ctx, server, Messages.t(page, "follow.badTarget", MAX_TARGET));
            return;
        }
        Optional<String> problem = WebhookUrl.problem(url);
        if (problem.isPresent()) {
            ctx.status(400);
            following(ctx, server, Messages.t(page, problem.get()));
            return;
        }
        // Only articles stored from now on are sent: an alert is about news, not the archive.
        readers.addAlert(s.get().userId(), query, url, readers.newestArticleId());
        ctx.redirect("/following", HttpStatus.SEE_OTHER);
    }

    private void removeAlert(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        WebServer.parseId(ctx.pathParam("id")).ifPresent(id -> readers.removeAlert(s.get().userId(), id));
        ctx.redirect("/following", HttpStatus.SEE_OTHER);
    }

    // ---------------------------------------------------------------- feeds

    /** The query a follow's feed runs; empty for a story (its feed is the story's). */
    static String followQuery(FollowKind kind, String target, Optional<Source> source) {
        return switch (kind) {
            case ENTITY -> WebServer.entityQuery(target);
            case QUERY -> target;
            case SOURCE -> "source:\"" + source.map(Source::name).orElse(target).replace("\"", "") + "\"";
            case STORY -> "";
        };
    }

    /** The feed URL of a follow, as the following page links it. */
    public static String feedPath(Follow f, String format) {
        String file = switch (format) {
            case "atom" -> "atom.xml";
            case "json" -> "feed.json";
            default -> "feed.xml";
        };
        return "/follows/" + file + "?kind=" + f.kind().name() + "&target=" + WebServer.PageContextEnc.enc(f.target());
    }

    private void followFeed(Context ctx, WebServer server, String format) {
        FollowKind kind;
        try {
            kind = FollowKind.valueOf(Optional.ofNullable(ctx.queryParam("kind")).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new WebServer.BadRequest("error.malformed");
        }
        String target = Optional.ofNullable(ctx.queryParam("target")).orElse("").strip();
        if (target.isEmpty() || target.length() > WebServer.MAX_QUERY) {
            throw new WebServer.BadRequest("error.paramTooLong", "target");
        }
        String base = WebServer.baseUrl(ctx);
        List<FeedItem> items;
        String title;
        String site;
        if (kind == FollowKind.STORY) {
            Optional<List<FeedItem>> story = desk.storyFeed(target, base);
            if (story.isEmpty()) {
                server.error(ctx, 404, null);
                return;
            }
            items = story.get();
            title = "汇讯 · " + desk.story(target).map(v -> v.title()).orElse(target);
            site = base + "/story/" + WebServer.PageContextEnc.enc(target);
        } else {
            Optional<Source> source = kind == FollowKind.SOURCE
                    ? WebServer.parseId(target).flatMap(store::findSource) : Optional.empty();
            if (kind == FollowKind.SOURCE && source.isEmpty()) {
                server.error(ctx, 404, null);
                return;
            }
            String q = followQuery(kind, target, source);
            items = desk.feed(Optional.of(q), base, 50);
            title = "汇讯 · " + source.map(Source::name).orElse(target);
            site = base + "/search?q=" + WebServer.PageContextEnc.enc(q);
        }
        String self = base + ctx.path() + "?" + ctx.queryString();
        switch (format) {
            case "atom" -> ctx.contentType("application/atom+xml; charset=utf-8")
                    .result(FeedWriter.atom(title, site, self, items));
            case "json" -> ctx.contentType("application/feed+json; charset=utf-8")
                    .result(JsonFeedWriter.write(title, site, self, items));
            default -> ctx.contentType("application/rss+xml; charset=utf-8")
                    .result(FeedWriter.rss(title, site, self, "汇讯关注", items));
        }
    }
}

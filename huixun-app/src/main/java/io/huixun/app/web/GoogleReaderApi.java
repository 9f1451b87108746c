package io.huixun.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huixun.store.ArticleStore;
import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import io.huixun.store.reader.Folder;
import io.huixun.store.reader.Follow;
import io.huixun.store.reader.FollowKind;
import io.huixun.store.reader.ItemState;
import io.huixun.store.reader.ReaderStore;
import io.huixun.store.reader.ReadingQuery;
import io.huixun.store.reader.ReadingScope;
import io.huixun.store.reader.StoredSession;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Google Reader API as FreshRSS and Miniflux serve it, at the server's root, for NetNewsWire, Reeder, Read You,
 * FeedMe, Fluent Reader and the like (the app's "FreshRSS"/"Google Reader" account, server URL {@code http://host}).
 *
 * <p>Log in with {@code POST /accounts/ClientLogin} ({@code Email}, {@code Passwd}) → {@code SID=…\nLSID=null\nAuth=…}
 * (a 30-day API session, throttled like the web login); every other call sends {@code Authorization: GoogleLogin
 * auth=…}. Streams: {@code user/-/state/com.google/reading-list} (the followed sources), {@code …/starred},
 * {@code feed/ID} (a source; {@code feed/URL} also works when subscribing), {@code user/-/label/NAME} (a folder).
 * {@code xt=user/-/state/com.google/read} leaves read items out. Item ids are article ids: decimal in
 * {@code stream/items/ids} ({@code "123"}), long form in contents ({@code tag:google.com,2005:reader/item/000000000000007b});
 * both are accepted back. Continuations are the last id of a page. Reading state is the reader's own (see
 * {@link ReaderStore}); a reader may follow any stored source, only an administrator may subscribe to a new URL
 * (that adds a source for everyone).
 *
 * <p>Thread-safe: stateless apart from thread-safe parts.
 */
public final class GoogleReaderApi implements RouteGroup {
    static final String PREFIX = "/reader/api/0";
    static final String READING_LIST = "user/-/state/com.google/reading-list";
    static final String STARRED = "user/-/state/com.google/starred";
    static final String READ = "user/-/state/com.google/read";
    static final String KEPT_UNREAD = "user/-/state/com.google/kept-unread";
    static final String LABEL = "user/-/label/";
    static final String ITEM_PREFIX = "tag:google.com,2005:reader/item/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleStore store;
    private final ReaderStore readers;
    private final AdminAuth auth;
    private final ApiItems items;

    public GoogleReaderApi(ArticleStore store, AdminAuth auth) {
        this.store = store;
        this.readers = store.readers();
        this.auth = auth;
        this.items = new ApiItems(store);
    }

    /** A request that cannot be served: answered with {@code status} and a one-line plain-text reason. */
    static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Override
    public void register(RoutesConfig r, WebServer server) {
        r.post("/accounts/ClientLogin", this::clientLogin);
        r.get("/accounts/ClientLogin", this::clientLogin);
        api(r, "get", "/token", (ctx, s) -> ctx.contentType("text/plain; charset=utf-8").result(s.csrf()));
        api(r, "post", "/token", (ctx, s) -> ctx.contentType("text/plain; charset=utf-8").result(s.csrf()));
        api(r, "get", "/user-info", this::userInfo);
        api(r, "get", "/subscription/list", this::subscriptions);
        api(r, "post", "/subscription/edit", this::editSubscription);
        api(r, "post", "/subscription/quickadd", this::quickAdd);
        api(r, "get", "/tag/list", this::tags);
        api(r, "get", "/unread-count", this::unreadCount);
        api(r, "get", "/stream/items/ids", this::itemIds);
        api(r, "get", "/stream/items/contents", this::itemContents);
        api(r, "post", "/stream/items/contents", this::itemContents);
        api(r, "get", "/stream/contents", (ctx, s) -> streamContents(ctx, s, param(ctx, "s").orElse(READING_LIST)));
        api(r, "get", "/stream/contents/<stream>", (ctx, s) -> streamContents(ctx, s, ctx.pathParam("stream")));
        api(r, "post", "/edit-tag", this::editTag);
        api(r, "post", "/mark-all-as-read", this::markAllAsRead);
        r.exception(Refusal.class, (e, ctx) -> ctx.status(e.status).contentType("text/plain; charset=utf-8")
                .result(e.getMessage()));
    }

    @FunctionalInterface
    interface ApiHandler {
        void handle(Context ctx, AdminAuth.Session session) throws Exception;
    }

    private void api(RoutesConfig r, String method, String path, ApiHandler handler) {
        io.javalin.http.Handler h = ctx -> {
            AdminAuth.Session s = session(ctx);
            if (method.equals("post")) {
                Optional<String> token = param(ctx, "T");
                if (token.isPresent() && !AdminAuth.csrfMatches(s, token.get())) {
                    ctx.header("X-Reader-Google-Bad-Token", "true");
                    throw new Refusal(401, "Unauthorized: bad token");
                }
            }
            handler.handle(ctx, s);
        };
        if (method.equals("get")) {
            r.get(PREFIX + path, h);
        } else {
            r.post(PREFIX + path, h);
        }
    }

    private AdminAuth.Session session(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        String prefix = "GoogleLogin auth=";
        if (!header.startsWith(prefix)) {
            throw new Refusal(401, "Unauthorized");
        }
        return auth.session(header.substring(prefix.length()).strip(), StoredSession.API)
                .orElseThrow(() -> new Refusal(401, "Unauthorized"));
    }

    /** A parameter from the query string or the form body (apps use both). */
    static Optional<String> param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null && isForm(ctx)) {
            v = ctx.formParam(name);
        }
        return Optional.ofNullable(v).filter(s -> !s.isEmpty());
    }

    static List<String> params(Context ctx, String name) {
        List<String> all = new ArrayList<>(ctx.queryParams(name));
        if (isForm(ctx)) {
            all.addAll(ctx.formParams(name));
        }
        return all;
    }

    private static boolean isForm(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    private static void ok(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result("OK");
    }

    private static void json(Context ctx, ObjectNode node) {
        ctx.contentType("application/json; charset=utf-8").result(node.toString());
    }

    // ---------------------------------------------------------------- login and account

    private void clientLogin(Context ctx) {
        String email = param(ctx, "Email").orElse("");
        String password = param(ctx, "Passwd").orElse("");
        if (email.length() > 1000 || password.length() > 1000) {
            throw new Refusal(400, "Error=BadAuthentication");
        }
        switch (auth.attempt(ctx.ip(), email, password, StoredSession.API)) {
            case AdminAuth.LoginResult.LoggedIn in -> {
                String t = in.session().token();
                ctx.contentType("text/plain; charset=utf-8").result("SID=" + t + "\nLSID=null\nAuth=" + t + "\n");
            }
            case AdminAuth.LoginResult.Busy busy -> {
                ctx.header("Retry-After", String.valueOf(Math.max(1, busy.retryAfter().toSeconds())));
                throw new Refusal(429, "Error=TooManyAttempts");
            }
            case AdminAuth.LoginResult.Refused refused -> throw new Refusal(401, "Error=BadAuthentication");
        }
    }

    private void userInfo(Context ctx, AdminAuth.Session s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("userId", String.valueOf(s.userId()));
        o.put("userName", s.user());
        o.put("userProfileId", String.valueOf(s.userId()));
        o.put("userEmail", "");
        json(ctx, o);
    }

    // ---------------------------------------------------------------- subscriptions and tags

    private void subscriptions(Context ctx, AdminAuth.Session s) {
        Map<Long, String> folders = folderNames(s.userId());
        ObjectNode o = JSON.createObjectNode();
        ArrayNode subs = o.putArray("subscriptions");
        for (Follow f : readers.follows(s.userId())) {
            if (f.kind() != FollowKind.SOURCE || f.sourceId().isEmpty()) {
                continue;
            }
            Optional<Source> source = store.findSource(f.sourceId().getAsLong());
            ObjectNode sub = subs.addObject();
            sub.put("id", "feed/" + f.sourceId().getAsLong());
            sub.put("title", f.title());
            ArrayNode categories = sub.putArray("categories");
            if (f.folderId().isPresent() && folders.containsKey(f.folderId().getAsLong())) {
                String name = folders.get(f.folderId().getAsLong());
                categories.addObject().put("id", LABEL + name).put("label", name);
            }
            sub.put("url", source.map(Source::url).orElse(""));
            sub.put("htmlUrl", source.map(src -> siteOf(src.url())).orElse(""));
            sub.put("iconUrl", "");
        }
        json(ctx, o);
    }

    private Map<Long, String> folderNames(long userId) {
        Map<Long, String> names = new HashMap<>();
        for (Folder f : readers.folders(userId)) {
            names.put(f.id(), f.name());
        }
        return names;
    }

    /** "https://news.example.cn/rss/feed.xml" → "https://news.example.cn/". */
    static String siteOf(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int slash = url.indexOf('/', scheme + 3);
        return slash < 0 ? url + "/" : url.substring(0, slash + 1);
    }

    /** The stored source a {@code feed/…} stream names, by id or by URL; when absent an administrator may add it. */
    private Optional<Source> sourceOf(String stream, AdminAuth.Session s, boolean mayAdd, Optional<String> title) {
        String target = stream.startsWith("feed/") ? stream.substring(5) : stream;
        Optional<Source> found = WebServer.parseId(target).flatMap(store::findSource)
                .or(() -> store.findSourceByUrl(target));
        if (found.isPresent() || !mayAdd) {
            return found;
        }
        if (!(target.startsWith("http://") || target.startsWith("https://")) || target.length() > 2000) {
            throw new Refusal(400, "Error=not an http(s) feed URL");
        }
        if (!s.admin()) {
            throw new Refusal(403, "Error=only an administrator may add a new source; ask for " + target);
        }
        SourceAddResult added = store.addSource(new NewSource(title.orElse(target), target, SourceKind.FEED,
                Optional.empty(), Duration.ofMinutes(30)));
        return switch (added) {
            case SourceAddResult.Added a -> Optional.of(a.source());
            case SourceAddResult.AlreadyRegistered a -> Optional.of(a.existing());
            case SourceAddResult.Rejected rejected -> throw new Refusal(400, "Error=" + rejected.message());
        };
    }

    private OptionalLong folderParam(long userId, Optional<String> label) {
        return label.filter(l -> l.startsWith(LABEL) && l.length() > LABEL.length() && l.length() < 300)
                .map(l -> OptionalLong.of(readers.folder(userId, l.substring(LABEL.length())).id()))
                .orElse(OptionalLong.empty());
    }

    private void editSubscription(Context ctx, AdminAuth.Session s) {
        String action = param(ctx, "ac").orElse("edit");
        Optional<String> title = param(ctx, "t").filter(t -> t.length() <= 200);
        for (String stream : params(ctx, "s")) {
            switch (action) {
                case "subscribe" -> {
                    Source source = sourceOf(stream, s, true, title).orElseThrow();
                    readers.follow(s.userId(), FollowKind.SOURCE, String.valueOf(source.id()),
                            title.orElse(source.name()), folderParam(s.userId(), param(ctx, "a")));
                }
                case "unsubscribe" -> sourceOf(stream, s, false, title)
                        .flatMap(src -> readers.follow(s.userId(), FollowKind.SOURCE, String.valueOf(src.id())))
                        .ifPresent(f -> readers.unfollow(s.userId(), f.id()));
                case "edit" -> {
                    Follow f = sourceOf(stream, s, false, title)
                            .flatMap(src -> readers.follow(s.userId(), FollowKind.SOURCE, String.valueOf(src.id())))
                            .orElseThrow(() -> new Refusal(404, "Error=not subscribed to " + stream));
                    Optional<OptionalLong> folder = param(ctx, "a").isPresent()
                            ? Optional.of(folderParam(s.userId(), param(ctx, "a")))
                            : param(ctx, "r").isPresent() ? Optional.of(OptionalLong.empty()) : Optional.empty();
                    readers.updateFollow(s.userId(), f.id(), title, folder);
                }
                default -> throw new Refusal(400, "Error=unknown ac " + action.substring(0, Math.min(20, action.length())));
            }
        }
        ok(ctx);
    }

    private void quickAdd(Context ctx, AdminAuth.Session s) {
        String url = param(ctx, "quickadd").orElseThrow(() -> new Refusal(400, "Error=quickadd missing"));
        ObjectNode o = JSON.createObjectNode();
        o.put("query", url);
        try {
            Source source = sourceOf(url, s, true, Optional.empty()).orElseThrow();
            Follow f = readers.follow(s.userId(), FollowKind.SOURCE, String.valueOf(source.id()), source.name(),
                    OptionalLong.empty());
            o.put("numResults", 1);
            o.put("streamId", "feed/" + source.id());
            o.put("streamName", f.title());
        } catch (Refusal e) {
            o.put("numResults", 0);
            o.put("error", e.getMessage().replaceFirst("^Error=", ""));
        }
        json(ctx, o);
    }

    private void tags(Context ctx, AdminAuth.Session s) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode tags = o.putArray("tags");
        tags.addObject().put("id", STARRED);
        for (Folder f : readers.folders(s.userId())) {
            tags.addObject().put("id", LABEL + f.name()).put("type", "folder");
        }
        json(ctx, o);
    }

    private void unreadCount(Context ctx, AdminAuth.Session s) {
        Map<Long, Integer> counts = readers.unreadCounts(s.userId());
        Map<Long, Optional<String>> folderOf = items.foldersBySource(s.userId());
        Map<String, Integer> byLabel = new HashMap<>();
        Map<String, Long> newestByLabel = new HashMap<>();
        ObjectNode o = JSON.createObjectNode();
        o.put("max", ReaderStore.UNREAD_CAP);
        ArrayNode list = o.putArray("unreadcounts");
        int total = 0;
        long newestAll = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            long newest = readers.reading(s.userId(), ReadingQuery.newest(new ReadingScope.OneSource(e.getKey()), true, 1))
                    .stream().mapToLong(ItemState::ingestedAt).findFirst().orElse(0) * 1000;
            list.addObject().put("id", "feed/" + e.getKey()).put("count", e.getValue())
                    .put("newestItemTimestampUsec", String.valueOf(newest));
            total += e.getValue();
            newestAll = Math.max(newestAll, newest);
            Optional<String> label = folderOf.getOrDefault(e.getKey(), Optional.empty());
            if (label.isPresent()) {
                byLabel.merge(label.get(), e.getValue(), Integer::sum);
                newestByLabel.merge(label.get(), newest, Math::max);
            }
        }
        byLabel.forEach((label, n) -> list.addObject().put("id", LABEL + label).put("count", n)
                .put("newestItemTimestampUsec", String.valueOf(newestByLabel.get(label))));
        list.addObject().put("id", READING_LIST).put("count", total)
                .put("newestItemTimestampUsec", String.valueOf(newestAll));
        json(ctx, o);
    }

    // ---------------------------------------------------------------- streams

    /** A stream id and the request's filters as a reading query. */
    private ReadingQuery query(Context ctx, AdminAuth.Session s, String stream) {
        List<String> excluded = params(ctx, "xt");
        List<String> included = params(ctx, "it");
        ReadingScope scope;
        if (stream.endsWith("/state/com.google/reading-list")) {
            scope = included.contains(STARRED) ? new ReadingScope.Starred() : new ReadingScope.Subscribed();
        } else if (stream.endsWith("/state/com.google/starred")) {
            scope = new ReadingScope.Starred();
        } else if (stream.startsWith("feed/")) {
            scope = new ReadingScope.OneSource(sourceOf(stream, s, false, Optional.empty())
                    .orElseThrow(() -> new Refusal(404, "Error=no such feed")).id());
        } else if (stream.startsWith("user/") && stream.contains("/label/")) {
            String name = stream.substring(stream.indexOf("/label/") + 7);
            scope = new ReadingScope.OneFolder(readers.folders(s.userId()).stream().filter(f -> f.name().equals(name))
                    .findFirst().orElseThrow(() -> new Refusal(404, "Error=no such label")).id());
        } else {
            throw new Refusal(400, "Error=unknown stream");
        }
        boolean unreadOnly = excluded.contains(READ) || excluded.stream().anyMatch(x -> x.endsWith("/state/com.google/read"));
        int n = intParam(ctx, "n", 20);
        boolean oldestFirst = "o".equals(param(ctx, "r").orElse(""));
        OptionalLong continuation = param(ctx, "c").flatMap(WebServer::parseId).map(OptionalLong::of)
                .orElse(OptionalLong.empty());
        OptionalLong before = oldestFirst ? OptionalLong.empty() : continuation;
        OptionalLong after = oldestFirst ? continuation : OptionalLong.empty();
        long ot = longParam(ctx, "ot");
        if (ot > 0) { // only items newer than this (seconds)
            long upTo = readers.newestArticleIdAt(Instant.ofEpochSecond(ot));
            after = OptionalLong.of(Math.max(upTo, after.orElse(0)));
        }
        long nt = longParam(ctx, "nt");
        if (nt > 0) { // only items older than this (seconds)
            long upTo = readers.newestArticleIdAt(Instant.ofEpochSecond(nt));
            before = OptionalLong.of(Math.min(upTo + 1, before.orElse(Long.MAX_VALUE)));
        }
        return new ReadingQuery(scope, unreadOnly, before, after, oldestFirst, n);
    }

    private static int intParam(Context ctx, String name, int fallback) {
        long v = longParam(ctx, name);
        return v <= 0 ? fallback : (int) Math.min(ApiItems.MAX_PAGE, v);
    }

    private static long longParam(Context ctx, String name) {
        try {
            return param(ctx, name).map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            throw new Refusal(400, "Error=" + name + " must be a number");
        }
    }

    /** One page and its continuation (the last id), when the page is full. */
    private record Page(List<ItemState> states, Optional<String> continuation) {
    }

    private Page page(AdminAuth.Session s, ReadingQuery q) {
        List<ItemState> states = readers.reading(s.userId(), q);
        Optional<String> next = states.size() == q.limit()
                ? Optional.of(String.valueOf(states.get(states.size() - 1).articleId())) : Optional.empty();
        return new Page(states, next);
    }

    private void itemIds(Context ctx, AdminAuth.Session s) {
        Page page = page(s, query(ctx, s, param(ctx, "s").orElse(READING_LIST)));
        ObjectNode o = JSON.createObjectNode();
        ArrayNode refs = o.putArray("itemRefs");
        for (ItemState st : page.states()) {
            refs.addObject().put("id", String.valueOf(st.articleId()))
                    .put("timestampUsec", String.valueOf(st.ingestedAt() * 1000));
        }
        page.continuation().ifPresent(c -> o.put("continuation", c));
        json(ctx, o);
    }

    private void streamContents(Context ctx, AdminAuth.Session s, String stream) {
        Page page = page(s, query(ctx, s, stream));
        ObjectNode o = contents(ctx, s, stream, page.states().stream().map(ItemState::articleId).toList());
        page.continuation().ifPresent(c -> o.put("continuation", c));
        json(ctx, o);
    }

    private void itemContents(Context ctx, AdminAuth.Session s) {
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (String i : params(ctx, "i")) {
            itemId(i).ifPresent(ids::add);
            if (ids.size() > ApiItems.MAX_PAGE) {
                throw new Refusal(400, "Error=at most " + ApiItems.MAX_PAGE + " items at once");
            }
        }
        json(ctx, contents(ctx, s, READING_LIST, List.copyOf(ids)));
    }

    /** "123" (decimal, the short form) or "tag:google.com,2005:reader/item/000000000000007b" (hex) → 123. */
    static Optional<Long> itemId(String s) {
        try {
            if (s.startsWith(ITEM_PREFIX)) {
                return Optional.of(Long.parseUnsignedLong(s.substring(ITEM_PREFIX.length()), 16));
            }
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String longId(long id) {
        return ITEM_PREFIX + String.format("%016x", id);
    }

    private ObjectNode contents(Context ctx, AdminAuth.Session s, String stream, List<Long> ids) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", stream);
        o.put("updated", Instant.now().getEpochSecond());
        ArrayNode list = o.putArray("items");
        for (ApiItems.Item item : items.items(s.userId(), ids, WebServer.baseUrl(ctx))) {
            ObjectNode i = list.addObject();
            i.put("id", longId(item.id()));
            i.put("crawlTimeMsec", String.valueOf(item.crawledMillis()));
            i.put("timestampUsec", String.valueOf(item.crawledMillis() * 1000));
            i.put("published", item.publishedSeconds());
            i.put("updated", item.publishedSeconds());
            i.put("title", item.title());
            i.putArray("canonical").addObject().put("href", item.url());
            i.putArray("alternate").addObject().put("href", item.url()).put("type", "text/html");
            ArrayNode categories = i.putArray("categories");
            categories.add(READING_LIST);
            item.folder().ifPresent(f -> categories.add(LABEL + f));
            if (item.read()) {
                categories.add(READ);
            }
            if (item.starred()) {
                categories.add(STARRED);
            }
            ObjectNode origin = i.putObject("origin");
            origin.put("streamId", item.sourceId().isPresent() ? "feed/" + item.sourceId().getAsLong() : "");
            origin.put("title", item.feed().map(Source::name).orElse(item.source()));
            origin.put("htmlUrl", item.feed().map(f -> siteOf(f.url())).orElse(""));
            i.putObject("summary").put("content", item.html());
            i.put("author", item.source());
        }
        return o;
    }

    // ---------------------------------------------------------------- state

    private void editTag(Context ctx, AdminAuth.Session s) {
        List<Long> ids = new ArrayList<>();
        for (String i : params(ctx, "i")) {
            itemId(i).ifPresent(ids::add);
        }
        if (ids.size() > ApiItems.MAX_PAGE) {
            throw new Refusal(400, "Error=at most " + ApiItems.MAX_PAGE + " items at once");
        }
        for (String add : params(ctx, "a")) {
            tag(s.userId(), ids, add, true);
        }
        for (String remove : params(ctx, "r")) {
            tag(s.userId(), ids, remove, false);
        }
        ok(ctx);
    }

    private void tag(long user, List<Long> ids, String tag, boolean add) {
        if (tag.endsWith("/state/com.google/read")) {
            readers.setRead(user, ids, add);
        } else if (tag.endsWith("/state/com.google/kept-unread")) {
            readers.setRead(user, ids, !add);
        } else if (tag.endsWith("/state/com.google/starred")) {
            readers.setStarred(user, ids, add);
        }
        // Other tags (user labels on items) are not kept: labels file sources, not articles.
    }

    private void markAllAsRead(Context ctx, AdminAuth.Session s) {
        String stream = param(ctx, "s").orElseThrow(() -> new Refusal(400, "Error=s missing"));
        long tsUsec = longParam(ctx, "ts");
        Instant upTo = tsUsec > 0 ? Instant.ofEpochMilli(tsUsec / 1000) : Instant.now();
        long id = readers.newestArticleIdAt(upTo);
        ReadingScope scope = query(ctx, s, stream).scope();
        if (scope instanceof ReadingScope.Starred) {
            throw new Refusal(400, "Error=starred items cannot be marked all read");
        }
        if (id > 0) {
            readers.markAllRead(s.userId(), scope, id);
        }
        ok(ctx);
    }
}

package io.huixun.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huixun.store.ArticleStore;
import io.huixun.store.Source;
import io.huixun.store.reader.Account;
import io.huixun.store.reader.Folder;
import io.huixun.store.reader.Follow;
import io.huixun.store.reader.FollowKind;
import io.huixun.store.reader.ItemState;
import io.huixun.store.reader.ReaderStore;
import io.huixun.store.reader.ReadingQuery;
import io.huixun.store.reader.ReadingScope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The Fever API ({@code /fever/?api}) for Reeder, FeedMe, Fluent Reader, Unread and the like.
 *
 * <p>Every request carries {@code api_key} = md5("name:password") in hex (the app computes it); the key is looked up
 * among the keys stored when passwords were set (see {@code PasswordHasher#feverKey}), so no password is checked
 * here and the Argon2 hashes stay the only password record. Answers always hold {@code api_version} 3 and
 * {@code auth} (1 or 0). Flags: {@code groups} (folders), {@code feeds} (followed sources), {@code favicons} (none),
 * {@code items} ({@code since_id} → the next 50 in id order, {@code max_id} → the 50 before it, newest first,
 * {@code with_ids} → those, at most 50; otherwise the newest 50), {@code links} (none), {@code unread_item_ids} and
 * {@code saved_item_ids} (the newest {@value ApiItems#MAX_PAGE} at most, comma-separated), and {@code mark} =
 * item|feed|group with {@code as} = read|unread|saved|unsaved, {@code id} and {@code before} (seconds).
 * Example: {@code POST /fever/?api&unread_item_ids} with {@code api_key=…} → {@code {"api_version":3,"auth":1,
 * "last_refreshed_on_time":…,"unread_item_ids":"9,8,5"}}.
 *
 * <p>Thread-safe: stateless apart from thread-safe parts.
 */
public final class FeverApi implements RouteGroup {
    static final int ITEMS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleStore store;
    private final ReaderStore readers;
    private final ApiItems items;

    public FeverApi(ArticleStore store) {
        this.store = store;
        this.readers = store.readers();
        this.items = new ApiItems(store);
    }

    @Override
    public void register(RoutesConfig r, WebServer server) {
        for (String path : new String[] {"/fever", "/fever/"}) {
            r.get(path, this::handle);
            r.post(path, this::handle);
        }
    }

    private static Optional<String> param(Context ctx, String name) {
        return GoogleReaderApi.param(ctx, name);
    }

    private static boolean has(Context ctx, String name) {
        return ctx.queryParamMap().containsKey(name)
                || (ctx.method().name().equals("POST") && param(ctx, name).isPresent());
    }

    private void handle(Context ctx) {
        ObjectNode o = JSON.createObjectNode();
        o.put("api_version", 3);
        String key = param(ctx, "api_key").map(k -> k.strip().toLowerCase(java.util.Locale.ROOT)).orElse("");
        Optional<Account> account = key.matches("[0-9a-f]{32}") ? readers.accountByFeverKey(key) : Optional.empty();
        if (account.isEmpty()) {
            o.put("auth", 0);
            ctx.contentType("application/json; charset=utf-8").result(o.toString());
            return;
        }
        long user = account.get().id();
        o.put("auth", 1);
        o.put("last_refreshed_on_time", Instant.now().getEpochSecond());
        if (has(ctx, "mark")) {
            mark(ctx, user);
        }
        if (has(ctx, "groups")) {
            groups(o, user);
        }
        if (has(ctx, "feeds")) {
            feeds(o, user);
        }
        if (has(ctx, "favicons")) {
            o.putArray("favicons");
        }
        if (has(ctx, "links")) {
            o.putArray("links");
        }
        if (has(ctx, "items")) {
            items(ctx, o, user);
        }
        if (has(ctx, "unread_item_ids")) {
            o.put("unread_item_ids", ids(readers.reading(user, ReadingQuery.newest(new ReadingScope.Subscribed(), true,
                    ApiItems.MAX_PAGE))));
        }
        if (has(ctx, "saved_item_ids")) {
            o.put("saved_item_ids", ids(readers.reading(user, ReadingQuery.newest(new ReadingScope.Starred(), false,
                    ApiItems.MAX_PAGE))));
        }
        ctx.contentType("application/json; charset=utf-8").result(o.toString());
    }

    private static String ids(List<ItemState> states) {
        return states.stream().map(s -> String.valueOf(s.articleId())).collect(Collectors.joining(","));
    }

    private List<Follow> sourceFollows(long user) {
        return readers.follows(user).stream().filter(f -> f.kind() == FollowKind.SOURCE && f.sourceId().isPresent())
                .toList();
    }

    /** "feeds_groups": each folder with the ids of the sources filed in it. */
    private void feedsGroups(ObjectNode o, long user) {
        Map<Long, List<String>> byFolder = new HashMap<>();
        for (Follow f : sourceFollows(user)) {
            if (f.folderId().isPresent()) {
                byFolder.computeIfAbsent(f.folderId().getAsLong(), k -> new ArrayList<>())
                        .add(String.valueOf(f.sourceId().getAsLong()));
            }
        }
        ArrayNode fg = o.putArray("feeds_groups");
        byFolder.forEach((folder, feeds) -> fg.addObject().put("group_id", folder)
                .put("feed_ids", String.join(",", feeds)));
    }

    private void groups(ObjectNode o, long user) {
        ArrayNode groups = o.putArray("groups");
        for (Folder f : readers.folders(user)) {
            groups.addObject().put("id", f.id()).put("title", f.name());
        }
        feedsGroups(o, user);
    }

    private void feeds(ObjectNode o, long user) {
        ArrayNode feeds = o.putArray("feeds");
        for (Follow f : sourceFollows(user)) {
            Optional<Source> source = store.findSource(f.sourceId().getAsLong());
            ObjectNode feed = feeds.addObject();
            feed.put("id", f.sourceId().getAsLong());
            feed.put("favicon_id", 0);
            feed.put("title", f.title());
            feed.put("url", source.map(Source::url).orElse(""));
            feed.put("site_url", source.map(s -> GoogleReaderApi.siteOf(s.url())).orElse(""));
            feed.put("is_spark", 0);
            feed.put("last_updated_on_time", source.flatMap(s -> s.health().lastSuccess()).map(Instant::getEpochSecond)
                    .orElse(0L));
        }
        feedsGroups(o, user);
    }

    private void items(Context ctx, ObjectNode o, long user) {
        List<Long> ids;
        Optional<String> withIds = param(ctx, "with_ids");
        if (withIds.isPresent()) {
            LinkedHashSet<Long> wanted = new LinkedHashSet<>();
            for (String part : withIds.get().split(",")) {
                WebServer.parseId(part.strip()).ifPresent(wanted::add);
                if (wanted.size() >= ITEMS) {
                    break;
                }
            }
            ids = List.copyOf(wanted);
        } else {
            OptionalLong since = param(ctx, "since_id").map(v -> OptionalLong.of(parse(v))).orElse(OptionalLong.empty());
            OptionalLong max = param(ctx, "max_id").map(v -> OptionalLong.of(parse(v))).orElse(OptionalLong.empty());
            ReadingQuery q = since.isPresent()
                    ? new ReadingQuery(new ReadingScope.Subscribed(), false, OptionalLong.empty(), since, true, ITEMS)
                    : new ReadingQuery(new ReadingScope.Subscribed(), false, max, OptionalLong.empty(), false, ITEMS);
            ids = readers.reading(user, q).stream().map(ItemState::articleId).toList();
        }
        ArrayNode list = o.putArray("items");
        for (ApiItems.Item item : items.items(user, ids, WebServer.baseUrl(ctx))) {
            ObjectNode i = list.addObject();
            i.put("id", item.id());
            i.put("feed_id", item.sourceId().orElse(0));
            i.put("title", item.title());
            i.put("author", item.source());
            i.put("html", item.html());
            i.put("url", item.url());
            i.put("is_saved", item.starred() ? 1 : 0);
            i.put("is_read", item.read() ? 1 : 0);
            i.put("created_on_time", item.publishedSeconds());
        }
        o.put("total_items", list.size());
    }

    private static long parse(String v) {
        try {
            return Math.max(0, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void mark(Context ctx, long user) {
        String what = param(ctx, "mark").orElse("");
        String as = param(ctx, "as").orElse("");
        long id = param(ctx, "id").map(FeverApi::parse).orElse(0L);
        switch (what) {
            case "item" -> {
                switch (as) {
                    case "read" -> readers.setRead(user, List.of(id), true);
                    case "unread" -> readers.setRead(user, List.of(id), false);
                    case "saved" -> readers.setStarred(user, List.of(id), true);
                    case "unsaved" -> readers.setStarred(user, List.of(id), false);
                    default -> { }
                }
            }
            case "feed", "group" -> {
                if (!as.equals("read")) {
                    return;
                }
                long before = param(ctx, "before").map(FeverApi::parse).orElse(0L);
                long upTo = readers.newestArticleIdAt(before > 0 ? Instant.ofEpochSecond(before) : Instant.now());
                if (upTo <= 0) {
                    return;
                }
                // Group 0 is Fever's "Kindling": everything the reader follows.
                ReadingScope scope = what.equals("feed") ? new ReadingScope.OneSource(id)
                        : id == 0 ? new ReadingScope.Subscribed() : new ReadingScope.OneFolder(id);
                readers.markAllRead(user, scope, upTo);
            }
            default -> { }
        }
    }
}

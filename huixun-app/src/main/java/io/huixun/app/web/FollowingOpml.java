package io.huixun.app.web;

import io.huixun.app.OpmlExport;
import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.source.Subscription;
import io.huixun.store.ArticleStore;
import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import io.huixun.store.reader.Follow;
import io.huixun.store.reader.FollowKind;
import io.huixun.store.reader.Folder;
import io.huixun.store.reader.ReaderStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reader's subscriptions as OPML, folders included, both ways: {@code GET /following/export.opml} writes the
 * sources the reader follows, each inside an outline named by its folder (unfiled ones at the top);
 * {@code POST /following/import} (a file or pasted OPML) follows every feed of the file in the folder its outline sits
 * in, so export → import gives back the same sources in the same folders. A feed Huixun does not gather yet becomes a
 * source only when an administrator imports it; for a reader it is counted as waiting for an administrator.
 * Example: {@code <outline text="财经"><outline xmlUrl="https://x.cn/rss" text="新华财经"/></outline>} → follow
 * 新华财经 in folder 财经. Stateless (the store is thread-safe): thread-safe.
 */
public final class FollowingOpml implements RouteGroup {
    private final ArticleStore store;
    private final ReaderStore readers;
    private final AdminAuth auth;

    public FollowingOpml(ArticleStore store, AdminAuth auth) {
        this.store = store;
        this.readers = store.readers();
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig r, WebServer server) {
        r.get("/following/export.opml", this::export);
        r.post("/following/import", ctx -> importOpml(ctx, server));
        r.post("/following/{id}/folder", ctx -> file(ctx, server));
    }

    private void export(Context ctx) throws Exception {
        Optional<AdminAuth.Session> s = auth.session(ctx.cookie(AdminAuth.COOKIE));
        if (s.isEmpty()) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return;
        }
        long user = s.get().userId();
        Map<Long, String> folderNames = new HashMap<>();
        for (Folder f : readers.folders(user)) {
            folderNames.put(f.id(), f.name());
        }
        Map<String, List<OpmlExport.Entry>> byFolder = new LinkedHashMap<>();
        byFolder.put("", new ArrayList<>());
        for (Follow f : readers.follows(user)) {
            if (f.kind() != FollowKind.SOURCE || f.sourceId().isEmpty()) {
                continue;
            }
            Optional<Source> source = store.findSource(f.sourceId().getAsLong());
            if (source.isEmpty()) {
                continue;
            }
            String folder = f.folderId().isPresent() ? folderNames.getOrDefault(f.folderId().getAsLong(), "") : "";
            byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(new OpmlExport.Entry(f.title(), source.get()));
        }
        StringWriter out = new StringWriter();
        OpmlExport.writeFolders(byFolder, out, ZonedDateTime.now());
        ctx.header("Content-Disposition", "attachment; filename=\"huixun-following.opml\"");
        ctx.contentType("text/x-opml; charset=utf-8");
        ctx.result(out.toString());
    }

    /** The session of a form post with its CSRF token; otherwise empty after answering 403. */
    private Optional<AdminAuth.Session> actor(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = auth.session(ctx.cookie(AdminAuth.COOKIE));
        if (s.isEmpty()) {
            server.error(ctx, 403, null);
        } else if (!AdminAuth.csrfMatches(s.get(), ctx.formParam("csrf"))) {
            server.error(ctx, 403, "error.csrf");
            return Optional.empty();
        }
        return s;
    }

    /** Files a followed source in the folder named by the form (made when new), or unfiles it when blank. */
    private void file(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("folder")).orElse("").strip();
        if (name.length() > 200) {
            throw new WebServer.BadRequest("error.malformed");
        }
        long user = s.get().userId();
        OptionalLong folder = name.isEmpty() ? OptionalLong.empty() : OptionalLong.of(readers.folder(user, name).id());
        WebServer.parseId(ctx.pathParam("id")).ifPresent(id ->
                readers.updateFollow(user, id, Optional.empty(), Optional.of(folder)));
        ctx.redirect("/following", HttpStatus.SEE_OTHER);
    }

    private void importOpml(Context ctx, WebServer server) throws Exception {
        Optional<AdminAuth.Session> s = actor(ctx, server);
        if (s.isEmpty()) {
            return;
        }
        byte[] opml = new byte[0];
        io.javalin.http.UploadedFile upload = ctx.isMultipartFormData() ? ctx.uploadedFile("opmlfile") : null;
        if (upload != null && upload.size() > 0) {
            try (InputStream in = upload.content()) {
                opml = in.readNBytes(WebServer.MAX_OPML_BYTES + 1);
            }
        } else {
            opml = Optional.ofNullable(ctx.formParam("opml")).orElse("").getBytes(StandardCharsets.UTF_8);
        }
        if (opml.length > WebServer.MAX_OPML_BYTES) {
            throw new WebServer.BadRequest("sources.tooLong");
        }
        String result = switch (SourceParser.opml(opml)) {
            case ParseResult.Malformed<List<Subscription>> bad -> "opml=unreadable";
            case ParseResult.Parsed<List<Subscription>> ok -> follow(s.get(), ok.value());
        };
        // counts, not a sentence, travel in the address: the page says them in the reader's language
        ctx.redirect("/following?" + result, HttpStatus.SEE_OTHER);
    }

    /** Follows each subscription in its (innermost) folder; answers the counts as query parameters. */
    private String follow(AdminAuth.Session s, List<Subscription> subscriptions) {
        int followed = 0, waiting = 0, refused = 0;
        java.util.Set<String> folders = new java.util.TreeSet<>();
        for (Subscription sub : subscriptions) {
            String url = sub.feedUrl().toString();
            Optional<Source> source = store.findSourceByUrl(url);
            if (source.isEmpty() && s.admin()) {
                String name = sub.title().isBlank() ? Optional.ofNullable(sub.feedUrl().getHost()).orElse(url)
                        : sub.title().strip();
                source = switch (store.addSource(new NewSource(name, url, SourceKind.FEED, Optional.empty(),
                        Duration.ofMinutes(30)))) {
                    case SourceAddResult.Added a -> Optional.of(a.source());
                    case SourceAddResult.AlreadyRegistered a -> Optional.of(a.existing());
                    case SourceAddResult.Rejected x -> Optional.empty();
                };
                if (source.isEmpty()) {
                    refused++;
                    continue;
                }
            }
            if (source.isEmpty()) {
                waiting++;
                continue;
            }
            OptionalLong folder = OptionalLong.empty();
            if (!sub.folders().isEmpty()) {
                String name = sub.folders().get(sub.folders().size() - 1).strip();
                if (!name.isEmpty() && name.length() <= 200) {
                    folder = OptionalLong.of(readers.folder(s.userId(), name).id());
                    folders.add(name);
                }
            }
            String title = sub.title().isBlank() ? source.get().name() : sub.title().strip();
            Follow f = readers.follow(s.userId(), FollowKind.SOURCE, String.valueOf(source.get().id()), title, folder);
            // already followed: file it where the file says (an import is the reader's statement of their folders)
            readers.updateFollow(s.userId(), f.id(), Optional.empty(), Optional.of(folder));
            followed++;
        }
        return "opml=" + followed + "," + subscriptions.size() + "," + folders.size() + "," + waiting + "," + refused;
    }

    /**
     * The sentence for {@code ?opml=…} on the following page, or empty. Example: {@code 3,4,2,1,0} → 已关注 OPML 中 4
     * 个订阅里的 3 个（2 个文件夹）。1 个新闻源尚未收录，需管理员添加。
     */
    static String notice(PageContext page, String param) {
        if (param == null || param.isEmpty()) {
            return "";
        }
        if (param.equals("unreadable")) {
            return Messages.t(page, "opml.unreadable");
        }
        String[] parts = param.split(",");
        if (parts.length != 5) {
            return "";
        }
        try {
            int[] n = new int[5];
            for (int i = 0; i < 5; i++) {
                n[i] = Math.max(0, Math.min(1_000_000, Integer.parseInt(parts[i])));
            }
            String text = Messages.t(page, "opml.imported", n[0], n[1], n[2]);
            if (n[3] > 0) {
                text += Messages.t(page, "opml.waiting", n[3]);
            }
            if (n[4] > 0) {
                text += Messages.t(page, "opml.refused", n[4]);
            }
            return text;
        } catch (NumberFormatException e) {
            return "";
        }
    }
}

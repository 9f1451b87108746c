package io.huixun.app.web;

import io.huixun.app.web.view.ArticleCard;
import io.huixun.app.web.view.ArticleView;
import io.huixun.app.web.view.FacetCount;
import io.huixun.app.web.view.SearchHitView;
import io.huixun.app.web.view.SearchView;
import io.huixun.app.web.view.StoryView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;

/**
 * The JSON API under {@code /api} (described in {@code /api/openapi.json}). Responses are plain maps and lists so
 * that their shape is visible here; errors are {@code {"error": {"status": N, "message": "…"}}}. Search answers
 * {@code {"total": N, "hits": [{"id", "url", "title", "source", "published", "snippet"}], …}} (DESIGN §5).
 */
final class ApiRoutes {
    private final NewsDesk desk;

    ApiRoutes(NewsDesk desk) {
        this.desk = desk;
    }

    void register(RoutesConfig r) {
        r.get("/api/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi()));
        r.get("/api/search", this::search);
        r.get("/api/facets", ctx -> {
            SearchView v = desk.search(WebServer.query(ctx), "relevance", 0, 1);
            if (v.problem().isPresent()) {
                error(ctx, 400, v.problem().get());
                return;
            }
            ctx.json(facets(v));
        });
        r.get("/api/articles", ctx -> {
            // Newest first, `limit` (1..100) at a time; `before` is the cursor: the `next_before` of the last page.
            // `after` reads forward instead, oldest first (a client polling for new articles passes the `next_after`
            // it was given). `source` and `category` filter; one cursor at a time.
            int limit = WebServer.intParam(ctx, "limit", 20, 1, 100);
            long before = WebServer.longParam(ctx, "before");
            long after = WebServer.longParam(ctx, "after");
            if (before > 0 && after > 0) {
                error(ctx, 400, "give either before or after, not both");
                return;
            }
            Optional<String> source = Optional.ofNullable(ctx.queryParam("source")).map(ApiRoutes::clip)
                    .filter(x -> !x.isBlank());
            Optional<String> category = Optional.ofNullable(ctx.queryParam("category")).map(ApiRoutes::clip)
                    .filter(x -> !x.isBlank());
            List<ArticleCard> page = desk.articles(source, category,
                    before > 0 ? java.util.OptionalLong.of(before) : java.util.OptionalLong.empty(),
                    after > 0 ? java.util.OptionalLong.of(after) : java.util.OptionalLong.empty(), limit + 1);
            boolean more = page.size() > limit;
            List<ArticleCard> shown = more ? page.subList(0, limit) : page;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("articles", shown.stream().map(ApiRoutes::card).toList());
            if (after > 0) {
                body.put("next_before", null);
                body.put("next_after", shown.isEmpty() ? after : shown.get(shown.size() - 1).id());
            } else {
                body.put("next_before", more ? shown.get(shown.size() - 1).id() : null);
                body.put("next_after", shown.isEmpty() ? null : shown.get(0).id());
            }
            body.put("more", more);
            ctx.json(body);
        });
        r.get("/api/articles/{id}", ctx -> {
            Optional<ArticleView> a = WebServer.parseId(ctx.pathParam("id")).flatMap(desk::article);
            if (a.isEmpty()) {
                error(ctx, 404, "no article with id " + clip(ctx.pathParam("id")));
                return;
            }
            ctx.json(article(a.get()));
        });
        r.get("/api/stories/{id}", ctx -> {
            Optional<StoryView> s = desk.story(clip(ctx.pathParam("id")));
            if (s.isEmpty()) {
                error(ctx, 404, "no story with id " + clip(ctx.pathParam("id")));
                return;
            }
            ctx.json(story(s.get()));
        });
        r.get("/api/entities/{name}", ctx -> {
            String name = clip(ctx.pathParam("name")).replace("\"", "");
            SearchView v = desk.search(WebServer.entityQuery(name), "time", 0,
                    WebServer.intParam(ctx, "limit", 20, 1, 100));
            Map<String, Object> body = searchBody(v);
            body.put("entity", name);
            ctx.json(body);
        });
        r.get("/api/sources", ctx -> ctx.json(Map.of("sources", desk.sources().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name());
            m.put("url", s.url());
            m.put("kind", s.kind().name().toLowerCase());
            m.put("consecutive_failures", s.health().consecutiveFailures());
            m.put("last_success", s.health().lastSuccess().map(Object::toString).orElse(null));
            m.put("last_error", s.health().lastError().orElse(null));
            return m;
        }).toList())));
    }

    private void search(Context ctx) {
        String q = WebServer.query(ctx);
        int limit = WebServer.intParam(ctx, "limit", 10, 1, 100);
        int page = WebServer.intParam(ctx, "page", 0, 0, 1000);
        String sort = "time".equals(ctx.queryParam("sort")) ? "time" : "relevance";
        boolean facets = "true".equals(ctx.queryParam("facets")) || "1".equals(ctx.queryParam("facets"));
        SearchView v = desk.search(q, sort, page, limit, facets);
        if (v.problem().isPresent()) {
            error(ctx, 400, v.problem().get());
            return;
        }
        ctx.json(searchBody(v));
    }

    private static Map<String, Object> searchBody(SearchView v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", v.total());
        body.put("total_is_lower_bound", v.totalIsLowerBound());
        body.put("recent_only", v.recentOnly());
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHitView h : v.hits()) {
            Map<String, Object> hit = card(h.card());
            hit.put("snippet", Jsoup.parse(h.snippetHtml()).text());
            hits.add(hit);
        }
        body.put("hits", hits);
        body.put("page", v.page());
        body.put("limit", v.size());
        if (!v.sources().isEmpty() || !v.days().isEmpty() || !v.people().isEmpty()) {
            body.put("facets", facets(v));
        }
        if (!v.notes().isEmpty()) {
            body.put("notes", v.notes());
        }
        return body;
    }

    private static Map<String, Object> facets(SearchView v) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("source", counts(v.sources()));
        f.put("day", counts(v.days()));
        f.put("person", counts(v.people()));
        f.put("place", counts(v.places()));
        f.put("organisation", counts(v.organisations()));
        return f;
    }

    private static List<Map<String, Object>> counts(List<FacetCount> counts) {
        return counts.stream().map(c -> Map.<String, Object>of("value", c.value(), "count", c.count())).toList();
    }

    static Map<String, Object> card(ArticleCard c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("url", c.url().orElse(null));
        m.put("title", c.title());
        m.put("source", c.source());
        m.put("published", c.published().map(p -> p.toOffsetDateTime().toString()).orElse(null));
        m.put("summary", c.summary());
        m.put("teaser", c.teaser());
        m.put("also_count", c.alsoCount());
        m.put("story", c.storyId().orElse(null));
        m.put("category", c.category());
        return m;
    }

    private static Map<String, Object> article(ArticleView a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("url", a.url().orElse(null));
        m.put("title", a.title());
        m.put("source", a.source());
        m.put("published", a.published().map(p -> p.toOffsetDateTime().toString()).orElse(null));
        m.put("teaser", a.teaser());
        m.put("category", a.category());
        m.put("summary", a.summary());
        m.put("body", String.join("\n", a.paragraphs()));
        m.put("keywords", a.keywords());
        m.put("people", a.entities().people());
        m.put("places", a.entities().places());
        m.put("organisations", a.entities().organisations());
        m.put("dateline", a.dateline().map(d -> {
            Map<String, Object> dl = new LinkedHashMap<>();
            dl.put("text", d.text());
            dl.put("agency", d.agency().orElse(null));
            dl.put("place", d.place().orElse(null));
            dl.put("date", d.date().map(Object::toString).orElse(null));
            dl.put("reporters", d.reporters());
            return dl;
        }).orElse(null));
        m.put("story", a.storyId().orElse(null));
        m.put("also_count", a.alsoCount());
        m.put("also_at", a.alsoAt().stream().map(ApiRoutes::card).toList());
        m.put("repairs", a.repairs().stream().map(e -> Map.of("field", e.field(), "kind", e.kind(), "before", e.before(),
                "after", e.after(), "confidence", e.confidence(), "input_start", e.inputStart())).toList());
        return m;
    }

    private static Map<String, Object> story(StoryView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("title", s.title());
        m.put("first", s.first().toString());
        m.put("last", s.last().toString());
        m.put("sources", s.sources());
        m.put("source_reports", s.sourceCounts());
        m.put("size", s.size());
        m.put("also_count", s.otherSources());
        m.put("summary", s.summary());
        m.put("people", s.people());
        m.put("places", s.places());
        m.put("organisations", s.organisations());
        m.put("timeline", s.timeline().stream().map(ApiRoutes::card).toList());
        return m;
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", Map.of("status", status, "message", message)));
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static String openApi() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

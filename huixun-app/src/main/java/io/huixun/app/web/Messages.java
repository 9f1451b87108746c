package io.huixun.app.web;

import io.huixun.text.convert.ReadingConverter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Interface strings. Written once in simplified Chinese and in English; the traditional forms are produced by the
 * converter (s2t, s2twp for Taiwan, s2hk for Hong Kong), so the three Chinese interfaces can never drift apart.
 * Unknown keys show the key itself, which a test catches. Thread-safe.
 */
public final class Messages {
    private static final String[][] TEXTS = {
            // key, zh-Hans, en
            {"site.name", "汇讯", "Huixun"},
            {"site.tagline", "干净、去重、可搜索的中文新闻", "Clean, de-duplicated, searchable Chinese news"},
            {"nav.home", "首页", "Home"},
            {"nav.search", "搜索", "Search"},
            {"nav.sources", "新闻源", "Sources"},
            {"nav.login", "登录", "Log in"},
            {"nav.logout", "退出", "Log out"},
            {"front.top", "要闻", "Top stories"},
            {"front.latest", "最新", "Latest"},
            {"front.empty", "还没有新闻。添加新闻源，或运行 huixun ingest。", "No news yet. Add a source, or run huixun ingest."},
            {"filter.all", "全部", "All"},
            {"filter.source", "来源", "Source"},
            {"filter.category", "类别", "Category"},
            {"article.source", "来源", "Source"},
            {"article.published", "发布时间", "Published"},
            {"article.dateline", "电头", "Dateline"},
            {"article.also", "同时见于", "Also at"},
            {"article.alsoCount", "另有 %d 家来源报道", "Also reported by %d sources"},
            {"article.entities", "相关", "Related"},
            {"article.original", "原文", "Original"},
            {"article.repairs", "修复记录", "What was repaired"},
            {"article.noRepairs", "原文无需修复。", "Nothing needed repair."},
            {"article.teaser", "摘要（全文未收录）", "Teaser (full text not stored)"},
            {"article.story", "所属专题", "Part of story"},
            {"article.people", "人物", "People"},
            {"article.places", "地点", "Places"},
            {"article.orgs", "机构", "Organisations"},
            {"search.placeholder", "搜索新闻（简繁皆可）", "Search news (simplified or traditional)"},
            {"search.button", "搜索", "Search"},
            {"search.results", "共 %s 条结果", "%s results"},
            {"search.none", "没有找到相关新闻。", "No matching news."},
            {"search.sortRelevance", "按相关度", "By relevance"},
            {"search.sortTime", "按时间", "By time"},
            {"search.prev", "上一页", "Previous"},
            {"search.next", "下一页", "Next"},
            {"search.dates", "日期", "Dates"},
            {"story.timeline", "时间线", "Timeline"},
            {"story.members", "%d 篇报道", "%d reports"},
            {"story.sources", "来源", "Sources"},
            {"entity.articles", "提到 %s 的新闻", "News mentioning %s"},
            {"sources.title", "新闻源", "Sources"},
            {"sources.add", "添加新闻源", "Add a source"},
            {"sources.url", "网址（RSS/Atom、网页或站点地图）", "URL (RSS/Atom, page or sitemap)"},
            {"sources.opml", "或导入 OPML", "or import OPML"},
            {"sources.health", "状态", "Health"},
            {"sources.lastSuccess", "上次成功", "Last success"},
            {"sources.lastError", "上次错误", "Last error"},
            {"sources.failures", "连续失败", "Consecutive failures"},
            {"sources.pause", "暂停", "Pause"},
            {"sources.resume", "恢复", "Resume"},
            {"sources.remove", "删除", "Remove"},
            {"sources.none", "还没有新闻源。", "No sources yet."},
            {"login.title", "管理员登录", "Administrator login"},
            {"login.user", "用户名", "User name"},
            {"login.password", "密码", "Password"},
            {"login.failed", "用户名或密码错误。", "Wrong user name or password."},
            {"error.notFound", "没有找到这个页面。", "This page does not exist."},
            {"error.badRequest", "请求有误：%s", "Bad request: %s"},
            {"error.forbidden", "需要管理员登录。", "Administrator login required."},
            {"error.server", "服务器出错了，已记录。", "Something went wrong on our side; it has been logged."},
            {"feed.subscribe", "订阅", "Subscribe"},
            {"lang.switch", "语言", "Language"},
    };

    private static final Map<Lang, Messages> BY_LANG = new EnumMap<>(Lang.class);

    static {
        Map<String, String> hans = new HashMap<>();
        Map<String, String> en = new HashMap<>();
        for (String[] t : TEXTS) {
            hans.put(t[0], t[1]);
            en.put(t[0], t[2]);
        }
        BY_LANG.put(Lang.ZH_HANS, new Messages(hans));
        BY_LANG.put(Lang.EN, new Messages(en));
        BY_LANG.put(Lang.ZH_HANT, new Messages(convert(hans, ReadingConverter.Region.HANT)));
        BY_LANG.put(Lang.ZH_TW, new Messages(convert(hans, ReadingConverter.Region.TW)));
        BY_LANG.put(Lang.ZH_HK, new Messages(convert(hans, ReadingConverter.Region.HK)));
    }

    private final Map<String, String> texts;

    private Messages(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    public static Messages of(Lang lang) {
        return BY_LANG.get(lang);
    }

    public String get(String key) {
        return texts.getOrDefault(key, key);
    }

    public String format(String key, Object... args) {
        return String.format(get(key), args);
    }

    static boolean has(String key) {
        return BY_LANG.get(Lang.ZH_HANS).texts.containsKey(key);
    }

    private static Map<String, String> convert(Map<String, String> hans, ReadingConverter.Region region) {
        ReadingConverter converter = ReadingConverter.of(region);
        Map<String, String> out = new HashMap<>();
        hans.forEach((k, v) -> out.put(k, converter.convert(v)));
        return out;
    }
}

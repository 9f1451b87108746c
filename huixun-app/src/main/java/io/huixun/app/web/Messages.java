package io.huixun.app.web;

import java.util.EnumMap;
import java.util.Map;

/**
 * Interface strings of every page (news, search, sources, and the reader's pages: reading state, following, accounts),
 * in the one scheme of {@link MessageTable} (simplified Chinese and English written here, the traditional interfaces
 * converted). Unknown keys show the key itself, which a test catches. Two ways to ask: {@code ctx.msg("nav.home")}
 * through the page's {@link Messages}, or {@code Messages.t(ctx, "state.read")} → 标为已读 (zh-Hans), 標為已讀 (zh-Hant),
 * "Mark read" (en). Immutable: thread-safe.
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
            {"article.alsoCount", "另有 %d 家来源报道", "Also reported by %d other sources"},
            {"article.alsoCount.one", "另有 %d 家来源报道", "Also reported by 1 other source"},
            {"article.entities", "相关", "Related"},
            {"article.original", "原文", "Original"},
            {"article.attachment", "附件", "Attachment"},
            {"article.repairs", "修复记录", "What was repaired"},
            {"article.repairsSummary", "共修复 %d 处，分 %d 类", "%d repairs of %d kinds"},
            {"article.repairsSummary.one", "共修复 %d 处，分 %d 类", "1 repair"},
            {"repair.count", "%d 处", "%d"},
            {"repair.before", "原文", "Before"},
            {"repair.marked", "修复处标在正文中（删除线为原文，下划线为修复后）", "The text with each repair marked (struck: original; underlined: repaired)"},
            {"repair.after", "修复后", "After"},
            {"repair.confidence", "把握", "Confidence"},
            {"repair.HTML_ENTITY", "HTML 字符实体还原", "HTML entities decoded"},
            {"repair.INVISIBLE", "删去不可见字符", "Invisible characters removed"},
            {"repair.CHARSET_MOJIBAKE", "乱码按正确编码还原", "Mojibake decoded with the right charset"},
            {"repair.BYTE_MISALIGNMENT", "错位字节重新对齐", "Misaligned bytes realigned"},
            {"repair.PINYIN_ANNOTATION", "删去夹注的拼音", "Inserted pinyin removed"},
            {"repair.LOST_CHARACTER", "补回丢失的字", "Lost characters restored"},
            {"repair.PUNCTUATION", "标点改为全角", "Punctuation made full-width"},
            {"repair.WIDTH", "全角字母数字改为半角", "Full-width letters and digits made half-width"},
            {"repair.SCRIPT", "繁简转换", "Script converted"},
            {"repair.more", "另有 %d 处未列出。", "%d more not listed."},
            {"repair.field.title", "标题", "title"},
            {"repair.field.body", "正文", "body"},
            {"article.noRepairs", "原文无需修复。", "Nothing needed repair."},
            {"article.teaser", "摘要（全文未收录）", "Teaser (full text not stored)"},
            {"article.story", "所属专题", "Part of story"},
            {"article.people", "人物", "People"},
            {"article.places", "地点", "Places"},
            {"article.orgs", "机构", "Organisations"},
            {"search.placeholder", "搜索新闻（简繁皆可）", "Search news (simplified or traditional)"},
            {"search.button", "搜索", "Search"},
            {"search.results", "共 %s 条结果", "%s results"},
            {"search.recentOnly", "匹配的新闻太多：排序和筛选只看最近的报道。", "So many matches that they are ranked, and the filters counted, among the most recent reports only."},
            {"search.results.one", "共 %s 条结果", "1 result"},
            {"search.none", "没有找到相关新闻。", "No matching news."},
            {"search.sortRelevance", "按相关度", "By relevance"},
            {"search.sortTime", "按时间", "By time"},
            {"search.prev", "上一页", "Previous"},
            {"search.next", "下一页", "Next"},
            {"search.dates", "日期", "Dates"},
            {"story.timeline", "时间线", "Timeline"},
            {"story.members", "%d 篇报道", "%d reports"},
            {"story.members.one", "%d 篇报道", "1 report"},
            {"story.sources", "来源", "Sources"},
            {"entity.articles", "提到 %s 的新闻", "News mentioning %s"},
            {"sources.title", "新闻源", "Sources"},
            {"sources.add", "添加新闻源", "Add a source"},
            {"sources.url", "网址（RSS/Atom、网页或站点地图）", "URL (RSS/Atom, page or sitemap)"},
            {"sources.name", "名称（可不填：默认用订阅源自己的标题）", "Name (optional: the feed's own title by default)"},
            {"sources.every", "刷新间隔（分钟）", "Refresh every (minutes)"},
            {"sources.opml", "或粘贴 OPML", "or paste OPML"},
            {"sources.opmlFile", "或导入 OPML 文件（不必填写网址）", "or import an OPML file (no URL needed)"},
            {"sources.export", "导出 OPML", "Export OPML"},
            {"sources.health", "状态", "Health"},
            {"sources.lastSuccess", "上次成功", "Last success"},
            {"sources.lastError", "上次错误", "Last error"},
            {"sources.failures", "连续失败", "Consecutive failures"},
            {"sources.interval", "刷新", "Refresh"},
            {"sources.everyShort", "每 %d 分钟", "every %d minutes"},
            {"sources.everyShort.one", "每 %d 分钟", "every minute"},
            {"sources.set", "设定", "Set"},
            {"sources.never", "从未抓取", "Never fetched"},
            {"sources.ok", "正常", "OK"},
            {"sources.failing", "连续失败 %d 次", "Failed %d times in a row"},
            {"sources.failing.one", "失败 %d 次", "Failed once"},
            {"sources.paused", "已暂停", "Paused"},
            {"sources.actions", "操作", "Actions"},
            {"sources.pause", "暂停", "Pause"},
            {"sources.resume", "恢复", "Resume"},
            {"sources.remove", "删除", "Remove"},
            {"sources.none", "还没有新闻源。", "No sources yet."},
            {"sources.total", "共 %d 个新闻源", "%d sources"},
            {"sources.total.one", "共 %d 个新闻源", "1 source"},
            {"sources.added", "已添加新闻源 #%d：%s", "Added source #%d: %s"},
            {"sources.exists", "已经是新闻源了：#%d %s", "Already a source: #%d %s"},
            {"sources.rejected", "未能添加：%s 太长或含有不允许的字符。", "Not added: the %s is too long or contains characters that are not allowed."},
            {"sources.notUrl", "这不是网址：%s", "Not a URL: %s"},
            {"sources.onlyHttp", "只有 http 和 https 网址可以作为新闻源：%s", "Only http and https URLs can be sources: %s"},
            {"sources.imported", "已从 OPML 导入 %d 个新闻源（共 %d 个；%d 个已存在；%d 个有问题）",
                    "Imported %d of %d feeds from the OPML (%d already present, %d with problems)"},
            {"sources.notOpml", "这不是可读的 OPML 文件：%s", "Not a readable OPML file: %s"},
            {"sources.nothing", "请填写网址，或选择一个 OPML 文件。", "Give a URL, or choose an OPML file."},
            {"sources.everyRange", "刷新间隔须为 1 到 10080 分钟的整数。", "The refresh interval must be a whole number of minutes from 1 to 10080."},
            {"sources.intervalSet", "新闻源 #%d 改为每 %d 分钟刷新。", "Source #%d now refreshes every %d minutes."},
            {"sources.tooLong", "网址或 OPML 太长。", "The URL or OPML is too long."},
            {"login.title", "登录", "Log in"},
            {"login.user", "用户名", "User name"},
            {"login.password", "密码", "Password"},
            {"login.failed", "用户名或密码错误。", "Wrong user name or password."},
            {"error.notFound", "没有找到这个页面。", "This page does not exist."},
            {"error.badRequest", "请求有误：%s", "Bad request: %s"},
            {"error.forbidden", "需要管理员登录。", "Administrator login required."},
            {"error.methodNotAllowed", "不支持这种请求方式。", "Method not allowed."},
            {"error.csrf", "表单令牌缺失或有误，请刷新页面后重试。", "The form's token is missing or wrong; reload the page and try again."},
            {"error.queryTooLong", "搜索词太长（%d 个字符，最多 %d 个）。", "Query too long (%d characters; at most %d)."},
            {"error.paramTooLong", "参数 %s 太长。", "Parameter %s is too long."},
            {"error.paramRange", "参数 %s 须在 %d 到 %d 之间。", "Parameter %s must be between %d and %d."},
            {"error.paramNumber", "参数 %s 须为整数。", "Parameter %s must be a whole number."},
            {"error.noSuchSource", "没有这个新闻源。", "No such source."},
            {"error.unknownAction", "未知操作：%s", "Unknown action: %s"},
            {"error.malformed", "请求格式有误，无法处理。", "The request is malformed and cannot be handled."},
            {"error.imageSignature", "图片链接无效（签名不符）。", "The image link is invalid (its signature does not match)."},
            {"error.imageBlocked", "不允许从这个地址取图片。", "Images may not be fetched from this address."},
            {"error.imageTooLarge", "图片太大（最多 %d MB）。", "The image is too large (at most %d MB)."},
            {"error.imageNotImage", "这个地址给出的不是图片。", "This address did not return an image."},
            {"error.imageUnavailable", "暂时取不到这张图片。", "This image cannot be fetched at the moment."},
            {"error.server", "服务器出错了，已记录。", "Something went wrong on our side; it has been logged."},
            {"feed.subscribe", "订阅", "Subscribe"},
            {"lang.switch", "语言", "Language"},
            // the reader's pages: reading state, following, saved searches, alerts, accounts
            {"nav.unread", "未读", "Unread"},
            {"nav.starred", "收藏", "Starred"},
            {"nav.following", "关注", "Following"},
            {"state.read", "标为已读", "Mark read"},
            {"state.unread", "标为未读", "Mark unread"},
            {"state.star", "收藏", "Star"},
            {"state.unstar", "取消收藏", "Unstar"},
            {"state.storyRead", "全部标为已读", "Mark all read"},
            {"reading.unreadTitle", "未读新闻", "Unread news"},
            {"reading.starredTitle", "收藏的新闻", "Starred news"},
            {"reading.noFollows", "还没有关注任何新闻源。在“关注”页添加新闻源，这里就会列出其中的未读新闻。",
                    "You follow no sources yet. Add one on the Following page and its unread news appears here."},
            {"reading.noUnread", "没有未读新闻了。", "Nothing unread."},
            {"reading.noStarred", "还没有收藏。", "Nothing starred yet."},
            {"reading.older", "更早", "Older"},
            {"reading.markAll", "全部标为已读", "Mark all as read"},
            {"follow.title", "我的关注", "Following"},
            {"follow.none", "还没有关注。可以关注专题、人物/地点/机构、搜索词或新闻源。",
                    "You follow nothing yet: follow a story, a person, place or organisation, a search or a source."},
            {"follow.add", "关注", "Follow"},
            {"follow.remove", "取消关注", "Unfollow"},
            {"follow.kind", "类型", "Kind"},
            {"follow.target", "内容", "What"},
            {"follow.kind.SOURCE", "新闻源", "Source"},
            {"follow.kind.STORY", "专题", "Story"},
            {"follow.kind.ENTITY", "人物/地点/机构", "Person, place or organisation"},
            {"follow.kind.QUERY", "搜索词", "Search"},
            {"follow.thisStory", "关注此专题", "Follow this story"},
            {"follow.thisQuery", "关注此搜索", "Follow this search"},
            {"follow.sourceHint", "新闻源编号或网址", "Source number or URL"},
            {"follow.added", "已关注：%s", "Following: %s"},
            {"account.title", "账户", "Accounts"},
            {"account.name", "用户名", "Name"},
            {"account.role", "角色", "Role"},
            {"account.role.ADMIN", "管理员", "Administrator"},
            {"account.role.READER", "读者", "Reader"},
            {"account.created", "创建时间", "Created"},
            {"account.actions", "操作", "Actions"},
            {"account.newPassword", "新密码", "New password"},
            {"account.setPassword", "设置密码", "Set password"},
            {"account.remove", "删除账户", "Remove"},
            {"account.add", "添加账户", "Add an account"},
            {"account.added", "已添加账户 %s。", "Added the account %s."},
            {"account.passwordSet", "已为 %s 设置新密码，其登录会话已结束。", "New password set for %s; their sessions ended."},
            {"account.removed", "已删除账户 %s。", "Removed the account %s."},
            {"account.notSelf", "不能删除自己正在使用的账户。", "You cannot remove the account you are using."},
            {"account.unknown", "没有名为 “%s” 的账户。", "There is no account named '%s'."},
            {"account.nameTaken", "已有名为 “%s” 的账户。", "There is already an account named '%s'."},
            {"account.badNameLength", "用户名需 1 到 64 个字符。", "An account name has 1 to 64 characters."},
            {"account.badNameChars", "用户名不能含空格、冒号、斜杠、引号或尖括号。",
                    "An account name cannot contain spaces, colons, slashes, quotes or angle brackets."},
            {"password.tooShort", "密码至少需要 8 个字符。", "A password needs at least 8 characters."},
            {"password.tooLong", "密码太长（最多 500 个字符）。", "That password is too long (at most 500 characters)."},
            {"opml.imported", "已关注 OPML 中 %2$d 个订阅里的 %1$d 个（%3$d 个文件夹）。",
                    "Followed %1$d of the %2$d subscriptions in the OPML file (%3$d folders). "},
            {"opml.waiting", "%d 个新闻源尚未收录，需管理员添加。", "%d sources are not gathered yet: an administrator must add them. "},
            {"opml.refused", "%d 个地址不能作为新闻源。", "%d addresses cannot be sources. "},
            {"opml.unreadable", "这不是可读的 OPML 文件，什么也没有改变。", "That is not a readable OPML file; nothing was changed."},
            {"opml.export", "导出关注（OPML）", "Export following (OPML)"},
            {"opml.import", "导入 OPML（含文件夹）", "Import OPML (with folders)"},
            {"opml.file", "OPML 文件", "OPML file"},
            {"opml.paste", "或粘贴 OPML", "or paste OPML"},
            {"folder.label", "文件夹", "Folder"},
            {"folder.none", "未归类", "Unfiled"},
            {"folder.move", "移到", "Move"},
            {"follow.noSource", "没有这个新闻源：%s", "There is no such source: %s"},
            {"follow.badTarget", "请填写要关注的内容（不超过 %d 个字）。", "Say what to follow (at most %d characters)."},
            {"saved.title", "保存的搜索", "Saved searches"},
            {"saved.name", "名称", "Name"},
            {"saved.query", "搜索词", "Query"},
            {"saved.save", "保存搜索", "Save search"},
            {"saved.none", "还没有保存的搜索。", "No saved searches yet."},
            {"feeds", "订阅", "Feeds"},
            {"alert.title", "关键词提醒", "Keyword alerts"},
            {"alert.hint", "有新文章符合搜索词时，以 JSON POST 到你的网址（失败会重试）。",
                    "New articles matching the query are POSTed as JSON to your URL (retried on failure)."},
            {"alert.query", "搜索词", "Query"},
            {"alert.url", "Webhook 网址", "Webhook URL"},
            {"alert.add", "添加提醒", "Add alert"},
            {"alert.none", "还没有关键词提醒。", "No keyword alerts yet."},
            {"alert.badUrl", "Webhook 网址必须是 http 或 https 网址。", "A webhook URL must be an http or https URL."},
            {"login.needed", "请先登录。", "Please log in first."},
            {"keys.title", "键盘快捷键", "Keyboard shortcuts"},
            {"keys.next", "下一条", "Next item"},
            {"keys.prev", "上一条", "Previous item"},
            {"keys.open", "打开所选新闻", "Open the selected item"},
            {"keys.star", "收藏或取消收藏", "Star or unstar"},
            {"keys.read", "标为已读或未读", "Mark read or unread"},
            {"keys.search", "转到搜索框", "Go to the search box"},
            {"keys.help", "显示或关闭本帮助", "Show or hide this help"},
            {"keys.close", "关闭", "Close"},
            {"keys.hint", "按 ? 查看键盘快捷键", "Press ? for keyboard shortcuts"},
            {"theme.label", "配色", "Colours"},
            {"theme.auto", "跟随系统", "System"},
            {"theme.light", "浅色", "Light"},
            {"theme.dark", "深色", "Dark"},
            {"offline.title", "离线", "Offline"},
            {"offline.text", "现在连不上网络，无法载入这个页面。网络恢复后请重新载入。",
                    "There is no network connection, so this page cannot be loaded. Reload it when you are back online."},
            {"offline.retry", "重新载入", "Reload"},
            {"login.busy", "尝试次数过多，请 %d 秒后再试。", "Too many attempts; try again in %d seconds."},
    };

    private static final MessageTable TABLE = new MessageTable(TEXTS);
    private static final Map<Lang, Messages> BY_LANG = new EnumMap<>(Lang.class);

    static {
        for (Lang lang : Lang.values()) {
            BY_LANG.put(lang, new Messages(TABLE.texts(lang)));
        }
    }

    private final Map<String, String> texts;

    private Messages(Map<String, String> texts) {
        this.texts = texts;
    }

    public static Messages of(Lang lang) {
        return BY_LANG.get(lang);
    }

    public String get(String key) {
        return texts.getOrDefault(key, key);
    }

    /**
     * The string for {@code key} with {@code args} filled in. When the first argument is the number 1 and a
     * {@code key.one} string exists, that one is used: English plurals ("1 other source", "2 other sources");
     * the Chinese strings need no such form and their {@code .one} rows repeat the general one.
     */
    public String format(String key, Object... args) {
        String chosen = key;
        if (args.length > 0 && "1".equals(String.valueOf(args[0])) && texts.containsKey(key + ".one")) {
            chosen = key + ".one";
        }
        return String.format(get(chosen), args);
    }

    /** The string of {@code key} in the page's language, formatted with {@code args}; the key itself when unknown. */
    public static String t(PageContext ctx, String key, Object... args) {
        String text = TABLE.get(ctx.lang(), key);
        return args.length == 0 ? text : String.format(text, args);
    }

    static boolean has(String key) {
        return TABLE.has(key);
    }
}

package io.huixun.app.web;

/**
 * The interface strings of the reader's pages (reading state, following, accounts), kept apart from
 * {@link Messages} so the two can grow without stepping on each other, in the same scheme ({@link MessageTable}:
 * simplified Chinese and English written here, the traditional interfaces converted). Example:
 * {@code t(page, "state.read")} → 标为已读 (zh-Hans), 標為已讀 (zh-Hant), "Mark read" (en).
 * Immutable after class initialisation: thread-safe.
 */
public final class ReaderMessages {
    private static final String[][] TEXTS = {
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

    private ReaderMessages() {
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

package io.huixun.app.web;

import java.util.List;

/**
 * A message for the operator, kept as a {@link Messages} key and its arguments so that the page shows it in the
 * reader's language: {@code Notice.of("sources.added", 3, "https://x.cn/rss")} → "已添加新闻源 #3：https://x.cn/rss"
 * or "Added source #3: https://x.cn/rss". Immutable.
 *
 * @param failed true when nothing was done (shown as an error, not a confirmation)
 */
public record Notice(String key, List<Object> args, boolean failed) {
    public Notice {
        args = List.copyOf(args);
    }

    public static Notice of(String key, Object... args) {
        return new Notice(key, List.of(args), false);
    }

    public static Notice problem(String key, Object... args) {
        return new Notice(key, List.of(args), true);
    }

    /** The text in {@code messages}' language. */
    public String text(Messages messages) {
        return messages.format(key, args.toArray());
    }
}

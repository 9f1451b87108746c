package io.huixun.extract;

import io.huixun.model.Dateline;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads datelines, authors and media sources from the short lines around an article's body.
 *
 * <p>Patterns run on {@linkplain KeywordFold folded} text and return substrings of the original, so traditional
 * script survives: {@code 新華社北京4月27日電(記者楊維漢、羅沙)} → dateline {@code 新華社北京4月27日電}, agency
 * {@code 新華社}, place {@code 北京}, reporters {@code 楊維漢、羅沙}. Sources come from a {@code 来源：} label, a
 * dateline's agency, or an opening such as {@code 央视网消息}. Stateless and thread-safe.
 */
final class BylineParser {
    /** Outlets whose name alone marks a dateline or a source line; the pattern below also accepts unknown ones. */
    private static final String KNOWN_AGENCIES = "新华社|中新社|中新网|新华网|人民网|央视网|央视新闻|中国新闻网|中国日报网?"
            + "|人民日报|光明日报|经济日报|解放军报|中国青年报|法制日报|科技日报|工人日报|环球时报|环球网|澎湃新闻|界面新闻"
            + "|财新网?|新京报|北京日报|南方日报|南方都市报|扬子晚报|新民晚报|文汇报|羊城晚报|参考消息|中央社|路透社|法新社"
            + "|美联社|共同社|塔斯社|凤凰网|腾讯新闻|网易新闻|新浪新闻|搜狐新闻|今日头条|光明网|中国网|中青网|东方网|大公报|文汇网"
            + "|联合早报|本报";
    private static final Pattern DATELINE = Pattern.compile(
            "(?<agency>" + KNOWN_AGENCIES + "|[\\p{IsHan}]{1,6}?(?:社|网|报|台|电视台))"
                    + "(?<place>[\\p{IsHan}]{2,8}?)?(?<md>\\d{1,2}月\\d{1,2}日)?\\s*(?:专电|电|讯)"
                    + "(?:\\s*[（(]\\s*(?:记者|通讯员|特派记者|驻[\\p{IsHan}]{1,6}记者)?\\s*(?<rep>[^）)]{1,40})[）)])?");
    private static final Pattern SOURCE_LABEL = Pattern.compile(
            "(?:来源|来自|稿源|出处|消息来源|信息来源|文章来源|转载自|原载)\\s*[:：丨|]?\\s*(?:[《【\\[])?"
                    + "(?<src>[\\p{IsHan}A-Za-z0-9·]{2,20}?(?:[\\p{IsHan}A-Za-z]))(?:[》】\\]])?"
                    + "(?=$|\\s|[,，;；。|丨/]|作者|编辑|时间|发布|日期|记者|点击|浏览|阅读|\\d)");
    private static final Pattern MESSAGE_OPENING = Pattern.compile("^\\s*(?:【[^】]{0,20}】)?\\s*(?<src>"
            + KNOWN_AGENCIES + ")(?:消息|讯|报道)");
    private static final Pattern AUTHOR_LABEL = Pattern.compile(
            "(?:作者|文\\s*/|文\\s*\\||撰文|撰稿|记者|发布者|发表者|发帖人|楼主|博主|署名)\\s*[:：]?\\s*"
                    + "(?<name>[\\p{IsHan}A-Za-z][\\p{IsHan}A-Za-z0-9_·.&\\-]{0,20}(?:[\\s、,，]+[\\p{IsHan}]{2,4}){0,5})");
    private static final Pattern AUTHOR_STOP = Pattern.compile(
            "(来源|来自|编辑|责编|时间|发布|发表|日期|更新|点击|浏览|阅读|字号|评论|通讯员|摄影|报道|\\d).*$");
    private static final List<String> NOT_NAMES = List.of("未知", "佚名", "admin", "UNKNOWN", "本站", "网络", "原创",
            "匿名", "编辑", "管理员");

    private BylineParser() {}

    /** The first dateline in the first {@code 160} chars of {@code text}; empty when none. */
    static Optional<Dateline> dateline(String text) {
        String head = text.length() > 160 ? text.substring(0, 160) : text;
        Matcher m = DATELINE.matcher(KeywordFold.fold(head));
        while (m.find()) {
            boolean known = m.group("agency").matches(KNOWN_AGENCIES);
            if (!known && m.group("md") == null) {
                continue; // an unknown outlet needs a date to be a dateline ("某某网讯" alone is too weak)
            }
            String printed = head.substring(m.start(), Math.min(head.length(), closingOf(head, m)));
            return Optional.of(new Dateline(printed,
                    Optional.of(head.substring(m.start("agency"), m.end("agency"))),
                    group(head, m, "place"), group(head, m, "md"),
                    group(head, m, "rep").map(BylineParser::cleanName)));
        }
        return Optional.empty();
    }

    /** End of the dateline proper: just after {@code 电} or {@code 讯}, before any reporter parentheses. */
    private static int closingOf(String head, Matcher m) {
        String folded = KeywordFold.fold(head);
        int from = m.end("md") >= 0 ? m.end("md") : (m.end("place") >= 0 ? m.end("place") : m.end("agency"));
        int e = from;
        while (e < m.end() && folded.charAt(e) != '电' && folded.charAt(e) != '讯') {
            e++;
        }
        return Math.min(e + 1, m.end());
    }

    /** A media source named in a line ({@code 来源：新华社}, {@code 央视网消息（新闻联播）}); empty when none. */
    static Optional<String> source(String line) {
        String folded = KeywordFold.fold(line);
        Matcher m = SOURCE_LABEL.matcher(folded);
        if (m.find()) {
            return Optional.of(line.substring(m.start("src"), m.end("src")).strip());
        }
        m = MESSAGE_OPENING.matcher(folded);
        if (m.find()) {
            return Optional.of(line.substring(m.start("src"), m.end("src")));
        }
        return Optional.empty();
    }

    /** An author named in a short line ({@code 作者：张三}, {@code 文/李四}); empty when none. */
    static Optional<String> author(String line) {
        String folded = KeywordFold.fold(line);
        Matcher m = AUTHOR_LABEL.matcher(folded);
        while (m.find()) {
            String name = line.substring(m.start("name"), m.end("name"));
            name = AUTHOR_STOP.matcher(KeywordFold.fold(name)).replaceFirst("");
            name = cleanName(name);
            if (name.length() >= 2 && NOT_NAMES.stream().noneMatch(name::equalsIgnoreCase)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String cleanName(String s) {
        return s.replaceAll("^[\\s:：]+|[\\s,，、:：]+$", "").replaceAll("\\s+", " ").strip();
    }

    private static Optional<String> group(String original, Matcher m, String name) {
        return m.group(name) == null ? Optional.empty()
                : Optional.of(original.substring(m.start(name), m.end(name)).strip()).filter(s -> !s.isEmpty());
    }
}

package io.huixun.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads authors and media sources from the short lines around an article's body (datelines are
 * {@link DatelineParser}'s).
 *
 * <p>Patterns run on {@linkplain KeywordFold folded} text and return substrings of the original, so traditional
 * script survives: {@code 作者：楊維漢} → author {@code 楊維漢}. Sources come from a {@code 来源：} label or an opening
 * such as {@code 央视网消息} (an agency of {@link NewsAgencies}); the caller adds a dateline's agency. Stateless and
 * thread-safe.
 */
final class BylineParser {
    private static final Pattern SOURCE_LABEL = Pattern.compile(
            "(?:来源|来自|稿源|出处|消息来源|信息来源|文章来源|转载自|原载)\\s*[:：丨|]?\\s*(?:[《【\\[])?"
                    + "(?<src>[\\p{IsHan}A-Za-z0-9·]{2,20}?(?:[\\p{IsHan}A-Za-z]))(?:[》】\\]])?"
                    + "(?=$|\\s|[,，;；。|丨/\\-－_]|作者|编辑|时间|发布|日期|记者|点击|浏览|阅读|\\d)");
    private static final Pattern MESSAGE_OPENING = Pattern.compile("^\\s*(?:【[^】]{0,20}】)?\\s*(?<src>"
            + NewsAgencies.ALTERNATION + ")(?:消息|讯|报道)");
    private static final Pattern AUTHOR_LABEL = Pattern.compile(
            "(?:作者(?!单位|简介|信息|介绍)|文\\s*/|文\\s*\\||撰文|撰稿|记者|发布者|发表者|发帖人|楼主|博主|署名)\\s*[:：]?\\s*"
                    // "记者从有关部门获悉" is prose, not a byline: a name does not start with a verb or preposition
                    + "(?!从|在|向|对|将|据|今天|近日|日前|了解|获悉|采访|来到|走进|看到|注意到|发现|调查)"
                    + "(?<name>[\\p{IsHan}A-Za-z][\\p{IsHan}A-Za-z0-9_·.&\\-]{0,20}(?:[\\s、,，]+[\\p{IsHan}]{2,4}){0,5})");
    private static final Pattern CLOSING_CREDIT = Pattern.compile(
            "[（(]\\s*(?<marker>[\\p{IsHan}]{0,6}(?:记者|通讯员)|文|作者)?\\s*[:：/]?\\s*"
                    + "(?<names>[\\p{IsHan}]{2,4}(?:\\s*[、,，\\s]\\s*[\\p{IsHan}]{2,4}){0,5})"
                    + "\\s*(?<reported>[\\p{IsHan}]{2,6}报道)?\\s*[）)]\\s*$");
    private static final Pattern AUTHOR_STOP = Pattern.compile(
            "(来源|来自|编辑|责编|时间|发布|发表|日期|更新|点击|浏览|阅读|字号|评论|通讯员|摄影|报道|\\d).*$");
    private static final List<String> NOT_NAMES = List.of("未知", "佚名", "admin", "UNKNOWN", "本站", "网络", "原创",
            "匿名", "编辑", "管理员");

    private BylineParser() {}

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

    /**
     * The reporters credited in parentheses at the end of a text: {@code …发展。（记者 胡晓蓉）},
     * {@code （姚峰 上海报道）}, {@code （总台记者 张倩）}; empty when the text does not end so.
     */
    static Optional<String> closingCredit(String text) {
        String tail = text.length() > 60 ? text.substring(text.length() - 60) : text;
        Matcher m = CLOSING_CREDIT.matcher(KeywordFold.fold(tail));
        if (!m.find()) {
            return Optional.empty();
        }
        String names = cleanName(tail.substring(m.start("names"), m.end("names")));
        String withoutPlace = names.replaceAll("[\\s、,，]*[\\p{IsHan}]{0,4}报道$", "").strip(); // 姚峰 上海报道
        boolean reported = m.group("reported") != null || !withoutPlace.equals(names);
        names = withoutPlace;
        // One bare word in parentheses is as likely （附件） or （图片） as a name: ask for a marker or a list.
        boolean marked = m.group("marker") != null || reported || names.matches(".*[\\s、,，].*");
        return marked && names.length() >= 2 && NOT_NAMES.stream().noneMatch(names::equalsIgnoreCase)
                ? Optional.of(names) : Optional.empty();
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
}

package io.huixun.extract;

import io.huixun.model.Dateline;
import io.huixun.text.time.NewsDates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline near the start of a news text, in simplified or traditional script: the one parser for
 * extraction (byline) and understanding (shown above the body, left out of the summary). Forms:
 * <pre>
 * 新华社北京4月27日电（记者杨维汉、罗沙）  → agency 新华社, place 北京, date 04-27, reporters 杨维汉, 罗沙
 * 新華社北京4月27日電(記者楊維漢、羅沙)    → the same in traditional script (text and names as printed)
 * 中新网阿拉木图4月26日电 / 中新网4月27日电 / 新华社北京2025年4月27日专电 / 本报讯（记者 王小明）
 * 某某日报北京4月27日电                   → an outlet not in {@link NewsAgencies} needs a date
 * 据新闻联播4月27日消息 / 据央视新闻报道   → agency 新闻联播 / 央视新闻 (opening only, within 20 chars)
 * 央视网消息（新闻联播）：               → agency 央视网 (opening only)
 * </pre>
 * {@link #filed} takes only the first kind (a report filed by an agency: who wrote it); {@link #opening} also the
 * last two, which say whom the text cites. {@code 当地时间2025年4月26日，…} opens a sentence with the time of an event:
 * no agency reports it, so it is no dateline. A date without a year is placed by {@link NewsDates#yearless} against
 * the reference date. Patterns run on {@linkplain KeywordFold folded} text and return substrings of the original.
 * Stateless and thread-safe.
 */
public final class DatelineParser {
    /** Datelines stand at the start of the body; looking further finds quotations of other reports. */
    static final int SEARCH_WINDOW = 160;
    /** A 据…报道 opening further in is a sentence citing someone, not the report's own dateline. */
    private static final int REPORTED_WITHIN = 20;

    private static final String CREDIT = "(?<credit>\\s*[（(]\\s*(?:记者|通讯员|特派记者|特约记者|驻[\\p{IsHan}]{1,6}记者)?\\s*"
            + "(?<rep>[^（()）]{1,40})[）)])?";
    private static final String DAY = "(?:(?:(?<y>\\d{4})年)?(?<m>\\d{1,2})月(?<d>\\d{1,2})日)";
    private static final Pattern FILED = Pattern.compile(
            "(?<agency>" + NewsAgencies.ALTERNATION + "|[\\p{IsHan}]{1,6}?(?:社|网|报|台|电视台))"
                    + "(?<place>[\\p{IsHan}·]{2,10}?)?" + DAY + "?\\s*(?<filed>专电|电|讯)" + CREDIT);
    private static final Pattern REPORTED = Pattern.compile(
            "据(?<agency>[\\p{IsHan}A-Za-z·]{2,10}?)" + DAY + "?(?<filed>消息|报道)" + CREDIT);
    private static final Pattern SITE_NEWS = Pattern.compile(
            "^(?<agency>[\\p{IsHan}]{2,6}?)消息[（(](?<program>[\\p{IsHan}]{2,10})[）)](?<filed>[：:])" + CREDIT);
    /** One name in a credit, after the role that may precede it: {@code 实习记者 樊亮}, {@code 记者惠禾}. */
    private static final Pattern NAME = Pattern.compile(
            "(?:(?:实习|见习|特约|特派|首席|驻[\\p{IsHan}]{1,6})?(?:记者|通讯员)\\s*)?(?<name>[^、，,：:\\s]+)");

    private DatelineParser() {}

    /**
     * The first dateline of a filed report ({@code 新华社北京4月27日电}, {@code 本报讯}) in the first
     * {@value #SEARCH_WINDOW} chars of {@code text}; empty when none. An outlet not in the list needs a date
     * ({@code 某某网讯} alone is too weak).
     */
    public static Optional<Dateline> filed(String text, LocalDate reference) {
        String head = head(text);
        Matcher m = FILED.matcher(KeywordFold.fold(head));
        while (m.find()) {
            if (NewsAgencies.known(m.group("agency")) || m.group("m") != null) {
                return Optional.of(dateline(head, m, reference));
            }
        }
        return Optional.empty();
    }

    /**
     * The dateline a text opens with: a {@linkplain #filed filed} one, else {@code 据新闻联播4月27日消息} within the
     * first 20 chars, else {@code 央视网消息（新闻联播）：} at the very start; empty when none.
     */
    public static Optional<Dateline> opening(String text, LocalDate reference) {
        Optional<Dateline> filed = filed(text, reference);
        if (filed.isPresent()) {
            return filed;
        }
        String head = head(text);
        String folded = KeywordFold.fold(head);
        Matcher m = REPORTED.matcher(folded);
        if (m.find() && m.start() < REPORTED_WITHIN) {
            return Optional.of(dateline(head, m, reference));
        }
        m = SITE_NEWS.matcher(folded);
        return m.find() ? Optional.of(dateline(head, m, reference)) : Optional.empty();
    }

    /**
     * The paragraph without the dateline it opens with, for a page that shows the dateline above the body:
     * {@code 新华社北京4月27日电（记者杨维汉）十四届全国人大常委会…} → {@code 十四届全国人大常委会…}. A paragraph
     * that does not start with a dateline (after white space) is returned unchanged; one that is only a dateline
     * becomes empty.
     */
    public static String stripLeading(String paragraph) {
        int lead = 0;
        while (lead < paragraph.length() && Character.isWhitespace(paragraph.charAt(lead))) {
            lead++;
        }
        Optional<Dateline> d = opening(paragraph.substring(lead), LocalDate.of(2000, 1, 1));
        if (d.isEmpty() || d.get().start() != 0) {
            return paragraph;
        }
        String rest = paragraph.substring(lead + d.get().text().length());
        return rest.replaceFirst("^[\\s：:，,　]+", "");
    }

    /**
     * The dateline without the reporter credit that closes it: {@code 新华社北京4月27日电（记者杨维汉）} →
     * {@code 新华社北京4月27日电}; the whole text when it names no reporter.
     */
    public static String heading(Dateline d) {
        if (d.reporters().isEmpty()) {
            return d.text();
        }
        int credit = Math.max(d.text().lastIndexOf('（'), d.text().lastIndexOf('('));
        return credit > 0 ? d.text().substring(0, credit).stripTrailing() : d.text();
    }

    /** The reporters as one byline, {@code 杨维汉、罗沙}; empty when the dateline names none. */
    public static Optional<String> credit(Dateline d) {
        return d.reporters().isEmpty() ? Optional.empty() : Optional.of(String.join("、", d.reporters()));
    }

    private static String head(String text) {
        return text.length() > SEARCH_WINDOW ? text.substring(0, SEARCH_WINDOW) : text;
    }

    private static Dateline dateline(String head, Matcher m, LocalDate reference) {
        List<String> reporters = new ArrayList<>();
        if (m.group("rep") != null) {
            Matcher n = NAME.matcher(m.group("rep")); // folded, so 記者 is a role too; names come from the original
            while (n.find()) {
                reporters.add(head.substring(m.start("rep") + n.start("name"), m.start("rep") + n.end("name")));
            }
        }
        int end = reporters.isEmpty() ? m.end("filed") : m.end();
        return new Dateline(head.substring(m.start(), end), m.start(), group(head, m, "agency"),
                group(head, m, "place"), date(m, reference), reporters);
    }

    private static Optional<String> group(String original, Matcher m, String name) {
        return !matched(m, name) ? Optional.empty()
                : Optional.of(original.substring(m.start(name), m.end(name)).strip()).filter(s -> !s.isEmpty());
    }

    /** Whether the pattern has the group (the cited forms name no place) and it took part in the match. */
    private static boolean matched(Matcher m, String group) {
        return m.namedGroups().containsKey(group) && m.group(group) != null;
    }

    private static Optional<LocalDate> date(Matcher m, LocalDate reference) {
        if (!matched(m, "m")) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group("m"));
        int day = Integer.parseInt(m.group("d"));
        if (m.group("y") == null) {
            return NewsDates.yearless(month, day, reference);
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group("y")), month, day));
        } catch (DateTimeException e) {
            return Optional.empty(); // 2月30日 and the like: no date rather than a wrong one
        }
    }
}

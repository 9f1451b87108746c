package io.huixun.nlp;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline near the start of a news body. Recognised forms (simplified script):
 * <pre>
 * 新华社北京4月27日电（记者杨维汉、罗沙）  → agency 新华社, place 北京, date 04-27, reporters 杨维汉, 罗沙
 * 中新网上海4月27日电                    → agency 中新网, place 上海
 * 据新闻联播4月27日消息 / 据央视新闻报道   → agency 新闻联播 / 央视新闻
 * 央视网消息（新闻联播）：               → agency 央视网
 * </pre>
 * {@code 当地时间2025年4月26日，…} opens a sentence with the time of an event: it is not a dateline (no agency says
 * it reports), so it gives none.
 * A date without a year takes the reference date's year, or the year before when that would put it more than two
 * days after the reference (a 12月31日 dateline on an article published 1 January). Thread-safe.
 */
public final class DatelineParser {
    /** Datelines stand at the start of the body; looking further finds quotations of other reports. */
    static final int SEARCH_WINDOW = 160;

    private static final String AGENCY = "(?<agency>新华社|中新社|中新网|人民网|人民日报|央视网|央视新闻|央视|中国日报|中国新闻网"
            + "|环球时报|环球网|光明网|澎湃新闻|中央社|法新社|路透社|美联社|共同社|塔斯社|埃菲社|安莎社|韩联社|[\\p{IsHan}]{2,4}社)";
    private static final Pattern AGENCY_PLACE_DATE = Pattern.compile(
            AGENCY + "(?<place>[\\p{IsHan}·]{2,10}?)(?:(?<y>\\d{4})年)?(?<m>\\d{1,2})月(?<d>\\d{1,2})日(?:电|讯)");
    private static final Pattern REPORTED = Pattern.compile(
            "据(?<agency>[\\p{IsHan}A-Za-z·]{2,10}?)(?:(?<y>\\d{4})年)?(?:(?<m>\\d{1,2})月(?<d>\\d{1,2})日)?(?:消息|报道)");
    private static final Pattern SITE_NEWS = Pattern.compile(
            "^(?<agency>[\\p{IsHan}]{2,6}?)消息[（(](?<program>[\\p{IsHan}]{2,10})[）)][：:]");
    private static final Pattern REPORTERS = Pattern.compile(
            "[（(](?:记者|通讯员|特约记者)(?<names>[\\p{IsHan}·、 ]{2,40}?)[）)]");

    Optional<Dateline> parse(String body, LocalDate reference) {
        String head = body.length() > SEARCH_WINDOW ? body.substring(0, SEARCH_WINDOW) : body;
        Matcher m = AGENCY_PLACE_DATE.matcher(head);
        if (m.find()) {
            return Optional.of(dateline(head, m, m.end(), Optional.of(m.group("agency")),
                    Optional.of(m.group("place")), date(m, reference)));
        }
        m = REPORTED.matcher(head);
        if (m.find() && m.start() < 20) {
            return Optional.of(dateline(head, m, m.end(), Optional.of(m.group("agency")), Optional.empty(),
                    m.group("m") == null ? Optional.empty() : date(m, reference)));
        }
        m = SITE_NEWS.matcher(head);
        if (m.find()) {
            return Optional.of(dateline(head, m, m.end(), Optional.of(m.group("agency")), Optional.empty(),
                    Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * The paragraph without the dateline it opens with, for a page that shows the dateline above the body:
     * {@code 新华社北京4月27日电（记者杨维汉）十四届全国人大常委会…} → {@code 十四届全国人大常委会…}. A paragraph
     * that does not start with a dateline (after white space) is returned unchanged; one that is only a dateline
     * becomes empty. Works on simplified and traditional text as given (no conversion).
     */
    public static String stripLeading(String paragraph) {
        int lead = 0;
        while (lead < paragraph.length() && Character.isWhitespace(paragraph.charAt(lead))) {
            lead++;
        }
        Optional<Dateline> d = new DatelineParser().parse(paragraph.substring(lead), LocalDate.of(2000, 1, 1));
        if (d.isEmpty() || d.get().start() != 0) {
            return paragraph;
        }
        String rest = paragraph.substring(lead + d.get().text().length());
        return rest.replaceFirst("^[\\s：:，,　]+", "");
    }

    private static Dateline dateline(String head, Matcher m, int end, Optional<String> agency, Optional<String> place,
                                     Optional<LocalDate> date) {
        List<String> reporters = new ArrayList<>();
        Matcher r = REPORTERS.matcher(head);
        int textEnd = end;
        if (r.find(end) && r.start() <= end + 2) {
            for (String name : r.group("names").split("[、 ]+")) {
                if (!name.isBlank()) {
                    reporters.add(name.strip());
                }
            }
            textEnd = r.end();
        }
        return new Dateline(head.substring(m.start(), textEnd), m.start(), agency, place, date, reporters);
    }

    private static Optional<LocalDate> date(Matcher m, LocalDate reference) {
        try {
            int month = Integer.parseInt(m.group("m"));
            int day = Integer.parseInt(m.group("d"));
            if (m.group("y") != null) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group("y")), month, day));
            }
            LocalDate date = LocalDate.of(reference.getYear(), month, day);
            return Optional.of(date.isAfter(reference.plusDays(2)) ? date.minusYears(1) : date);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty(); // 2月30日 and the like: no date rather than a wrong one
        }
    }
}

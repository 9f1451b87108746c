package io.huixun.extract;

import io.huixun.text.time.NewsDates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds publish times in Chinese text and in metadata values.
 *
 * <p>Design: the text is first {@linkplain KeywordFold folded} (traditional keywords, full-width digits), then a few
 * patterns are tried, each yielding a {@link TimeMention} with its offsets and precision. Absolute forms:
 * {@code 2025-04-26 10:30:00}, {@code 2025/4/26}, {@code 2025.04.26}, {@code 2025年4月26日 下午3:05},
 * {@code 2025年4月}, {@code 4月27日 10:30} (year from "now"). Relative forms, resolved against
 * {@link ExtractOptions#now()}: {@code 刚刚}, {@code 5分钟前}, {@code 3小时前}, {@code 2天前},
 * {@code 今天/昨天/前天 10:30}. A time without an offset is in the options' default zone ({@code NewsZone.DEFAULT}).
 * Examples: {@code 當(dāng)?shù)貢r間2025年4月26日} → 2025-04-26 (DAY); {@code 昨天 10:30} with now
 * 2025-04-27T12:00+08:00 → 2025-04-26T10:30+08:00 (MINUTE). Stateless and thread-safe.
 */
final class PublishTimeParser {
    private static final String TIME = "(?:\\s*(上午|下午|晚上|凌晨|早上|中午|晚)?\\s*(\\d{1,2})\\s*[:时点]\\s*(\\d{1,2})?"
            + "(?:\\s*[:分]\\s*(\\d{1,2})?)?)?";
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.])((?:19|20)\\d{2})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?!\\d)"
                    + "(?:[T\\s]*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
    /** Month/day/year with an optional 12-hour time, as ASP.NET pages in the US locale print it: 9/17/2004 5:54:13 AM. */
    private static final Pattern US = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?![\\d/])"
                    + "(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?");
    private static final Pattern CHINESE = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]" + TIME);
    private static final Pattern YEAR_MONTH = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月(?!\\s*\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\d年/.-])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]" + TIME);
    private static final Pattern MONTH_DAY_NUMERIC = Pattern.compile(
            "(?<![\\d/.:-])(\\d{1,2})-(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?![\\d:])");
    private static final Pattern AGO = Pattern.compile("(\\d{1,3})\\s*(秒|分钟|分|小时|个小时|天|日|周|星期)\\s*前");
    private static final Pattern DAY_WORD = Pattern.compile("(今天|今日|昨天|昨日|前天)\\s*(\\d{1,2}):(\\d{2})");
    private static final Pattern JUST_NOW = Pattern.compile("刚刚");

    private PublishTimeParser() {}

    /** All mentions in {@code text}, ordered by position; overlapping weaker mentions are dropped. */
    static List<TimeMention> findAll(String text, ExtractOptions options) {
        String t = KeywordFold.fold(text);
        List<TimeMention> found = new ArrayList<>();
        ZoneId zone = options.defaultZone();
        Matcher m = NUMERIC.matcher(t);
        while (m.find()) {
            Optional<LocalDate> date = date(m.group(1), m.group(3), m.group(4));
            if (date.isEmpty()) {
                continue;
            }
            if (m.group(5) != null) {
                Optional<LocalTime> time = time(null, m.group(5), m.group(6), m.group(7));
                if (time.isPresent()) {
                    ZonedDateTime z = m.group(8) != null
                            ? LocalDateTime.of(date.get(), time.get()).atOffset(offset(m.group(8))).toZonedDateTime()
                            : ZonedDateTime.of(date.get(), time.get(), zone);
                    found.add(new TimeMention(z, m.start(), m.end(), TimeMention.Precision.MINUTE, true));
                    continue;
                }
            }
            found.add(new TimeMention(date.get().atStartOfDay(zone), m.start(), m.start() + dateLength(m),
                    TimeMention.Precision.DAY, true));
        }
        m = US.matcher(t);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            // Month first as the US locale prints it, unless that cannot be a month (17/9/2004 is day first).
            Optional<LocalDate> d = a > 12 ? date(m.group(3), m.group(2), m.group(1))
                    : date(m.group(3), m.group(1), m.group(2));
            if (d.isEmpty() || b > 31) {
                continue;
            }
            Optional<LocalTime> time = m.group(4) == null ? Optional.empty()
                    : time(m.group(7) == null ? null : m.group(7).toUpperCase(java.util.Locale.ROOT),
                    m.group(4), m.group(5), m.group(6));
            found.add(time.isPresent()
                    ? new TimeMention(ZonedDateTime.of(d.get(), time.get(), zone), m.start(), m.end(),
                    TimeMention.Precision.MINUTE, true)
                    : new TimeMention(d.get().atStartOfDay(zone), m.start(), m.end(3), TimeMention.Precision.DAY,
                    true));
        }
        m = CHINESE.matcher(t);
        while (m.find()) {
            Optional<LocalDate> d = date(m.group(1), m.group(2), m.group(3));
            if (d.isPresent()) {
                found.add(withTime(d.get(), m, 4, zone, true));
            }
        }
        m = YEAR_MONTH.matcher(t);
        while (m.find()) {
            Optional<LocalDate> d = date(m.group(1), m.group(2), "1");
            if (d.isPresent()) {
                found.add(new TimeMention(d.get().atStartOfDay(zone), m.start(), m.end(),
                        TimeMention.Precision.MONTH, true));
            }
        }
        ZonedDateTime now = options.now().withZoneSameInstant(zone);
        m = MONTH_DAY.matcher(t);
        while (m.find()) {
            Optional<LocalDate> d = yearless(m.group(1), m.group(2), now);
            if (d.isPresent()) {
                found.add(withTime(d.get(), m, 3, zone, false));
            }
        }
        m = MONTH_DAY_NUMERIC.matcher(t);
        while (m.find()) {
            Optional<LocalDate> d = yearless(m.group(1), m.group(2), now);
            Optional<LocalTime> time = time(null, m.group(3), m.group(4), null);
            if (d.isPresent() && time.isPresent()) {
                found.add(new TimeMention(ZonedDateTime.of(d.get(), time.get(), zone), m.start(), m.end(),
                        TimeMention.Precision.MINUTE, false));
            }
        }
        m = AGO.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            ZonedDateTime z = switch (m.group(2)) {
                case "秒" -> now.minusSeconds(n);
                case "分钟", "分" -> now.minusMinutes(n);
                case "小时", "个小时" -> now.minusHours(n);
                case "天", "日" -> now.minusDays(n);
                default -> now.minusWeeks(n);
            };
            TimeMention.Precision p = m.group(2).equals("天") || m.group(2).equals("日") || m.group(2).equals("周")
                    || m.group(2).equals("星期") ? TimeMention.Precision.DAY : TimeMention.Precision.MINUTE;
            found.add(new TimeMention(z.withSecond(0).withNano(0), m.start(), m.end(), p, false));
        }
        m = DAY_WORD.matcher(t);
        while (m.find()) {
            int back = switch (m.group(1)) {
                case "昨天", "昨日" -> 1;
                case "前天" -> 2;
                default -> 0;
            };
            Optional<LocalTime> time = time(null, m.group(2), m.group(3), null);
            if (time.isPresent()) {
                found.add(new TimeMention(ZonedDateTime.of(now.toLocalDate().minusDays(back), time.get(), zone),
                        m.start(), m.end(), TimeMention.Precision.MINUTE, false));
            }
        }
        m = JUST_NOW.matcher(t);
        while (m.find()) {
            found.add(new TimeMention(now.withSecond(0).withNano(0), m.start(), m.end(),
                    TimeMention.Precision.MINUTE, false));
        }
        return dropOverlaps(found);
    }

    /**
     * A metadata value as a time; empty when it is none. The shared forms ({@code 2025-04-27T10:30:00+08:00},
     * {@code Sun, 27 Apr 2025 02:30:00 GMT}, {@code 2025-04-27 10:30}, {@code 2025年4月27日}) are read by
     * {@link NewsDates}; this stage adds the compact {@code 20250427} and, failing those, the first dated mention in
     * the value ({@code 2025年4月26日 下午3:05}). Relative values ({@code 3小时前}) are not metadata. A year before 1990
     * or after 2100 is a placeholder ({@code 1970-01-01 08:00:00}, a CMS's "no date"), as in running text.
     */
    static Optional<ZonedDateTime> parseValue(String value, ExtractOptions options) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<ZonedDateTime> shared = NewsDates.parse(v, options.defaultZone());
        if (shared.isPresent()) {
            return shared.filter(t -> plausibleYear(t.getYear()));
        }
        if (v.matches("(19|20)\\d{6}")) {
            return date(v.substring(0, 4), v.substring(4, 6), v.substring(6, 8))
                    .map(d -> d.atStartOfDay(options.defaultZone()));
        }
        return findAll(v, options).stream()
                .filter(TimeMention::explicitYear)
                .findFirst().map(TimeMention::time);
    }

    private static int dateLength(Matcher m) {
        return m.end(4) - m.start();
    }

    private static TimeMention withTime(LocalDate d, Matcher m, int first, ZoneId zone, boolean explicitYear) {
        boolean hourWord = m.group(first + 1) != null && m.end(first + 1) < m.end()
                && "时点".indexOf(m.group().charAt(m.end(first + 1) - m.start())) >= 0;
        if (m.group(first + 1) != null && (m.group(first + 2) != null || hourWord)) {
            Optional<LocalTime> time = time(m.group(first), m.group(first + 1), m.group(first + 2),
                    m.group(first + 3));
            if (time.isPresent()) {
                return new TimeMention(ZonedDateTime.of(d, time.get(), zone), m.start(), m.end(),
                        TimeMention.Precision.MINUTE, explicitYear);
            }
        }
        int end = m.group(first + 1) != null ? m.start(first + 1) : m.end();
        if (m.group(first) != null) {
            end = Math.min(end, m.start(first));
        }
        return new TimeMention(d.atStartOfDay(zone), m.start(), trimEnd(m, end), TimeMention.Precision.DAY,
                explicitYear);
    }

    private static int trimEnd(Matcher m, int end) {
        String s = m.group();
        int e = end - m.start();
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return m.start() + e;
    }

    private static List<TimeMention> dropOverlaps(List<TimeMention> found) {
        // Longest and most precise first, then keep those that do not overlap a kept one.
        List<TimeMention> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt((TimeMention t) -> -(t.end() - t.start()))
                .thenComparing(t -> -t.precision().ordinal()));
        List<TimeMention> kept = new ArrayList<>();
        for (TimeMention t : sorted) {
            boolean overlaps = false;
            for (TimeMention k : kept) {
                if (t.start() < k.end() && k.start() < t.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(t);
            }
        }
        kept.sort(Comparator.comparingInt(TimeMention::start));
        return kept;
    }

    private static Optional<LocalDate> date(String y, String mo, String d) {
        try {
            int year = Integer.parseInt(y);
            if (!plausibleYear(year)) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A publish time falls in 1990–2100; other years in pages are placeholders, versions or phone numbers. */
    private static boolean plausibleYear(int year) {
        return year >= 1990 && year <= 2100;
    }

    /** Month and day without a year, placed by {@link NewsDates#yearless} against now. */
    private static Optional<LocalDate> yearless(String mo, String d, ZonedDateTime now) {
        return NewsDates.yearless(Integer.parseInt(mo), Integer.parseInt(d), now.toLocalDate());
    }

    private static Optional<LocalTime> time(String period, String h, String min, String s) {
        try {
            int hour = Integer.parseInt(h);
            int minute = min == null ? 0 : Integer.parseInt(min);
            int second = s == null ? 0 : Integer.parseInt(s);
            if (period != null && (period.equals("下午") || period.equals("晚上") || period.equals("晚")
                    || period.equals("PM")) && hour < 12) {
                hour += 12;
            }
            if (period != null && period.equals("AM") && hour == 12) {
                hour = 0;
            }
            return Optional.of(LocalTime.of(hour, minute, second));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String s) {
        if (s.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String v = s.length() == 5 ? s.substring(0, 3) + ":" + s.substring(3) : s;
        return ZoneOffset.of(v);
    }
}

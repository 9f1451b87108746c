package io.huixun.text.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date written as a whole value, in the forms Chinese news sources use, keeping the zone it was written in.
 *
 * <p>Why one reader: feeds ({@code pubDate}), page metadata ({@code article:published_time}), JSONL items and HTTP
 * headers write the same few forms, and each used to have its own parser accepting a different subset. Accepted:
 * <ul>
 *   <li>RFC 822 / 1123, with or without weekday (not checked) and seconds, two- or four-digit years, named or numeric
 *       zones: {@code Sun, 27 Apr 2025 10:30:00 +0800};</li>
 *   <li>ISO 8601 / RFC 3339 with {@code T} or a space, with or without seconds, fraction, offset ({@code +08:00},
 *       {@code +0800}, {@code +08}, {@code Z}, {@code UTC}) or a region ({@code [Asia/Shanghai]}); a date alone;</li>
 *   <li>{@code 2025年4月27日 10:30} and {@code 2025年4月27日}.</li>
 * </ul>
 * A time without a zone is in the given default zone. With the default {@link NewsZone#DEFAULT}, the name {@code CST}
 * means China Standard Time (+08:00), as Chinese sites use it, not US Central. Impossible dates ({@code 2025-02-30})
 * give empty rather than a neighbouring day.
 *
 * <p>Examples: {@code "Sun, 27 Apr 2025 10:30:00 +0800"} → 2025-04-27T10:30+08:00; {@code "2025-04-27 10:30"}
 * (default Asia/Shanghai) → 2025-04-27T10:30+08:00[Asia/Shanghai]. Callers keep their own rules around it: Retry-After
 * seconds, relative times ({@code 昨天 10:30}) and dates inside running text belong to their callers. Stateless and
 * thread-safe (immutable patterns and formatters).
 */
public final class NewsDates {
    /** Values longer than this are sentences, not dates (and keep the patterns' work small). */
    static final int MAX_LENGTH = 64;
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("GMT", "+0000"), Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"),
            Map.entry("BJT", "+0800"), Map.entry("HKT", "+0800"), Map.entry("JST", "+0900"), Map.entry("KST", "+0900"));
    private static final Pattern RFC822 = Pattern.compile(
            "(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?\\s+(\\d{2,4})"
                    + "\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                    + "(?:\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2}))?\\s*");
    private static final Pattern CHINESE = Pattern.compile(
            "(\\d{4})年(\\d{1,2})月(\\d{1,2})日\\s*(?:(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?)?\\s*");
    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private NewsDates() {}

    /** The time {@code raw} writes, in its own zone or else {@code defaultZone}; empty when it is no date. */
    public static Optional<ZonedDateTime> parse(String raw, ZoneId defaultZone) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().replaceAll("\\s+", " ");
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return rfc822(s, defaultZone).or(() -> iso(s, defaultZone)).or(() -> chinese(s, defaultZone));
    }

    /**
     * A month and day printed without a year ({@code 4月27日}, {@code 12月31日电}), placed in the year of
     * {@code reference} (the publish or fetch date), or the year before when that would put it more than two days
     * after the reference: a 12月31日 report read on 1 January is last year's. Empty for an impossible day (2月30日).
     */
    public static Optional<LocalDate> yearless(int month, int day, LocalDate reference) {
        try {
            LocalDate date = LocalDate.of(reference.getYear(), month, day);
            return Optional.of(date.isAfter(reference.plusDays(2)) ? date.minusYears(1) : date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZonedDateTime> rfc822(String s, ZoneId defaultZone) {
        Matcher m = RFC822.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = month(m.group(2));
        if (month == 0) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return Optional.of(local.atZone(zone(m.group(7), defaultZone).orElse(defaultZone)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The offset an RFC 822 zone names; empty for none or an unknown name (the time is then local). */
    private static Optional<ZoneId> zone(String zone, ZoneId defaultZone) {
        if (zone == null) {
            return Optional.empty();
        }
        String upper = zone.toUpperCase(Locale.ROOT);
        String numeric;
        if (upper.equals("CST") && defaultZone.equals(NewsZone.DEFAULT)) {
            numeric = "+0800";
        } else if (upper.startsWith("+") || upper.startsWith("-")) {
            numeric = upper.replace(":", "");
        } else {
            numeric = ZONES.get(upper);
            if (numeric == null) {
                return Optional.empty();
            }
        }
        return Optional.of(ZoneOffset.of(numeric.substring(0, 3) + ":" + numeric.substring(3)));
    }

    private static Optional<ZonedDateTime> iso(String s, ZoneId defaultZone) {
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
        if (t.indexOf('T') > 0) { // offsets only after a time: "2025-04-27" must keep its "-27"
            t = t.replaceAll(" ?([+-]\\d{2})(\\d{2})$", "$1:$2").replaceAll(" ?([+-]\\d{2})$", "$1:00")
                    .replaceAll(" (Z|UTC|GMT)$", "Z");
        }
        try {
            return Optional.of(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toZonedDateTime());
        } catch (DateTimeParseException e) {
            // try with a region
        }
        try {
            return Optional.of(ZonedDateTime.parse(t, DateTimeFormatter.ISO_ZONED_DATE_TIME));
        } catch (DateTimeParseException e) {
            // try without offset
        }
        try {
            return Optional.of(LocalDateTime.parse(t, ISO_LOCAL).atZone(defaultZone));
        } catch (DateTimeParseException e) {
            // try a date alone
        }
        try {
            return Optional.of(LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(defaultZone));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZonedDateTime> chinese(String s, ZoneId defaultZone) {
        Matcher m = CHINESE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return Optional.of(local.atZone(defaultZone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int month(String name) {
        String m = name.length() >= 3 ? name.substring(0, 3).toLowerCase(Locale.ROOT) : "";
        return switch (m) {
            case "jan" -> 1; case "feb" -> 2; case "mar" -> 3; case "apr" -> 4; case "may" -> 5; case "jun" -> 6;
            case "jul" -> 7; case "aug" -> 8; case "sep" -> 9; case "oct" -> 10; case "nov" -> 11; case "dec" -> 12;
            default -> 0;
        };
    }
}

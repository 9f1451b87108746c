package io.huixun.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates feeds actually contain, keeping the zone they were written in.
 *
 * <p>Design note: ROME hands back {@code java.util.Date}, which forgets the offset; for Chinese news the offset is
 * the difference between "this morning" and "yesterday evening". So the raw text is parsed here. Accepted: RFC 822 /
 * 1123 with or without weekday, seconds, two-digit years, named or numeric zones; ISO 8601 / RFC 3339 with {@code T}
 * or a space, with or without offset; {@code 2025年4月27日 10:30}. A time without zone is in the default zone. In a
 * Chinese context ({@code Asia/Shanghai} default) the name {@code CST} means China Standard Time (+08:00), not US
 * Central, which is how Chinese sites use it.
 *
 * <p>Examples: {@code "Sun, 27 Apr 2025 10:30:00 +0800"} → 2025-04-27T10:30+08:00;
 * {@code "2025-04-27 10:30"} (default Asia/Shanghai) → 2025-04-27T10:30+08:00[Asia/Shanghai]. Stateless, thread-safe.
 */
final class FeedDates {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
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
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .toFormatter(Locale.ROOT);

    private FeedDates() {}

    static Optional<ZonedDateTime> parse(String raw, ZoneId defaultZone) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().replaceAll("\\s+", " ");
        if (s.isEmpty() || s.length() > 64) {
            return Optional.empty();
        }
        Optional<ZonedDateTime> r = rfc822(s, defaultZone);
        if (r.isPresent()) {
            return r;
        }
        r = iso(s, defaultZone);
        if (r.isPresent()) {
            return r;
        }
        return chinese(s, defaultZone);
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
            String zone = m.group(7);
            if (zone == null) {
                return Optional.of(local.atZone(defaultZone));
            }
            String upper = zone.toUpperCase(Locale.ROOT);
            String numeric;
            if (upper.equals("CST") && defaultZone.equals(SHANGHAI)) {
                numeric = "+0800";
            } else if (upper.startsWith("+") || upper.startsWith("-")) {
                numeric = upper.replace(":", "");
            } else {
                numeric = ZONES.get(upper);
                if (numeric == null) {
                    return Optional.of(local.atZone(defaultZone)); // unknown zone name: treat as local
                }
            }
            ZoneOffset offset = ZoneOffset.of(numeric.substring(0, 3) + ":" + numeric.substring(3));
            return Optional.of(local.atZone(offset));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
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
        } catch (java.time.DateTimeException e) {
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

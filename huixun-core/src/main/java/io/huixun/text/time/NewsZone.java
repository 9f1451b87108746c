package io.huixun.text.time;

import java.time.ZoneId;

/**
 * The zone Huixun reads a time in when the source wrote none, and shows times in: China Standard Time.
 *
 * <p>Why one constant: Chinese sites print {@code 2025-04-27 10:30} meaning Beijing time, and every stage that turns
 * such a text into an instant (feeds, page metadata, JSONL items, story days, the web pages) must agree on it, or an
 * evening report lands on the next day in one place and not in another. Example:
 * {@code LocalDateTime.parse("2025-04-27T10:30").atZone(NewsZone.DEFAULT)} → 2025-04-27T10:30+08:00[Asia/Shanghai].
 * Immutable constants: safe to share between threads.
 */
public final class NewsZone {
    /** The zone's id, for places that need a constant string (annotation defaults). */
    public static final String ID = "Asia/Shanghai";
    /** Asia/Shanghai: +08:00 all year since 1992. */
    public static final ZoneId DEFAULT = ZoneId.of(ID);

    private NewsZone() {}
}

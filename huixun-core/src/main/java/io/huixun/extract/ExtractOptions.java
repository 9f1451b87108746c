package io.huixun.extract;

import io.huixun.text.time.NewsZone;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Settings of one extraction.
 *
 * @param now         the moment relative times are resolved against ({@code 3小时前}, {@code 昨天 10:30}); pass the
 *                    fetch time for fetched pages and a fixed time in tests
 * @param defaultZone the zone of times written without one; {@link NewsZone#DEFAULT} for Chinese sources
 */
public record ExtractOptions(ZonedDateTime now, ZoneId defaultZone) {
    public ExtractOptions {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(defaultZone, "defaultZone");
    }

    /** Now, in {@link NewsZone#DEFAULT}. */
    public static ExtractOptions defaults() {
        return new ExtractOptions(ZonedDateTime.now(NewsZone.DEFAULT), NewsZone.DEFAULT);
    }

    /** Today's date in the default zone: the reference for dates printed without a year ({@code 4月27日}). */
    public LocalDate today() {
        return now.withZoneSameInstant(defaultZone).toLocalDate();
    }
}

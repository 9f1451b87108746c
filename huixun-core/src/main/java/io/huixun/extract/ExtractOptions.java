package io.huixun.extract;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Settings of one extraction.
 *
 * @param now         the moment relative times are resolved against ({@code 3小时前}, {@code 昨天 10:30}); pass the
 *                    fetch time for fetched pages and a fixed time in tests
 * @param defaultZone the zone of times written without one; Asia/Shanghai for Chinese sources
 */
public record ExtractOptions(ZonedDateTime now, ZoneId defaultZone) {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public ExtractOptions {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(defaultZone, "defaultZone");
    }

    /** Now, in Asia/Shanghai. */
    public static ExtractOptions defaults() {
        return new ExtractOptions(ZonedDateTime.now(SHANGHAI), SHANGHAI);
    }
}

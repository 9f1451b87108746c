package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sun, 27 Apr 2025 10:30:00 +0800   | Asia/Shanghai    | 2025-04-27T10:30+08:00",
        "27 Apr 2025 10:30 GMT             | Asia/Shanghai    | 2025-04-27T10:30Z",
        "Sun, 27 Apr 25 10:30:00 EST       | Asia/Shanghai    | 2025-04-27T10:30-05:00",
        "Sun, 27 Apr 2025 10:30:00 CST     | Asia/Shanghai    | 2025-04-27T10:30+08:00",
        "Sun, 27 Apr 2025 10:30:00 CST     | America/Chicago  | 2025-04-27T10:30-06:00",
        "Sun, 27 Apr 2025 10:30:00         | Asia/Shanghai    | 2025-04-27T10:30+08:00",
        "Sun, 7 Apr 2025 9:05:00 +08:00    | Asia/Shanghai    | 2025-04-07T09:05+08:00",
        "2025-04-27T10:30:00+08:00         | UTC              | 2025-04-27T10:30+08:00",
        "2025-04-27T02:30:00.123Z          | Asia/Shanghai    | 2025-04-27T02:30:00.123Z",
        "2025-04-27 10:30:00               | Asia/Shanghai    | 2025-04-27T10:30+08:00",
        "2025-04-27 10:30:00 +0800         | UTC              | 2025-04-27T10:30+08:00",
        "2025-04-27                        | Asia/Shanghai    | 2025-04-27T00:00+08:00",
        "2025年4月27日 10:30               | Asia/Shanghai    | 2025-04-27T10:30+08:00",
        "2025年4月27日                     | Asia/Shanghai    | 2025-04-27T00:00+08:00",
    })
    void parsesWithZone(String raw, String zone, String expected) {
        assertThat(FeedDates.parse(raw, ZoneId.of(zone)).map(ZonedDateTime::toOffsetDateTime).map(Object::toString))
                .contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "32 Apr 2025 10:00 GMT", "2025-13-01", "Sun, 27 Foo 2025 10:30:00 GMT",
        "2025年13月40日"})
    void junkIsEmpty(String raw) {
        assertThat(FeedDates.parse(raw, SHANGHAI)).isEmpty();
    }
}

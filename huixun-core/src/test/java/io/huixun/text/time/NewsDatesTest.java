package io.huixun.text.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every form a caller accepted before the readers were merged: feeds ({@code source.FeedDates}), page metadata
 * ({@code extract.PublishTimeParser.parseValue}), JSONL items ({@code ingest.JsonlItems.parseDate}) and Retry-After
 * ({@code fetch.HostSchedule}).
 */
class NewsDatesTest {
    private static final ZoneId SHANGHAI = NewsZone.DEFAULT;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // feeds (FeedDatesTest)
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
        // JSONL items (JsonlItems.parseDate: offset, region, local date-time with T or space, date)
        "2025-04-27T10:30+08:00[Asia/Shanghai] | UTC          | 2025-04-27T10:30+08:00",
        "2025-04-27T10:30                  | Asia/Shanghai    | 2025-04-27T10:30+08:00",
        "2025-04-27 10:30                  | Asia/Shanghai    | 2025-04-27T10:30+08:00",
        "2025-04-27T10:30:15.5             | Asia/Shanghai    | 2025-04-27T10:30:15.500+08:00",
        // page metadata (PublishTimeParser.parseValue) and Retry-After's HTTP-date
        "Sun, 27 Apr 2025 02:30:00 GMT     | Asia/Shanghai    | 2025-04-27T02:30Z",
        "Wed, 21 Oct 2015 07:28:00 GMT     | UTC              | 2015-10-21T07:28Z",
        "2025-04-27T10:30:00+08            | UTC              | 2025-04-27T10:30+08:00",
        "2025-04-27T10:30:00 UTC           | Asia/Shanghai    | 2025-04-27T10:30Z",
    })
    void parsesWithZone(String raw, String zone, String expected) {
        assertThat(NewsDates.parse(raw, ZoneId.of(zone)).map(ZonedDateTime::toOffsetDateTime).map(Object::toString))
                .contains(expected);
    }

    @Test
    void aLocalTimeKeepsTheDefaultZoneItselfAndAWrittenZoneIsKept() {
        assertThat(NewsDates.parse("2025-04-27 10:30", SHANGHAI))
                .contains(ZonedDateTime.of(2025, 4, 27, 10, 30, 0, 0, SHANGHAI));
        assertThat(NewsDates.parse("2025-04-27T10:30:00+02:00", SHANGHAI).map(ZonedDateTime::getZone))
                .contains(ZoneOffset.ofHours(2));
        assertThat(NewsDates.parse("2025-04-27T10:30+08:00[Asia/Shanghai]", ZoneOffset.UTC).map(ZonedDateTime::getZone))
                .contains(SHANGHAI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "32 Apr 2025 10:00 GMT", "2025-13-01",
        "Sun, 27 Foo 2025 10:30:00 GMT", "2025年13月40日", "2025-02-30", "2025-02-30T10:30", "not a date", "3小时前", "120",
        "2025-04-27 10:30 and then a long sentence that is clearly not a date value at all"})
    void junkIsEmpty(String raw) {
        assertThat(NewsDates.parse(raw, SHANGHAI)).isEmpty();
    }

    @Test
    void nullIsEmpty() {
        assertThat(NewsDates.parse(null, SHANGHAI)).isEmpty();
    }

    @Test
    void aYearlessDayTakesTheReferenceYearOrTheYearBefore() {
        LocalDate published = LocalDate.of(2025, 4, 28);
        assertThat(NewsDates.yearless(4, 27, published)).contains(LocalDate.of(2025, 4, 27));
        assertThat(NewsDates.yearless(4, 30, published)).as("two days ahead is still this year")
                .contains(LocalDate.of(2025, 4, 30));
        assertThat(NewsDates.yearless(5, 1, published)).contains(LocalDate.of(2024, 5, 1));
        assertThat(NewsDates.yearless(12, 31, LocalDate.of(2026, 1, 1))).contains(LocalDate.of(2025, 12, 31));
        assertThat(NewsDates.yearless(2, 30, published)).as("no date rather than a wrong one").isEmpty();
        assertThat(NewsDates.yearless(13, 1, published)).isEmpty();
    }
}

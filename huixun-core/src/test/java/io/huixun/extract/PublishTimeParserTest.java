package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PublishTimeParserTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ExtractOptions AT_NOON = new ExtractOptions(
            ZonedDateTime.of(2025, 4, 27, 12, 0, 0, 0, SHANGHAI), SHANGHAI);

    private static ZonedDateTime first(String text) {
        List<TimeMention> found = PublishTimeParser.findAll(text, AT_NOON);
        assertThat(found).as("mentions in %s", text).isNotEmpty();
        return found.get(0).time();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "发布时间：2025-04-26 10:30:15 | 2025-04-26T10:30:15+08:00",
            "2025/4/26 | 2025-04-26T00:00+08:00",
            "2025.04.26 08:05 | 2025-04-26T08:05+08:00",
            "2025年4月26日 下午3:05 | 2025-04-26T15:05+08:00",
            "2025年04月26日10:30 | 2025-04-26T10:30+08:00",
            "當(dāng)?shù)貢r間2025年4月26日,中國 | 2025-04-26T00:00+08:00",
            "２０２５年４月２６日　１０：３０ | 2025-04-26T10:30+08:00",
            "2025-04-26T02:30:00Z | 2025-04-26T02:30Z",
            "9/17/2004 5:54:13 AM | 2004-09-17T05:54:13+08:00",
            "3小时前 | 2025-04-27T09:00+08:00",
            "15分鐘前 | 2025-04-27T11:45+08:00",
            "昨天 10:30 | 2025-04-26T10:30+08:00",
            "前天 23:05 | 2025-04-25T23:05+08:00",
            "刚刚 | 2025-04-27T12:00+08:00",
            "4月27日 10:30 | 2025-04-27T10:30+08:00",
            "12月30日 | 2024-12-30T00:00+08:00",
    })
    void readsAbsoluteAndRelativeForms(String text, String expected) {
        assertThat(first(text).toOffsetDateTime()).isEqualTo(java.time.OffsetDateTime.parse(expected));
    }

    @Test
    void keepsTheOffsetTheTextGives() {
        ZonedDateTime t = first("2025-04-26T10:30:00+02:00");
        assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void ignoresNumbersThatAreNotDates() {
        assertThat(PublishTimeParser.findAll("共有95个国家和地区约300人，GDP增长5.3%，2025年目标", AT_NOON)).isEmpty();
        assertThat(PublishTimeParser.findAll("电话：010-82616677-8165", AT_NOON)).isEmpty();
        assertThat(PublishTimeParser.findAll("2025年13月45日", AT_NOON)).isEmpty();
    }

    @Test
    void metadataValuesInCommonFormats() {
        assertThat(PublishTimeParser.parseValue("2025-04-27T10:30:00+08:00", AT_NOON))
                .hasValueSatisfying(t -> assertThat(t.toInstant()).hasToString("2025-04-27T02:30:00Z"));
        assertThat(PublishTimeParser.parseValue("Sun, 27 Apr 2025 02:30:00 GMT", AT_NOON))
                .hasValueSatisfying(t -> assertThat(t.toInstant()).hasToString("2025-04-27T02:30:00Z"));
        assertThat(PublishTimeParser.parseValue("20250427", AT_NOON))
                .contains(ZonedDateTime.of(2025, 4, 27, 0, 0, 0, 0, SHANGHAI));
        assertThat(PublishTimeParser.parseValue("not a date", AT_NOON)).isEmpty();
        assertThat(PublishTimeParser.parseValue("3小时前", AT_NOON)).as("relative values are not metadata").isEmpty();
        assertThat(PublishTimeParser.parseValue("2025-04-27 10:30", AT_NOON))
                .contains(ZonedDateTime.of(2025, 4, 27, 10, 30, 0, 0, SHANGHAI));
        assertThat(PublishTimeParser.parseValue("2025年4月26日 下午3:05", AT_NOON))
                .contains(ZonedDateTime.of(2025, 4, 26, 15, 5, 0, 0, SHANGHAI));
        assertThat(PublishTimeParser.parseValue("2025-04-27T10:30:00+0800", AT_NOON).map(ZonedDateTime::getOffset))
                .contains(ZoneOffset.ofHours(8));
    }

    @Test
    void placeholderYearsInMetadataAreNoPublishTime() {
        assertThat(PublishTimeParser.parseValue("1970-01-01 08:00:00", AT_NOON)).isEmpty();
        assertThat(PublishTimeParser.parseValue("1970-01-01T08:00:00+08:00", AT_NOON)).isEmpty();
        assertThat(PublishTimeParser.parseValue("1998-03-01", AT_NOON))
                .contains(ZonedDateTime.of(1998, 3, 1, 0, 0, 0, 0, SHANGHAI));
    }

    @Test
    void mentionsCarryOffsetsIntoTheOriginalText() {
        String text = "當(dāng)?shù)貢r間2025年4月26日,中國";
        TimeMention m = PublishTimeParser.findAll(text, AT_NOON).get(0);
        assertThat(text.substring(m.start(), m.end())).isEqualTo("2025年4月26日");
        assertThat(m.precision()).isEqualTo(TimeMention.Precision.DAY);
    }
}

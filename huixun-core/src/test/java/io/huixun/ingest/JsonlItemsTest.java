package io.huixun.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.text.time.NewsZone;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JsonlItemsTest {
    private static Optional<ZonedDateTime> published(String date) {
        JsonlItems.Result r = JsonlItems.parse("{\"title\":\"标题\",\"body\":\"正文。\",\"date\":\"" + date + "\"}",
                "test.jsonl", OptionalLong.empty());
        assertThat(r).as("date %s", date).isInstanceOf(JsonlItems.Result.Ok.class);
        return ((JsonlItems.Result.Ok) r).candidate().published();
    }

    @Test
    void datesInEveryFormTheItemsUsedAndTheSharedOnes() {
        assertThat(published("2025-04-27T10:30:00+08:00").map(ZonedDateTime::getOffset))
                .contains(ZoneOffset.ofHours(8));
        assertThat(published("2025-04-27T10:30+08:00[Asia/Shanghai]"))
                .contains(ZonedDateTime.of(2025, 4, 27, 10, 30, 0, 0, NewsZone.DEFAULT));
        ZonedDateTime halfPastTen = ZonedDateTime.of(2025, 4, 27, 10, 30, 0, 0, NewsZone.DEFAULT);
        assertThat(published("2025-04-27 10:30")).contains(halfPastTen);
        assertThat(published("2025-04-27T10:30")).contains(halfPastTen);
        assertThat(published(" 2025-04-27 ")).contains(ZonedDateTime.of(2025, 4, 27, 0, 0, 0, 0, NewsZone.DEFAULT));
        assertThat(published("2025年4月27日 10:30")).contains(halfPastTen);
        assertThat(published("Sun, 27 Apr 2025 02:30:00 GMT").map(ZonedDateTime::toInstant))
                .contains(halfPastTen.toInstant());
    }

    @Test
    void anUnreadableDateRefusesTheLineAndNoDateIsNone() {
        assertThat(JsonlItems.parse("{\"title\":\"标题\",\"date\":\"yesterday\"}", "t", OptionalLong.empty()))
                .isInstanceOfSatisfying(JsonlItems.Result.Invalid.class,
                        i -> assertThat(i.reason()).isEqualTo("unreadable \"date\": yesterday"));
        assertThat(JsonlItems.parse("{\"title\":\"标题\",\"date\":\"2025-02-30\"}", "t", OptionalLong.empty()))
                .isInstanceOf(JsonlItems.Result.Invalid.class);
        JsonlItems.Result none = JsonlItems.parse("{\"title\":\"标题\"}", "t", OptionalLong.empty());
        assertThat(((JsonlItems.Result.Ok) none).candidate().published()).isEmpty();
    }
}

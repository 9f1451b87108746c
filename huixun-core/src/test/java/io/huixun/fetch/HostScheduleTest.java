package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Spacing counts from when a request really went out, not from when its turn was granted. */
class HostScheduleTest {

    @Test
    void spacingCountsFromTheMomentTheRequestWasSent() throws Exception {
        HostSchedule schedule = new HostSchedule(2);
        Duration interval = Duration.ofMillis(600);
        Duration wait = Duration.ofSeconds(10);
        HostSchedule.Admission first = schedule.acquire("a.example", interval, wait, wait);
        assertThat(first).isInstanceOf(HostSchedule.Turn.class);
        Thread.sleep(400); // a slow connect: the head is written 400 ms after the turn was granted
        long sentAt = System.nanoTime();
        ((HostSchedule.Turn) first).sent();
        HostSchedule.Admission second = schedule.acquire("a.example", interval, wait, wait);
        long passedAt = System.nanoTime();
        assertThat(second).isInstanceOf(HostSchedule.Turn.class);
        // sleeping never ends early, so the second turn cannot come sooner than one interval after the send
        assertThat(Duration.ofNanos(passedAt - sentAt)).isGreaterThanOrEqualTo(interval.minusMillis(5));
        ((HostSchedule.Turn) first).close();
        ((HostSchedule.Turn) second).close();
    }

    @Test
    void anotherHostIsNotSpaced() throws Exception {
        HostSchedule schedule = new HostSchedule(2);
        Duration wait = Duration.ofMillis(0);
        HostSchedule.Admission a = schedule.acquire("a.example", Duration.ofSeconds(5), wait, Duration.ofSeconds(1));
        HostSchedule.Admission b = schedule.acquire("b.example", Duration.ofSeconds(5), wait, Duration.ofSeconds(1));
        HostSchedule.Admission again = schedule.acquire("a.example", Duration.ofSeconds(5), wait, Duration.ofSeconds(1));
        assertThat(a).isInstanceOf(HostSchedule.Turn.class);
        assertThat(b).isInstanceOf(HostSchedule.Turn.class);
        assertThat(again).isInstanceOf(HostSchedule.Later.class);
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDateCappedAtADay() {
        Instant noon = Instant.parse("2015-10-21T12:00:00Z");
        assertThat(HostSchedule.parseRetryAfter("120", noon)).contains(Instant.parse("2015-10-21T12:02:00Z"));
        assertThat(HostSchedule.parseRetryAfter(" 120 ", noon)).contains(Instant.parse("2015-10-21T12:02:00Z"));
        assertThat(HostSchedule.parseRetryAfter("Wed, 21 Oct 2015 13:28:00 GMT", noon))
                .contains(Instant.parse("2015-10-21T13:28:00Z"));
        assertThat(HostSchedule.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", noon))
                .as("a date in the past is taken as given: the host is free now")
                .contains(Instant.parse("2015-10-21T07:28:00Z"));
        assertThat(HostSchedule.parseRetryAfter("999999", noon)).contains(noon.plus(Duration.ofDays(1)));
        assertThat(HostSchedule.parseRetryAfter("Fri, 30 Oct 2015 07:28:00 GMT", noon))
                .contains(noon.plus(Duration.ofDays(1)));
        assertThat(HostSchedule.parseRetryAfter("soon", noon)).isEmpty();
        assertThat(HostSchedule.parseRetryAfter("-5", noon)).isEmpty();
        assertThat(HostSchedule.parseRetryAfter(null, noon)).isEmpty();
    }
}

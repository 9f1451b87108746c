package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}

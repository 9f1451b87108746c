package io.huixun.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's waits with the default policy on a clock the test moves (no sleeping). */
class LoginThrottleTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Policy.DEFAULT, clock);

    /** One attempt as a client makes it: take a turn, wait it out, fail. */
    private Duration wrong(String account, String address) {
        LoginThrottle.Admission a = throttle.admit(account, address);
        assertThat(a).isInstanceOf(LoginThrottle.Admission.Proceed.class);
        Duration wait = ((LoginThrottle.Admission.Proceed) a).delay();
        now = now.plus(wait);
        throttle.failed(account, address);
        return wait;
    }

    @Test
    void waitsGrowButTenWrongPasswordsNeverLockTheRightOneOut() {
        Duration total = Duration.ZERO;
        for (int i = 0; i < 10; i++) {
            total = total.plus(wrong("admin", "203.0.113.9"));
        }
        assertThat(total).as("the first 3 are free, then 1, 2, 4, 8, 16, 16 s").isEqualTo(Duration.ofSeconds(47));
        LoginThrottle.Admission right = throttle.admit("admin", "203.0.113.9");
        assertThat(right).as("the right password straight away: a wait, never a refusal")
                .isEqualTo(new LoginThrottle.Admission.Proceed(Duration.ofSeconds(16)));
        now = now.plusSeconds(60);
        assertThat(throttle.admit("admin", "198.51.100.7")).as("a minute later, from elsewhere: at once")
                .isEqualTo(new LoginThrottle.Admission.Proceed(Duration.ZERO));
    }

    @Test
    void aFloodOfParallelAttemptsQueuesAndIsToldToComeBack() {
        for (int i = 0; i < 9; i++) {
            wrong("admin", "203.0.113.9");
        }
        int busy = 0;
        for (int i = 0; i < 10; i++) { // ten at once, none finished
            if (throttle.admit("admin", "203.0.113.9") instanceof LoginThrottle.Admission.Busy) {
                busy++;
            }
        }
        assertThat(busy).as("turns 16 s apart: only the 3 within a minute are handed out").isEqualTo(7);
    }

    @Test
    void aSuccessClearsTheCountAndOtherAccountsAreUntouched() {
        for (int i = 0; i < 5; i++) {
            wrong("admin", "203.0.113.9");
        }
        assertThat(throttle.admit("li", "198.51.100.7")).isEqualTo(new LoginThrottle.Admission.Proceed(Duration.ZERO));
        now = now.plusSeconds(30);
        throttle.admit("admin", "203.0.113.9");
        throttle.succeeded("admin", "203.0.113.9");
        assertThat(throttle.admit("admin", "203.0.113.9")).isEqualTo(new LoginThrottle.Admission.Proceed(Duration.ZERO));
    }
}

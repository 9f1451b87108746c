package io.huixun.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void wordsMayLeaveGapsButNeverOverlapOrLeaveTheText() {
        Words w = new Words("外长 王毅。", new int[] {0, 3}, new int[] {2, 5});
        assertThat(w.size()).isEqualTo(2);
        assertThat(w.text().substring(w.start(1), w.end(1))).isEqualTo("王毅");
        assertThat(w.isOf("外长 王毅。")).isTrue();
        assertThat(w.isOf("外长王毅。")).isFalse();

        assertThatThrownBy(() -> new Words("外长王毅", new int[] {0, 1}, new int[] {2, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("word 1");
        assertThatThrownBy(() -> new Words("外长", new int[] {0}, new int[] {3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Words("外长", new int[] {1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theArraysGivenAreCopied() {
        int[] starts = {0};
        Words w = new Words("外长", starts, new int[] {2});
        starts[0] = 1;
        assertThat(w.start(0)).isZero();
    }
}

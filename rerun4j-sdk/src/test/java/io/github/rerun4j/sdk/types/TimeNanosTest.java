package io.github.rerun4j.sdk.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Instants and durations to int64 ns: exact over the whole range, a named error with the range outside it. */
class TimeNanosTest {

    @Test
    void convertsExactlyUpToBothEndsOfTheRange() {
        assertThat(TimeNanos.ofInstant("t", Instant.parse("2026-01-01T00:00:00.000000001Z"))).isEqualTo(1_767_225_600_000_000_001L);
        assertThat(TimeNanos.ofInstant("t", Instant.parse("1969-12-31T23:59:59.999999999Z"))).isEqualTo(-1);
        assertThat(TimeNanos.ofInstant("t", TimeNanos.MAX_INSTANT)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimeNanos.ofInstant("t", TimeNanos.MIN_INSTANT)).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(TimeNanos.MIN_INSTANT).hasToString("1677-09-21T00:12:43.145224193Z");
        assertThat(TimeNanos.MAX_INSTANT).hasToString("2262-04-11T23:47:16.854775807Z");
        assertThat(TimeNanos.ofDuration("t", Duration.ofMillis(-1500))).isEqualTo(-1_500_000_000L);
        assertThat(TimeNanos.ofDuration("t", TimeNanos.MIN_DURATION)).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(TimeNanos.ofDuration("t", TimeNanos.MAX_DURATION)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void outsideTheRangeIsAnInvalidArgumentThatStatesTheRange() {
        assertThatThrownBy(() -> TimeNanos.ofInstant("time of log_time", Instant.parse("3000-01-01T00:00:00Z")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("time of log_time: got 3000-01-01T00:00:00Z, expected an instant from"
                        + " 1677-09-21T00:12:43.145224193Z to 2262-04-11T23:47:16.854775807Z"
                        + " (signed 64-bit nanoseconds since the Unix epoch)");
        assertThatThrownBy(() -> TimeNanos.ofInstant("t", TimeNanos.MAX_INSTANT.plusNanos(1)))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> TimeNanos.ofInstant("t", TimeNanos.MIN_INSTANT.minusNanos(1)))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> TimeNanos.ofDuration("t", TimeNanos.MAX_DURATION.plusNanos(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("a duration from");
        assertThatThrownBy(() -> TimeNanos.ofDuration("t", Duration.ofNanos(Long.MIN_VALUE)))
                .isInstanceOf(InvalidArgumentException.class);
    }
}

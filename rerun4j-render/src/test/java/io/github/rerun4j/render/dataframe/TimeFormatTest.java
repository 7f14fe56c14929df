package io.github.rerun4j.render.dataframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.chunk.TimeType;
import org.junit.jupiter.api.Test;

class TimeFormatTest {

    @Test
    void sequencesAreNumbers() {
        assertThat(TimeFormat.format(TimeType.SEQUENCE, -7)).isEqualTo("-7");
    }

    @Test
    void timestampsAreIsoInstantsWithNanoseconds() {
        assertThat(TimeFormat.format(TimeType.TIMESTAMP, 1_700_000_000_123_456_789L)).isEqualTo("2023-11-14T22:13:20.123456789Z");
        assertThat(TimeFormat.format(TimeType.TIMESTAMP, -1)).isEqualTo("1969-12-31T23:59:59.999999999Z");
    }

    @Test
    void durationsAreIsoDurations() {
        assertThat(TimeFormat.format(TimeType.DURATION, 1_500_000_000L)).isEqualTo("PT1.5S");
        assertThat(TimeFormat.format(TimeType.DURATION, 90_000_000_000L)).isEqualTo("PT1M30S");
    }
}

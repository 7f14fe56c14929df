package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.cli.RecordingSummary.TimeRange;
import io.github.rerun4j.sdk.chunk.TimeType;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

    @Test
    void rangeCollapsesWhenMinEqualsMax() {
        assertThat(SummaryText.range(new TimeRange("frame", TimeType.SEQUENCE, 3, 3))).isEqualTo("3");
        assertThat(SummaryText.range(new TimeRange("frame", TimeType.SEQUENCE, 3, 9))).isEqualTo("3 .. 9");
        assertThat(SummaryText.range(new TimeRange("t", TimeType.DURATION, 0, 1_500_000_000L))).isEqualTo("PT0S .. PT1.5S");
    }
}

package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.chunk.TimeType;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows a time value the way its timeline means it: sequences as numbers, timestamps as ISO-8601 instants
 * ({@code 2025-01-31T12:00:00.123456789Z}), durations as ISO-8601 durations ({@code PT1.5S}).
 */
final class TimeFormat {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TimeFormat() {
    }

    static String format(TimeType type, long value) {
        return switch (type) {
            case SEQUENCE -> Long.toString(value);
            // floorDiv/floorMod so that times before 1970 come out right, not one second off.
            case TIMESTAMP -> Instant.ofEpochSecond(Math.floorDiv(value, NANOS_PER_SECOND), Math.floorMod(value, NANOS_PER_SECOND)).toString();
            case DURATION -> Duration.ofNanos(value).toString();
        };
    }

    /** {@code min .. max}, or just {@code min} when both are the same. */
    static String range(RecordingSummary.TimeRange range) {
        String min = format(range.type(), range.min());
        return range.min() == range.max() ? min : min + " .. " + format(range.type(), range.max());
    }
}

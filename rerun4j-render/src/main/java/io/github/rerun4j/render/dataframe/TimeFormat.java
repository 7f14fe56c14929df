package io.github.rerun4j.render.dataframe;

import io.github.rerun4j.sdk.chunk.TimeType;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows a time value the way its timeline means it: sequences as numbers, timestamps as ISO-8601 UTC instants
 * with up to nanoseconds ({@code 2025-01-31T12:00:00.123456789Z}), durations as ISO-8601 durations, i.e. seconds
 * with their unit ({@code PT1.5S}). The one implementation behind the dataframe and {@code rerun4j print}.
 *
 * <pre>{@code
 * TimeFormat.format(TimeType.SEQUENCE, 42);                        // "42"
 * TimeFormat.format(TimeType.TIMESTAMP, 1_700_000_000_123_456_789L); // "2023-11-14T22:13:20.123456789Z"
 * TimeFormat.format(TimeType.DURATION, 1_500_000_000L);            // "PT1.5S"
 * }</pre>
 */
public final class TimeFormat {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TimeFormat() {
    }

    /** {@code value} (ns for timestamps and durations) as text for a timeline of {@code type}. */
    public static String format(TimeType type, long value) {
        return switch (type) {
            case SEQUENCE -> Long.toString(value);
            // floorDiv/floorMod so that times before 1970 come out right, not one second off.
            case TIMESTAMP -> Instant.ofEpochSecond(Math.floorDiv(value, NANOS_PER_SECOND), Math.floorMod(value, NANOS_PER_SECOND)).toString();
            case DURATION -> Duration.ofNanos(value).toString();
        };
    }
}

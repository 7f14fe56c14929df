package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Points in time as Rerun stores them on timestamp and duration timelines: signed 64-bit nanoseconds (since the
 * Unix epoch for an instant). {@code Long.MIN_VALUE} is Rerun's marker for static data, so the range is
 * {@code Long.MIN_VALUE + 1 ..= Long.MAX_VALUE} ns: instants from {@link #MIN_INSTANT} (1677-09-21) to
 * {@link #MAX_INSTANT} (2262-04-11). The one place that converts; the SDK and the CLI both call it.
 *
 * <pre>{@code
 * long ns = TimeNanos.ofInstant("time", java.time.Instant.parse("2026-01-01T00:00:00Z"));  // 1767225600000000000
 * TimeNanos.ofInstant("time", java.time.Instant.parse("3000-01-01T00:00:00Z"));  // InvalidArgumentException
 * }</pre>
 */
public final class TimeNanos {

    /** The earliest instant a timestamp timeline holds: {@code Long.MIN_VALUE + 1} ns. */
    public static final Instant MIN_INSTANT = Instant.EPOCH.plusNanos(Long.MIN_VALUE + 1);
    /** The latest instant a timestamp timeline holds: {@code Long.MAX_VALUE} ns. */
    public static final Instant MAX_INSTANT = Instant.EPOCH.plusNanos(Long.MAX_VALUE);
    /** The shortest (most negative) duration a duration timeline holds. */
    public static final Duration MIN_DURATION = Duration.ofNanos(Long.MIN_VALUE + 1);
    /** The longest duration a duration timeline holds. */
    public static final Duration MAX_DURATION = Duration.ofNanos(Long.MAX_VALUE);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TimeNanos() {
    }

    /**
     * Nanoseconds since the Unix epoch.
     *
     * @param field what the caller calls the value, for the error message (e.g. {@code "time of log_time"})
     * @throws InvalidArgumentException if {@code instant} is null or outside {@link #MIN_INSTANT}..{@link #MAX_INSTANT}
     */
    public static long ofInstant(String field, @Nullable Instant instant) {
        if (instant == null || instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
            throw new InvalidArgumentException(field, String.valueOf(instant), "an instant from " + MIN_INSTANT + " to "
                    + MAX_INSTANT + " (signed 64-bit nanoseconds since the Unix epoch)");
        }
        return nanos(instant.getEpochSecond(), instant.getNano());
    }

    /**
     * Nanoseconds of {@code duration}.
     *
     * @throws InvalidArgumentException if {@code duration} is null or outside {@link #MIN_DURATION}..{@link #MAX_DURATION}
     */
    public static long ofDuration(String field, @Nullable Duration duration) {
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidArgumentException(field, String.valueOf(duration), "a duration from " + MIN_DURATION + " to "
                    + MAX_DURATION + " (signed 64-bit nanoseconds)");
        }
        return nanos(duration.getSeconds(), duration.getNano());
    }

    /** {@code seconds * 1e9 + nanos} for a value known to fit, without overflowing on the way near the minimum. */
    private static long nanos(long seconds, int nanos) {
        if (seconds < 0 && nanos > 0) {
            return (seconds + 1) * NANOS_PER_SECOND + (nanos - NANOS_PER_SECOND);
        }
        return seconds * NANOS_PER_SECOND + nanos;
    }
}

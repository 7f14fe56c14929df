package io.github.rerun4j.sdk.chunk;

import java.util.Arrays;
import java.util.Objects;

/** The time of every row of a chunk on one timeline. */
public final class TimeColumn {

    private final Timeline timeline;
    private final long[] times;

    /** One time per row, in row order (copied). */
    public TimeColumn(Timeline timeline, long[] times) {
        this.timeline = Objects.requireNonNull(timeline, "TimeColumn.timeline");
        this.times = times.clone();
    }

    /** The timeline. */
    public Timeline timeline() {
        return timeline;
    }

    /** Number of rows. */
    public int length() {
        return times.length;
    }

    /** The time of {@code row}. */
    public long time(int row) {
        return times[row];
    }

    /** A copy of all times, in row order. */
    public long[] times() {
        return times.clone();
    }

    /** True when the times never decrease from row to row. */
    public boolean isSorted() {
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** The earliest time, or {@code Long.MIN_VALUE} for an empty column. */
    public long min() {
        return Arrays.stream(times).min().orElse(Long.MIN_VALUE);
    }

    /** The latest time, or {@code Long.MIN_VALUE} for an empty column. */
    public long max() {
        return Arrays.stream(times).max().orElse(Long.MIN_VALUE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeColumn c && c.timeline.equals(timeline) && Arrays.equals(c.times, times);
    }

    @Override
    public int hashCode() {
        return timeline.hashCode() * 31 + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "TimeColumn[" + timeline + ", " + times.length + " rows" + (times.length > 0 ? ", " + min() + ".." + max() : "") + "]";
    }
}

package io.github.rerun4j.sdk.chunk;

import java.util.Arrays;
import java.util.Objects;

/** The time of every row of a chunk on one timeline. */
public final class TimeColumn {

    private final Timeline timeline;
    private final long[] times;

    public TimeColumn(Timeline timeline, long[] times) {
        this.timeline = Objects.requireNonNull(timeline, "TimeColumn.timeline");
        this.times = times.clone();
    }

    public Timeline timeline() {
        return timeline;
    }

    public int length() {
        return times.length;
    }

    public long time(int row) {
        return times[row];
    }

    public long[] times() {
        return times.clone();
    }

    public boolean isSorted() {
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                return false;
            }
        }
        return true;
    }

    public long min() {
        return Arrays.stream(times).min().orElse(Long.MIN_VALUE);
    }

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

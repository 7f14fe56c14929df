package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.TimeType;
import java.util.Objects;

/**
 * What the store holds on one timeline.
 *
 * <pre>{@code
 * TimelineInfo frame = store.timelines().get("frame");
 * long first = frame.min(), last = frame.max();
 * }</pre>
 *
 * @param type     sequence, timestamp or duration (the first type seen for the name)
 * @param min      smallest time of any row on the timeline
 * @param max      largest time of any row on the timeline
 * @param rowCount number of rows (of all entities) that have a time on the timeline
 */
public record TimelineInfo(TimeType type, long min, long max, long rowCount) {

    public TimelineInfo {
        Objects.requireNonNull(type, "TimelineInfo.type");
    }

    /** This info widened by rows spanning {@code [min, max]}. */
    TimelineInfo plus(long otherMin, long otherMax, long rows) {
        return new TimelineInfo(type, Math.min(min, otherMin), Math.max(max, otherMax), rowCount + rows);
    }
}

package io.github.rerun4j.sdk.chunk;

import io.github.rerun4j.sdk.internal.arrow.ArrowType;
import org.jspecify.annotations.Nullable;

/** The three kinds of Rerun timeline, each with its fixed Arrow index type. */
public enum TimeType {
    /** Frame numbers, ticks: {@code Int64}. */
    SEQUENCE(ArrowType.INT64),
    /** Absolute time, nanoseconds since the Unix epoch: {@code Timestamp(ns)}. */
    TIMESTAMP(ArrowType.TIMESTAMP_NS),
    /** Relative time in nanoseconds: {@code Duration(ns)}. */
    DURATION(ArrowType.DURATION_NS);

    private final ArrowType arrowType;

    TimeType(ArrowType arrowType) {
        this.arrowType = arrowType;
    }

    /** The Arrow type of this kind's index column. */
    public ArrowType arrowType() {
        return arrowType;
    }

    /** The time type an index column of this Arrow type means, or null if Rerun does not accept it. */
    public static @Nullable TimeType fromArrowType(ArrowType type) {
        if (type instanceof ArrowType.Int i && i.bitWidth() == 64 && i.signed()) {
            return SEQUENCE;
        }
        if (type instanceof ArrowType.Timestamp t && t.unit() == ArrowType.TimeUnit.NANOSECOND) {
            return TIMESTAMP;
        }
        if (type instanceof ArrowType.Duration d && d.unit() == ArrowType.TimeUnit.NANOSECOND) {
            return DURATION;
        }
        return null;
    }
}

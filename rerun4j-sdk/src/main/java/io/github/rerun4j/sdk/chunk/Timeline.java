package io.github.rerun4j.sdk.chunk;

import java.util.Objects;

/**
 * A named timeline and its kind.
 *
 * <pre>{@code
 * Timeline frame = Timeline.sequence("frame");
 * Timeline logTime = Timeline.timestamp("log_time");
 * }</pre>
 */
public record Timeline(String name, TimeType type) {

    /** The SDK's default per-call counter. */
    public static final Timeline LOG_TICK = sequence("log_tick");
    /** The SDK's default wall-clock timeline. */
    public static final Timeline LOG_TIME = timestamp("log_time");

    /** Rejects null parts. */
    public Timeline {
        Objects.requireNonNull(name, "Timeline.name");
        Objects.requireNonNull(type, "Timeline.type");
    }

    /** A sequence timeline (frame numbers, ticks). */
    public static Timeline sequence(String name) {
        return new Timeline(name, TimeType.SEQUENCE);
    }

    /** A timestamp timeline (nanoseconds since the Unix epoch). */
    public static Timeline timestamp(String name) {
        return new Timeline(name, TimeType.TIMESTAMP);
    }

    /** A duration timeline (nanoseconds). */
    public static Timeline duration(String name) {
        return new Timeline(name, TimeType.DURATION);
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}

package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

/**
 * A closed range {@code [min, max]} of raw values, e.g. a depth image's colormap range
 * ({@code rerun.components.ValueRange}). rerun4j rejects non-finite bounds and {@code min > max}
 * (the viewer would accept an inverted range, but it can only be a mistake).
 *
 * <pre>{@code
 * ValueRange r = ValueRange.of(0, 65535);
 * }</pre>
 *
 * @param min lower bound, finite
 * @param max upper bound, finite, {@code >= min}
 */
public record ValueRange(double min, double max) {

    /** Validates finiteness and order. */
    public ValueRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new InvalidArgumentException("ValueRange", "[" + min + ", " + max + "]",
                    "finite bounds with min <= max");
        }
    }

    /** Same as the constructor. */
    public static ValueRange of(double min, double max) {
        return new ValueRange(min, max);
    }

    @Override
    public String toString() {
        return "[" + min + ", " + max + "]";
    }
}

package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

/**
 * Argument checks shared by the value types and archetypes; each failure is an
 * {@link InvalidArgumentException} naming the field, the value and the expectation.
 *
 * <pre>{@code
 * float meter = Require.finitePositive("DepthImage.meter", 1000f);
 * }</pre>
 */
public final class Require {

    private Require() {
    }

    /** Returns {@code value}, or throws if it is null. */
    public static <T> T nonNull(String field, T value) {
        if (value == null) {
            throw new InvalidArgumentException(field, "null", "a non-null value");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is NaN or infinite. */
    public static float finite(String field, float value) {
        if (!Float.isFinite(value)) {
            throw new InvalidArgumentException(field, Float.toString(value), "a finite value");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is NaN or infinite. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidArgumentException(field, Double.toString(value), "a finite value");
        }
        return value;
    }

    /** Returns {@code value}, or throws unless it is finite and {@code > 0}. */
    public static float finitePositive(String field, float value) {
        if (!Float.isFinite(value) || value <= 0) {
            throw new InvalidArgumentException(field, Float.toString(value), "a finite value > 0");
        }
        return value;
    }

    /** Returns {@code value}, or throws unless it is finite and {@code >= 0}. */
    public static float finiteNonNegative(String field, float value) {
        if (!Float.isFinite(value) || value < 0) {
            throw new InvalidArgumentException(field, Float.toString(value), "a finite value >= 0");
        }
        return value;
    }

    /**
     * Narrows a double to float, throwing if the double is not finite or does not fit a finite float
     * (so {@code 1e300} is reported as itself instead of silently becoming infinity).
     */
    public static float toFiniteFloat(String field, double value) {
        float f = (float) value;
        if (!Double.isFinite(value) || !Float.isFinite(f)) {
            throw new InvalidArgumentException(field, Double.toString(value),
                    "a finite value within float range (|v| <= " + Float.MAX_VALUE + ")");
        }
        return f;
    }

    /**
     * Narrows a double to float like {@link #toFiniteFloat}, but lets NaN and infinities through unchanged (for
     * containers such as {@link Mat3x3} that may hold them); only a finite double beyond float range throws.
     */
    public static float toFloat(String field, double value) {
        float f = (float) value;
        if (Double.isFinite(value) && !Float.isFinite(f)) {
            throw new InvalidArgumentException(field, Double.toString(value),
                    "a value within float range (|v| <= " + Float.MAX_VALUE + ")");
        }
        return f;
    }

    /** Returns {@code value}, or throws unless it is {@code > 0}. */
    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new InvalidArgumentException(field, Integer.toString(value), "a value > 0");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is null or blank. */
    public static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidArgumentException(field, value == null ? "null" : '"' + value + '"',
                    "a non-blank string");
        }
        return value;
    }
}

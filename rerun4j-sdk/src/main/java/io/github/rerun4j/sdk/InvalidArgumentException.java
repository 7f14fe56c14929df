package io.github.rerun4j.sdk;

import java.util.Objects;

/**
 * The one exception rerun4j throws for bad input: a missing required argument, a value out of range,
 * a buffer of the wrong length, an unknown enum code.
 *
 * <p>It names the offending field, renders the bad value and states what was expected, so the message
 * alone tells the user what to fix:
 *
 * <pre>{@code
 * try {
 *     depth.withMeter(-1);
 * } catch (InvalidArgumentException e) {
 *     e.getMessage();  // "DepthImage.meter: got -1.0, expected a finite value > 0"
 *     e.field();       // "DepthImage.meter"
 * }
 * }</pre>
 */
public class InvalidArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String expected;

    /**
     * @param field    the field or argument, as {@code Type.field} (e.g. {@code "DepthImage.meter"})
     * @param value    a rendering of the rejected value (e.g. {@code "-1.0"}, {@code "null"})
     * @param expected what a valid value looks like (e.g. {@code "a finite value > 0"})
     */
    public InvalidArgumentException(String field, String value, String expected) {
        super(field + ": got " + value + ", expected " + expected);
        this.field = Objects.requireNonNull(field, "field");
        this.value = String.valueOf(value);
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    /** The field or argument that was rejected, e.g. {@code "DepthImage.meter"}. */
    public String field() {
        return field;
    }

    /** A rendering of the rejected value, e.g. {@code "-1.0"} or {@code "null"}. */
    public String value() {
        return value;
    }

    /** What would have been accepted, e.g. {@code "a finite value > 0"}. */
    public String expected() {
        return expected;
    }
}

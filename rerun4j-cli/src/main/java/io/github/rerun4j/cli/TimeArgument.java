package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.types.TimeNanos;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A time given on the command line ({@code --time}, {@code --from}, {@code --to}): the timeline's raw integer
 * (sequence number, or nanoseconds), an ISO instant for timestamp timelines ({@code 2026-01-01T12:00:00Z}) or an ISO
 * duration for duration timelines ({@code PT1.5S}). The timeline's type may be known only later (a streaming tool
 * meets it in the first chunk), so the value is checked against it by {@link #on}.
 *
 * @param flag  the option, for messages
 * @param text  what the user typed
 * @param value the raw value: the integer, or nanoseconds
 * @param form  {@link TimeType#TIMESTAMP} for an instant, {@link TimeType#DURATION} for a duration, null for an integer
 */
record TimeArgument(String flag, String text, long value, TimeType form) {

    /** Reads {@code text}; what is none of the three forms is a usage error naming them. */
    static TimeArgument parse(String flag, String text) {
        String t = text.trim();
        try {
            return new TimeArgument(flag, text, Long.parseLong(t), null);
        } catch (NumberFormatException notAnInteger) {
            // an instant or a duration
        }
        try {
            try {
                return new TimeArgument(flag, text, TimeNanos.ofInstant(flag, Instant.parse(t)), TimeType.TIMESTAMP);
            } catch (DateTimeParseException notAnInstant) {
                return new TimeArgument(flag, text, TimeNanos.ofDuration(flag, Duration.parse(t)), TimeType.DURATION);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw CliException.usage(flag + " " + text + ": expected an integer (sequence number or ns), an ISO instant"
                    + " such as 2026-01-01T12:00:00Z or an ISO duration such as PT1.5S", e);
        } catch (InvalidArgumentException outOfRange) {
            throw CliException.usage(flag + " " + text + ": expected " + outOfRange.expected(), outOfRange);
        }
    }

    /** The raw value on {@code timeline} of type {@code type}; an instant or duration on another type is a usage error. */
    long on(String timeline, TimeType type) {
        if (form != null && form != type) {
            throw CliException.usage(flag + " " + text + ": " + (form == TimeType.TIMESTAMP ? "an instant" : "a duration")
                    + " does not fit timeline " + timeline + ", a " + type.toString().toLowerCase(java.util.Locale.ROOT)
                    + " timeline; expected " + switch (type) {
                        case SEQUENCE -> "an integer";
                        case TIMESTAMP -> "ns since the epoch or an ISO instant such as 2026-01-01T12:00:00Z";
                        case DURATION -> "ns or an ISO duration such as PT1.5S";
                    });
        }
        return value;
    }
}

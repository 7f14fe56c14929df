package io.github.rerun4j.spark.internal;

import java.util.Locale;

/** What a scan does with damage a file reports ({@link io.github.rerun4j.store.LoadProblem}), as Spark's file sources name it. */
public enum ReadMode {
    /** The first problem fails the task, naming the file, the byte offset and the reason. */
    FAILFAST,
    /** Every row that could be read, plus one row per problem whose corrupt-record column says what and where. */
    PERMISSIVE,
    /** Every row that could be read; each problem is logged as a warning and counted. */
    DROPMALFORMED;

    /** The option's value, case-insensitively; null gives {@link #PERMISSIVE}, Spark's default. */
    public static ReadMode parse(String value) {
        if (value == null) {
            return PERMISSIVE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option mode: got \"" + value
                    + "\", expected FAILFAST, PERMISSIVE or DROPMALFORMED");
        }
    }
}

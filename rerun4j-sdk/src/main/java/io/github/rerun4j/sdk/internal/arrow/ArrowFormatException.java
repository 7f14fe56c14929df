package io.github.rerun4j.sdk.internal.arrow;

/**
 * Arrow IPC bytes that cannot be decoded: truncated, inconsistent, or using a feature rerun4j does not
 * read (dictionaries, body compression, view types). The message says what and where.
 */
public class ArrowFormatException extends Exception {

    public ArrowFormatException(String message) {
        super(message);
    }

    public ArrowFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

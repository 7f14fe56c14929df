package io.github.rerun4j.sdk.sink;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The reason an I/O operation failed, as one phrase for an error message: never {@code "null"}, never the path
 * again (the caller's message names it), always the exception's class.
 *
 * <pre>{@code
 * IoErrors.describe(new NoSuchFileException("/x/y.rrd"));   // "no such file or directory (java.nio.file.NoSuchFileException)"
 * IoErrors.describe(new IOException("No space left on device"));  // "java.io.IOException: No space left on device"
 * }</pre>
 */
public final class IoErrors {

    private IoErrors() {
    }

    /** {@code e}'s reason and class; file-system exceptions (whose message is only the path) by their kind. */
    public static String describe(Throwable e) {
        String type = e.getClass().getName();
        if (e instanceof NoSuchFileException) {
            return "no such file or directory (" + type + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + type + ")";
        }
        if (e instanceof FileSystemException f) {
            return (f.getReason() != null ? f.getReason() : "file system error") + " (" + type + ")";
        }
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}

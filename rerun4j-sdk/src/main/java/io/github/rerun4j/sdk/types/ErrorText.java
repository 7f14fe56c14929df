package io.github.rerun4j.sdk.types;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why an operation failed, as one phrase for an error message built around a caught exception: never
 * {@code "null"}, never the path again (the caller's message names it), always the exception's class. The one
 * place the SDK turns a caught exception into text.
 *
 * <pre>{@code
 * ErrorText.describe(new java.nio.file.NoSuchFileException("/x/y.rrd"));
 * // "no such file or directory (java.nio.file.NoSuchFileException)"
 * ErrorText.describe(new java.io.IOException("No space left on device"));
 * // "java.io.IOException: No space left on device"
 * }</pre>
 */
public final class ErrorText {

    private ErrorText() {
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

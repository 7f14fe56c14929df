package io.github.rerun4j.cli;

import java.io.IOException;

/**
 * Writing a command's output failed (full disk, closed pipe, I/O error). Unchecked so that it gets through
 * {@link java.io.PrintWriter}, which would otherwise swallow the error and let the command report success
 * with a truncated output; {@link Main} turns it into one line and {@link ExitCode#USAGE}.
 */
final class OutputFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String target;

    /**
     * @param target what was being written, e.g. "standard output"
     * @param cause  the error of the write
     */
    OutputFailure(String target, IOException cause) {
        super("cannot write to " + target + ": " + reason(cause), cause);
        this.target = target;
    }

    String target() {
        return target;
    }

    /** The low-level error in words: its message, else its class (some IOExceptions carry no message). */
    static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

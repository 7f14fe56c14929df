package io.github.rerun4j.cli;

/**
 * A failure the user can act on: its message is printed as is (after {@code rerun4j: }) and the command
 * exits with {@link #exitCode()}. No stack trace is shown unless {@code --verbose} is given.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The command line asks for something impossible (missing file, unwritable directory): exit 2. */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message, null);
    }

    /** As {@link #usage(String)}, keeping the low-level error for {@code --verbose}. */
    public static CliException usage(String message, Throwable cause) {
        return new CliException(ExitCode.USAGE, message, cause);
    }

    /** The input's content is damaged or unreadable: exit 1. */
    public static CliException badData(String message, Throwable cause) {
        return new CliException(ExitCode.BAD_DATA, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}

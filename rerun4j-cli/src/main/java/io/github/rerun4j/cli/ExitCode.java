package io.github.rerun4j.cli;

/**
 * The exit codes of every {@code rerun4j} command, so that scripts can tell "the file is damaged" from
 * "the command line is wrong".
 */
public final class ExitCode {

    /** Everything went as asked. */
    public static final int OK = 0;
    /** The input's content is damaged or is not an {@code .rrd} stream. */
    public static final int BAD_DATA = 1;
    /**
     * The command line is wrong (unknown option, missing or unusable file or directory), or what it asks for
     * cannot be done here: an output that cannot be written (full disk), a heap too small (out of memory).
     */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}

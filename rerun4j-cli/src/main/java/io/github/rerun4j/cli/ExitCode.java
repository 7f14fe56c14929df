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
     * cannot be done here: an output that cannot be written (full disk).
     */
    public static final int USAGE = 2;
    /**
     * The Java heap is too small for what was asked (the input is fine): the message says how to start Java
     * with more ({@code JAVA_OPTS=-Xmx...}), so a script can retry with a bigger heap.
     */
    public static final int OUT_OF_MEMORY = 3;

    private ExitCode() {
    }
}

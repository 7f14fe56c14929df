package io.github.rerun4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code rerun4j} command line tool.
 *
 * <p>{@link #main} only exits with what {@link #run} returns, so that tests can run the whole tool in-process
 * and look at its exit code and output. Errors are one line on stderr, prefixed {@code rerun4j: }; stack
 * traces only with {@code --verbose}. Exit codes: see {@link ExitCode}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the tool once.
     *
     * @param args the command line
     * @param out  where results go
     * @param err  where errors, warnings and usage messages go
     * @return the exit code ({@link ExitCode})
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        RootCommand root = new RootCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parseResult -> {
            root.setVerbose(verboseRequested(parseResult));
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler((e, args1) -> badUsage(e, err));
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> failure(e, root.verbose(), err));
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** True when {@code --verbose} was given to the top-level command or to a subcommand. */
    static boolean verboseRequested(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static int badUsage(ParameterException e, PrintWriter err) {
        err.println("rerun4j: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        e.getCommandLine().usage(err);
        return ExitCode.USAGE;
    }

    private static int failure(Exception e, boolean verbose, PrintWriter err) {
        if (e instanceof CliException cli) {
            err.println("rerun4j: " + cli.getMessage());
            if (verbose && cli.getCause() != null) {
                cli.getCause().printStackTrace(err);
            }
            return cli.exitCode();
        }
        // Not foreseen by any command: most likely strange input reaching code that did not expect it, so it
        // counts as bad data; the trace is for a bug report.
        err.println("rerun4j: unexpected error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        return ExitCode.BAD_DATA;
    }
}

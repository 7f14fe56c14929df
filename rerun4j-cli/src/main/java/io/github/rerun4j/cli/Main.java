package io.github.rerun4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code rerun4j} command line tool.
 *
 * <p>{@link #main} only exits with what {@link #run} returns, so that tests can run the whole tool in-process
 * and look at its exit code and output. Errors are one line on stderr, prefixed {@code rerun4j: }; stack
 * traces only with {@code --verbose}; out of memory and an output that cannot be written are such errors too.
 * Exit codes: see {@link ExitCode}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Not System.out: it swallows write errors, and a full disk must not look like success.
        System.exit(run(args, StandardOutput.open(), new PrintWriter(System.err, true)));
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
        // Set once the output's failure is reported, so that it is reported once, and not flushed again.
        AtomicBoolean outputFailed = new AtomicBoolean();
        commandLine.setExecutionStrategy(parseResult -> {
            root.setVerbose(verboseRequested(parseResult));
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (OutputFailure e) {
                // Help and version text are printed by picocli itself, outside the exception handler.
                return outputFailed(e, root.verbose(), err, outputFailed);
            }
        });
        commandLine.setParameterExceptionHandler((e, args1) -> badUsage(e, err));
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> failure(e, root.verbose(), err, outputFailed));
        int code;
        try {
            code = commandLine.execute(args);
            if (!outputFailed.get()) {
                out.flush();
            }
        } catch (OutputFailure e) {
            code = outputFailed(e, root.verbose(), err, outputFailed);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(err);
        }
        if (!outputFailed.get() && outputLost(out)) {
            // A writer that swallows its errors (a caller's), or a failure a command caught: the output is
            // incomplete all the same.
            err.println("rerun4j: cannot write the output");
            code = ExitCode.USAGE;
        }
        err.flush();
        return code;
    }

    private static boolean outputLost(PrintWriter out) {
        try {
            return out.checkError();
        } catch (OutputFailure e) {
            return true;
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

    private static int failure(Exception e, boolean verbose, PrintWriter err, AtomicBoolean outputFailed) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutputFailure output) {
                return outputFailed(output, verbose, err, outputFailed);
            }
            if (t instanceof OutOfMemoryError) {
                return outOfMemory(err);
            }
        }
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

    /** The output is incomplete: say so once, whatever the command had done so far. */
    private static int outputFailed(OutputFailure e, boolean verbose, PrintWriter err, AtomicBoolean reported) {
        if (reported.getAndSet(true)) {
            return ExitCode.USAGE;
        }
        err.println("rerun4j: " + e.getMessage());
        if (verbose) {
            e.getCause().printStackTrace(err);
        }
        return ExitCode.USAGE;
    }

    /**
     * Out of memory: the input is too big for the heap, which is the user's to raise. Reached after the stack
     * has unwound, so the command's big arrays are garbage by now and printing works.
     */
    private static int outOfMemory(PrintWriter err) {
        err.println("rerun4j: " + HeapHint.message(Runtime.getRuntime().maxMemory(), Launcher.viaScript(), Launcher.command()));
        return ExitCode.OUT_OF_MEMORY;
    }
}

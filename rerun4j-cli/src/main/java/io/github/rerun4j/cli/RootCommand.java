package io.github.rerun4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code rerun4j} command: holds the global {@code --verbose} option and dispatches to the
 * subcommands. Run without a subcommand it is a usage error.
 */
@Command(name = "rerun4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Write, view, serve, inspect, check, import, filter, merge and compact Rerun .rrd recordings from the JVM.",
        subcommands = {ViewCommand.class, ServeCommand.class, DemoCommand.class, PrintCommand.class, VerifyCommand.class,
                RenderCommand.class, PointsCommand.class, HoverCommand.class, DataframeCommand.class, ImportCommand.class,
                StatsCommand.class, FilterCommand.class, MergeCommand.class, CompactCommand.class,
                ClassDataTrainingCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 damaged or unreadable file content, 2 bad usage",
                "(also: an output that cannot be written, out of memory)."})
public final class RootCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    // Inherited so that it may be given before or after the subcommand's name. Main reads it from the parse
    // result (see Main#verboseRequested) rather than trusting where picocli stores an inherited option's value.
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors; for print, also list every chunk with its first row's values.")
    private boolean verboseOption;

    private boolean verbose;

    /** True when {@code --verbose} was given anywhere on the command line. */
    public boolean verbose() {
        return verbose;
    }

    void setVerbose(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: view, demo, print, verify, render, points, hover, dataframe, import, stats, filter, merge or compact");
    }
}

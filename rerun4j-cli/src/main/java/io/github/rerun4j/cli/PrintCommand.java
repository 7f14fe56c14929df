package io.github.rerun4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j print FILE}: what a recording holds, like {@code rerun rrd print}. Prints everything that
 * could be read even from a damaged file, then the problems on stderr (exit 1).
 */
@Command(name = "print", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the stores, entities, components (with Arrow types), timelines and counts of an .rrd file.",
                "With --verbose, also every chunk and the archetype values of its first row."})
public final class PrintCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "FILE", description = "The .rrd file to show.")
    private Path file;

    @Option(names = "--json", description = "Write one JSON object instead of text.")
    private boolean json;

    @Option(names = "--footers", description = "Also show the file's footer: its manifests, a row per chunk (text only).")
    private boolean footers;

    @Override
    public Integer call() throws IOException {
        RecordingSummary summary = RecordingScanner.scan(InputFile.requireReadable(file));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            SummaryJson.write(summary, root.verbose(), out);
        } else if (summary.messages().total() > 0 || summary.isSound()) {
            // Nothing readable at all (not an .rrd, say) would only be an empty report; the problem says it all.
            SummaryText.write(summary, root.verbose(), out);
        }
        if (footers && !json) {
            FooterText.write(file, out, spec.commandLine().getErr());
        }
        out.flush();
        ProblemReport.print(summary, root.verbose(), spec.commandLine().getErr());
        return summary.isSound() ? ExitCode.OK : ExitCode.BAD_DATA;
    }
}

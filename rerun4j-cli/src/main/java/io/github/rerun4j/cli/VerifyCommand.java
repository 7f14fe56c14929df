package io.github.rerun4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j verify FILE}: decodes every message (framing, protobuf, LZ4, Arrow, chunk) and checks the footer
 * against them ({@link FooterCheck}). A sound file gives one summary line and exit 0; otherwise one line per problem
 * on stderr and exit 1. A bad chunk does
 * not stop the check; damaged framing does, because nothing after it can be found.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check that every message of an .rrd file decodes; report each problem with its byte offset.")
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "FILE", description = "The .rrd file to check.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        RecordingSummary summary = RecordingScanner.scan(InputFile.requireReadable(file));
        if (!summary.isSound()) {
            ProblemReport.print(summary, root.verbose(), spec.commandLine().getErr());
            return ExitCode.BAD_DATA;
        }
        List<RecordingSummary.Problem> footer = FooterCheck.problems(file, summary);
        if (!footer.isEmpty()) {
            ProblemReport.print(file, footer, 0, root.verbose(), spec.commandLine().getErr());
            return ExitCode.BAD_DATA;
        }
        spec.commandLine().getOut().println("OK: " + SummaryText.plural(summary.messages().total(), "message", "messages")
                + ", " + SummaryText.plural(summary.chunkCount(), "chunk", "chunks") + ", "
                + SummaryText.plural(summary.rowCount(), "row", "rows") + " in " + file);
        return ExitCode.OK;
    }
}

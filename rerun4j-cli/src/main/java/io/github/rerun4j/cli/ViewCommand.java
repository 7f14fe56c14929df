package io.github.rerun4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j view FILE...}: serves the viewer with the files loaded and follows them while they grow, until
 * Ctrl-C. Damaged files show what is readable and their problems in the page.
 */
@Command(name = "view", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Open .rrd files in rerun4j's viewer (in your browser) and follow them while they grow.",
                "Serves until Ctrl-C."})
public final class ViewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .rrd files to show.")
    private List<Path> files;

    @Mixin
    private ServeOptions serve;

    @Override
    public Integer call() {
        files.forEach(InputFile::requireReadable);
        ViewerSession session = ViewerSession.start(serve, spec.commandLine().getOut(), spec.commandLine().getErr());
        files.forEach(session::follow);
        session.serveUntilStopped(!serve.noBrowser);
        return ExitCode.OK;
    }
}

package io.github.rerun4j.cli;

import io.github.rerun4j.grpc.ProxyReader;
import io.github.rerun4j.grpc.ProxyUrl;
import io.github.rerun4j.sdk.sink.TeeSink;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j view [FILE | rerun+http://HOST:PORT/proxy]...}: serves the viewer with the files loaded (followed
 * while they grow) and the proxies read, until Ctrl-C. Beside the page, Rerun's gRPC proxy takes what Rerun SDKs
 * send ({@code rr.connect_grpc()} with its default URL lands here) and offers the files to Rerun's viewers.
 * Damaged files show what is readable and their problems in the page.
 */
@Command(name = "view", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Open .rrd files and Rerun gRPC proxies in rerun4j's viewer (in your browser); follow the files"
                + " while they grow, and show what Rerun SDKs send to --port.",
                "Serves until Ctrl-C."})
public final class ViewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE|URL", arity = "0..*",
            description = "The .rrd files to show, and rerun+http://HOST:PORT/proxy URLs of proxies to read (a program"
                    + " that serves with a Rerun SDK's serve_grpc(), or rerun4j serve). None: wait for what SDKs send.")
    private List<String> sources = new ArrayList<>();

    @Mixin
    private ServeOptions serve;

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        List<ProxyUrl> proxies = new ArrayList<>();
        for (String source : sources) {
            if (source.contains("://")) {
                proxies.add(proxyUrl(source));
            } else {
                Path file = Path.of(source);
                InputFile.requireReadable(file);
                files.add(file);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        ViewerSession session = ViewerSession.start(serve, spec.commandLine().getOut(), err);
        try {
            for (Path file : files) {
                session.follow(file);
            }
            for (ProxyUrl url : proxies) {
                // What is read is also offered on this viewer's own proxy, for Rerun viewers that connect to it.
                ProxyReader reader = ProxyReader.start(url,
                        TeeSink.of(session.viewer().sink(), session.proxy().publisher(false)),
                        line -> {
                            err.println("rerun4j: " + line);
                            err.flush();
                        });
                session.onStop(reader::close);
            }
        } catch (RuntimeException | Error e) {
            session.stop();
            throw e;
        }
        session.serveUntilStopped(!serve.noBrowser);
        return ExitCode.OK;
    }

    private static ProxyUrl proxyUrl(String text) {
        try {
            return ProxyUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("invalid proxy URL: " + OutputFailure.reason(e), e);
        }
    }
}

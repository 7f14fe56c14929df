package io.github.rerun4j.cli;

import io.github.rerun4j.grpc.ProxyServer;
import io.github.rerun4j.grpc.ProxyServerOptions;
import io.github.rerun4j.sdk.rrd.RrdFormatException;
import io.github.rerun4j.sdk.rrd.RrdReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j serve FILE...}: hosts Rerun's gRPC message proxy with the files' recordings in its history, so
 * any Rerun viewer that opens {@code rerun+http://127.0.0.1:9876/proxy} shows them (and whatever other processes
 * send to it with {@code connect_grpc}), until Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Stream recordings to any Rerun viewer over gRPC, as Rerun's serve_grpc() does.",
                "Open rerun+http://127.0.0.1:PORT/proxy in the native viewer (rerun --connect URL) or a web viewer"
                        + " served from this machine. Serves until Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {

    /** Test hook: told the proxy once it serves, so a test can read from it and stop the command. */
    static volatile Consumer<Running> onServing = running -> { };

    /** A serving run: its proxy, and how to stop it. */
    record Running(ProxyServer proxy, Runnable stop) {
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .rrd files to serve.")
    private List<Path> files;

    @Option(names = "--port", paramLabel = "N", description = "Port of the gRPC proxy (0: any free port). Default: 9876, Rerun's")
    private int port = ProxyServerOptions.defaults().port();

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on. Default: 127.0.0.1 (this machine only)")
    private String bind = "127.0.0.1";

    @Option(names = "--memory-limit", paramLabel = "SIZE",
            description = "History kept for viewers that connect later: oldest temporal data goes first. "
                    + "0: live only. Default: 1GiB")
    private String memoryLimit = "1GiB";

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw CliException.usage("invalid --port " + port + ": expected 0..65535 (0: any free port)");
        }
        long limit = ByteSize.parse("--memory-limit", memoryLimit);
        for (Path file : files) {
            InputFile.requireReadable(file);
        }
        ProxyServer proxy;
        try {
            proxy = ProxyServer.start(ProxyServerOptions.defaults().withBind(bind).withPort(port).withMemoryLimitBytes(limit));
        } catch (IOException e) {
            throw CliException.usage(e.getMessage().replace("GrpcConnectSink / `--connect ", "`rerun --connect ")
                    .replace("choose another port", "choose another with --port N"), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            proxy.close();
            stopped.countDown();
        };
        Thread hook = new Thread(stop, "rerun4j-serve-shutdown");
        try {
            int records = 0;
            for (Path file : files) {
                records += publish(proxy, file);
            }
            PrintWriter out = spec.commandLine().getOut();
            String url = proxy.url();
            out.println("Serving " + records + " messages from " + files.size() + " file(s) on " + url);
            out.println("Native viewer: rerun --connect " + url);
            out.println("Web viewer (a page of this machine; CORS allows localhost only): ?url="
                    + URLEncoder.encode(url, StandardCharsets.UTF_8));
            out.println("Serving; press Ctrl-C to stop.");
            out.flush();
        } catch (RuntimeException | Error e) {
            proxy.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        onServing.accept(new Running(proxy, stop));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.run();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down already
        }
        return ExitCode.OK;
    }

    /** Every message of {@code file} into the proxy's history; damage is bad data naming the file and offset. */
    private static int publish(ProxyServer proxy, Path file) {
        try (RrdReader reader = RrdReader.open(file)) {
            return proxy.publishAll(reader);
        } catch (RrdFormatException e) {
            throw CliException.badData(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw CliException.badData("cannot read " + file + ": " + OutputFailure.reason(e), e);
        }
    }
}

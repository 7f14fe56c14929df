package io.github.rerun4j.cli;

import io.github.rerun4j.grpc.ProxyServer;
import io.github.rerun4j.grpc.ProxyServerOptions;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.sink.Sink;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.ViewerServer;
import io.github.rerun4j.viewer.ViewerSink;
import io.github.rerun4j.viewer.hub.FileFollower;
import io.github.rerun4j.viewer.hub.MemoryBudget;
import io.github.rerun4j.viewer.http.ServerLimits;
import io.github.rerun4j.viewer.ViewerStartException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * One run of the viewer from the command line (view, demo): starts it with Rerun's gRPC proxy beside it (what
 * Rerun SDKs send to goes into the viewer; Rerun viewers can read what it publishes), follows the files, prints
 * the addresses, opens a browser if there is one, then serves until Ctrl-C (or {@link #stop()}), which closes
 * everything and prints "stopped".
 */
final class ViewerSession {

    /** How often a file waiting to be offered checks whether a Rerun viewer reads the proxy. */
    private static final long OFFER_POLL_MS = 100;

    /** Test hook: told about each session once it serves, so a test can query and stop it. */
    static volatile Consumer<ViewerSession> onServing = session -> { };

    private final Viewer viewer;
    private final ProxyServer proxy;
    private final PrintWriter out;
    private final List<Runnable> cleanups = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::stop, "rerun4j-viewer-shutdown");
    private boolean closed;

    private ViewerSession(Viewer viewer, ProxyServer proxy, PrintWriter out) {
        this.viewer = viewer;
        this.proxy = proxy;
        this.out = out;
    }

    /**
     * Starts serving; a taken port or an address that cannot be bound is a usage error (exit 2) naming the flag.
     * The page's server and Rerun's proxy start side by side (each takes most of a second, loading its classes):
     * what writers send to the proxy before the page's server is up waits for it.
     */
    static ViewerSession start(ServeOptions options, PrintWriter out, PrintWriter err) {
        checkPort("--web-viewer-port", options.webViewerPort);
        checkPort("--port", options.port);
        String bind = options.bindAddress();
        MemoryBudget budget = options.memoryBudget();
        CompletableFuture<Viewer> viewerStarted = new CompletableFuture<>();
        FutureTask<ProxyServer> proxyStart = new FutureTask<>(() -> ProxyServer.start(ProxyServerOptions.defaults()
                .withBind(bind).withPort(options.port).withMemoryLimitBytes(proxyHistoryBytes()), new ViewerWhenStarted(viewerStarted)));
        Thread starter = new Thread(proxyStart, "rerun4j-proxy-start");
        starter.setDaemon(true);
        starter.start();
        Viewer viewer;
        try {
            viewer = startViewer(bind, options.webViewerPort, budget);
        } catch (CliException e) {
            viewerStarted.completeExceptionally(e);
            closeWhenStarted(proxyStart);
            throw e;
        }
        viewerStarted.complete(viewer);
        ProxyServer proxy;
        try {
            proxy = started(proxyStart);
        } catch (IOException | RuntimeException e) {
            viewer.close();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw CliException.usage("cannot host Rerun's gRPC proxy for the viewer: " + reason
                    .replace("GrpcConnectSink / `--connect ", "`rerun --connect ")
                    .replace("choose another port", "choose another with --port N, or --port 0 for any free port"), e);
        }
        if (!ViewerServer.isLoopback(bind)) {
            err.println("rerun4j: warning: listening on " + ServeOptions.hostAndPort(bind, viewer.port()) + " and "
                    + ServeOptions.hostAndPort(bind, proxy.port())
                    + ": anyone who can reach this machine can read the recordings and send to the viewer");
        }
        return new ViewerSession(viewer, proxy, out);
    }

    private static Viewer startViewer(String bind, int port, MemoryBudget budget) {
        try {
            return Viewer.start(bind, port, ServerLimits.defaults(), budget);
        } catch (ViewerStartException e) {
            if (e.portInUse()) {
                throw CliException.usage("port " + port + " is already in use (another viewer?); "
                        + "choose another with --web-viewer-port M, or --web-viewer-port 0 for any free port", e);
            }
            throw CliException.usage("cannot serve on " + ServeOptions.hostAndPort(bind, port) + ": "
                    + e.getMessage().replaceFirst("^cannot serve the viewer on .*?:\\d+: ", ""), e);
        } catch (IllegalArgumentException e) {
            // An address the server accepted but cannot make a URL of: still about --bind, not about the data.
            throw CliException.usage("cannot serve on " + ServeOptions.hostAndPort(bind, port) + ": "
                    + OutputFailure.reason(e), e);
        }
    }

    /** The proxy {@code start} started, or what stopped it (unwrapped). */
    private static ProxyServer started(FutureTask<ProxyServer> start) throws IOException {
        try {
            return start.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Rerun's gRPC proxy started", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void closeWhenStarted(FutureTask<ProxyServer> start) {
        try {
            started(start).close();
        } catch (IOException | RuntimeException e) {
            // it did not start either; the viewer's error is the one to report
        }
    }

    /** The viewer's sink once the viewer is up: the proxy may take a writer's first message before it is. */
    private static final class ViewerWhenStarted implements Sink {
        private final CompletableFuture<Viewer> viewer;
        private volatile ViewerSink sink;

        ViewerWhenStarted(CompletableFuture<Viewer> viewer) {
            this.viewer = viewer;
        }

        private ViewerSink sink() throws IOException {
            ViewerSink s = sink;
            if (s == null) {
                try {
                    s = viewer.get().sink();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("stopped while the viewer started");
                } catch (ExecutionException e) {
                    throw new IOException("the viewer did not start", e.getCause());
                }
                sink = s;
            }
            return s;
        }

        @Override
        public void send(LogMessage message) throws IOException {
            sink().send(message);
        }

        @Override
        public void flush() throws IOException {
            sink().flush();
        }

        @Override
        public void close() throws IOException {
            if (viewer.isDone() && !viewer.isCompletedExceptionally()) {
                sink().close();
            }
        }
    }

    /**
     * The proxy's history beside the viewer, which holds its own copy of everything: Rerun's 1 GiB, but at most an
     * eighth of the heap, so that offering a big file to Rerun viewers never starves the page.
     */
    static long proxyHistoryBytes() {
        return Math.min(ProxyServerOptions.DEFAULT_MEMORY_LIMIT, Runtime.getRuntime().maxMemory() / 8);
    }

    private static void checkPort(String flag, int port) {
        if (port < 0 || port > 65535) {
            throw CliException.usage("invalid " + flag + " " + port + ": expected 0..65535 (0: any free port)");
        }
    }

    Viewer viewer() {
        return viewer;
    }

    /** Rerun's gRPC proxy beside the viewer: writers' messages go into the viewer; readers get what is published. */
    ProxyServer proxy() {
        return proxy;
    }

    /**
     * Follows {@code file} (it is read now and whenever it grows); problems show in the page. What it holds now is
     * also offered to Rerun viewers on the proxy once one reads it, in the background (up to any damage, which the
     * page reports).
     */
    FileFollower follow(Path file) {
        FileFollower follower;
        try {
            follower = viewer.follow(file);
        } catch (IOException e) {
            stop();
            throw CliException.badData("cannot read " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        // On a thread of its own, and only once a Rerun viewer reads the proxy: a big file must cost nothing
        // until someone asks for it (the proxy's memory limit then keeps the newest data).
        Thread offer = new Thread(() -> {
            try {
                while (proxy.stats().readers() == 0) {
                    synchronized (this) {
                        if (closed) {
                            return;
                        }
                    }
                    Thread.sleep(OFFER_POLL_MS);
                }
                try (RrdReader reader = RrdReader.openMapped(file)) {
                    proxy.publishAll(reader);
                }
            } catch (IOException | InterruptedException e) {
                // damaged or unreadable: the follower shows the problem in the page; or the session stopped
            } catch (OutOfMemoryError e) {
                // the proxy's history is bounded well under the heap; a chunk bigger than what is left is not
                // offered, and the page (which holds its own copy) is not affected
            }
        }, "rerun4j-offer " + file.getFileName());
        offer.setDaemon(true);
        offer.start();
        return follower;
    }

    /** Runs {@code cleanup} when the session stops (after the server is closed). */
    void onStop(Runnable cleanup) {
        cleanups.add(cleanup);
    }

    /** Prints the address, opens a browser unless told not to, and blocks until stopped. */
    void serveUntilStopped(boolean openBrowser) {
        out.println("rerun4j viewer: " + viewer.url());
        if (!(openBrowser && BrowserLauncher.open(viewer.url()))) {
            out.println("Open " + viewer.url() + " in a browser");
        }
        out.println("Rerun's gRPC proxy: " + proxy.url() + " (Rerun SDKs' connect_grpc() send here; Rerun viewers"
                + " read it with rerun --connect URL)");
        out.println("Serving; press Ctrl-C to stop.");
        out.flush();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        onServing.accept(this);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    /** Closes the viewer and prints "stopped"; safe to call more than once and from a shutdown hook. */
    void stop() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            proxy.close();
            viewer.close();
            cleanups.forEach(Runnable::run);
            try {
                out.println("rerun4j viewer stopped");
                out.flush();
            } catch (OutputFailure e) {
                // Standard output is gone (a closed pipe): nobody to tell, and from the shutdown hook a thrown
                // error would only print a stack trace.
            }
        } finally {
            stopped.countDown();
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // shutting down already, or the hook was never added
                }
            }
        }
    }
}

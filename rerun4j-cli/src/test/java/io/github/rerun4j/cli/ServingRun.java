package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * A serving command ({@code view}, {@code demo}) run in-process on its own thread: the test gets the session
 * through {@link ViewerSession#onServing}, talks to the server, then stops it and reads the finished run.
 *
 * <pre>{@code
 * try (ServingRun run = ServingRun.start("view", file.toString(), "--port", "0", "--web-viewer-port", "0", "--no-browser")) {
 *     assertThat(run.get("/api/recordings")).contains("depth");
 *     CliRun finished = run.stop();
 * }
 * }</pre>
 */
final class ServingRun implements AutoCloseable {

    private final CompletableFuture<CliRun> run;
    private final ViewerSession session;

    private ServingRun(CompletableFuture<CliRun> run, ViewerSession session) {
        this.run = run;
        this.session = session;
    }

    /** Starts the command; returns once it serves (fails if it ends first, with its output). */
    static ServingRun start(String... args) throws Exception {
        SynchronousQueue<ViewerSession> serving = new SynchronousQueue<>();
        ViewerSession.onServing = serving::offer;
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(args));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                ViewerSession session = serving.poll(50, TimeUnit.MILLISECONDS);
                if (session != null) {
                    return new ServingRun(run, session);
                }
                if (run.isDone()) {
                    CliRun finished = run.get();
                    throw new AssertionError("the command ended without serving: exit " + finished.exitCode()
                            + "\nout: " + finished.out() + "\nerr: " + finished.err());
                }
            }
            throw new AssertionError("the command did not serve within 30 s");
        } finally {
            ViewerSession.onServing = session -> { };
        }
    }

    ViewerSession session() {
        return session;
    }

    URI url() {
        return session.viewer().url();
    }

    /** GETs {@code path} from the running viewer; fails unless 200. */
    String get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops serving (as Ctrl-C does) and gives the finished run. */
    CliRun stop() throws Exception {
        session.stop();
        return run.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!run.isDone()) {
            stop();
        }
    }
}

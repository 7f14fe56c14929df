package io.github.rerun4j.examples.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official Rerun web viewer (headless Chromium) pointed at a live gRPC proxy, through
 * {@code interop/web-viewer/watch-proxy.mjs}: open viewer pages, ask what they show, screenshot them, while the test
 * logs more in between. Needs what {@link OfficialViewer} needs ({@link OfficialViewer#assumeAvailable()}).
 *
 * <pre>{@code
 * try (WatchedProxy web = WatchedProxy.start("rerun+http://127.0.0.1:9876/proxy")) {
 *     WatchedProxy.State first = web.open();
 *     assertThat(first.problems()).isEmpty();
 * }
 * }</pre>
 */
final class WatchedProxy implements AutoCloseable {

    private static final Path SCRIPT = Path.of("interop", "web-viewer", "watch-proxy.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one viewer page shows. */
    record State(int page, String recordingId, String applicationId, Map<String, OfficialViewer.TimeRange> timelines,
                 boolean streamClosed, List<String> problems, String json) {
    }

    private final Process proc;
    private final Writer in;
    private final BufferedReader out;

    private WatchedProxy(Process proc) {
        this.proc = proc;
        this.in = new java.io.OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts Chromium with the viewer package's page server; no viewer page is open yet. */
    static WatchedProxy start(String url, int timeoutMs) throws IOException {
        Path root = OfficialViewer.findRepoRoot().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(OfficialViewer.findOnPath("node").map(Path::toString).orElse("node"),
                root.resolve(SCRIPT).toString(), url, "--timeout-ms", Integer.toString(timeoutMs))
                .directory(root.resolve(SCRIPT).getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        OfficialViewer.chromium().ifPresent(c -> pb.environment().put("RERUN4J_CHROMIUM", c.toString()));
        WatchedProxy w = new WatchedProxy(pb.start());
        JsonNode ready = w.answer();
        if (!ready.path("ready").asBoolean()) {
            w.close();
            throw new IllegalStateException("watch-proxy.mjs did not start: " + ready);
        }
        return w;
    }

    /** Opens another viewer page on the URL; answers when a recording is open and stable (or the timeout). */
    State open() throws IOException {
        return state(ask("open"));
    }

    State state(int page) throws IOException {
        return state(ask("state " + page));
    }

    /** Waits until {@code timeline} reaches {@code max} on {@code page}. */
    State waitFor(int page, String timeline, long max) throws IOException {
        return state(ask("wait " + page + " " + timeline + " " + max));
    }

    /** Waits until the viewer logged that the proxy stream ended. */
    State waitClosed(int page) throws IOException {
        return state(ask("wait-closed " + page));
    }

    Path screenshot(int page, Path png) throws IOException {
        JsonNode n = ask("screenshot " + page + " " + png.toAbsolutePath());
        if (!n.path("screenshot").isTextual()) {
            throw new IllegalStateException("screenshot failed: " + n);
        }
        return png;
    }

    private JsonNode ask(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
        return answer();
    }

    private JsonNode answer() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("watch-proxy.mjs ended (exit " + (proc.isAlive() ? "?" : proc.exitValue()) + ")");
        }
        return JSON.readTree(line);
    }

    private static State state(JsonNode n) {
        Map<String, OfficialViewer.TimeRange> timelines = new LinkedHashMap<>();
        n.path("timelines").properties().forEach(e -> timelines.put(e.getKey(),
                new OfficialViewer.TimeRange(e.getValue().path("min").asLong(), e.getValue().path("max").asLong())));
        List<String> problems = new ArrayList<>();
        for (String field : List.of("console_errors", "load_errors", "viewer_warnings", "errors")) {
            n.path(field).forEach(p -> problems.add(field + ": " + p.asText()));
        }
        return new State(n.path("page").asInt(-1), n.path("recording_id").textValue(), n.path("application_id").textValue(),
                timelines, n.path("stream_closed").asBoolean(), problems, n.toString());
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!proc.waitFor(20, TimeUnit.SECONDS)) {
                proc.destroy();  // SIGTERM: the harness kills Chromium and removes its profile
                proc.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            proc.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

}

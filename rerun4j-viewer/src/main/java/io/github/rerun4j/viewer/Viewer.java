package io.github.rerun4j.viewer;

import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.store.RecordingLoader;
import io.github.rerun4j.viewer.hub.FileFollower;
import io.github.rerun4j.viewer.hub.HubListener;
import io.github.rerun4j.viewer.hub.MemoryBudget;
import io.github.rerun4j.viewer.hub.RecordingHub;
import io.github.rerun4j.viewer.http.ServerLimits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * rerun4j's viewer, served by this JVM to a browser: recordings from files or logged live, shown in 2D, 3D
 * and dataframe views with a timeline.
 *
 * <pre>{@code
 * // what rr.init(spawn=True) does in Python: log and watch
 * RecordingStream rec = RecordingStream.builder("my_robot").sink(Viewer.serve(9090));
 *
 * // or look at files
 * try (Viewer viewer = Viewer.start("127.0.0.1", 0)) {
 *     viewer.load(Path.of("depth.rrd"));
 *     System.out.println("open " + viewer.url());
 * }
 * }</pre>
 */
public final class Viewer implements AutoCloseable {

    /** The address the viewer listens on unless told otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    private final RecordingHub hub;
    private final ViewerServer server;
    private final List<FileFollower> followers = new CopyOnWriteArrayList<>();

    private Viewer(RecordingHub hub, ViewerServer server) {
        this.hub = hub;
        this.server = server;
    }

    /** Starts a viewer on {@code bind:port} (port 0: any free port). */
    public static Viewer start(String bind, int port) {
        return start(bind, port, ServerLimits.defaults());
    }

    /** Starts a viewer on {@code bind:port} that takes on at most what {@code limits} allow at once. */
    public static Viewer start(String bind, int port, ServerLimits limits) {
        return start(bind, port, limits, MemoryBudget.defaults());
    }

    /**
     * Starts a viewer whose recordings hold at most {@code budget} bytes of component data in the heap (a recording
     * that would go over it stops loading and says so).
     */
    public static Viewer start(String bind, int port, ServerLimits limits, MemoryBudget budget) {
        RecordingHub hub = new RecordingHub(budget);
        return new Viewer(hub, ViewerServer.start(hub, bind, port, limits));
    }

    /**
     * Starts a viewer on loopback {@code port} and returns a sink feeding it; prints the address to stderr so
     * the user can open it.
     */
    public static ViewerSink serve(int port) {
        Viewer viewer = start(LOOPBACK, port);
        System.err.println("rerun4j viewer: " + viewer.url());
        return viewer.sink();
    }

    /** A new sink that feeds this viewer. */
    public ViewerSink sink() {
        return new ViewerSink(this);
    }

    /**
     * Reads a whole {@code .rrd} file into the viewer through {@link RecordingLoader}. Damaged messages are
     * skipped and shown as problems in the page (each naming the file), as Rerun's viewer does; everything
     * readable is kept. A file ending with Rerun's End message and footer loads like any other. Images are mapped
     * from the file rather than copied ({@link RrdReader#openMapped}): a recording bigger than the heap loads.
     *
     * @throws IOException if the file cannot be opened
     */
    public void load(Path file) throws IOException {
        try (RrdReader reader = RrdReader.openMapped(file)) {
            RecordingLoader.of(reader, file.toString(), HubListener.of(hub, file.toString())).readAll();
        }
    }

    /**
     * Reads {@code file} into the viewer in the background and keeps following it while it grows (a file
     * another process is still writing shows up live). Problems show in the page. Stops with {@link #close()}.
     *
     * <pre>{@code
     * viewer.follow(Path.of("robot.rrd")).awaitCaughtUp(10, TimeUnit.SECONDS);
     * }</pre>
     *
     * @throws IOException if the file cannot be opened
     */
    public FileFollower follow(Path file) throws IOException {
        FileFollower follower = FileFollower.start(file, hub);
        followers.add(follower);
        return follower;
    }

    public RecordingHub hub() {
        return hub;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:9090/}. */
    public URI url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** The server (its bound address, for one). */
    public ViewerServer server() {
        return server;
    }

    /** Stops following files and serving. */
    @Override
    public void close() {
        followers.forEach(FileFollower::close);
        server.close();
    }
}

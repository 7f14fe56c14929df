package io.github.rerun4j.viewer;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.Sink;

/**
 * A {@link Sink} that hands what a {@code RecordingStream} logs straight to a running {@link Viewer}: the
 * page updates as data arrives. Closing the sink ends the recording stream's side only; the viewer keeps
 * serving until {@link Viewer#close()} (or the JVM exits), so the data can still be looked at. Over the viewer's
 * {@link io.github.rerun4j.viewer.hub.MemoryBudget}, or out of memory, the recording stops taking data (the page
 * says so) and sending goes on without error, so the logging program is never held up by its viewer.
 *
 * <pre>{@code
 * try (RecordingStream rec = RecordingStream.builder("my_robot").sink(Viewer.serve(9090))) {
 *     rec.log("camera/depth", DepthImage.fromU16(pixels, 640, 480));
 * }
 * }</pre>
 */
public final class ViewerSink implements Sink {

    /** What the hub and the page call a live sink's recordings' source. */
    private static final String SOURCE = "live";

    private final Viewer viewer;
    private volatile boolean closed;

    ViewerSink(Viewer viewer) {
        this.viewer = viewer;
    }

    /** The viewer this sink feeds (for its URL, or to stop it). */
    public Viewer viewer() {
        return viewer;
    }

    @Override
    public void send(LogMessage message) {
        if (closed) {
            throw new IllegalStateException("ViewerSink is closed");
        }
        try {
            viewer.hub().accept(message, SOURCE);
        } catch (OutOfMemoryError e) {
            // The logging program's batcher would keep this chunk and retry it forever; the recording stops
            // instead, says why on the page, and keeps showing what it holds.
            viewer.hub().stop(message.storeId(), SOURCE, SOURCE + ": out of memory taking a chunk (this JVM may use "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB; give it more with -Xmx); later data is not shown");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}

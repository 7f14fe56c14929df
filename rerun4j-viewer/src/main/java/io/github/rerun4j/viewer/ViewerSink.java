package io.github.rerun4j.viewer;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.Sink;

/**
 * A {@link Sink} that hands what a {@code RecordingStream} logs straight to a running {@link Viewer}: the
 * page updates as data arrives. Closing the sink ends the recording stream's side only; the viewer keeps
 * serving until {@link Viewer#close()} (or the JVM exits), so the data can still be looked at.
 *
 * <pre>{@code
 * try (RecordingStream rec = RecordingStream.builder("my_robot").sink(Viewer.serve(9876))) {
 *     rec.log("camera/depth", DepthImage.fromU16(pixels, 640, 480));
 * }
 * }</pre>
 */
public final class ViewerSink implements Sink {

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
        viewer.hub().accept(message, "live");
    }

    @Override
    public void close() {
        closed = true;
    }
}

package io.github.rerun4j.sdk.sink;

import io.github.rerun4j.sdk.rrd.LogMessage;
import java.io.IOException;

/**
 * Where a {@link io.github.rerun4j.sdk.RecordingStream} sends what it logs. The SDK brings a file sink and a
 * memory sink; other modules bring their own (the viewer's live sink).
 *
 * <p>Calls come from one thread at a time. {@link #send} either takes the whole message or throws; it must
 * never leave part of a message behind, and a send that throws must not have delivered it: the batcher sends
 * the same chunk again on its next write.
 *
 * <p><b>Blocking.</b> {@code send} may block; rerun4j does not time it out. While it blocks, other threads keep
 * logging until {@code flushBytes} are pending, then their log calls wait for the sink too (back-pressure: memory
 * stays bounded and nothing is dropped). A sink that can stall forever should bound its own waits and throw an
 * {@link IOException}, which reaches the logging thread.
 *
 * <pre>{@code
 * Sink sink = FileSink.create(Path.of("depth.rrd"));
 * try (RecordingStream rec = RecordingStream.builder("my_app").sink(sink)) {
 *     rec.log("depth", DepthImage.fromU16(pixels, 300, 200));
 * }
 * }</pre>
 */
public interface Sink extends AutoCloseable {

    /** Takes one message: the store info first, then chunks. */
    void send(LogMessage message) throws IOException;

    /** Hands everything sent so far on to its destination (for a file: to the operating system). */
    default void flush() throws IOException {
    }

    /** Flushes and releases the destination. Further sends fail. */
    @Override
    void close() throws IOException;
}

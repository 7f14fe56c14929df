package io.github.rerun4j.sdk.sink;

import io.github.rerun4j.sdk.rrd.EncodedMessage;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every message in memory, for tests and for handing a recording to something else in-process.
 *
 * <pre>{@code
 * MemorySink memory = new MemorySink();
 * try (RecordingStream rec = RecordingStream.builder("app").sink(memory)) {
 *     rec.log("depth", DepthImage.fromU16(pixels, 300, 200));
 * }
 * byte[] rrd = memory.toRrdBytes();
 * }</pre>
 */
public final class MemorySink implements Sink {

    private final List<LogMessage> messages = new ArrayList<>();

    @Override
    public synchronized void send(LogMessage message) {
        messages.add(message);
    }

    /** Everything received so far, in order. */
    public synchronized List<LogMessage> messages() {
        return List.copyOf(messages);
    }

    /** The messages as a complete uncompressed {@code .rrd} file. */
    public synchronized byte[] toRrdBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RrdEncoder.streamHeader(false));
        for (LogMessage m : messages) {
            EncodedMessage encoded = LogMessageCodec.encode(m, false);
            out.writeBytes(encoded.toByteArray());
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
    }
}

package io.github.rerun4j.grpc;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import io.github.rerun4j.sdk.sink.Sink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the proxy tests log and how they read it back. */
final class Recordings {

    /** Every log call is its own chunk (the tests count messages). */
    static final BatcherConfig EVERY_ROW = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMinutes(10)).withFlushBytes(1);

    private Recordings() {
    }

    /** Logs a static 8x6 image at {@code cam}, then {@code frames} checksummed 32x24 frames at {@code cam/depth}. */
    static void log(Sink sink, String recordingId, int firstFrame, int frames) {
        try (RecordingStream rec = RecordingStream.builder("proxy_test").recordingId(recordingId).batching(EVERY_ROW)
                .flushOnExit(false).sink(sink)) {
            if (firstFrame == 0) {
                rec.logStatic("cam", TestImages.image(9, 0, 8, 6));
            }
            for (int f = firstFrame; f < firstFrame + frames; f++) {
                rec.setTimeSequence("frame", f);
                rec.log("cam/depth", TestImages.image(4, f, 32, 24));
            }
        }
    }

    /** Frame numbers of the checksummed frames in {@code messages} (read back from the pixels), in order. */
    static List<Integer> frames(List<LogMessage> messages) {
        List<Integer> frames = new ArrayList<>();
        for (LogMessage m : messages) {
            if (m instanceof LogMessage.ChunkMessage c && c.chunk().entityPath().equals("/cam/depth")) {
                for (int row = 0; row < c.chunk().rowCount(); row++) {
                    short[] px = TestImages.read(ArchetypeCodec.readDepthImage(c.chunk(), row).orElseThrow());
                    if (!TestImages.intact(px)) {
                        throw new AssertionError("damaged pixels in row " + row);
                    }
                    frames.add(Short.toUnsignedInt(px[1]));
                }
            }
        }
        return frames;
    }

    /** Proxy messages (wire form) decoded through an {@code .rrd} stream by the SDK's reader. */
    static List<LogMessage> decode(List<byte[]> proxyMessages) throws IOException {
        List<WireForm.Part> parts = new ArrayList<>();
        for (byte[] m : proxyMessages) {
            parts.add(WireForm.response(m));
        }
        byte[] file = WireForm.file(RrdEncoder.streamHeader(false), parts);
        List<LogMessage> out = new ArrayList<>();
        try (LogMessageReader reader = LogMessageReader.of(new ByteArrayInputStream(file))) {
            for (LogMessageReader.Entry e = reader.next(); e != null; e = reader.next()) {
                if (e.message() != null) {
                    out.add(e.message());
                }
            }
        }
        return out;
    }

    /** Reads {@code count} message frames from {@code reader}. */
    static List<byte[]> read(GrpcWebReader reader, int count) throws IOException {
        List<byte[]> out = new ArrayList<>();
        while (out.size() < count) {
            GrpcWebReader.Frame f = reader.next();
            if (f == null || f.message() == null) {
                throw new AssertionError("stream ended after " + out.size() + " of " + count + " messages: " + (f == null ? "EOF" : f.trailers()));
            }
            out.add(f.message());
        }
        return out;
    }
}

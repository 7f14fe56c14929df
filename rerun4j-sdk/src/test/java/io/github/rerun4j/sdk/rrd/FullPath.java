package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SdkFixtures;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.sink.MemorySink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete read path of a {@code .rrd} file, as a user walks it: {@link LogMessageReader} (framing, protobuf,
 * LZ4, Arrow IPC, chunk decoding) and {@link ArchetypeCodec#readAll} on every row of every chunk. Shared by the
 * damage tests and the fuzz targets; its one rule is that only {@link RrdFormatException} may escape.
 */
public final class FullPath {

    private FullPath() {
    }

    /**
     * Reads {@code bytes} to the end, going on after a chunk that cannot be decoded as the reader allows.
     * Any exception other than {@link RrdFormatException} propagates (and fails whoever called this).
     */
    public static Result read(byte[] bytes) {
        List<String> entries = new ArrayList<>();
        List<RrdFormatException> errors = new ArrayList<>();
        int firstError = -1;
        try (LogMessageReader reader = LogMessageReader.of(new ByteArrayInputStream(bytes))) {
            // Every call consumes at least one message header or ends the input: this bounds the loop.
            for (int guard = 0; guard <= bytes.length / 16 + 2; guard++) {
                LogMessageReader.Entry e;
                try {
                    e = reader.next();
                } catch (RrdFormatException x) {
                    if (firstError < 0) {
                        firstError = entries.size();
                    }
                    errors.add(x);
                    continue;
                }
                if (e == null) {
                    return new Result(entries, errors, firstError < 0 ? entries.size() : firstError);
                }
                entries.add(describe(e));
            }
            throw new AssertionError("LogMessageReader did not reach the end of a " + bytes.length + "-byte input");
        } catch (RrdFormatException x) {
            throw new AssertionError("close threw", x);
        } catch (IOException x) {
            throw new UncheckedIOException("a byte array input cannot fail to read", x);
        }
    }

    /** See {@link #read}. */
    public record Result(List<String> entries, List<RrdFormatException> errors, int firstErrorAt) {
        public List<String> entriesBeforeFirstError() {
            return entries.subList(0, firstErrorAt);
        }
    }

    private static String describe(LogMessageReader.Entry e) {
        StringBuilder s = new StringBuilder().append(e.record().offset()).append(' ')
                .append(e.record().message().getClass().getSimpleName());
        if (e.message() instanceof LogMessage.ChunkMessage c) {
            Chunk chunk = c.chunk();
            s.append(' ').append(chunk.id()).append(' ').append(chunk.entityPath()).append(" rows=").append(chunk.rowCount());
            for (int row = 0; row < chunk.rowCount(); row++) {
                s.append(' ').append(ArchetypeCodec.readAll(chunk, row).size());
            }
        }
        return s.toString();
    }

    /** A small recording as the SDK writes it, with its message boundaries. */
    public record Sample(byte[] bytes, List<Long> boundaries) {
    }

    /**
     * SetStoreInfo, then chunks of all four archetypes (a 3x2 depth image, a pinhole, a transform, static view
     * coordinates), every other one LZ4-compressed, then a multi-row depth chunk. About 15 KB.
     */
    public static Sample sample() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("fuzz_sample").recordingId("fuzz").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.setTimeSequence("frame", 1);
            rec.log("cam/depth", SdkFixtures.fullDepthImage());
            rec.log("cam", SdkFixtures.fullPinhole());
            rec.log("cam", SdkFixtures.fullTransform());
            rec.logStatic("world", ViewCoordinates.RDF);
        }
        MemorySink batched = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("fuzz_sample").recordingId("fuzz")
                .batching(BatcherConfig.DEFAULT.withMaxRowsPerChunk(3)).sink(batched)) {
            for (int i = 0; i < 3; i++) {
                rec.setTimeSequence("frame", i);
                rec.log("cam/depth", DepthImage.fromF32(new float[] {i, 1, 2, 3}, 2, 2).withMeter(1.0));
            }
        }
        List<LogMessage> messages = new ArrayList<>(sink.messages());
        messages.addAll(batched.messages().stream().filter(m -> m instanceof LogMessage.ChunkMessage).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> boundaries = new ArrayList<>();
        out.writeBytes(RrdEncoder.streamHeader(true));
        boundaries.add((long) out.size());
        for (int i = 0; i < messages.size(); i++) {
            out.writeBytes(LogMessageCodec.encode(messages.get(i), i % 2 == 1).toByteArray());
            boundaries.add((long) out.size());
        }
        return new Sample(out.toByteArray(), boundaries);
    }
}

package io.github.rerun4j.spark.internal;

import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.rrd.Compression;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreKind;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.LoadProblem;
import io.github.rerun4j.store.RecordingLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file read through the store's loop ({@link RecordingLoader}, mapped): its recordings (blueprints are left
 * out) and every problem, with chunks whose payload offset is in {@code skip} left undecoded.
 *
 * @param recordings each recording's store, in order of first appearance
 * @param problems   everything the loop reported, in order
 * @param components every component the recordings' chunks carry, by identifier: its descriptor and Arrow item
 *                   field as first seen, and whether a later chunk disagreed on either
 * @param compressed true if some chunk payload was stored compressed (LZ4)
 * @param decoded    chunk messages decoded
 * @param skipped    chunk messages left undecoded
 */
public record FileLoad(Map<StoreId, ChunkStore> recordings, List<LoadProblem> problems,
                       Map<String, ComponentKind.Seen> components, boolean compressed, long decoded, long skipped) {

    /** Bytes of a message header: a chunk's manifest offset is its message's offset plus this. */
    static final int HEADER_BYTES = 16;

    /** Which chunk messages a read decodes. */
    public interface ChunkFilter {
        /**
         * True to decode the chunk message whose payload starts at {@code payloadOffset}; {@code chunkId} is the id
         * its message header names (null when it names none).
         */
        boolean decode(long payloadOffset, Tuid chunkId);
    }

    /**
     * Reads {@code file}, decoding only the chunks {@code decode} accepts; a scan's read (counted in
     * {@link ScanCounters}) passes its filter, the driver's schema pass null (everything).
     */
    public static FileLoad read(Path file, ChunkFilter decode) throws IOException {
        Map<StoreId, ChunkStore> stores = new LinkedHashMap<>();
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, ComponentKind.Seen> components = new LinkedHashMap<>();
        boolean[] compressed = {false};
        long[] counts = {0, 0};
        try (RrdReader reader = RrdReader.openMapped(file)) {
            RecordingLoader.of(reader, file.toString(), new RecordingLoader.Listener() {
                @Override
                public void framed(RrdRecord record) {
                    compressed[0] |= record.payloadCompression() == Compression.LZ4;
                }

                @Override
                public boolean wanted(RrdRecord record) {
                    if (!(record.message() instanceof RrdMessage.ArrowMsg arrow)) {
                        return true;
                    }
                    if (decode != null && !decode.decode(record.offset() + HEADER_BYTES, arrow.chunkId())) {
                        ScanCounters.skipped();
                        counts[1]++;
                        return false;
                    }
                    if (decode != null) {
                        ScanCounters.decoded();
                    }
                    counts[0]++;
                    return true;
                }

                @Override
                public void message(LogMessage message, RrdRecord record) {
                    if (message.storeId().kind() != StoreKind.RECORDING) {
                        return;
                    }
                    ChunkStore store = stores.computeIfAbsent(message.storeId(), k -> new ChunkStore());
                    if (message instanceof LogMessage.ChunkMessage c) {
                        store.add(c.chunk());
                        for (ComponentColumn column : c.chunk().components()) {
                            components.merge(column.descriptor().component(),
                                    new ComponentKind.Seen(column.descriptor(), column.itemField(), false), ComponentKind.Seen::merge);
                        }
                    }
                }

                @Override
                public void problem(LoadProblem problem) {
                    problems.add(problem);
                }
            }).readAll();
        }
        return new FileLoad(stores, problems, components, compressed[0], counts[0], counts[1]);
    }

    /** A problem as an error or warning line: the file, the byte, the reason. */
    public static String describe(LoadProblem p) {
        String reason = p.reason();
        return p.source() + " at byte " + p.offset() + ": " + reason
                + (p.kind() == LoadProblem.Kind.SKIPPED ? " (this message was skipped, reading went on)"
                : " (reading ended here: nothing after this byte was read)");
    }
}

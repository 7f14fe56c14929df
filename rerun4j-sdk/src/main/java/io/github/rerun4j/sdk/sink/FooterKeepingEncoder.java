package io.github.rerun4j.sdk.sink;

import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcWriter;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.internal.arrow.RecordBatch;
import io.github.rerun4j.sdk.rrd.EncodedMessage;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import io.github.rerun4j.sdk.rrd.RrdFooter;
import io.github.rerun4j.sdk.rrd.RrdManifestBuilder;
import io.github.rerun4j.sdk.rrd.StoreId;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Encodes the messages of one {@code .rrd} stream and keeps what its footer needs: a manifest row for every chunk
 * written whole. Rerun's encoder ends every {@code .rrd} it writes this way, to a file or to a pipe, so the file
 * and stream sinks share it. Not thread-safe: the sinks call it under their own lock.
 */
final class FooterKeepingEncoder {

    private static final int MESSAGE_HEADER_BYTES = 16;

    private final boolean lz4;
    private final Map<StoreId, RrdManifestBuilder> manifests = new LinkedHashMap<>();
    private @Nullable PendingRow pending;

    FooterKeepingEncoder(boolean lz4) {
        this.lz4 = lz4;
    }

    /** The stream header the first bytes must be. */
    byte[] streamHeader() {
        return RrdEncoder.streamHeader(lz4);
    }

    /** {@code message} as framed bytes; call {@link #written} once they are all out. */
    EncodedMessage encode(LogMessage message) {
        pending = null;
        if (!(message instanceof LogMessage.ChunkMessage c)) {
            return LogMessageCodec.encode(message, lz4);
        }
        RecordBatch batch = ChunkCodec.toRecordBatch(c.chunk());
        ByteBuffer[] ipc = ArrowIpcWriter.write(batch).toArray(ByteBuffer[]::new);
        EncodedMessage encoded = RrdEncoder.encodeArrow(c.storeId(), c.chunk().id(), c.chunk().isStatic(), ipc, lz4);
        pending = new PendingRow(c, batch.fields(), encoded.length() - MESSAGE_HEADER_BYTES,
                ArrowIpcWriter.length(List.of(ipc)));
        return encoded;
    }

    /** The message last encoded is out, whole, from byte {@code at}: only such a chunk gets a manifest row. */
    void written(long at) {
        PendingRow row = pending;
        pending = null;
        if (row != null) {
            manifests.computeIfAbsent(row.chunk.storeId(), RrdManifestBuilder::new).append(row.chunk.chunk(), row.fields,
                    at + MESSAGE_HEADER_BYTES, row.payloadBytes, row.ipcBytes);
        }
    }

    /**
     * The End message, footer and trailer for a stream of {@code end} bytes, or null when no chunk was written
     * (an empty footer would tell footer-aware tools the stream holds no recording).
     */
    byte @Nullable [] footer(long end) {
        return manifests.isEmpty() ? null : RrdFooter.encode(manifests.values(), end);
    }

    private record PendingRow(LogMessage.ChunkMessage chunk, List<Field> fields, long payloadBytes, long ipcBytes) {
    }
}

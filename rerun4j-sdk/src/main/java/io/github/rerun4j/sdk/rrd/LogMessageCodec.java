package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.internal.arrow.ArrowFormatException;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcReader;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcWriter;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.chunk.Tuid;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * {@link LogMessage}s to framed {@code .rrd} messages and back.
 *
 * <pre>{@code
 * EncodedMessage bytes = LogMessageCodec.encode(new LogMessage.ChunkMessage(storeId, chunk), false);
 * }</pre>
 */
public final class LogMessageCodec {

    private LogMessageCodec() {
    }

    /** The complete framed message; chunk pixels are referenced, not copied, unless {@code lz4}. */
    public static EncodedMessage encode(LogMessage message, boolean lz4) {
        if (message instanceof LogMessage.StoreInfoMessage s) {
            return RrdEncoder.encode(new RrdMessage.SetStoreInfo(Tuid.next(), s.info()));
        }
        LogMessage.ChunkMessage c = (LogMessage.ChunkMessage) message;
        ByteBuffer[] ipc = ArrowIpcWriter.write(ChunkCodec.toRecordBatch(c.chunk())).toArray(ByteBuffer[]::new);
        return RrdEncoder.encodeArrow(c.storeId(), c.chunk().id(), c.chunk().isStatic(), ipc, lz4);
    }

    /**
     * The log message of a decoded {@code .rrd} record, or null for records that carry none (End markers,
     * blueprint activation).
     *
     * @throws RrdFormatException when an ArrowMsg's payload is not a valid Rerun chunk
     */
    public static @Nullable LogMessage decode(RrdRecord record) throws RrdFormatException {
        RrdMessage m = record.message();
        if (m instanceof RrdMessage.SetStoreInfo s) {
            return new LogMessage.StoreInfoMessage(s.info());
        }
        if (m instanceof RrdMessage.ArrowMsg a) {
            try {
                Chunk chunk = ChunkCodec.fromRecordBatch(ArrowIpcReader.read(a.ipc()));
                return new LogMessage.ChunkMessage(a.storeId(), chunk);
            } catch (ArrowFormatException e) {
                throw new RrdFormatException(record.offset(), record.offset(),
                        "ArrowMsg at byte " + record.offset() + ": " + e.getMessage(), e);
            }
        }
        return null;
    }
}

package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.chunk.Tuid;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One framed message of an {@code .rrd} stream. The wire {@link #kind()} selects the protobuf payload.
 *
 * <pre>{@code
 * RrdReader reader = RrdReader.open(path);
 * RrdMessage msg = reader.next().message();
 * if (msg instanceof RrdMessage.SetStoreInfo s) {
 *     System.out.println(s.info().storeId());
 * } else if (msg instanceof RrdMessage.ArrowMsg a) {
 *     Chunk chunk = ChunkCodec.fromRecordBatch(ArrowIpcReader.read(a.ipc()));
 * }
 * }</pre>
 */
public sealed interface RrdMessage {

    /** Message kind 0: End marker. */
    long KIND_END = 0;
    /** Message kind 1: SetStoreInfo. */
    long KIND_SET_STORE_INFO = 1;
    /** Message kind 2: ArrowMsg. */
    long KIND_ARROW_MSG = 2;
    /** Message kind 3: BlueprintActivationCommand. */
    long KIND_BLUEPRINT_ACTIVATION = 3;

    /** The {@code kind} of this message's 16-byte header. */
    long kind();

    /**
     * Announces a store (message kind 1).
     *
     * @param rowId any unique id (e.g. {@link Tuid#next()})
     * @param info  the store
     */
    record SetStoreInfo(Tuid rowId, StoreInfo info) implements RrdMessage {
        /** Rejects null parts. */
        public SetStoreInfo {
            Objects.requireNonNull(rowId, "rowId");
            Objects.requireNonNull(info, "info");
        }

        @Override
        public long kind() {
            return KIND_SET_STORE_INFO;
        }
    }

    /**
     * One chunk of data (message kind 2).
     *
     * <p>{@code ipc} is always the <em>uncompressed</em> Arrow IPC stream: the reader decompresses, the encoder
     * compresses on request. The bytes are shared, not copied (a reader's buffer, a writer's segments): do not
     * modify them. The record keeps its own view, so reading from {@link #ipc()} never moves it.
     *
     * @param storeId  the store this chunk belongs to
     * @param chunkId  {@code chunk_id}, or {@code null} when absent (it is informational)
     * @param isStatic {@code is_static}, or {@code null} when absent (informational)
     * @param ipc      the Arrow IPC stream bytes, from position to limit
     */
    record ArrowMsg(StoreId storeId, @Nullable Tuid chunkId, @Nullable Boolean isStatic, ByteBuffer ipc) implements RrdMessage {
        /** Rejects null parts (the optional ones excepted). */
        public ArrowMsg {
            Objects.requireNonNull(storeId, "storeId");
            Objects.requireNonNull(ipc, "ipc");
            ipc = ipc.slice();
        }

        /** A fresh view of the IPC bytes (position 0, limit = size); the bytes themselves are shared. */
        @Override
        public ByteBuffer ipc() {
            return ipc.duplicate();
        }

        @Override
        public long kind() {
            return KIND_ARROW_MSG;
        }

        @Override
        public String toString() {
            return "ArrowMsg[storeId=" + storeId + ", chunkId=" + chunkId + ", isStatic=" + isStatic
                    + ", ipc=" + ipc.remaining() + " bytes]";
        }
    }

    /**
     * Activates a blueprint store (message kind 3); recordings never need it.
     *
     * @param blueprintId the blueprint store (kind {@link StoreKind#BLUEPRINT})
     * @param makeActive  make it the active blueprint
     * @param makeDefault make it the default blueprint
     */
    record BlueprintActivation(StoreId blueprintId, boolean makeActive, boolean makeDefault) implements RrdMessage {
        /** Rejects null parts. */
        public BlueprintActivation {
            Objects.requireNonNull(blueprintId, "blueprintId");
        }

        @Override
        public long kind() {
            return KIND_BLUEPRINT_ACTIVATION;
        }
    }

    /**
     * The End marker (message kind 0) written by official SDKs before the footer trailer. Its {@code RrdFooter}
     * payload (a random-access index) is skipped: the viewer never uses it when loading a file.
     */
    record End() implements RrdMessage {
        @Override
        public long kind() {
            return KIND_END;
        }
    }
}

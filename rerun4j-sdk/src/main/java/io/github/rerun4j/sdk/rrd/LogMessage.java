package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.chunk.Chunk;
import java.util.Objects;

/**
 * What a recording is made of, above the wire format: the recording's identity, then chunks of data.
 * Sinks receive these; the reader yields them.
 */
public sealed interface LogMessage {

    /** The store (recording) the message belongs to. */
    StoreId storeId();

    /** Announces a recording: application id, recording id, source. */
    record StoreInfoMessage(StoreInfo info) implements LogMessage {
        /** Rejects null parts. */
        public StoreInfoMessage {
            Objects.requireNonNull(info, "info");
        }

        @Override
        public StoreId storeId() {
            return info.storeId();
        }
    }

    /** One chunk of a recording. */
    record ChunkMessage(StoreId storeId, Chunk chunk) implements LogMessage {
        /** Rejects null parts. */
        public ChunkMessage {
            Objects.requireNonNull(storeId, "storeId");
            Objects.requireNonNull(chunk, "chunk");
        }
    }
}

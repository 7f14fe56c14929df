package io.github.rerun4j.sdk.internal.arrow;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import java.nio.ByteBuffer;

/**
 * Jazzer target for Arrow IPC and chunk decoding: {@link ArrowIpcReader#read}, {@link ChunkCodec#fromRecordBatch},
 * then {@link ArchetypeCodec#readAll} on each row. Only {@link ArrowFormatException} may escape.
 */
class ArrowIpcFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void arrowIpcAndChunk(byte[] input) {
        Chunk chunk;
        try {
            chunk = ChunkCodec.fromRecordBatch(ArrowIpcReader.read(ByteBuffer.wrap(input)));
        } catch (ArrowFormatException expected) {
            return;
        }
        for (int row = 0; row < chunk.rowCount(); row++) {
            ArchetypeCodec.readAll(chunk, row);
        }
    }
}

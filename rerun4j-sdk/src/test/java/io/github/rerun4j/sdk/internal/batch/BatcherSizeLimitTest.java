package io.github.rerun4j.sdk.internal.batch;

import io.github.rerun4j.sdk.batch.BatcherConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.sink.FileSink;
import io.github.rerun4j.sdk.sink.MemorySink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one message can carry is checked when a row is logged, not when the sink encodes it: a row over the limit
 * is an {@link InvalidArgumentException} naming the component and the limit; batches over it become several chunks.
 */
class BatcherSizeLimitTest {

    private static final BatcherConfig MANUAL = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMinutes(10))
            .withFlushBytes(1L << 30);

    @TempDir
    Path dir;

    private static PendingRow row(int bytes) {
        return new PendingRow("/cam", Tuid.next(), Map.of(),
                ArchetypeCodec.encode(DepthImage.fromU8(new byte[bytes], bytes, 1)));
    }

    @Test
    void aRowOverTheLimitIsRejectedBeforeItIsQueued() throws Exception {
        MemorySink sink = new MemorySink();
        Batcher batcher = new Batcher(MANUAL, StoreId.recording("limit", "r"), sink, 10_000);
        assertThatThrownBy(() -> batcher.add(row(20_000))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("DepthImage:buffer at /cam").hasMessageContaining("20008 bytes")
                .hasMessageContaining("at most 10000 bytes").hasMessageContaining("LZ4");
        assertThat(batcher.pendingRows()).isZero();
        batcher.add(row(9_000));
        batcher.close();
        assertThat(sink.messages()).hasSize(1);
    }

    @Test
    void aBatchOverTheLimitIsSplitIntoChunksThatEachFit() throws Exception {
        MemorySink sink = new MemorySink();
        Batcher batcher = new Batcher(MANUAL, StoreId.recording("limit", "r"), sink, 10_000);
        for (int i = 0; i < 5; i++) {
            batcher.add(row(4_000));
        }
        batcher.close();
        assertThat(sink.messages()).map(m -> ((LogMessage.ChunkMessage) m).chunk().rowCount()).containsExactly(2, 2, 1);
    }

    @Test
    void theDefaultLimitIsBelowLz4sBlockLimit() {
        assertThat(RrdEncoder.MAX_CHUNK_DATA_BYTES).isLessThan(RrdEncoder.MAX_LZ4_INPUT_BYTES)
                .isLessThan(RrdEncoder.MAX_IPC_BYTES);
    }

    /**
     * The reported case itself: a 2.12 GB image (over LZ4's block limit, under the uncompressed one) used to pass
     * validation and fail inside lz4-java. Needs about 4.3 GB of heap: {@code -Drerun4j.largeMemoryTests=true}
     * (set by {@code -Plong-tests}).
     */
    @Test
    @EnabledIfSystemProperty(named = "rerun4j.largeMemoryTests", matches = "true")
    void aTwoPointOneGigabyteImageIsRejectedAtLogWithTheLimit() throws Exception {
        int width = 46_080;
        int height = 46_000;  // 2,119,680,000 bytes: above 0x7E000000 = 2,113,929,216
        DepthImage huge = DepthImage.fromU8(new byte[width * height], width, height);
        Path file = dir.resolve("huge.rrd");
        try (RecordingStream rec = RecordingStream.builder("huge").saveTo(file, true)) {
            rec.log("small", DepthImage.fromU8(new byte[4], 2, 2));
            assertThatThrownBy(() -> rec.log("huge", huge)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("DepthImage:buffer at /huge").hasMessageContaining("at most");
        }
        assertThat(Files.size(file)).isPositive();
        assertThat(io.github.rerun4j.sdk.rrd.LogMessageReader.readAll(file)).hasSize(2);
    }
}

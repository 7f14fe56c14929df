package io.github.rerun4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.internal.batch.ChunkBuilder;
import io.github.rerun4j.sdk.internal.batch.PendingRow;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.DepthImageFields;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store indexes chunks by reference: it must not hold a second copy of their pixels. */
class ChunkStoreMemoryTest {

    private static final int CHUNKS = 200;
    private static final int W = 600;
    private static final int H = 500;              // 600 x 500 x 2 bytes = 600 KB per image
    private static final long IMAGE_BYTES = 2L * W * H;

    @Test
    void indexingDoesNotCopyImageBuffers() {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < CHUNKS; i++) {
            short[] px = new short[W * H];
            px[0] = (short) i;
            PendingRow row = new PendingRow("/cam/depth", Tuid.next(), Map.of(Timeline.sequence("frame"), (long) i),
                    ArchetypeCodec.encode(DepthImage.fromU16(px, W, H)));
            chunks.addAll(ChunkBuilder.build(List.of(row), 1));
        }

        long before = usedHeapAfterGc();
        ChunkStore store = new ChunkStore();
        store.addAll(chunks);
        long after = usedHeapAfterGc();

        long total = CHUNKS * IMAGE_BYTES;   // 120 MB of pixels
        assertThat(after - before).as("heap growth for indexing %d MB of images", total >> 20)
                .isLessThan(total / 50);
        // the rows returned are the very chunks that were added
        for (int i = 0; i < CHUNKS; i += 37) {
            RowRef ref = store.latestAt("/cam/depth", DepthImageFields.BUFFER.component(), "frame", i).orElseThrow();
            assertThat(ref.chunk()).isSameAs(chunks.get(i));
        }
        assertThat(store.rowCount()).isEqualTo(CHUNKS);
        Reference.reachabilityFence(chunks);
        Reference.reachabilityFence(store);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}

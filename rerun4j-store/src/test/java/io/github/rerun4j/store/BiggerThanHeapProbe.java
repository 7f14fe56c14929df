package io.github.rerun4j.store;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Run by {@link BiggerThanHeapTest} in a JVM with a small heap: loads a recording and prints, for each time
 * asked, the first and last pixel of the depth image visible then ({@code frame=T first=A last=B}), and the
 * heap the store holds.
 */
public final class BiggerThanHeapProbe {

    private BiggerThanHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        ChunkStore store = Recordings.load(Path.of(args[0])).firstRecording().orElseThrow().store();
        for (int i = 1; i < args.length; i++) {
            long time = Long.parseLong(args[i]);
            DepthImage image = ArchetypeQueries.depthImageAt(store, BiggerThanHeapTest.ENTITY, "frame", time).orElseThrow().value();
            ByteBuffer pixels = image.buffer().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            System.out.println("frame=" + time + " first=" + pixels.getShort(0) + " last=" + pixels.getShort(pixels.limit() - 2));
        }
        System.out.println("chunks=" + store.chunkCount() + " heapPayload=" + store.payloadBytes()
                + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }
}

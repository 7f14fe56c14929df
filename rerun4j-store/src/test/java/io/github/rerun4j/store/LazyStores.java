package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.rrd.RrdFooter;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.rrd.RrdManifestBuilder;
import io.github.rerun4j.sdk.rrd.StoreId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts chunks into a store as a footer would: each is described by the manifest the SDK's writer builds for it,
 * written into a real footer and read back ({@link RrdFooter#read}), and announced ({@link ChunkStore#addPending});
 * the store reads it (adds the chunk) only when a query needs it. Counts the reads.
 */
final class LazyStores {

    /** Chunks read on demand so far, over every store. */
    static final AtomicInteger READS = new AtomicInteger();

    private LazyStores() {
    }

    /** Announces {@code chunk} to {@code store}; it is added when a query first needs it. */
    static void announce(ChunkStore store, Chunk chunk) {
        RrdManifest manifest = manifestOf(List.of(chunk));
        store.addPending(manifest, entry -> {
            if (!entry.chunkId().equals(chunk.id())) {
                throw new AssertionError("asked for " + entry.chunkId() + ", announced " + chunk.id());
            }
            READS.incrementAndGet();
            store.add(chunk);
        });
    }

    /** The manifest the file sink would write for {@code chunks}, through a real footer. */
    static RrdManifest manifestOf(List<Chunk> chunks) {
        RrdManifestBuilder builder = new RrdManifestBuilder(StoreId.recording("lazy", "lazy"));
        long offset = 12 + 16;
        for (Chunk chunk : chunks) {
            builder.append(chunk, ChunkCodec.toRecordBatch(chunk).fields(), offset, 100, 100);
            offset += 116;
        }
        long endAt = offset;
        byte[] footer = RrdFooter.encode(List.of(builder), endAt);
        try {
            Path file = Files.createTempFile("lazy-store", ".rrd");
            try {
                byte[] bytes = new byte[(int) endAt + footer.length];
                System.arraycopy(footer, 0, bytes, (int) endAt, footer.length);
                Files.write(file, bytes);
                return RrdFooter.read(file).get(0);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

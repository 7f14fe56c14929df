package io.github.rerun4j.store;

import io.github.rerun4j.sdk.rrd.RrdManifest;

/**
 * Reads a chunk that a footer's manifest announced ({@link ChunkStore#addPending}) when a query first needs it.
 *
 * <pre>{@code
 * ChunkLoader loader = entry -> store.add(chunk);   // e.g. decode the message at entry.byteOffset() - 16
 * }</pre>
 */
@FunctionalInterface
public interface ChunkLoader {

    /**
     * Reads the chunk {@code entry} announces and adds it to the store it was announced to, by the path the
     * reader adds every chunk (so that memory budgets and problem reports apply). A chunk that cannot be read, or
     * that is not the one announced, is reported by the loader and not added: it must not throw. Called from
     * query threads and the background pass, at most once per entry and store.
     */
    void load(RrdManifest.Entry entry);
}

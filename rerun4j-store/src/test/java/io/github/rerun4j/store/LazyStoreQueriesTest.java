package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.Chunk;
import org.junit.jupiter.api.Nested;

/**
 * The store's query tests again, on a store whose every chunk was announced by a footer and is read only when a
 * query needs it ({@link ChunkStore#addPending}): lazy and in-memory stores give the same answers.
 */
class LazyStoreQueriesTest {

    @Nested
    class LatestAt extends ChunkStoreLatestAtTest {
        @Override
        void add(ChunkStore store, Chunk chunk) {
            LazyStores.announce(store, chunk);
        }
    }

    @Nested
    class RangeAndCatalog extends ChunkStoreRangeAndCatalogTest {
        @Override
        void add(ChunkStore store, Chunk chunk) {
            LazyStores.announce(store, chunk);
        }
    }

    @Nested
    class Times extends DataTimesTest {
        @Override
        void add(ChunkStore store, Chunk chunk) {
            LazyStores.announce(store, chunk);
        }
    }

    @Nested
    class Dataframe extends DataframeTest {
        @Override
        void add(ChunkStore store, Chunk chunk) {
            LazyStores.announce(store, chunk);
        }
    }
}

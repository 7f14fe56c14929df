package io.github.rerun4j.store;

import static io.github.rerun4j.store.TestChunks.CLEARED;
import static io.github.rerun4j.store.TestChunks.FILL;
import static io.github.rerun4j.store.TestChunks.METER;
import static io.github.rerun4j.store.TestChunks.chunk;
import static io.github.rerun4j.store.TestChunks.floats;
import static io.github.rerun4j.store.TestChunks.meter;
import static io.github.rerun4j.store.TestChunks.meterOf;
import static io.github.rerun4j.store.TestChunks.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.Timeline;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChunkStoreLatestAtTest {

    /** How the tests put a chunk into the store: added; announced by a footer and read on demand in LazyStoreQueriesTest. */
    void add(ChunkStore store, Chunk chunk) {
        store.add(chunk);
    }

    private static final String E = "/world/camera/depth";
    private static final String M = METER.component();

    @Test
    void picksTheLargestTimeAtOrBeforeTheQueryTime() {
        ChunkStore store = new ChunkStore();
        // out of order, across chunks and inside one chunk
        add(store, chunk(E, "frame", new long[] {30, 10}, new long[] {1, 2}, floats(METER, v(30), v(10))));
        add(store, meter(E, "frame", 20, 3, v(20)));

        assertThat(store.latestAt(E, M, "frame", 9)).isEmpty();
        assertThat(meterOf(store.latestAt(E, M, "frame", 10).orElseThrow())).isEqualTo(10f);
        assertThat(meterOf(store.latestAt(E, M, "frame", 25).orElseThrow())).isEqualTo(20f);
        assertThat(meterOf(store.latestAt(E, M, "frame", 30).orElseThrow())).isEqualTo(30f);
        assertThat(meterOf(store.latestAt(E, M, "frame", Long.MAX_VALUE).orElseThrow())).isEqualTo(30f);
        assertThat(store.latestAt(E, M, "frame", 25).orElseThrow().time()).isEqualTo(OptionalLong.of(20));
    }

    @Test
    void tiesAtTheSameTimeAreBrokenByRowIdNotByInsertionOrder() {
        ChunkStore store = new ChunkStore();
        add(store, meter(E, "frame", 5, 9, v(9)));   // larger row id, added first
        add(store, meter(E, "frame", 5, 4, v(4)));
        add(store, chunk(E, "frame", new long[] {5, 5}, new long[] {8, 2}, floats(METER, v(8), v(2))));

        RowRef ref = store.latestAt(E, M, "frame", 5).orElseThrow();
        assertThat(meterOf(ref)).isEqualTo(9f);
        assertThat(ref.rowId()).isEqualTo(TestChunks.rowId(9));
    }

    @Test
    void staticDataShadowsTemporalDataAtEveryTime() {
        ChunkStore store = new ChunkStore();
        add(store, meter(E, "frame", 10, 50, v(10)));             // temporal, newer row id
        add(store, meter(E, null, 0, 20, v(1)));                   // static, older row id
        add(store, meter(E, null, 0, 30, v(2)));                   // static, newest static row
        add(store, meter(E, null, 0, 25, v(3)));                   // static, added last but older
        add(store, chunk(E, "frame", new long[] {10}, new long[] {60}, floats(FILL, v(0.5f))));

        for (long t : new long[] {Long.MIN_VALUE, 0, 10, 1000}) {
            RowRef ref = store.latestAt(E, M, "frame", t).orElseThrow();
            assertThat(meterOf(ref)).as("t=%d", t).isEqualTo(2f);
            assertThat(ref.isStatic()).isTrue();
        }
        assertThat(meterOf(store.latestAt(E, M, "other_timeline", 0).orElseThrow())).isEqualTo(2f);
        assertThat(meterOf(store.latestAt(E, M, null, 0).orElseThrow())).isEqualTo(2f);
        // other components of the entity are not shadowed
        assertThat(store.latestAt(E, FILL.component(), "frame", 9)).isEmpty();
        assertThat(store.latestAt(E, FILL.component(), "frame", 10)).isPresent();
        assertThat(store.latestAt(E, FILL.component(), null, 10)).isEmpty();
    }

    @Test
    void aRowWithoutTheTimelineIsInvisibleOnIt() {
        ChunkStore store = new ChunkStore();
        add(store, meter(E, "frame", 1, 1, v(1)));
        add(store, meter(E, "log_tick", 1, 2, v(2)));   // newer row id, but not on "frame"
        add(store, chunk(E, List.of(new TimeColumn(Timeline.sequence("frame"), new long[] {3}),
                new TimeColumn(Timeline.sequence("log_tick"), new long[] {0})), new long[] {3}, floats(METER, v(3))));

        assertThat(meterOf(store.latestAt(E, M, "frame", 2).orElseThrow())).isEqualTo(1f);
        assertThat(meterOf(store.latestAt(E, M, "frame", 3).orElseThrow())).isEqualTo(3f);
        assertThat(meterOf(store.latestAt(E, M, "log_tick", 0).orElseThrow())).isEqualTo(3f);
        assertThat(meterOf(store.latestAt(E, M, "log_tick", 1).orElseThrow())).isEqualTo(2f);
        assertThat(store.latestAt(E, M, "log_time", 100)).isEmpty();
        assertThat(store.latestAt(E, M, null, 100)).as("no static data").isEmpty();
    }

    @Test
    void anEmptyListClearsButANullRowIsNotLogged() {
        ChunkStore store = new ChunkStore();
        // row 2 logs only FILL: METER is null there and must not hide the value of row 1
        add(store, chunk(E, "frame", new long[] {10, 20, 30}, new long[] {1, 2, 3},
                floats(METER, v(7), null, CLEARED), floats(FILL, null, v(1), null)));

        RowRef at25 = store.latestAt(E, M, "frame", 25).orElseThrow();
        assertThat(meterOf(at25)).isEqualTo(7f);
        assertThat(at25.time()).isEqualTo(OptionalLong.of(10));

        RowRef at35 = store.latestAt(E, M, "frame", 35).orElseThrow();
        assertThat(at35.time()).as("the clear is the latest row").isEqualTo(OptionalLong.of(30));
        assertThat(at35.has(M)).isTrue();
        assertThat(at35.instanceCount(M)).isZero();
        assertThat(meterOf(at35)).isNull();
    }

    @Test
    void latestAtAllReturnsEveryVisibleComponent() {
        ChunkStore store = new ChunkStore();
        add(store, meter(E, null, 0, 1, v(1000)));
        add(store, chunk(E, "frame", new long[] {5}, new long[] {2}, floats(FILL, v(0.5f))));

        assertThat(store.latestAtAll(E, "frame", 4)).containsOnlyKeys(M);
        assertThat(store.latestAtAll(E, "frame", 5)).containsOnlyKeys(M, FILL.component());
        assertThat(store.latestAtAll("/nothing", "frame", 5)).isEmpty();
    }

    @Test
    void entityPathsAreNormalized() {
        ChunkStore store = new ChunkStore();
        add(store, meter("world/camera/depth", "frame", 1, 1, v(1)));
        assertThat(store.latestAt(E, M, "frame", 1)).isPresent();
        assertThat(store.latestAt("world/camera/depth/", M, "frame", 1)).isPresent();
        assertThat(store.entityPaths()).containsExactly(E);
    }
}

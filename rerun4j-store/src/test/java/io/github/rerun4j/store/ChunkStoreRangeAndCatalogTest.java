package io.github.rerun4j.store;

import static io.github.rerun4j.store.TestChunks.METER;
import static io.github.rerun4j.store.TestChunks.chunk;
import static io.github.rerun4j.store.TestChunks.floats;
import static io.github.rerun4j.store.TestChunks.meter;
import static io.github.rerun4j.store.TestChunks.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.types.EntityPath;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChunkStoreRangeAndCatalogTest {

    /** How the tests put a chunk into the store: added; announced by a footer and read on demand in LazyStoreQueriesTest. */
    void add(ChunkStore store, Chunk chunk) {
        store.add(chunk);
    }

    private static final String E = "/world/camera/depth";
    private static final String M = METER.component();

    @Test
    void rangeIsInclusiveAndOrderedByTimeThenRowId() {
        ChunkStore store = new ChunkStore();
        add(store, chunk(E, "frame", new long[] {7, 3, 5}, new long[] {10, 11, 12}, floats(METER, v(7), v(3), v(5))));
        add(store, chunk(E, "frame", new long[] {5, 1, 9}, new long[] {2, 13, 14}, floats(METER, v(50), v(1), v(9))));

        List<RowRef> rows = store.range(E, M, "frame", 3, 7);
        assertThat(rows).extracting(r -> r.time().getAsLong()).containsExactly(3L, 5L, 5L, 7L);
        assertThat(rows).extracting(TestChunks::meterOf).containsExactly(3f, 50f, 5f, 7f);   // row id 2 before 12
        assertThat(store.range(E, M, "frame", Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(6);
        assertThat(store.range(E, M, "frame", 10, 20)).isEmpty();
        assertThat(store.range(E, M, "frame", 7, 3)).isEmpty();
        assertThat(store.range(E, M, "other", 0, 10)).isEmpty();
    }

    @Test
    void rangeOfAStaticComponentIsItsStaticRow() {
        ChunkStore store = new ChunkStore();
        add(store, meter(E, "frame", 5, 1, v(5)));
        add(store, meter(E, null, 0, 2, v(1000)));
        List<RowRef> rows = store.range(E, M, "frame", 0, 10);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).isStatic()).isTrue();
    }

    @Test
    void entityTreeHasImplicitParents() {
        ChunkStore store = new ChunkStore();
        add(store, meter("/world/camera/depth", "frame", 1, 1, v(1)));
        add(store, meter("/world", null, 0, 2, v(1)));
        add(store, meter("/robot/arm", "frame", 1, 3, v(1)));
        add(store, meter("/world-x", "frame", 1, 4, v(1)));

        assertThat(store.entityPaths()).containsExactly("/robot/arm", "/world", "/world/camera/depth", "/world-x");

        EntityTree root = store.entityTree();
        assertThat(root.path()).isEqualTo(EntityPath.ROOT);
        assertThat(root.hasData()).isFalse();
        assertThat(root.children()).extracting(c -> c.path().toString()).containsExactly("/robot", "/world", "/world-x");
        assertThat(root.find("/robot").orElseThrow().hasData()).isFalse();
        assertThat(root.find("/world").orElseThrow().hasData()).isTrue();
        EntityTree camera = root.find("/world/camera").orElseThrow();
        assertThat(camera.hasData()).isFalse();
        assertThat(camera.children()).singleElement().satisfies(d -> {
            assertThat(d.path().toString()).isEqualTo("/world/camera/depth");
            assertThat(d.hasData()).isTrue();
            assertThat(d.children()).isEmpty();
        });
        assertThat(root.find("/world/nope")).isEmpty();
        assertThat(root.flatten()).hasSize(7);
    }

    @Test
    void duplicateChunkIdsAreIgnored() {
        ChunkStore store = new ChunkStore();
        Chunk c = chunk(E, "frame", new long[] {1, 2}, new long[] {1, 2}, floats(METER, v(1), v(2)));
        assertThat(store.add(c)).isTrue();
        assertThat(store.add(c)).isFalse();
        Chunk sameId = new Chunk(c.id(), E, List.of(TestChunks.rowId(9)),
                List.of(new TimeColumn(Timeline.sequence("frame"), new long[] {3})), List.of(floats(METER, v(3))));
        assertThat(store.add(sameId)).isFalse();
        assertThat(store.addAll(List.of(c, sameId))).isZero();

        assertThat(store.chunkCount()).isEqualTo(1);
        assertThat(store.rowCount()).isEqualTo(2);
        assertThat(store.range(E, M, "frame", 0, 10)).hasSize(2);
        assertThat(store.timelines().get("frame").rowCount()).isEqualTo(2);
        assertThat(store.latestTime("frame")).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void timelinesComponentsAndCounts() {
        ChunkStore store = new ChunkStore();
        add(store, chunk(E, "frame", new long[] {4, 9}, new long[] {1, 2}, floats(METER, v(1), v(2))));
        add(store, chunk("/other", List.of(new TimeColumn(Timeline.sequence("frame"), new long[] {-3}),
                new TimeColumn(Timeline.timestamp("log_time"), new long[] {1_700_000_000_000_000_000L})),
                new long[] {3}, floats(TestChunks.FILL, v(1))));
        add(store, meter(E, null, 0, 4, v(1000)));

        assertThat(store.timelines()).containsOnlyKeys("frame", "log_time");
        assertThat(store.timelines().get("frame")).isEqualTo(new TimelineInfo(TimeType.SEQUENCE, -3, 9, 3));
        assertThat(store.timelines().get("log_time").type()).isEqualTo(TimeType.TIMESTAMP);
        assertThat(store.latestTime("frame")).isEqualTo(OptionalLong.of(9));
        assertThat(store.latestTime("nope")).isEmpty();
        assertThat(store.chunkCount()).isEqualTo(3);
        assertThat(store.rowCount()).isEqualTo(4);
        assertThat(store.components(E)).extracting(ComponentDescriptor::component).containsExactly(M);
        assertThat(store.components(E).get(0).componentType()).isEqualTo("rerun.components.DepthMeter");
        assertThat(store.components("/nope")).isEmpty();
    }
}

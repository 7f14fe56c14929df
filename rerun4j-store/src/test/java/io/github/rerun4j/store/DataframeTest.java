package io.github.rerun4j.store;

import static io.github.rerun4j.store.TestChunks.CLEARED;
import static io.github.rerun4j.store.TestChunks.FILL;
import static io.github.rerun4j.store.TestChunks.METER;
import static io.github.rerun4j.store.TestChunks.chunk;
import static io.github.rerun4j.store.TestChunks.floats;
import static io.github.rerun4j.store.TestChunks.meter;
import static io.github.rerun4j.store.TestChunks.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.chunk.Timeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataframeTest {

    /** How the tests put a chunk into the store: added; announced by a footer and read on demand in LazyStoreQueriesTest. */
    void add(ChunkStore store, Chunk chunk) {
        store.add(chunk);
    }

    private static final String M = METER.component();
    private static final String F = FILL.component();

    /** Text of a row: entity@time(rowId) or entity@static(rowId). */
    private static List<String> describe(DataframePage page) {
        return page.rows().stream().map(r -> r.entityPath() + "@"
                + (r.isStatic() ? "static" : Long.toString(r.time().getAsLong())) + "#" + r.rowId().inc()).toList();
    }

    private ChunkStore sample() {
        ChunkStore store = new ChunkStore();
        // Out of order on purpose: the dataframe sorts by entity, then static first, then (time, rowId).
        add(store, chunk("/world/camera/depth", "frame", new long[] {5, 2, 5}, new long[] {30, 31, 29},
                floats(METER, v(5), v(2), null), floats(FILL, null, null, v(0.5f))));
        add(store, meter("/world", "frame", 1, 40, v(1)));
        add(store, meter("/world/camera/depth", null, 0, 50, v(1000)));
        add(store, meter("/world/camera/depth", "other", 3, 60, v(3)));   // not on "frame"
        add(store, meter("/world-x", "frame", 0, 70, v(9)));
        return store;
    }

    @Test
    void oneRowPerLoggedRowSortedByEntityThenStaticThenTimeAndRowId() {
        DataframePage page = sample().dataframe(DataframeQuery.onTimeline("frame"));
        assertThat(describe(page)).containsExactly(
                "/world@1#40",
                "/world/camera/depth@static#50",
                "/world/camera/depth@2#31",
                "/world/camera/depth@5#29",
                "/world/camera/depth@5#30",
                "/world-x@0#70");
        assertThat(page.totalRows()).isEqualTo(6);
        assertThat(page.timelineType()).isEqualTo(TimeType.SEQUENCE);
        assertThat(page.rows().get(3).cells()).containsOnlyKeys(F);
        assertThat(page.rows().get(4).cell(M)).isPresent();
        assertThat(page.rows().get(4).cell(F)).isEmpty();
    }

    @Test
    void rowsWithoutTheTimelineAreLeftOutButStaticRowsStay() {
        ChunkStore store = sample();
        assertThat(describe(store.dataframe(DataframeQuery.onTimeline("other"))))
                .containsExactly("/world/camera/depth@static#50", "/world/camera/depth@3#60");
        assertThat(describe(store.dataframe(DataframeQuery.staticOnly())))
                .containsExactly("/world/camera/depth@static#50");
        DataframePage unknown = store.dataframe(DataframeQuery.onTimeline("nope"));
        assertThat(describe(unknown)).containsExactly("/world/camera/depth@static#50");
        assertThat(unknown.timelineType()).isNull();
    }

    @Test
    void entityFilterIsAPrefixOfWholeParts() {
        ChunkStore store = sample();
        DataframeQuery world = DataframeQuery.onTimeline("frame").withEntity("world");
        assertThat(world.entityPrefix()).isEqualTo("/world");
        assertThat(describe(store.dataframe(world))).hasSize(5).noneMatch(s -> s.startsWith("/world-x"));
        assertThat(describe(store.dataframe(world.withEntity("/world/camera/depth")))).hasSize(4);
        assertThat(store.dataframe(world.withEntity("/world/cam")).totalRows()).isZero();
        assertThat(store.dataframe(world.withEntity("/")).totalRows()).isEqualTo(6);
    }

    @Test
    void pagesAreSlicesOfTheWholeTableWithItsCount() {
        ChunkStore store = sample();
        DataframeQuery q = DataframeQuery.onTimeline("frame");
        List<String> all = describe(store.dataframe(q));
        for (int offset = 0; offset <= 7; offset++) {
            for (int limit = 0; limit <= 7; limit++) {
                DataframePage page = store.dataframe(q, offset, limit);
                assertThat(page.totalRows()).isEqualTo(6);
                assertThat(page.offset()).isEqualTo(offset);
                assertThat(describe(page)).as("offset %d limit %d", offset, limit)
                        .isEqualTo(all.subList(Math.min(offset, 6), Math.min(6, offset + limit)));
                assertThat(page.columns()).isEqualTo(store.dataframe(q).columns());
            }
        }
        assertThatThrownBy(() -> store.dataframe(q, -1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void columnsAreGroupedByEntityAndOnlyWhereLogged() {
        DataframePage page = sample().dataframe(DataframeQuery.onTimeline("frame"));
        assertThat(page.columns()).extracting(c -> c.entityPath() + " " + c.component()).containsExactly(
                "/world DepthImage:meter",
                "/world/camera/depth DepthImage:meter",
                "/world/camera/depth DepthImage:point_fill_ratio",
                "/world-x DepthImage:meter");
        assertThat(page.columns().get(0).archetypeName()).isEqualTo("DepthImage");
        assertThat(page.columns().get(0).fieldName()).isEqualTo("meter");
        assertThat(page.columns()).noneMatch(DataframeColumn::allNull);
        assertThat(page.entityPaths()).containsExactly("/world", "/world/camera/depth", "/world-x");
        // On "other" /world/camera/depth has only the meter: fill was never logged on that timeline or static.
        assertThat(sample().dataframe(DataframeQuery.onTimeline("other")).columns())
                .extracting(DataframeColumn::component).containsExactly(M);
    }

    @Test
    void aColumnWithoutAnyValueIsMarkedAllNull() {
        ChunkStore store = new ChunkStore();
        add(store, chunk("/e", "frame", new long[] {1}, new long[] {1}, floats(METER, v(1)), floats(FILL, (float[]) null)));
        add(store, chunk("/e", "frame", new long[] {2}, new long[] {2}, floats(METER, CLEARED)));
        DataframePage page = store.dataframe(DataframeQuery.onTimeline("frame"));
        assertThat(page.columns()).extracting(c -> c.component() + "=" + c.allNull())
                .containsExactly(M + "=false", F + "=true");
        assertThat(page.rows().get(1).cell(M)).isPresent();   // cleared (empty list) is a value
    }

    @Test
    void rowsOnSeveralTimelinesAppearOnEach() {
        ChunkStore store = new ChunkStore();
        add(store, chunk("/e", List.of(new TimeColumn(Timeline.sequence("tick"), new long[] {7}),
                new TimeColumn(Timeline.sequence("frame"), new long[] {3})), new long[] {1}, floats(METER, v(1))));
        assertThat(describe(store.dataframe(DataframeQuery.onTimeline("tick")))).containsExactly("/e@7#1");
        assertThat(describe(store.dataframe(DataframeQuery.onTimeline("frame")))).containsExactly("/e@3#1");
    }
}

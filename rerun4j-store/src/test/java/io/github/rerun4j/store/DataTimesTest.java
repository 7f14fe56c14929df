package io.github.rerun4j.store;

import static io.github.rerun4j.store.TestChunks.FILL;
import static io.github.rerun4j.store.TestChunks.METER;
import static io.github.rerun4j.store.TestChunks.chunk;
import static io.github.rerun4j.store.TestChunks.floats;
import static io.github.rerun4j.store.TestChunks.meter;
import static io.github.rerun4j.store.TestChunks.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.Timeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store's data times (the scrubber's stops) and its default timeline: their one home. */
class DataTimesTest {

    /** How the tests put a chunk into the store: added; announced by a footer and read on demand in LazyStoreQueriesTest. */
    void add(ChunkStore store, Chunk chunk) {
        store.add(chunk);
    }

    private static final String E = "/world/camera/depth";

    @Test
    void distinctTimesOfEveryComponentAscending() {
        ChunkStore store = new ChunkStore();
        add(store, chunk(E, "frame", new long[] {7, 3}, new long[] {1, 2}, floats(METER, v(7), v(3))));
        add(store, chunk("/other", "frame", new long[] {3, 11}, new long[] {3, 4}, floats(FILL, v(1), v(1))));
        assertThat(store.dataTimes("frame")).containsExactly(3L, 7L, 11L);
        assertThat(store.dataTimes("nope")).isEmpty();
    }

    @Test
    void staticDataShadowsTemporalTimesAndTheCacheFollowsNewChunks() {
        ChunkStore store = new ChunkStore();
        add(store, meter(E, "frame", 5, 1, v(5)));
        assertThat(store.dataTimes("frame")).containsExactly(5L);
        assertThat(store.dataTimes("frame")).isSameAs(store.dataTimes("frame")); // cached
        add(store, meter(E, "frame", 9, 2, v(9)));
        assertThat(store.dataTimes("frame")).containsExactly(5L, 9L);            // not stale
        add(store, meter(E, null, 0, 3, v(1000)));                                   // static meter shadows both
        assertThat(store.dataTimes("frame")).isEmpty();
    }

    @Test
    void defaultTimelineIsRerunsPick() {
        ChunkStore store = new ChunkStore();
        assertThat(store.defaultTimeline()).isEmpty();
        add(store, meter(E, null, 0, 1, v(1)));
        assertThat(store.defaultTimeline()).isEmpty();                              // static only
        add(store, meter(E, "log_tick", 1, 2, v(1)));
        add(store, meter(E, "log_tick", 2, 3, v(1)));
        assertThat(store.defaultTimeline()).contains("log_tick");
        add(store, meter(E, "zeta", 1, 4, v(1)));
        add(store, meter(E, "frame", 1, 5, v(1)));
        assertThat(store.defaultTimeline()).contains("zeta");   // user timelines beat log_tick; a tie: last name
        add(store, meter(E, "frame", 2, 6, v(1)));
        assertThat(store.defaultTimeline()).contains("frame");  // then the most rows
        add(store, chunk(E, List.of(new TimeColumn(Timeline.timestamp("message_log_time"), new long[] {1})),
                new long[] {7}, floats(METER, v(1))));
        assertThat(store.defaultTimeline()).contains("message_log_time");
    }

    @Test
    void builtInNamesRankAsBuiltInsOnlyWithTheirOwnTypes() {
        ChunkStore store = new ChunkStore();
        add(store, chunk(E, List.of(new TimeColumn(Timeline.timestamp("log_time"), new long[] {1, 2})),
                new long[] {1, 2}, floats(METER, v(1), v(2))));
        assertThat(store.defaultTimeline()).contains("log_time");
        add(store, chunk(E, List.of(new TimeColumn(Timeline.timestamp("log_tick"), new long[] {1})),
                new long[] {3}, floats(METER, v(1))));
        assertThat(store.defaultTimeline()).contains("log_tick"); // a timestamp named log_tick is the user's

        ChunkStore sequences = new ChunkStore();
        sequences.add(meter(E, "log_time", 1, 1, v(1)));
        sequences.add(meter(E, "frame", 1, 2, v(1)));
        assertThat(sequences.defaultTimeline()).contains("log_time"); // a user sequence; a tie: last name
    }
}

package io.github.rerun4j.store;

import static io.github.rerun4j.store.TestChunks.FILL;
import static io.github.rerun4j.store.TestChunks.METER;
import static io.github.rerun4j.store.TestChunks.chunk;
import static io.github.rerun4j.store.TestChunks.floats;
import static io.github.rerun4j.store.TestChunks.meter;
import static io.github.rerun4j.store.TestChunks.meterOf;
import static io.github.rerun4j.store.TestChunks.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.TimeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A store opened by a footer reads only the chunks a query needs, and answers as if it had read them all. */
class LazyChunkStoreTest {

    private static final String E = "/world/camera/depth";
    private static final String M = METER.component();

    /** Announces {@code chunks} in one manifest; counts the chunks read. */
    private static ChunkStore announced(List<Chunk> chunks, AtomicInteger reads, Set<String> readIds) {
        ChunkStore store = new ChunkStore();
        store.addPending(LazyStores.manifestOf(chunks), entry -> {
            reads.incrementAndGet();
            Chunk chunk = chunks.stream().filter(c -> c.id().equals(entry.chunkId())).findFirst().orElseThrow();
            readIds.add(entry.chunkId().toString());
            store.add(chunk);
        });
        return store;
    }

    @Test
    void aLatestAtReadsTheOneChunkThatHoldsItsAnswer() {
        List<Chunk> chunks = new ArrayList<>();
        chunks.add(chunk(E, null, new long[] {0}, new long[] {1}, floats(FILL, v(0.25f))));  // static fill ratio
        for (int f = 0; f < 1000; f++) {
            chunks.add(meter(E, "frame", f, 10 + f, v(f)));
        }
        AtomicInteger reads = new AtomicInteger();
        ChunkStore store = announced(chunks, reads, new HashSet<>());

        // Known at once, without reading: entities, components, timelines, counts.
        assertThat(store.entityPaths()).containsExactly(E);
        assertThat(store.components(E)).extracting(d -> d.component()).containsExactly(M, FILL.component());
        assertThat(store.timelines().get("frame")).isEqualTo(new TimelineInfo(TimeType.SEQUENCE, 0, 999, 1000));
        assertThat(store.rowCount()).isEqualTo(1001);
        assertThat(store.chunkCount()).isEqualTo(1001);
        assertThat(store.pendingChunks()).isEqualTo(1001);
        assertThat(reads).hasValue(0);

        assertThat(meterOf(store.latestAt(E, M, "frame", 999).orElseThrow())).isEqualTo(999f);
        assertThat(reads).hasValue(1);
        assertThat(meterOf(store.latestAt(E, M, "frame", 500).orElseThrow())).isEqualTo(500f);
        assertThat(reads).hasValue(2);
        assertThat(store.latestAt(E, FILL.component(), "frame", 500)).isPresent();   // the static chunk
        assertThat(reads).hasValue(3);
        assertThat(store.range(E, M, "frame", 10, 12)).hasSize(3);
        assertThat(reads).hasValue(6);
        assertThat(store.latestAtAll(E, "frame", 999)).containsOnlyKeys(M, FILL.component());
        assertThat(reads).hasValue(6);  // both answers were read already

        assertThat(store.dataTimes("frame")).hasSize(1000);  // needs every row
        assertThat(reads).hasValue(1001);
        assertThat(store.pendingChunks()).isZero();
        assertThat(store.timelines().get("frame")).isEqualTo(new TimelineInfo(TimeType.SEQUENCE, 0, 999, 1000));
        assertThat(store.rowCount()).isEqualTo(1001);
    }

    @Test
    void aChunkSpanningTheQueryTimeIsReadEvenWhenAnotherStartsLater() {
        // A long chunk [0, 100] and a short one [50, 60] that starts later: at 70 the answer is in the long one.
        Chunk longOne = chunk(E, "frame", new long[] {0, 70, 100}, new long[] {1, 2, 3}, floats(METER, v(0), v(70), v(100)));
        Chunk shortOne = chunk(E, "frame", new long[] {50, 60}, new long[] {4, 5}, floats(METER, v(50), v(60)));
        AtomicInteger reads = new AtomicInteger();
        ChunkStore store = announced(List.of(longOne, shortOne), reads, new HashSet<>());
        assertThat(meterOf(store.latestAt(E, M, "frame", 70).orElseThrow())).isEqualTo(70f);
        assertThat(meterOf(store.latestAt(E, M, "frame", 65).orElseThrow())).isEqualTo(60f);
    }

    @Test
    void dropPendingLeavesWhatWasRead() {
        List<Chunk> chunks = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            chunks.add(meter(E, "frame", f, 10 + f, v(f)));
        }
        ChunkStore store = announced(chunks, new AtomicInteger(), new HashSet<>());
        store.latestAt(E, M, "frame", 3);
        store.dropPending();
        assertThat(store.timelines().get("frame")).isEqualTo(new TimelineInfo(TimeType.SEQUENCE, 3, 3, 1));
        assertThat(meterOf(store.latestAt(E, M, "frame", 9).orElseThrow())).isEqualTo(3f);
        assertThat(store.dataTimes("frame")).containsExactly(3L);
    }

    /** Eight query threads and the background pass read the same announced chunks at once: every answer exact. */
    @Test
    void concurrentQueriesAndTheBackgroundPassReadEachChunkOnceAndAnswerExactly() throws Exception {
        List<Chunk> chunks = new ArrayList<>();
        for (int f = 0; f < 2000; f++) {
            chunks.add(meter(E, "frame", f, 10 + f, v(f)));
        }
        AtomicInteger reads = new AtomicInteger();
        ChunkStore store = announced(chunks, reads, java.util.concurrent.ConcurrentHashMap.newKeySet());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(9);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            done.add(pool.submit(store::loadPending));
            for (int t = 0; t < 8; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int q = 0; q < 500; q++) {
                        int frame = random.nextInt(2000);
                        assertThat(meterOf(store.latestAt(E, M, "frame", frame).orElseThrow())).isEqualTo((float) frame);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.pendingChunks()).isZero();
        assertThat(reads).hasValue(2000);  // each chunk read once, whoever needed it first
        assertThat(store.chunkCount()).isEqualTo(2000);
    }

    /** Random recordings (overlapping chunks, nulls, clears, statics, two timelines): lazy answers = eager answers. */
    @Test
    void randomRecordingsAnswerExactlyAsWhenEveryChunkWasRead() {
        Random random = new Random(14);
        for (int round = 0; round < 40; round++) {
            List<Chunk> chunks = new ArrayList<>();
            long rowId = 1;
            int n = 1 + random.nextInt(12);
            for (int c = 0; c < n; c++) {
                String entity = random.nextBoolean() ? E : "/world/other";
                int rows = 1 + random.nextInt(4);
                long[] times = new long[rows];
                long[] ids = new long[rows];
                float[][] meters = new float[rows][];
                float[][] fills = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    times[r] = random.nextInt(30);
                    ids[r] = rowId++;
                    int kind = random.nextInt(5);
                    meters[r] = kind == 0 ? null : kind == 1 ? TestChunks.CLEARED : v(random.nextInt(100));
                    fills[r] = random.nextInt(3) == 0 ? v(random.nextInt(100)) : null;
                }
                String timeline = random.nextInt(6) == 0 ? null : random.nextInt(4) == 0 ? "tick" : "frame";
                chunks.add(chunk(entity, timeline, times, ids, floats(METER, meters), floats(FILL, fills)));
            }
            ChunkStore eager = new ChunkStore();
            eager.addAll(chunks);
            ChunkStore lazy = announced(chunks, new AtomicInteger(), new HashSet<>());
            for (int q = 0; q < 30; q++) {
                String entity = random.nextBoolean() ? E : "/world/other";
                String component = random.nextBoolean() ? M : FILL.component();
                String timeline = random.nextInt(5) == 0 ? null : random.nextBoolean() ? "frame" : "tick";
                long t = random.nextInt(34) - 2;
                String what = "round " + round + " query " + q + ": " + entity + " " + component + " " + timeline + " " + t;
                assertThat(lazy.latestAt(entity, component, timeline, t)).as(what).isEqualTo(eager.latestAt(entity, component, timeline, t));
                long to = t + random.nextInt(10);
                assertThat(lazy.range(entity, component, timeline, t, to)).as(what).isEqualTo(eager.range(entity, component, timeline, t, to));
                assertThat(lazy.latestAtAll(entity, timeline, t)).as(what).isEqualTo(eager.latestAtAll(entity, timeline, t));
                assertThat(lazy.timelines()).as(what).isEqualTo(eager.timelines());
                assertThat(lazy.rowCount()).as(what).isEqualTo(eager.rowCount());
            }
            assertThat(lazy.dataTimes("frame")).isEqualTo(eager.dataTimes("frame"));
            assertThat(lazy.dataframe(DataframeQuery.onTimeline("frame")).rows())
                    .isEqualTo(eager.dataframe(DataframeQuery.onTimeline("frame")).rows());
        }
    }
}

package io.github.rerun4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.sink.FileSink;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.sdk.sink.Sink;
import io.github.rerun4j.sdk.types.EntityPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Time, timelines, batching, back-pressure, bad input, failing sinks, lifecycle and concurrency of RecordingStream. */
class RecordingStreamTest {

    /** Long enough that the timer never fires during a test: batching is decided by size and flush() only. */
    private static final BatcherConfig MANUAL = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMinutes(10));

    @TempDir
    Path dir;

    private static DepthImage tinyImage(int value) {
        return DepthImage.fromU16(new short[] {(short) value}, 1, 1);
    }

    private static int pixel(Chunk chunk, int row) {
        DepthImage d = ArchetypeCodec.readDepthImage(chunk, row).orElseThrow();
        return Short.toUnsignedInt(d.buffer().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN).getShort(0));
    }

    /** All rows of all chunks of the sink, as (chunk, row) pairs in sink order. */
    private record Row(Chunk chunk, int row) {
        long time(String timeline) {
            return chunk.timeline(timeline).orElseThrow(() -> new AssertionError(chunk + " has no " + timeline)).time(row);
        }
    }

    private static List<Row> rows(List<Chunk> chunks) {
        List<Row> rows = new ArrayList<>();
        for (Chunk c : chunks) {
            for (int r = 0; r < c.rowCount(); r++) {
                rows.add(new Row(c, r));
            }
        }
        return rows;
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            Thread.sleep(1);
        }
    }

    // ---- time ----

    @Test
    void timeIsPerThread() throws Exception {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("time_test").batching(MANUAL).sink(sink)) {
            rec.setTimeSequence("frame", 1);
            CountDownLatch bothSet = new CountDownLatch(2);
            Thread a = new Thread(() -> {
                rec.setTimeSequence("frame", 100);
                bothSet.countDown();
                awaitQuietly(bothSet);
                rec.log("a", tinyImage(100));
            });
            Thread b = new Thread(() -> {
                rec.setTimeSequence("frame", 200);
                bothSet.countDown();
                awaitQuietly(bothSet);
                rec.log("b", tinyImage(200));
            });
            Thread none = new Thread(() -> rec.log("none", tinyImage(0)));
            a.start();
            b.start();
            none.start();
            a.join();
            b.join();
            none.join();
            rec.log("main", tinyImage(1));
        }
        Map<String, Row> byEntity = new HashMap<>();
        rows(SdkFixtures.chunks(sink)).forEach(r -> byEntity.put(r.chunk().entityPath(), r));
        assertThat(byEntity.get("/a").time("frame")).isEqualTo(100);
        assertThat(byEntity.get("/b").time("frame")).isEqualTo(200);
        assertThat(byEntity.get("/main").time("frame")).isEqualTo(1);
        assertThat(byEntity.get("/none").chunk().timeline("frame")).as("a fresh thread has no time of its own").isEmpty();
        assertThat(byEntity.get("/none").chunk().timeline("log_tick")).isPresent();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void logTickCountsOnlyTemporalCallsAndStaticChunksHaveNoTimelines() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("tick_test").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.setTimeSequence("frame", 3);
            rec.log("x", tinyImage(0));
            rec.logStatic("x", tinyImage(99));
            rec.logStatic(EntityPath.parse("y"), ViewCoordinates.RDF);
            rec.log(EntityPath.parse("x"), tinyImage(1));
            rec.log("x", tinyImage(2));
        }
        List<Chunk> chunks = SdkFixtures.chunks(sink);
        assertThat(chunks).hasSize(5);
        assertThat(chunks).extracting(Chunk::isStatic).containsExactly(false, true, true, false, false);
        assertThat(chunks.get(1).timelines()).isEmpty();
        assertThat(chunks.get(2).timelines()).isEmpty();
        assertThat(List.of(chunks.get(0), chunks.get(3), chunks.get(4)))
                .extracting(c -> c.timeline("log_tick").orElseThrow().time(0)).containsExactly(0L, 1L, 2L);
        assertThat(List.of(chunks.get(0), chunks.get(3), chunks.get(4)))
                .allSatisfy(c -> assertThat(c.timePoint(0).keySet()).containsExactlyInAnyOrder("frame", "log_tick", "log_time"));
    }

    @Test
    void withoutDefaultTimelinesOnlyTheUsersTimelinesAreWritten() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("tl_test").defaultTimelines(false)
                .batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.setTimeSequence("frame", 7);
            rec.log("x", tinyImage(1));
            // Without default timelines the names are free, with any type.
            rec.setTimestampNanos("log_tick", 5);
            rec.log("x", tinyImage(2));
        }
        List<Chunk> chunks = SdkFixtures.chunks(sink);
        assertThat(chunks.get(0).timePoint(0)).isEqualTo(Map.of("frame", 7L));
        assertThat(chunks.get(1).timePoint(0)).isEqualTo(Map.of("frame", 7L, "log_tick", 5L));
        assertThat(chunks.get(1).timeline("log_tick").orElseThrow().timeline().type()).isEqualTo(TimeType.TIMESTAMP);
    }

    @Test
    void disableTimelineAndResetTime() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("tl_test").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.setTimeSequence("frame", 1);
            rec.setDurationNanos("elapsed", 10);
            rec.log("x", tinyImage(1));
            rec.disableTimeline("frame");
            rec.disableTimeline("never_set"); // harmless
            rec.log("x", tinyImage(2));
            rec.setTimeSequence("frame", 2);
            rec.resetTime();
            rec.log("x", tinyImage(3));
            rec.setTimeSequence("frame", 3);
            rec.log("x", tinyImage(4));
        }
        List<Chunk> chunks = SdkFixtures.chunks(sink);
        assertThat(chunks).extracting(c -> c.timePoint(0).keySet().stream().sorted().toList()).containsExactly(
                List.of("elapsed", "frame", "log_tick", "log_time"),
                List.of("elapsed", "log_tick", "log_time"),
                List.of("log_tick", "log_time"),
                List.of("frame", "log_tick", "log_time"));
        assertThat(chunks.get(3).timePoint(0).get("frame")).isEqualTo(3L);
        assertThat(chunks.get(1).timePoint(0).get("elapsed")).isEqualTo(10L);
    }

    @Test
    void instantAndDurationSetTypedTimelines() {
        MemorySink sink = new MemorySink();
        Instant instant = Instant.parse("2024-05-06T07:08:09.123456789Z");
        try (RecordingStream rec = RecordingStream.builder("tl_test").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.setTimestamp("capture", instant);
            rec.setDuration("since_start", Duration.ofSeconds(3, 45));
            rec.setTimestamp("before_epoch", Instant.parse("1969-12-31T23:59:59.5Z"));
            rec.log("x", tinyImage(1));
        }
        Chunk c = SdkFixtures.chunks(sink).get(0);
        TimeColumn capture = c.timeline("capture").orElseThrow();
        assertThat(capture.timeline().type()).isEqualTo(TimeType.TIMESTAMP);
        assertThat(capture.time(0)).isEqualTo(1_714_979_289_123_456_789L);
        TimeColumn since = c.timeline("since_start").orElseThrow();
        assertThat(since.timeline().type()).isEqualTo(TimeType.DURATION);
        assertThat(since.time(0)).isEqualTo(3_000_000_045L);
        assertThat(c.timeline("before_epoch").orElseThrow().time(0)).isEqualTo(-500_000_000L);
        assertThat(c.timeline("log_time").orElseThrow().timeline().type()).isEqualTo(TimeType.TIMESTAMP);
        assertThat(c.timeline("log_tick").orElseThrow().timeline().type()).isEqualTo(TimeType.SEQUENCE);
    }

    // ---- batching ----

    @Test
    void batchingGroupsRowsIntoOneChunkPerEntityUntilFlush() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("batch_test").batching(MANUAL).sink(sink)) {
            for (int i = 0; i < 150; i++) {
                rec.setTimeSequence("frame", i);
                rec.log(i % 3 == 0 ? "b" : "a", tinyImage(i));
            }
            assertThat(sink.messages()).as("nothing but the store info before flush").hasSize(1);
            rec.flush();
            List<Chunk> chunks = SdkFixtures.chunks(sink);
            // In order of each entity's first row (frame 0 went to b).
            assertThat(chunks).extracting(Chunk::entityPath).containsExactly("/b", "/a");
            assertThat(chunks).extracting(Chunk::rowCount).containsExactly(50, 100);
            for (Chunk c : chunks) {
                long[] frames = c.timeline("frame").orElseThrow().times();
                for (int r = 0; r < c.rowCount(); r++) {
                    assertThat(pixel(c, r)).isEqualTo((int) frames[r]);
                    if (r > 0) {
                        assertThat(c.rowIds().get(r)).isGreaterThan(c.rowIds().get(r - 1));
                        assertThat(frames[r]).isGreaterThan(frames[r - 1]);
                    }
                }
            }
            rec.flush();
            assertThat(SdkFixtures.chunks(sink)).as("a second flush writes nothing new").hasSize(2);
            rec.log("a", tinyImage(1));
        }
        assertThat(SdkFixtures.chunks(sink)).as("close flushes").hasSize(3);
    }

    @Test
    void defaultConfigBatchesAndFlushDeliversEverything() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("batch_test").batching(BatcherConfig.DEFAULT).sink(sink)) {
            for (int i = 0; i < 300; i++) {
                rec.log("e" + (i % 2), tinyImage(i));
            }
            rec.flush();
            List<Chunk> chunks = SdkFixtures.chunks(sink);
            assertThat(chunks.stream().mapToInt(Chunk::rowCount).sum()).isEqualTo(300);
            // Batching, not one chunk per call (the 200 ms timer may split a batch once or twice on a slow machine).
            assertThat(chunks.size()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void rowsWithDifferentShapesOnOneEntityGoToSeparateChunks() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("batch_test").batching(MANUAL).sink(sink)) {
            rec.log("x", tinyImage(1));
            rec.log("x", tinyImage(2).withMeter(5.0));     // another set of components
            rec.logStatic("x", tinyImage(3));               // no timelines
            rec.log("x", Transform3D.fromTranslation(1, 2, 3));
            rec.log("x", tinyImage(4));
        }
        List<Chunk> chunks = SdkFixtures.chunks(sink);
        assertThat(chunks).hasSize(4);
        assertThat(chunks.get(0).rowCount()).isEqualTo(2);
        assertThat(pixel(chunks.get(0), 0)).isEqualTo(1);
        assertThat(pixel(chunks.get(0), 1)).isEqualTo(4);
        assertThat(chunks).extracting(Chunk::id).doesNotHaveDuplicates();
    }

    @Test
    void maxRowsPerChunkSplits() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("batch_test").batching(MANUAL.withMaxRowsPerChunk(10)).sink(sink)) {
            for (int i = 0; i < 25; i++) {
                rec.log("x", tinyImage(i));
            }
            rec.flush();
        }
        List<Chunk> chunks = SdkFixtures.chunks(sink);
        assertThat(chunks).extracting(Chunk::rowCount).containsExactly(10, 10, 5);
        List<Integer> pixels = rows(chunks).stream().map(r -> pixel(r.chunk(), r.row())).toList();
        assertThat(pixels).isEqualTo(java.util.stream.IntStream.range(0, 25).boxed().toList());
    }

    @Test
    void immediateWritesOneChunkPerLogBeforeReturning() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("batch_test").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            for (int i = 0; i < 5; i++) {
                rec.log("x", tinyImage(i));
                assertThat(SdkFixtures.chunks(sink)).hasSize(i + 1);
                assertThat(SdkFixtures.chunks(sink).get(i).rowCount()).isEqualTo(1);
            }
        }
    }

    /** Records what it is handed; optionally fails on chunk messages. */
    static final class RecordingSink implements Sink {
        final List<Integer> chunkRows = new CopyOnWriteArrayList<>();
        final List<Long> chunkBytes = new CopyOnWriteArrayList<>();
        final List<Thread> sendThreads = new CopyOnWriteArrayList<>();
        final AtomicInteger rowsReceived = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        final Sink delegate;
        volatile int failChunksFrom = Integer.MAX_VALUE;
        volatile boolean closed;

        RecordingSink(Sink delegate) {
            this.delegate = delegate;
        }

        @Override
        public void send(LogMessage message) throws IOException {
            if (message instanceof LogMessage.ChunkMessage c) {
                if (attempts.getAndIncrement() >= failChunksFrom) {
                    throw new IOException("disk full (simulated)");
                }
                chunkRows.add(c.chunk().rowCount());
                // Pixel bytes handed over at once: the end offset of the chunk's blob list.
                chunkBytes.add(c.chunk().component("DepthImage:buffer")
                        .map(col -> (long) col.items().offset(col.items().length())).orElse(0L));
                sendThreads.add(Thread.currentThread());
                rowsReceived.addAndGet(c.chunk().rowCount());
            }
            if (delegate != null) {
                delegate.send(message);
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (delegate != null) {
                delegate.close();
            }
        }
    }

    @Test
    void flushBytesThresholdWritesSynchronouslyAndBoundsPendingMemory() {
        RecordingSink sink = new RecordingSink(null);
        long flushBytes = 2L << 20;
        int rowBytes = 1 << 20;
        int logged = 0;
        try (RecordingStream rec = RecordingStream.builder("bp_test").batching(MANUAL.withFlushBytes(flushBytes)).sink(sink)) {
            for (int i = 0; i < 50; i++) {
                byte[] frame = new byte[rowBytes];
                frame[0] = (byte) i;
                rec.log("cam", DepthImage.fromU8(frame, 1024, 1024));
                logged++;
                // Back-pressure: whatever is not yet in the sink stays below the threshold plus one row.
                assertThat((long) (logged - sink.rowsReceived.get()) * rowBytes).isLessThan(flushBytes + rowBytes);
            }
            assertThat(sink.sendThreads).as("written by the logging thread itself").containsOnly(Thread.currentThread());
        }
        assertThat(sink.rowsReceived.get()).isEqualTo(50);
        assertThat(sink.chunkBytes).allSatisfy(b -> assertThat(b).isLessThanOrEqualTo(flushBytes + rowBytes));
        assertThat(sink.chunkRows).allSatisfy(r -> assertThat(r).isBetween(1, 2));
        assertThat(sink.chunkRows).hasSize(25);
    }

    @Test
    @Timeout(20)
    void timeBasedFlushHappensWithinTheInterval() throws Exception {
        MemorySink sink = new MemorySink();
        Duration interval = Duration.ofMillis(100);
        try (RecordingStream rec = RecordingStream.builder("timer_test").batching(BatcherConfig.DEFAULT.withFlushInterval(interval)).sink(sink)) {
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                rec.log("x", tinyImage(round));
                rec.log("x", tinyImage(round + 10));
                int expectedChunks = round + 1;
                await("the timer flush", Duration.ofSeconds(10), () -> SdkFixtures.chunks(sink).size() >= expectedChunks);
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                assertThat(elapsedMs).as("not before the interval").isGreaterThanOrEqualTo(interval.toMillis() - 1);
                assertThat(elapsedMs).as("soon after the interval").isLessThan(interval.toMillis() + 2_000);
                assertThat(SdkFixtures.chunks(sink).get(round).rowCount()).isEqualTo(2);
            }
        }
    }

    // ---- bad input ----

    // Every rejected argument (log, logStatic, setTime*, builder, BatcherConfig) is a row of BadInputTableTest.

    @Test
    void builderAcceptsTheLongestApplicationIdAndSetsTheRecordingId() {
        assertThatCode(() -> RecordingStream.builder("x".repeat(180))).doesNotThrowAnyException();
        RecordingStream.Builder b = RecordingStream.builder("ok_app-1");
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = b.recordingId("my_recording").sink(sink)) {
            assertThat(rec.recordingId()).isEqualTo("my_recording");
            assertThat(rec.applicationId()).isEqualTo("ok_app-1");
        }
        assertThat(sink.messages()).singleElement().isInstanceOf(LogMessage.StoreInfoMessage.class);
    }

    // ---- failing sink ----

    @Test
    void failingSinkSurfacesFromLogFlushAndCloseAndTheFileSoFarStaysReadable() throws Exception {
        Path file = dir.resolve("failing.rrd");
        RecordingSink sink = new RecordingSink(FileSink.create(file, true, false));
        sink.failChunksFrom = 2;
        RecordingStream rec = RecordingStream.builder("fail_test").batching(BatcherConfig.IMMEDIATE).sink(sink);
        rec.log("x", tinyImage(1));
        rec.log("x", tinyImage(2));
        assertThatThrownBy(() -> rec.log("x", tinyImage(3)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("disk full");
        // The file holds every message written before the failure, and is readable while still open.
        List<Chunk> chunks = SdkFixtures.chunks(LogMessageReader.readAll(file));
        assertThat(chunks).hasSize(2);
        assertThat(pixel(chunks.get(1), 0)).isEqualTo(2);
        rec.close();
        assertThat(sink.closed).isTrue();
        assertThat(SdkFixtures.chunks(LogMessageReader.readAll(file))).hasSize(2);
    }

    @Test
    void failingSinkSurfacesFromFlushAndFromClose() {
        RecordingSink sink = new RecordingSink(null);
        sink.failChunksFrom = 0;
        RecordingStream rec = RecordingStream.builder("fail_test").batching(MANUAL).sink(sink);
        rec.log("x", tinyImage(1));
        assertThatThrownBy(rec::flush).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        rec.log("x", tinyImage(2));
        assertThatThrownBy(rec::close).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        assertThat(sink.closed).as("the sink is closed even when the last write failed").isTrue();
        assertThatCode(rec::close).doesNotThrowAnyException();
        assertThatThrownBy(() -> rec.log("x", tinyImage(3))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Timeout(20)
    void aFailedTimerWriteKeepsItsRowsForFlushToReportAndRetry() throws Exception {
        RecordingSink sink = new RecordingSink(null);
        sink.failChunksFrom = 0;
        try (RecordingStream rec = RecordingStream.builder("fail_test")
                .batching(BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMillis(20))).sink(sink)) {
            rec.log("x", tinyImage(1));
            await("the timer's write attempt", Duration.ofSeconds(10), () -> sink.attempts.get() > 0);
            assertThatThrownBy(rec::flush).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("disk full").hasMessageContaining("1 rows stay queued");
            // The sink recovers: the kept row is written by the next flush, once.
            sink.failChunksFrom = Integer.MAX_VALUE;
            rec.flush();
            assertThat(sink.rowsReceived.get()).isEqualTo(1);
        }
        assertThat(sink.rowsReceived.get()).isEqualTo(1);
    }

    /** Fails the first chunk write, but only after the test let it go: holds the timer thread inside send. */
    static final class BlockingFailingSink implements Sink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger chunksTaken = new AtomicInteger();

        @Override
        public void send(LogMessage message) throws IOException {
            if (message instanceof LogMessage.ChunkMessage) {
                if (entered.getCount() > 0) {
                    entered.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("disk full (simulated, in the timer thread)");
                }
                chunksTaken.incrementAndGet();
            }
        }

        @Override
        public void close() {
        }
    }

    /**
     * A timer write that fails while flush() or close() waits for it loses nothing: the rows are kept, and the
     * waiting call sends them again before it returns (flush() promised them written).
     */
    @Test
    @Timeout(30)
    void aTimerWriteFailingWhileFlushOrCloseWaitsIsRetriedByThatCall() throws Exception {
        for (String call : List.of("flush", "close")) {
            BlockingFailingSink sink = new BlockingFailingSink();
            RecordingStream rec = RecordingStream.builder("fail_test")
                    .batching(BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMillis(10))).sink(sink);
            rec.log("x", tinyImage(1));
            assertThat(sink.entered.await(10, TimeUnit.SECONDS)).as("the timer started writing").isTrue();
            List<Throwable> thrown = new CopyOnWriteArrayList<>();
            Thread caller = new Thread(() -> {
                try {
                    if (call.equals("flush")) {
                        rec.flush();
                    } else {
                        rec.close();
                    }
                } catch (Throwable t) {
                    thrown.add(t);
                }
            });
            caller.start();
            await(call + " waiting for the timer's write", Duration.ofSeconds(10),
                    () -> caller.getState() == Thread.State.BLOCKED || caller.getState() == Thread.State.WAITING
                            || !caller.isAlive());
            sink.release.countDown();
            caller.join(10_000);
            assertThat(thrown).as(call + "()").isEmpty();
            assertThat(sink.chunksTaken.get()).as(call + "() wrote the kept row").isEqualTo(1);
            rec.close();
        }
    }

    // ---- lifecycle ----

    @Test
    void logAfterCloseThrowsAndCloseIsIdempotent() {
        MemorySink sink = new MemorySink();
        RecordingStream rec = RecordingStream.builder("life_test").sink(sink);
        rec.log("x", tinyImage(1));
        rec.close();
        rec.close();
        assertThatThrownBy(() -> rec.log("x", tinyImage(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rec.logStatic("x", tinyImage(2))).isInstanceOf(IllegalStateException.class);
        assertThat(SdkFixtures.chunks(sink)).hasSize(1);
    }

    // ---- concurrency ----

    /**
     * 8 threads x 1000 checksummed 32x24 U16 images into one stream with the default batching (plus a flush now
     * and then): every row arrives exactly once and intact, and each thread's {@code frame} sequence is monotone
     * in row-id order (row ids are assigned in logging order, so this is each thread's own order).
     */
    @Test
    @Timeout(120)
    void eightThreadsLoggingConcurrentlyLoseNothing() throws Exception {
        Path file = dir.resolve("concurrent.rrd");
        int threads = 8;
        int perThread = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (RecordingStream rec = RecordingStream.builder("concurrency").saveTo(file, true)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        rec.setTimeSequence("frame", i);
                        rec.setTimeSequence("thread", thread);
                        rec.log("shared/images", TestImages.image(thread, i, 32, 24));
                        if (i % 250 == 249) {
                            rec.flush();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Row> rows = rows(SdkFixtures.chunks(LogMessageReader.readAll(file)));
        assertThat(rows).hasSize(threads * perThread);
        Map<Integer, List<Integer>> indicesByThread = checkIntactImages(rows);
        assertThat(indicesByThread).hasSize(threads);
        List<Integer> expected = java.util.stream.IntStream.range(0, perThread).boxed().toList();
        // Each thread's images arrive complete and in that thread's logging order, in file order ...
        indicesByThread.values().forEach(list -> assertThat(list).isEqualTo(expected));
        // ... and in row-id order.
        List<Row> byRowId = new ArrayList<>(rows);
        byRowId.sort(java.util.Comparator.comparing(r -> r.chunk().rowIds().get(r.row())));
        checkIntactImages(byRowId).values().forEach(list -> assertThat(list).isEqualTo(expected));
        Set<Long> ticks = new HashSet<>();
        Set<Tuid> rowIds = new HashSet<>();
        for (Row r : rows) {
            ticks.add(r.time("log_tick"));
            rowIds.add(r.chunk().rowIds().get(r.row()));
        }
        assertThat(ticks).hasSize(threads * perThread).allSatisfy(t -> assertThat(t).isBetween(0L, (long) threads * perThread - 1));
        assertThat(rowIds).hasSize(threads * perThread);
    }

    /** Checks every row's pixels and timelines against what its thread logged; each thread's indices in row order. */
    private static Map<Integer, List<Integer>> checkIntactImages(List<Row> rows) {
        Map<Integer, List<Integer>> indicesByThread = new HashMap<>();
        for (Row r : rows) {
            short[] px = TestImages.read(ArchetypeCodec.readDepthImage(r.chunk(), r.row()).orElseThrow());
            int thread = px[0];
            int index = Short.toUnsignedInt(px[1]);
            if (!java.util.Arrays.equals(px, TestImages.pixels(thread, index, px.length))) {
                throw new AssertionError("pixels of thread " + thread + " image " + index + " damaged");
            }
            assertThat(r.time("frame")).as("frame of thread %d image %d", thread, index).isEqualTo(index);
            assertThat(r.time("thread")).isEqualTo(thread);
            assertThat(r.chunk().entityPath()).isEqualTo("/shared/images");
            indicesByThread.computeIfAbsent(thread, k -> new ArrayList<>()).add(index);
        }
        return indicesByThread;
    }

    /**
     * close() while 8 threads log: every call that returned normally is in the file (each thread's images 0..n-1,
     * intact), each thread's first call after close gets IllegalStateException, and nothing else is thrown.
     */
    @Test
    @Timeout(60)
    void closeWhileOtherThreadsLogIsSafe() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path file = dir.resolve("close-race-" + round + ".rrd");
            int threads = 8;
            AtomicInteger[] logged = new AtomicInteger[threads];
            List<Throwable> unexpected = new CopyOnWriteArrayList<>();
            AtomicInteger rejected = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            RecordingStream rec = RecordingStream.builder("close_race")
                    .batching(BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMillis(5))).saveTo(file);
            CountDownLatch started = new CountDownLatch(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                logged[t] = new AtomicInteger();
                futures.add(pool.submit(() -> {
                    try {
                        for (int i = 0; ; i++) {
                            rec.setTimeSequence("frame", i);
                            rec.setTimeSequence("thread", thread);
                            rec.log("shared/images", TestImages.image(thread, i, 32, 24));
                            logged[thread].incrementAndGet();
                            if (i == 20) {
                                started.countDown();
                            }
                        }
                    } catch (IllegalStateException expected) {
                        rejected.incrementAndGet();
                        started.countDown();
                    } catch (Throwable other) {
                        unexpected.add(other);
                        started.countDown();
                    }
                }));
            }
            assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(round * 20L);
            rec.close();
            for (Future<?> f : futures) {
                f.get(20, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(unexpected).as("exceptions other than IllegalStateException").isEmpty();
            assertThat(rejected.get()).as("every thread was told the stream is closed").isEqualTo(threads);

            List<Row> rows = rows(SdkFixtures.chunks(LogMessageReader.readAll(file)));
            Map<Integer, List<Integer>> indicesByThread = checkIntactImages(rows);
            int total = 0;
            for (int t = 0; t < threads; t++) {
                int n = logged[t].get();
                total += n;
                assertThat(indicesByThread.getOrDefault(t, List.of())).as("round %d thread %d", round, t)
                        .isEqualTo(java.util.stream.IntStream.range(0, n).boxed().toList());
            }
            assertThat(rows).hasSize(total);
        }
    }

    @Test
    void memorySinkBytesAreAReadableRecording() throws Exception {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("mem").sink(sink)) {
            rec.log("x", SdkFixtures.fullDepthImage().withColorSource("x/rgb"));
        }
        byte[] rrd = sink.toRrdBytes();
        try (LogMessageReader reader = LogMessageReader.of(new java.io.ByteArrayInputStream(rrd))) {
            assertThat(reader.next().message()).isInstanceOf(LogMessage.StoreInfoMessage.class);
            LogMessage.ChunkMessage chunk = (LogMessage.ChunkMessage) reader.next().message();
            assertThat(ArchetypeCodec.readDepthImage(chunk.chunk(), 0))
                    .contains(SdkFixtures.fullDepthImage().withColorSource("x/rgb"));
            assertThat(reader.next()).isNull();
        }
        assertThat(ByteBuffer.wrap(rrd, 0, 4)).isEqualTo(ByteBuffer.wrap("RRF2".getBytes()));
    }
}

package io.github.rerun4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.Sink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink that fails: every row whose log call returned is written once the sink works again, or reported by
 * {@code close()}; a log call that throws did not log its row, so a retry does not duplicate it.
 */
@Timeout(30)
class WriteFailureTest {

    private static final BatcherConfig MANUAL = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMinutes(10));

    /** Fails chunk messages while {@code failing}; keeps the pixel value of every row it takes. */
    static class FlakySink implements Sink {
        final List<Integer> written = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();
        volatile boolean failing = true;
        volatile boolean closed;

        @Override
        public void send(LogMessage message) throws IOException {
            if (message instanceof LogMessage.ChunkMessage c) {
                if (failing) {
                    failures.incrementAndGet();
                    throw new IOException("disk full (simulated)");
                }
                Chunk chunk = c.chunk();
                for (int r = 0; r < chunk.rowCount(); r++) {
                    DepthImage d = ArchetypeCodec.readDepthImage(chunk, r).orElseThrow();
                    written.add(Short.toUnsignedInt(d.buffer().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN).getShort(0)));
                }
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A 32x16 image (1 KiB) whose first pixel is {@code value}. */
    private static DepthImage image(int value) {
        short[] px = new short[32 * 16];
        px[0] = (short) value;
        return DepthImage.fromU16(px, 32, 16);
    }

    @Test
    void rowsOfOtherThreadsSurviveAWriteThatFailedInAnotherThread() throws Exception {
        FlakySink sink = new FlakySink();
        RecordingStream rec = RecordingStream.builder("flaky").batching(MANUAL.withFlushBytes(4 * 1024)).sink(sink);
        Thread other = new Thread(() -> rec.log("other", image(1)));
        other.start();
        other.join();
        // This thread's rows reach flushBytes; the write that starts fails and takes the other thread's row with it.
        List<Integer> returned = new ArrayList<>(List.of(1));
        UncheckedIOException failure = null;
        for (int v = 100; failure == null && v < 200; v++) {
            try {
                rec.log("mine", image(v));
                returned.add(v);
            } catch (UncheckedIOException e) {
                failure = e;
            }
        }
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("not logged").contains("disk full").contains("stay queued");
        assertThat(sink.written).isEmpty();

        sink.failing = false;
        rec.flush();
        assertThat(sink.written).containsExactlyInAnyOrderElementsOf(returned);
        rec.close();
        assertThat(sink.written).containsExactlyInAnyOrderElementsOf(returned);
    }

    @Test
    void aLogCallThatThrowsDidNotLogItsRowSoRetryingItDoesNotDuplicateIt() throws Exception {
        FlakySink sink = new FlakySink();
        RecordingStream rec = RecordingStream.builder("flaky")
                .batching(BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMillis(20))).sink(sink);
        rec.log("x", image(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.failures.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(sink.failures.get()).as("the timer's write failed").isPositive();
        sink.failing = false;
        // A careful caller retries a log call that threw, once.
        for (int v = 2; v <= 4; v++) {
            try {
                rec.log("x", image(v));
            } catch (UncheckedIOException e) {
                rec.log("x", image(v));
            }
        }
        rec.close();
        assertThat(sink.written).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void flushThrowsUntilTheKeptRowsAreWrittenThenWritesThem() {
        FlakySink sink = new FlakySink();
        RecordingStream rec = RecordingStream.builder("flaky").batching(MANUAL).sink(sink);
        rec.log("x", image(1));
        rec.log("x", image(2));
        assertThatThrownBy(rec::flush).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("java.io.IOException: disk full").hasMessageContaining("2 rows stay queued");
        assertThatThrownBy(rec::flush).isInstanceOf(UncheckedIOException.class).hasMessageContaining("2 rows stay queued");
        sink.failing = false;
        rec.flush();
        assertThat(sink.written).containsExactly(1, 2);
        rec.close();
        assertThat(sink.written).containsExactly(1, 2);
    }

    @Test
    void closeCountsTheRowsItCouldNotWriteAndClosesTheSink() {
        FlakySink sink = new FlakySink();
        RecordingStream rec = RecordingStream.builder("flaky").batching(MANUAL).sink(sink);
        for (int v = 0; v < 3; v++) {
            rec.log("x", image(v));
        }
        assertThatThrownBy(rec::close).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("3 logged rows could not be written").hasMessageContaining("disk full");
        assertThat(sink.closed).isTrue();
        assertThat(sink.written).isEmpty();
    }

    @Test
    void whileTheSinkFailsMemoryStaysBoundedByRefusingNewRows() {
        FlakySink sink = new FlakySink();
        long flushBytes = 16 * 1024;
        RecordingStream rec = RecordingStream.builder("flaky").batching(MANUAL.withFlushBytes(flushBytes)).sink(sink);
        int accepted = 0;
        int refused = 0;
        for (int v = 0; v < 200; v++) {
            try {
                rec.log("x", image(v));
                accepted++;
            } catch (UncheckedIOException e) {
                refused++;
            }
        }
        // 1 KiB rows: about flushBytes worth are kept, every later one is refused.
        assertThat(accepted).isBetween(14, 17);
        assertThat(refused).isEqualTo(200 - accepted);
        sink.failing = false;
        rec.close();
        assertThat(sink.written).hasSize(accepted);
    }

    @Test
    void aSinkWhoseStoreInfoFailsIsClosedByTheBuilder() {
        FlakySink sink = new FlakySink() {
            @Override
            public void send(LogMessage message) throws IOException {
                throw new IOException();
            }
        };
        assertThatThrownBy(() -> RecordingStream.builder("flaky").sink(sink)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("starting recording").hasMessageEndingWith(": java.io.IOException");
        assertThat(sink.closed).as("the stream owns the sink from the builder call on").isTrue();
    }

    @Test
    void aFileThatCannotBeCreatedSaysWhyOnce(@TempDir Path dir) {
        Path file = dir.resolve("no-such-folder").resolve("x.rrd");
        assertThatThrownBy(() -> RecordingStream.builder("flaky").saveTo(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot create " + file + ": no such file or directory (java.nio.file.NoSuchFileException)");
        assertThatThrownBy(() -> RecordingStream.builder("flaky").saveTo(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot create " + dir + ": ").hasMessageContaining("Exception)")
                .satisfies(e -> assertThat(e.getMessage().split(java.util.regex.Pattern.quote(dir.toString()), -1)).hasSize(2));
    }

    /** Throws OutOfMemoryError once (as encoding a huge chunk can), then works. */
    static final class OutOfMemoryOnceSink extends FlakySink {
        @Override
        public void send(LogMessage message) throws IOException {
            if (message instanceof LogMessage.ChunkMessage && failures.getAndIncrement() == 0) {
                throw new OutOfMemoryError("simulated");
            }
            failing = false;
            super.send(message);
        }
    }

    @Test
    void anErrorInTheTimersWriteKeepsTheRowsAndTheTimerRunning() throws Exception {
        OutOfMemoryOnceSink sink = new OutOfMemoryOnceSink();
        try (RecordingStream rec = RecordingStream.builder("flaky")
                .batching(BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMillis(20))).sink(sink)) {
            rec.log("x", image(7));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sink.written.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(sink.failures.get()).as("the first timer write hit the error").isGreaterThanOrEqualTo(2);
            assertThat(sink.written).as("a later timer write sent the kept row").containsExactly(7);
        }
    }

    @Test
    void anErrorReachesTheCallerAndTheRowsStayQueued() {
        OutOfMemoryOnceSink sink = new OutOfMemoryOnceSink();
        RecordingStream rec = RecordingStream.builder("flaky").batching(MANUAL).sink(sink);
        rec.log("x", image(1));
        assertThatThrownBy(rec::flush).isInstanceOf(OutOfMemoryError.class);
        rec.flush();
        rec.close();
        assertThat(sink.written).containsExactly(1);
    }

    @Test
    void closeClosesTheSinkEvenWhenAnErrorEscapesTheLastWrite() {
        OutOfMemoryOnceSink sink = new OutOfMemoryOnceSink();
        RecordingStream rec = RecordingStream.builder("flaky").batching(MANUAL).sink(sink);
        rec.log("x", image(1));
        assertThatThrownBy(rec::close).isInstanceOf(OutOfMemoryError.class);
        assertThat(sink.closed).isTrue();
    }
}

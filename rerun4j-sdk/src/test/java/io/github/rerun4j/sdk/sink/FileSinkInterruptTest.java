package io.github.rerun4j.sdk.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SdkFixtures;
import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupted logging threads: real {@code Future.cancel(true)}, {@code ExecutorService.shutdownNow()} and a
 * {@code while (!isInterrupted())} loop that closes its stream with the flag set. Every row whose log call
 * returned is in the file, the interrupt flag is still set afterwards, and other threads keep logging.
 */
@Timeout(60)
class FileSinkInterruptTest {

    /** Writes happen in the logging threads (every ~8 rows), never on the timer. */
    private static final BatcherConfig SMALL_BATCHES = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMinutes(10))
            .withFlushBytes(8 * 32 * 24 * 2);

    @TempDir
    Path dir;

    /** (thread, index) of every image in the file, as "thread:index"; asserts each is intact. */
    private static Set<String> rows(Path file) throws IOException {
        Set<String> out = new TreeSet<>();
        for (Chunk c : SdkFixtures.chunks(LogMessageReader.readAll(file))) {
            for (int r = 0; r < c.rowCount(); r++) {
                short[] px = TestImages.read(ArchetypeCodec.readDepthImage(c, r).orElseThrow());
                assertThat(TestImages.intact(px)).isTrue();
                assertThat(out.add(px[0] + ":" + px[1])).as("row %d:%d once", px[0], px[1]).isTrue();
            }
        }
        return out;
    }

    private static String key(int thread, int index) {
        return thread + ":" + index;
    }

    @Test
    void aCancelledTaskKeepsWritingAndTheStreamStaysUsable() throws Exception {
        Path file = dir.resolve("cancel.rrd");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        List<String> returned = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        RecordingStream rec = RecordingStream.builder("interrupts").batching(BatcherConfig.IMMEDIATE).saveTo(file);
        Future<?> task = pool.submit(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    rec.log("task", TestImages.image(1, i, 32, 24));
                    returned.add(key(1, i));
                }
                started.countDown();
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                // Cancelled: the flag is set for everything below, as for any cleanup a task does.
                for (int i = 5; i < 10; i++) {
                    rec.log("task", TestImages.image(1, i, 32, 24));
                    returned.add(key(1, i));
                }
                rec.flush();
                flagAfterwards.set(Thread.currentThread().isInterrupted());
            } catch (Throwable t) {
                errors.add(t);
            } finally {
                finished.countDown();
            }
        });
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(task.cancel(true)).isTrue();
        assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(errors).isEmpty();
        assertThat(flagAfterwards).as("the caller's interrupt flag is kept").isTrue();

        // Another thread logs on and closes: the file was not closed under it.
        rec.log("main", TestImages.image(2, 0, 32, 24));
        returned.add(key(2, 0));
        rec.close();
        assertThat(rows(file)).containsExactlyInAnyOrderElementsOf(returned).hasSize(11);
    }

    @Test
    void shutdownNowInterruptsEveryLoggerAndNothingReturnedIsLost() throws Exception {
        Path file = dir.resolve("shutdown.rrd");
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> returned = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(threads);
        RecordingStream rec = RecordingStream.builder("interrupts").batching(SMALL_BATCHES).saveTo(file);
        for (int t = 0; t < threads; t++) {
            int thread = 10 + t;
            pool.submit(() -> {
                try {
                    int i = 0;
                    while (!Thread.currentThread().isInterrupted() && i < 2000) {
                        rec.log("t" + thread, TestImages.image(thread, i, 32, 24));
                        returned.add(key(thread, i++));
                        if (i == 20) {
                            running.countDown();
                        }
                        Thread.yield();
                    }
                    // Interrupted: one last row and a flush, with the flag set.
                    rec.log("t" + thread, TestImages.image(thread, i, 32, 24));
                    returned.add(key(thread, i));
                    rec.flush();
                    if (!Thread.currentThread().isInterrupted()) {
                        errors.add(new AssertionError("interrupt flag of thread " + thread + " lost"));
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
        }
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.shutdownNow()).isEmpty();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).isEmpty();

        for (int i = 0; i < 3; i++) {
            rec.log("main", TestImages.image(2, i, 32, 24));
            returned.add(key(2, i));
        }
        rec.close();
        List<String> expected = new ArrayList<>(returned);
        assertThat(rows(file)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aLoopEndingOnInterruptClosesItsStreamWithTheFlagSetAndWritesEveryRow() throws Exception {
        Path file = dir.resolve("loop.rrd");
        List<String> returned = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicBoolean flagAfterClose = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        // Default batching: the rows of the last 200 ms are still pending when the loop ends, so close() writes them.
        Thread logger = new Thread(() -> {
            try (RecordingStream rec = RecordingStream.builder("interrupts").saveTo(file)) {
                int i = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    rec.log("loop", TestImages.image(3, i, 32, 24));
                    returned.add(key(3, i++));
                    if (i == 10) {
                        running.countDown();
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the usual way to end such a loop
                    }
                }
            } catch (Throwable t) {
                errors.add(t);
            }
            flagAfterClose.set(Thread.currentThread().isInterrupted());
        });
        logger.start();
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
        logger.interrupt();
        logger.join(20_000);
        assertThat(errors).isEmpty();
        assertThat(flagAfterClose).isTrue();
        assertThat(rows(file)).containsExactlyInAnyOrderElementsOf(returned);
    }
}

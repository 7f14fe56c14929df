package io.github.rerun4j.sdk.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SdkFixtures;
import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Disk full and I/O errors, with a real {@link FileSink} whose file runs out of space after a byte budget (it
 * writes what still fits, then throws, as a full disk does), and a sink that blocks.
 */
class DiskFullTest {

    private static final BatcherConfig MANUAL = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMinutes(10));

    @TempDir
    Path dir;

    /** A file with {@code free} bytes of space left: a write beyond that writes what fits, then fails. */
    static final class FullDiskOutput implements FileOutput {
        private final FileOutput real;
        private long size;
        volatile long free;
        int failures;

        FullDiskOutput(FileOutput real, long free) {
            this.real = real;
            this.free = free;
        }

        @Override
        public void write(ByteBuffer src) throws IOException {
            if (src.remaining() <= free) {
                int n = src.remaining();
                real.write(src);
                free -= n;
                size += n;
                return;
            }
            // Fill the disk with the first bytes, as write(2) does, and fail the rest.
            int n = (int) Math.max(0, free);
            ByteBuffer part = src.slice().limit(n);
            real.write(part);
            src.position(src.position() + n);
            free -= n;
            size += n;
            failures++;
            throw new IOException("No space left on device (simulated)");
        }

        @Override
        public void truncate(long newSize) throws IOException {
            real.truncate(newSize);
            free += Math.max(0, size - newSize);
            size = newSize;
        }

        @Override
        public void sync() throws IOException {
            real.sync();
        }

        @Override
        public boolean isOpen() {
            return real.isOpen();
        }

        @Override
        public void close() throws IOException {
            real.close();
        }
    }

    private FullDiskOutput disk;

    private FileSink fullDiskSink(Path file, boolean lz4, long free) throws IOException {
        return FileSink.create(file, lz4, false, real -> disk = new FullDiskOutput(real, free));
    }

    private static List<Integer> indices(Path file) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (Chunk c : SdkFixtures.chunks(LogMessageReader.readAll(file))) {
            for (int r = 0; r < c.rowCount(); r++) {
                short[] px = TestImages.read(ArchetypeCodec.readDepthImage(c, r).orElseThrow());
                assertThat(TestImages.intact(px)).as("image %d intact", px[1]).isTrue();
                out.add((int) px[1]);
            }
        }
        return out;
    }

    /** Sum of the framed lengths of the records: the file must end exactly after its last whole message. */
    private static long wholeMessageBytes(Path file) throws IOException {
        List<RrdRecord> records = RrdReader.readAll(file);
        RrdRecord last = records.get(records.size() - 1);
        return last.offset() + last.framedLength();
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {false, true})
    void diskFullMidMessageSurfacesFromLogAndLeavesOnlyWholeMessages(boolean lz4) throws Exception {
        Path file = dir.resolve("full.rrd");
        // Room for the header, the store info and a few 32x24 images, then the disk is full mid-message.
        RecordingStream rec = RecordingStream.builder("disk_full").batching(BatcherConfig.IMMEDIATE)
                .sink(fullDiskSink(file, lz4, 8_000));
        int logged = 0;
        UncheckedIOException error = null;
        for (int i = 0; i < 100 && error == null; i++) {
            try {
                rec.log("cam", TestImages.image(1, i, 32, 24));
                logged++;
            } catch (UncheckedIOException e) {
                error = e;
            }
        }
        assertThat(error).as("the full disk reaches the caller").isNotNull();
        assertThat(error).hasMessageContaining("java.io.IOException: No space left on device").hasCauseInstanceOf(IOException.class);
        assertThat(logged).isBetween(1, 99);
        assertThat(disk.failures).isPositive();
        // The partial message was cut off: the file is the whole messages before it, readable while still open.
        assertThat(Files.size(file)).isEqualTo(wholeMessageBytes(file));
        assertThat(indices(file)).isEqualTo(java.util.stream.IntStream.range(0, logged).boxed().toList());

        // Still full: every further log fails the same way, and the file does not change.
        long size = Files.size(file);
        assertThatThrownBy(() -> rec.log("cam", TestImages.image(1, 1000, 32, 24))).isInstanceOf(UncheckedIOException.class);
        assertThat(Files.size(file)).isEqualTo(size);

        // Space freed: the stream goes on (the rows of the failed calls are lost, and were reported as such).
        disk.free = Long.MAX_VALUE / 2;
        rec.log("cam", TestImages.image(1, 2000, 32, 24));
        rec.close();
        List<Integer> expected = new ArrayList<>(java.util.stream.IntStream.range(0, logged).boxed().toList());
        expected.add(2000);
        assertThat(indices(file)).isEqualTo(expected);
    }

    @Test
    void diskFullSurfacesFromFlushAndCloseWithBatching() throws Exception {
        Path file = dir.resolve("batched.rrd");
        RecordingStream rec = RecordingStream.builder("disk_full").batching(MANUAL).sink(fullDiskSink(file, false, 20_000));
        for (int i = 0; i < 5; i++) {
            rec.log("cam", TestImages.image(2, i, 32, 24));
        }
        rec.flush();
        long good = Files.size(file);
        for (int i = 5; i < 15; i++) {
            rec.log("cam", TestImages.image(2, i, 32, 24));
        }
        assertThatThrownBy(rec::flush).isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left");
        assertThat(Files.size(file)).as("the failed batch was cut off").isEqualTo(good);
        assertThat(indices(file)).containsExactly(0, 1, 2, 3, 4);
        for (int i = 15; i < 25; i++) {
            rec.log("cam", TestImages.image(2, i, 32, 24));
        }
        assertThatThrownBy(rec::close).isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left");
        assertThat(disk.isOpen()).as("the file is closed even so").isFalse();
        // The footer (written at close, which had room for it) lists exactly the chunks in the file.
        assertThat(io.github.rerun4j.sdk.rrd.RrdFooter.read(file).get(0).chunks().stream()
                .mapToLong(io.github.rerun4j.sdk.rrd.RrdManifest.Entry::numRows).sum()).isEqualTo(5);
        assertThat(indices(file)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void diskFullWhileCreatingTheFileFailsTheBuilder() {
        Path file = dir.resolve("nospace.rrd");
        assertThatThrownBy(() -> fullDiskSink(file, false, 3)).isInstanceOf(IOException.class).hasMessageContaining("No space left");
        assertThat(disk.isOpen()).isFalse();
    }

    /** A sink whose send blocks until released (a stalled network share, a stopped reader at the other end). */
    static final class StalledSink implements Sink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile int chunks;

        @Override
        public void send(LogMessage message) throws IOException {
            if (message instanceof LogMessage.ChunkMessage) {
                entered.countDown();
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                chunks++;
            }
        }

        @Override
        public void close() {
        }
    }

    /**
     * The documented choice: a blocked sink blocks logging (back-pressure), but only once flushBytes are pending.
     * Small rows keep being accepted while the timer thread is stuck in send; the call that reaches flushBytes
     * waits for the sink, and returns as soon as the sink does. Nothing is dropped.
     */
    @Test
    @Timeout(30)
    void aStalledSinkBlocksLoggingOnlyOnceFlushBytesArePendingAndReleasesIt() throws Exception {
        StalledSink sink = new StalledSink();
        long flushBytes = 64 << 10;
        BatcherConfig config = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMillis(20)).withFlushBytes(flushBytes);
        ExecutorService logger = Executors.newSingleThreadExecutor();
        try (RecordingStream rec = RecordingStream.builder("stalled").batching(config).sink(sink)) {
            rec.log("cam", TestImages.image(3, 0, 32, 24));
            assertThat(sink.entered.await(10, TimeUnit.SECONDS)).as("the timer thread is stuck in send").isTrue();
            // 10 small rows (1.5 KiB each) are accepted at once although the sink is stuck.
            Future<?> small = logger.submit(() -> {
                for (int i = 1; i <= 10; i++) {
                    rec.log("cam", TestImages.image(3, i, 32, 24));
                }
            });
            small.get(5, TimeUnit.SECONDS);
            // Rows up to flushBytes: the call that crosses it waits for the sink.
            Future<?> big = logger.submit(() -> {
                for (int i = 11; i <= 60; i++) {
                    rec.log("cam", TestImages.image(3, i, 32, 24));
                }
            });
            assertThatThrownBy(() -> big.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            sink.release.countDown();
            big.get(10, TimeUnit.SECONDS);
        } finally {
            logger.shutdownNow();
        }
        assertThat(sink.chunks).isPositive();
    }
}

package io.github.rerun4j.benchmarks;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.sink.FileSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Writing 640x480 u16 depth frames to a file: the SDK (uncompressed and LZ4) against a plain
 * {@link FileChannel} writing the same little-endian bytes.
 *
 * <p>Every measured iteration writes the same amount: {@value #FRAMES_PER_ITERATION} frames (157 MB of
 * payload) to a fresh file, created in {@code @Setup(Level.Iteration)} and closed, checked and deleted in
 * {@code @TearDown(Level.Iteration)}. The single invocation per iteration ends with {@code rec.flush()}, so
 * the time includes getting every logged frame into the file (the page cache; nothing is fsync'ed, for
 * either side). Scores are per frame ({@link OperationsPerInvocation}): seconds per frame, which
 * {@link ReportMain} turns into MB/s of depth payload.
 *
 * <p>Why not time-based iterations: the faster writer then writes more per iteration, crosses the kernel's
 * dirty-page writeback threshold sooner and is slowed more, which made the SDK look as fast as the baseline
 * (105% in one 2 s-iteration run). A fixed, modest amount per iteration keeps both sides in the same regime.
 *
 * <p>Files go to {@code -Dbench.dir} (default: the temp dir). The SDK uses its default batching
 * (200 ms / 2 MiB) and default timelines ({@code log_tick}, {@code log_time}) plus a {@code frame} sequence,
 * as an application would.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(FileWriteBenchmark.FRAMES_PER_ITERATION)
@Fork(1)
@Warmup(iterations = 10)
@Measurement(iterations = 15)
public class FileWriteBenchmark {

    /** Frames written per iteration (to one file): 157 MB, well below typical dirty-page thresholds. */
    public static final int FRAMES_PER_ITERATION = 256;

    static final short[][] FRAMES = DepthFrames.generate();

    static Path newFile(String prefix) throws IOException {
        Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(dir);
        return Files.createTempFile(dir, prefix, ".rrd");
    }

    /** Baseline: the frame's bytes, already little-endian, written with FileChannel.write. */
    @State(Scope.Thread)
    public static class PlainState {
        ByteBuffer[] frames;
        FileChannel channel;
        Path path;
        long frame;

        @Setup(Level.Trial)
        public void frames() {
            frames = new ByteBuffer[FRAMES.length];
            for (int i = 0; i < FRAMES.length; i++) {
                frames[i] = ByteBuffer.wrap(DepthFrames.toLittleEndian(FRAMES[i]));
            }
        }

        @Setup(Level.Iteration)
        public void open() throws IOException {
            path = newFile("plain-");
            channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            frame = 0;
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            channel.close();
            long size = Files.size(path);
            Files.delete(path);
            if (size != frame * DepthFrames.FRAME_BYTES) {
                throw new IllegalStateException("plain file has " + size + " bytes, expected " + frame * DepthFrames.FRAME_BYTES);
            }
        }
    }

    /** An SDK recording to a file sink; subclasses choose the compression. */
    public abstract static class SdkState {
        RecordingStream rec;
        Path path;
        long frame;

        abstract boolean lz4();

        @Setup(Level.Iteration)
        public void open() throws IOException {
            path = newFile(lz4() ? "sdk-lz4-" : "sdk-raw-");
            rec = RecordingStream.builder("rerun4j_benchmark")
                    .batching(BatcherConfig.DEFAULT)
                    .sink(FileSink.create(path, lz4(), false));
            frame = 0;
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            rec.close();
            long size = Files.size(path);
            Files.delete(path);
            // Uncompressed, every logged frame's payload must be in the file; compressed, at least something.
            long floor = lz4() ? Math.min(frame, 1) : frame * DepthFrames.FRAME_BYTES;
            if (size < floor) {
                throw new IllegalStateException(path + " has " + size + " bytes after " + frame + " frames");
            }
        }
    }

    @State(Scope.Thread)
    public static class SdkUncompressedState extends SdkState {
        @Override
        boolean lz4() {
            return false;
        }
    }

    @State(Scope.Thread)
    public static class SdkLz4State extends SdkState {
        @Override
        boolean lz4() {
            return true;
        }
    }

    @Benchmark
    public void plainFileChannel(PlainState s) throws IOException {
        for (int n = 0; n < FRAMES_PER_ITERATION; n++) {
            ByteBuffer buf = s.frames[(int) (s.frame++ % s.frames.length)].duplicate();
            while (buf.hasRemaining()) {
                s.channel.write(buf);
            }
        }
    }

    @Benchmark
    public void sdkUncompressed(SdkUncompressedState s) {
        logFrames(s);
    }

    @Benchmark
    public void sdkLz4(SdkLz4State s) {
        logFrames(s);
    }

    /**
     * Diagnostic, not part of the target: only the {@code short[]} to little-endian bytes copy that
     * {@code DepthImage.fromU16} makes (allocation included), no file at all.
     */
    @Benchmark
    public void fromU16Only(Blackhole bh) {
        for (int n = 0; n < FRAMES_PER_ITERATION; n++) {
            bh.consume(DepthImage.fromU16(FRAMES[n % FRAMES.length], DepthFrames.WIDTH, DepthFrames.HEIGHT));
        }
    }

    private static void logFrames(SdkState s) {
        for (int n = 0; n < FRAMES_PER_ITERATION; n++) {
            long i = s.frame++;
            s.rec.setTimeSequence("frame", i);
            // fromU16 copies the short[] into little-endian bytes: a cost every user pays, so it is measured.
            s.rec.log("camera/depth", DepthImage.fromU16(FRAMES[(int) (i % FRAMES.length)], DepthFrames.WIDTH, DepthFrames.HEIGHT));
        }
        s.rec.flush(); // the rows still batched go to the file inside the measured time
    }
}

package io.github.rerun4j.sdk.robust;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.github.rerun4j.sdk.sink.Sink;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The programs the robustness tests run in a separate JVM (to kill it, or to give it a small heap), and how to
 * start one with the test classpath.
 */
public final class ChildJvm {

    /** Crash test: frames of this size on the {@code frame} timeline. */
    static final int CRASH_WIDTH = 64;
    static final int CRASH_HEIGHT = 48;
    /** Crash test: an explicit flush after every this many frames (3 MB: size- and timer-driven writes happen in between). */
    static final int CRASH_FLUSH_EVERY = 500;

    private ChildJvm() {
    }

    /** Starts {@code java [jvmArgs] ChildJvm args...} with this JVM's classpath; stdout piped, stderr inherited. */
    static Process start(List<String> jvmArgs, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildJvm.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "crash" -> crash(Path.of(args[1]), Boolean.parseBoolean(args[2]));
            case "memory" -> memory(Long.parseLong(args[1]), Long.parseLong(args[2]));
            case "pending" -> pending(Path.of(args[1]), Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]));
            case "stalled" -> stalled();
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * Logs checksummed frames with the default batching until killed; after every {@link #CRASH_FLUSH_EVERY}
     * frames flushes and prints {@code flushed N} (N = last frame flushed).
     */
    private static void crash(Path file, boolean lz4) {
        try (RecordingStream rec = RecordingStream.builder("crash_child").saveTo(file, lz4)) {
            System.out.println("started");
            System.out.flush();
            for (int frame = 0; ; frame++) {
                rec.setTimeSequence("frame", frame);
                rec.log("cam/depth", TestImages.image(7, frame, CRASH_WIDTH, CRASH_HEIGHT));
                if (frame % CRASH_FLUSH_EVERY == CRASH_FLUSH_EVERY - 1) {
                    rec.flush();
                    System.out.println("flushed " + frame);
                    System.out.flush();
                }
            }
        }
    }

    /**
     * Logs {@code rows} checksummed frames that all stay pending (10-minute interval, 1 GiB threshold), prints
     * {@code logged N}, then waits to be terminated without ever closing the stream.
     */
    private static void pending(Path file, int rows, boolean flushOnExit) throws InterruptedException {
        BatcherConfig never = BatcherConfig.DEFAULT.withFlushInterval(java.time.Duration.ofMinutes(10)).withFlushBytes(1L << 30);
        RecordingStream rec = RecordingStream.builder("exit_child").batching(never).flushOnExit(flushOnExit).saveTo(file);
        for (int frame = 0; frame < rows; frame++) {
            rec.setTimeSequence("frame", frame);
            rec.log("cam/depth", TestImages.image(9, frame, CRASH_WIDTH, CRASH_HEIGHT));
        }
        System.out.println("logged " + rows);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * A stream whose sink blocks forever in {@code send}: a thread is stuck flushing it (holding the write lock)
     * when the JVM is told to exit. Prints {@code stuck} once that thread is inside the sink.
     */
    private static void stalled() throws InterruptedException {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        Sink forever = new Sink() {
            @Override
            public void send(LogMessage message) throws IOException {
                if (message instanceof LogMessage.ChunkMessage) {
                    inside.countDown();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        throw new IOException("interrupted", e);
                    }
                }
            }

            @Override
            public void close() {
            }
        };
        BatcherConfig never = BatcherConfig.DEFAULT.withFlushInterval(java.time.Duration.ofMinutes(10));
        RecordingStream rec = RecordingStream.builder("stalled_child").batching(never).sink(forever);
        rec.log("cam/depth", TestImages.image(9, 0, 8, 8));
        Thread flusher = new Thread(rec::flush);
        flusher.setDaemon(true);
        flusher.start();
        inside.await();
        System.out.println("stuck");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Discards what it is sent after encoding it as a file sink would, and sleeps {@code sleepMs} per message. */
    static final class SlowSink implements Sink {
        final long sleepMs;
        long bytes;
        long messages;

        SlowSink(long sleepMs) {
            this.sleepMs = sleepMs;
        }

        @Override
        public void send(LogMessage message) throws IOException {
            bytes += LogMessageCodec.encode(message, false).length();
            messages++;
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void close() {
        }
    }

    /**
     * Logs {@code totalBytes} of 640x480 U16 frames (one reused short[], a new DepthImage each time) as fast as it
     * can into a {@link SlowSink}; prints {@code frames= bytes= sinkBytes= sinkMessages= ms= xmx= peakHeap= sampledMax=}.
     */
    private static void memory(long totalBytes, long sleepMs) {
        int w = 640;
        int h = 480;
        short[] frame = new short[w * h];
        long frameBytes = 2L * w * h;
        long frames = (totalBytes + frameBytes - 1) / frameBytes;
        SlowSink sink = new SlowSink(sleepMs);
        Runtime rt = Runtime.getRuntime();
        long sampledMax = 0;
        long start = System.nanoTime();
        try (RecordingStream rec = RecordingStream.builder("memory_child").batching(BatcherConfig.DEFAULT).sink(sink)) {
            for (long i = 0; i < frames; i++) {
                frame[(int) (i % frame.length)] = (short) i;
                rec.setTimeSequence("frame", i);
                rec.log("cam/depth", DepthImage.fromU16(frame, w, h));
                if ((i & 15) == 0) {
                    sampledMax = Math.max(sampledMax, rt.totalMemory() - rt.freeMemory());
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("frames=" + frames + " bytes=" + frames * frameBytes + " sinkBytes=" + sink.bytes
                + " sinkMessages=" + sink.messages + " ms=" + ms + " xmx=" + rt.maxMemory() + " peakHeap=" + peak
                + " sampledMax=" + sampledMax);
        System.out.flush();
    }
}

package io.github.rerun4j.viewer;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.sink.Sink;
import java.nio.file.Path;

/**
 * Small multi-frame recordings for tests: a {@value #WIDTH}x{@value #HEIGHT} u16 depth image at
 * {@code cam/depth} per frame on timeline {@code frame}, pixel values {@code 1000 + frame} (millimetres), so a
 * test can tell frames apart by any pixel. Only that timeline (no {@code log_tick}/{@code log_time}), so the
 * page shows {@code frame}.
 *
 * <pre>{@code
 * TestRecordings.write(dir.resolve("ten.rrd"), 10);
 * }</pre>
 */
public final class TestRecordings {

    public static final int WIDTH = 8;
    public static final int HEIGHT = 6;
    public static final String ENTITY = "/cam/depth";

    private TestRecordings() {
    }

    /** A loopback viewer on a free port showing {@code frames} frames written to {@code dir/frames.rrd}. */
    public static Viewer viewing(Path dir, int frames) throws java.io.IOException {
        Path file = dir.resolve("frames.rrd");
        write(file, frames);
        Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0);
        viewer.load(file);
        return viewer;
    }

    /**
     * Writes {@code frames} frames to {@code file}, one chunk each, without the footer (what a crash leaves; tests
     * that damage or extend the end start there).
     */
    public static void write(Path file, int frames) {
        try (RecordingStream rec = RecordingStream.builder("test_frames").batching(BatcherConfig.IMMEDIATE).defaultTimelines(false).saveTo(file)) {
            for (int i = 0; i < frames; i++) {
                logFrame(rec, i);
            }
        }
        io.github.rerun4j.sdk.rrd.Footers.strip(file);
    }

    /** A stream into {@code sink} that sends each log call at once. */
    public static RecordingStream stream(Sink sink) {
        return RecordingStream.builder("test_frames").batching(BatcherConfig.IMMEDIATE).defaultTimelines(false).sink(sink);
    }

    /** Logs frame {@code i} at time {@code frame = i}. */
    public static void logFrame(RecordingStream rec, int i) {
        rec.setTimeSequence("frame", i);
        rec.log(ENTITY, DepthImage.fromU16(pixels(1000 + i), WIDTH, HEIGHT).withMeter(1000));
    }

    private static short[] pixels(int value) {
        short[] p = new short[WIDTH * HEIGHT];
        java.util.Arrays.fill(p, (short) value);
        return p;
    }
}

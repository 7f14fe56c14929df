package io.github.rerun4j.viewer.shell;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * A small multi-frame recording for the shell's tests: {@value #FRAMES} frames of an 8x6 u16 depth image at
 * {@code /cam/depth}, each a constant {@link #depthOf(int)}, on three timelines: {@code frame} (sequence
 * 0..19), {@code wall} (timestamps one second apart from {@link #WALL_START}) and {@code elapsed}
 * (durations of 1.25 s per frame).
 */
final class FrameRecording {

    static final int FRAMES = 20;
    static final String ENTITY = "/cam/depth";
    /**
     * 2026-11-21 18:00:00.123456789 UTC in nanoseconds: beyond 2^53; the nearest doubles of these times are 21 ns
     * early, so a page that queried with a double would see the previous frame.
     */
    static final long WALL_START = Instant.parse("2026-11-21T18:00:00Z").getEpochSecond() * 1_000_000_000L + 123_456_789L;
    static final long ELAPSED_STEP = 1_250_000_000L;

    private FrameRecording() {
    }

    static void write(Path file) {
        try (RecordingStream rec = RecordingStream.builder("shell_frames").defaultTimelines(false).saveTo(file)) {
            for (int i = 0; i < FRAMES; i++) {
                rec.setTimeSequence("frame", i);
                rec.setTimestampNanos("wall", wallTime(i));
                rec.setDurationNanos("elapsed", i * ELAPSED_STEP);
                short[] pixels = new short[8 * 6];
                Arrays.fill(pixels, (short) depthOf(i));
                rec.log("cam/depth", DepthImage.fromU16(pixels, 8, 6).withMeter(1000));
            }
        }
    }

    /** The raw value of every pixel of frame {@code i}. */
    static int depthOf(int i) {
        return 1000 + 100 * i;
    }

    static long wallTime(int i) {
        return WALL_START + i * 1_000_000_000L;
    }
}

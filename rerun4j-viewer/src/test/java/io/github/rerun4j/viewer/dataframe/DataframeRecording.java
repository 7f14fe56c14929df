package io.github.rerun4j.viewer.dataframe;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A recording for the dataframe's tests: {@value #FRAMES} rows of a 4x3 u16 depth image at {@code /cam/depth}
 * on the sequence timeline {@code frame} (meter {@code 1000 + i}, so every row's meter cell differs), and
 * {@value #STEPS} rows of {@code /other/depth} on the timeline {@code step} only.
 */
final class DataframeRecording {

    static final int FRAMES = 250;
    static final int STEPS = 3;

    private DataframeRecording() {
    }

    static void write(Path file) {
        try (RecordingStream rec = RecordingStream.builder("dataframe_rows").defaultTimelines(false).saveTo(file)) {
            for (int i = 0; i < FRAMES; i++) {
                rec.setTimeSequence("frame", i);
                rec.log("cam/depth", DepthImage.fromU16(pixels(i), 4, 3).withMeter(1000 + i));
            }
            rec.resetTime();
            for (int i = 0; i < STEPS; i++) {
                rec.setTimeSequence("step", 10 * i);
                rec.log("other/depth", DepthImage.fromU16(pixels(i), 4, 3).withMeter(5));
            }
        }
    }

    private static short[] pixels(int value) {
        short[] pixels = new short[4 * 3];
        Arrays.fill(pixels, (short) value);
        return pixels;
    }
}

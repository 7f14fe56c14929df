package io.github.rerun4j.spark;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet of small recordings written with the SDK (one file each, flushed after every frame so each frame is its
 * own chunks): a static Pinhole on {@code /world/camera}, per frame a U16 depth image (millimetres, no meter
 * logged) on {@code /world/camera/depth} and an F32 one (metres, meter 1) on {@code /world/lidar/depth}, at
 * {@code frame} = 0, 1, ...; {@code log_time} and {@code log_tick} too.
 */
final class Fleet {

    static final int WIDTH = 8;
    static final int HEIGHT = 4;

    private Fleet() {
    }

    /** Robot {@code r}'s U16 frame {@code f}: {@code 1000 + 10 r + f + i} mm, with the first {@code (f % 5) * 4} pixels 0. */
    static short[] camera(int r, int f) {
        short[] px = new short[WIDTH * HEIGHT];
        for (int i = 0; i < px.length; i++) {
            px[i] = (short) (i < (f % 5) * 4 ? 0 : 1000 + 10 * r + f + i);
        }
        return px;
    }

    /** Robot {@code r}'s F32 frame {@code f}: {@code 0.5 + 0.25 i} m, NaN at pixel f (mod 32) and -1 at pixel 31. */
    static float[] lidar(int r, int f) {
        float[] px = new float[WIDTH * HEIGHT];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0.5f + 0.25f * i + r;
        }
        px[f % px.length] = Float.NaN;
        px[px.length - 1] = -1;
        return px;
    }

    /** Writes {@code robots} files of {@code frames} frames into {@code dir}: robot-00.rrd, robot-01.rrd, ... */
    static List<Path> write(Path dir, int robots, int frames) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int r = 0; r < robots; r++) {
            Path file = dir.resolve(String.format("robot-%02d.rrd", r));
            try (RecordingStream rec = RecordingStream.builder("fleet").recordingId(String.format("robot-%02d", r))
                    .flushOnExit(false).saveTo(file)) {
                rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(10, WIDTH, HEIGHT));
                for (int f = 0; f < frames; f++) {
                    rec.setTimeSequence("frame", f);
                    rec.log("world/camera/depth", DepthImage.fromU16(camera(r, f), WIDTH, HEIGHT));
                    rec.log("world/lidar/depth", DepthImage.fromF32(lidar(r, f), WIDTH, HEIGHT).withMeter(1));
                    rec.flush();
                }
            }
            files.add(file);
        }
        return files;
    }
}

package io.github.rerun4j.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Depth-camera-like u16 frames (640x480 unless asked otherwise) (millimetres): a smooth tilted, rippled surface that drifts a little
 * from frame to frame, plus +-2 mm sensor noise and some zero "holes" (no return). Generated once from a fixed
 * seed, so every run and every benchmark sees the same pixels.
 */
public final class DepthFrames {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    public static final int PIXELS = WIDTH * HEIGHT;
    /** Depth payload of one frame: 614,400 bytes. */
    public static final int FRAME_BYTES = PIXELS * Short.BYTES;
    /** How many distinct frames the benchmarks cycle through. */
    public static final int DISTINCT = 8;
    public static final long SEED = 0x5EED_D3E7L;

    private DepthFrames() {
    }

    /** {@code count} distinct 640x480 frames, deterministic for a given seed. */
    public static short[][] generate(int count, long seed) {
        return generate(WIDTH, HEIGHT, count, seed);
    }

    /**
     * {@code count} distinct {@code width x height} frames, deterministic for a given seed. For 640x480 these
     * are exactly the frames of {@link #generate(int, long)}; other sizes use the same surface formula (in
     * pixel units) and scale the number of hole blobs with the area, so the fraction of holes stays similar.
     */
    public static short[][] generate(int width, int height, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        short[][] frames = new short[count][];
        int blobs = (int) Math.round(40.0 * width * height / PIXELS);
        for (int f = 0; f < count; f++) {
            short[] px = new short[width * height];
            double phase = f * 0.15;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    // Floor/wall-like plane (1.2 m .. 2.6 m at 640x480) with gentle bumps, drifting with the frame index.
                    double depth = 1200 + 2.2 * y + 0.6 * x
                            + 150 * Math.sin(x / 85.0 + phase) * Math.cos(y / 60.0 - phase);
                    int noisy = (int) Math.round(depth) + rnd.nextInt(5) - 2;
                    px[y * width + x] = (short) noisy;
                }
            }
            // Holes: ~40 random blobs (per 640x480) up to 24x16 pixels, plus a ragged invalid band on the left edge.
            for (int b = 0; b < blobs; b++) {
                int bw = 4 + rnd.nextInt(21);
                int bh = 3 + rnd.nextInt(14);
                int bx = rnd.nextInt(width - bw);
                int by = rnd.nextInt(height - bh);
                for (int y = by; y < by + bh; y++) {
                    for (int x = bx; x < bx + bw; x++) {
                        px[y * width + x] = 0;
                    }
                }
            }
            for (int y = 0; y < height; y++) {
                int band = 6 + rnd.nextInt(6);
                for (int x = 0; x < band; x++) {
                    px[y * width + x] = 0;
                }
            }
            frames[f] = px;
        }
        return frames;
    }

    public static short[][] generate() {
        return generate(DISTINCT, SEED);
    }

    /** The frame as little-endian bytes, as Rerun stores u16 depth. */
    public static byte[] toLittleEndian(short[] frame) {
        ByteBuffer out = ByteBuffer.allocate(frame.length * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.asShortBuffer().put(frame);
        return out.array();
    }
}

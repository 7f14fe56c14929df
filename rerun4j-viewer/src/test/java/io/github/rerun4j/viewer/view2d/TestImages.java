package io.github.rerun4j.viewer.view2d;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.util.Arrays;

/**
 * Depth images for the 2D view tests, built in the test so the reference can render the very same object.
 *
 * <pre>{@code
 * DepthImage snippet = TestImages.snippet();          // docs/semantics.md §8: 300x200 u16, meter 10000
 * short[] raw = TestImages.gradientWithEdges(40, 30);  // smooth ramp + hard steps + fine checker
 * }</pre>
 */
final class TestImages {

    private TestImages() {
    }

    /** The official snippets' image (§8): background 65535, square 20000, bar 45000 on top. */
    static DepthImage snippet() {
        short[] depth = new short[300 * 200];
        Arrays.fill(depth, (short) 65535);
        fill(depth, 300, 50, 150, 50, 150, 20000);
        fill(depth, 300, 130, 180, 100, 280, 45000);
        return DepthImage.fromU16(depth, 300, 200).withMeter(10_000);
    }

    /**
     * Values 0..1 per pixel with everything a filter shows: a horizontal ramp in the top half, hard steps
     * between 0 and 1 in the bottom-left quarter, a one-texel checker in the bottom-right one.
     */
    static double[] gradientWithEdges(int width, int height) {
        double[] v = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value;
                if (y < height / 2) {
                    value = (double) x / (width - 1) * 0.8 + (double) y / height * 0.4;
                } else if (x < width / 2) {
                    value = ((x / 4) + (y / 3)) % 2 == 0 ? 0.0 : 1.0;
                } else {
                    value = (x + y) % 2 == 0 ? 0.15 : 0.85;
                }
                v[y * width + x] = Math.min(value, 1.0);
            }
        }
        return v;
    }

    /** {@link #gradientWithEdges} scaled to 0..max as u16. */
    static short[] u16(double[] unit, int max) {
        short[] out = new short[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = (short) Math.round(unit[i] * max);
        }
        return out;
    }

    private static void fill(short[] depth, int width, int row0, int row1, int col0, int col1, int value) {
        for (int y = row0; y < row1; y++) {
            for (int x = col0; x < col1; x++) {
                depth[y * width + x] = (short) value;
            }
        }
    }
}

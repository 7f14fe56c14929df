package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;

/** The depth_image_3d snippet's data (docs/semantics.md §8): 300x200 u16, meter 10000, focal 200. */
public final class Snippet3d {

    public static final int W = 300;
    public static final int H = 200;

    private Snippet3d() {
    }

    public static short[] raw() {
        short[] d = new short[W * H];
        java.util.Arrays.fill(d, (short) 65535);
        for (int y = 50; y < 150; y++) {
            for (int x = 50; x < 150; x++) {
                d[y * W + x] = (short) 20000;
            }
        }
        for (int y = 130; y < 180; y++) {
            for (int x = 100; x < 280; x++) {
                d[y * W + x] = (short) 45000; // written second: wins in the overlap
            }
        }
        return d;
    }

    public static DepthImage depth() {
        return DepthImage.fromU16(raw(), W, H).withMeter(10000);
    }

    public static Pinhole pinhole() {
        return Pinhole.fromFocalLengthAndResolution(200, 300, 200);
    }
}

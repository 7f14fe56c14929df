package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;

/** The image of Rerun's depth_image_simple / depth_image_3d snippets (docs/semantics.md §8). */
final class Snippet {

    static final int W = 300;
    static final int H = 200;

    private Snippet() {
    }

    /** u16 300x200: background 65535, rows/cols 50..149 = 20000, rows 130..179 x cols 100..279 = 45000. */
    static DepthImage image() {
        short[] data = new short[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = 65535;
                if (y >= 50 && y < 150 && x >= 50 && x < 150) {
                    v = 20000;
                }
                if (y >= 130 && y < 180 && x >= 100 && x < 280) {
                    v = 45000; // written second in the snippet, so it wins on the overlap
                }
                data[y * W + x] = (short) v;
            }
        }
        return DepthImage.fromU16(data, W, H).withMeter(10000);
    }
}

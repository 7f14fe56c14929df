package io.github.rerun4j.viewer.colour;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.image.EncodedDepth;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What the server pays to decode one 640x480 encoded depth frame (render's EncodedDepth, as the viewer calls it),
 * printed for the record; the bound only catches a decoder gone badly wrong, not a slow machine. Each row is
 * decoded once and kept (DecodedImages), so this is the cost of a new frame, not of a request.
 */
class DecodeTimeTest {

    private static final int W = 640;
    private static final int H = 480;

    @Test
    void a640x480FrameDecodesInMilliseconds() {
        short[] depth = new short[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // A smooth surface with a hole, like a real depth camera's frame.
                depth[y * W + x] = (short) (x > 300 && x < 340 && y > 200 && y < 260 ? 0 : 800 + x + y / 2);
            }
        }
        for (EncodedDepthImage encoded : new EncodedDepthImage[] {EncodedDepthImage.rvl(depth, W, H), EncodedDepthImage.png(depth, W, H)}) {
            long[] nanos = new long[25];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                EncodedDepth.asDepthImage(encoded);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            double medianMs = nanos[nanos.length / 2] / 1e6;
            System.out.printf("decode %s %dx%d (%d bytes): median %.2f ms, min %.2f ms%n", encoded.mediaType(), W, H,
                    encoded.blob().size(), medianMs, nanos[0] / 1e6);
            assertThat(medianMs).isLessThan(500);
        }
    }
}

package io.github.rerun4j.sdk;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.nio.ByteOrder;

/** U16 depth images that carry who logged them and a checksum, so a reader can tell a damaged image. */
public final class TestImages {

    private TestImages() {
    }

    /** {@code n} pixels: [a, b, pseudo-random values from (a, b), weighted checksum of all before]. */
    public static short[] pixels(int a, int b, int n) {
        short[] px = new short[n];
        px[0] = (short) a;
        px[1] = (short) b;
        long state = a * 1_000_003L + b;
        for (int i = 2; i < n - 1; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            px[i] = (short) (state >>> 48);
        }
        px[n - 1] = (short) checksum(px);
        return px;
    }

    private static int checksum(short[] px) {
        int sum = 0;
        for (int i = 0; i < px.length - 1; i++) {
            sum += Short.toUnsignedInt(px[i]) * (i + 1);
        }
        return sum;
    }

    public static DepthImage image(int a, int b, int width, int height) {
        return DepthImage.fromU16(pixels(a, b, width * height), width, height);
    }

    /** The pixels of a U16 image read back. */
    public static short[] read(DepthImage image) {
        short[] px = new short[image.buffer().size() / 2];
        image.buffer().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(px);
        return px;
    }

    /** Whether {@code px} is exactly what {@link #pixels} made for its own (a, b): checksum and contents. */
    public static boolean intact(short[] px) {
        return px.length >= 3 && (short) checksum(px) == px[px.length - 1]
                && java.util.Arrays.equals(px, pixels(px[0], Short.toUnsignedInt(px[1]), px.length));
    }
}

package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.Require;
import java.nio.ShortBuffer;

/**
 * Android's {@code ImageFormat.DEPTH16} planes as depth images, without depending on Android: pass plane 0's
 * buffer as shorts in the device's byte order and its row stride in bytes (rows may be padded; the pixel
 * stride of DEPTH16 is 2).
 *
 * <p>Two producers share the format and differ in the top three bits: camera2 depth cameras put a confidence
 * code there above a 13-bit range in millimetres ({@link Source#CAMERA2}); ARCore's
 * {@code acquireDepthImage16Bits} / {@code acquireRawDepthImage16Bits} use all 16 bits as millimetres
 * ({@link Source#ARCORE}). The caller must say which: the bits cannot tell. In both, 0 means no measurement.
 *
 * <pre>{@code
 * // plane = image.getPlanes()[0] on Android
 * java.nio.ShortBuffer samples = java.nio.ByteBuffer.allocate(240 * 180 * 2).asShortBuffer(); // plane.getBuffer().order(nativeOrder())
 * DepthImage depth = AndroidDepth16.depth(samples, 240, 180, 240 * 2, AndroidDepth16.Source.CAMERA2);
 * }</pre>
 */
public final class AndroidDepth16 {

    /** Which producer wrote the samples. */
    public enum Source {
        /** camera2 {@code DEPTH16}: bits 15..13 confidence, bits 12..0 range in mm ({@code s & 0x1FFF}). */
        CAMERA2,
        /** ARCore 16-bit depth: all 16 bits are millimetres (0..65535). */
        ARCORE
    }

    private AndroidDepth16() {
    }

    /**
     * The range in millimetres as a U16 depth image with meter 1000. Reads {@code samples} from its position
     * without moving it.
     *
     * @param rowStrideBytes the plane's row stride, {@code >= width * 2} and even
     */
    public static DepthImage depth(ShortBuffer samples, int width, int height, int rowStrideBytes, Source source) {
        Require.nonNull("AndroidDepth16.source", source);
        int rowStride = checkLayout(samples, width, height, rowStrideBytes);
        short[] mm = new short[width * height];
        int mask = source == Source.CAMERA2 ? 0x1FFF : 0xFFFF;
        int base = samples.position();
        for (int y = 0; y < height; y++) {
            int row = base + y * rowStride;
            for (int x = 0; x < width; x++) {
                mm[y * width + x] = (short) (samples.get(row + x) & mask);
            }
        }
        return DepthImage.fromU16(mm, width, height).withMeter(1000);
    }

    /**
     * camera2's confidence as 0..255 per pixel, row-major (ARCore's confidence image uses the same scale):
     * code 0 is 100 % (255), code 1 is 0 %, codes 2..7 are {@code (c - 1) / 7}.
     */
    public static byte[] confidence(ShortBuffer samples, int width, int height, int rowStrideBytes) {
        int rowStride = checkLayout(samples, width, height, rowStrideBytes);
        byte[] out = new byte[width * height];
        int base = samples.position();
        for (int y = 0; y < height; y++) {
            int row = base + y * rowStride;
            for (int x = 0; x < width; x++) {
                int code = (samples.get(row + x) >> 13) & 7;
                int level = code == 0 ? 255 : Math.round((code - 1) * 255f / 7f);
                out[y * width + x] = (byte) level;
            }
        }
        return out;
    }

    /** The row stride in shorts, after checking that the buffer holds every row. */
    private static int checkLayout(ShortBuffer samples, int width, int height, int rowStrideBytes) {
        Require.nonNull("AndroidDepth16.samples", samples);
        Require.positive("AndroidDepth16.width", width);
        Require.positive("AndroidDepth16.height", height);
        if (rowStrideBytes < width * 2L || rowStrideBytes % 2 != 0) {
            throw new InvalidArgumentException("AndroidDepth16.rowStrideBytes", Integer.toString(rowStrideBytes),
                    "an even number of bytes >= width * 2 = " + width * 2L);
        }
        int rowStride = rowStrideBytes / 2;
        long needed = (long) (height - 1) * rowStride + width;
        if (samples.remaining() < needed) {
            throw new InvalidArgumentException("AndroidDepth16.samples", samples.remaining() + " shorts",
                    "at least " + needed + " ((height - 1) * rowStride / 2 + width) for " + width + "x" + height);
        }
        return rowStride;
    }
}

package io.github.rerun4j.sdk.encoding;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.Require;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * RVL ("run-length and variable-length", Wilson 2017) depth compression inside the ROS 2
 * {@code compressed_depth_image_transport} framing that Rerun's {@code EncodedDepthImage} accepts as
 * {@code application/rvl}.
 *
 * <p>Blob layout (little-endian): i32 format (0), f32 {@code a}, f32 {@code b} (both 0 for raw u16 depth), u32
 * width, u32 height, then the RVL stream: 4-bit nibbles, eight to a 32-bit word with the first nibble in the top
 * bits, each word stored little-endian. The stream alternates a zero-run length and a non-zero-run length, each
 * followed for the non-zeros by the zigzag of the difference to the previous non-zero value; every number is a
 * variable-length code of 3-bit groups, least significant first, bit 3 set while more groups follow.
 *
 * <p>The encoder writes {@code a = b = 0} (lossless u16); the decoder also reads ROS's quantised blobs
 * ({@code a != 0}, see {@link RvlImage#metres}). The decoder checks everything Rerun's does (run lengths, value
 * range, whole words, code length) and a size cap, so a damaged blob is an {@link InvalidArgumentException} that
 * says what is wrong, never an exception from deep inside or a huge allocation.
 *
 * <pre>{@code
 * byte[] blob = Rvl.encode(new short[] {0, 1200, 1201, 0, 800}, 5, 1);   // 28 bytes
 * RvlImage back = Rvl.decode(blob);                                       // the same five values
 * }</pre>
 */
public final class Rvl {

    /** The media type Rerun matches exactly. */
    public static final String MEDIA_TYPE = "application/rvl";
    /** Bytes before the RVL stream: format, a, b, width, height. */
    public static final int HEADER_BYTES = 20;
    /** Largest width or height: the viewer keeps sizes as u16. */
    public static final int MAX_SIDE = 65535;
    /** Most pixels per image: Rerun 0.36's cap (2^26), which also bounds what a decoder allocates. */
    public static final int MAX_PIXELS = 1 << 26;

    private static final String BLOB = "RVL blob";
    /** A VLE of a u32 needs at most 11 nibbles (33 bits). */
    private static final int MAX_VLE_NIBBLES = 11;

    private Rvl() {
    }

    // ---- encoding -------------------------------------------------------------------------------------------

    /**
     * Encodes unsigned 16-bit depth ({@code depth[y * width + x]}, 0 = no depth) losslessly, with {@code a = b = 0}.
     *
     * @throws InvalidArgumentException if the sizes are out of range or {@code depth} has not {@code width*height}
     *                                  elements
     */
    public static byte[] encode(short[] depth, int width, int height) {
        Require.nonNull("Rvl.depth", depth);
        int n = checkSize("Rvl.width", "Rvl.height", width, height);
        if (depth.length != n) {
            throw new InvalidArgumentException("Rvl.depth", depth.length + " elements",
                    n + " elements (width*height for " + width + "x" + height + ")");
        }
        // Each pixel costs at most 6 value nibbles, and each (zeros, non-zeros) pair of run lengths at most
        // 2 nibbles per pixel it covers (a run of p pixels needs at most p nibbles): 8 nibbles = 4 bytes a pixel.
        byte[] out = new byte[HEADER_BYTES + 4 * n + 4];
        ByteBuffer header = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(12, width).putInt(16, height); // format, a and b stay 0
        NibbleWriter w = new NibbleWriter(out, HEADER_BYTES);
        int previous = 0;
        int i = 0;
        while (i < n) {
            int zerosStart = i;
            while (i < n && depth[i] == 0) {
                i++;
            }
            w.vle(i - zerosStart);
            int nonZerosStart = i;
            while (i < n && depth[i] != 0) {
                i++;
            }
            w.vle(i - nonZerosStart);
            for (int j = nonZerosStart; j < i; j++) {
                int value = Short.toUnsignedInt(depth[j]);
                int delta = value - previous;
                w.vle((delta << 1) ^ (delta >> 31)); // zigzag: 0, -1, 1, -2 -> 0, 1, 2, 3
                previous = value;
            }
        }
        return Arrays.copyOf(out, w.finish());
    }

    /** Writes nibbles into 32-bit words, first nibble highest, each word little-endian. */
    private static final class NibbleWriter {
        private final byte[] out;
        private int pos;
        private int word;
        private int nibbles;

        NibbleWriter(byte[] out, int pos) {
            this.out = out;
            this.pos = pos;
        }

        void vle(int value) {
            int v = value;
            while (true) {
                int group = v & 7;
                v >>>= 3;
                if (v == 0) {
                    put(group);
                    return;
                }
                put(group | 8);
            }
        }

        private void put(int nibble) {
            word = (word << 4) | nibble;
            if (++nibbles == 8) {
                flushWord();
            }
        }

        private void flushWord() {
            out[pos] = (byte) word;
            out[pos + 1] = (byte) (word >>> 8);
            out[pos + 2] = (byte) (word >>> 16);
            out[pos + 3] = (byte) (word >>> 24);
            pos += 4;
            word = 0;
            nibbles = 0;
        }

        /** Pads the last word with zero nibbles; returns the blob's length. */
        int finish() {
            if (nibbles > 0) {
                word <<= 4 * (8 - nibbles);
                flushWord();
            }
            return pos;
        }
    }

    // ---- decoding -------------------------------------------------------------------------------------------

    /** Decodes a whole blob (header and stream); see {@link #decode(ByteBuffer)}. */
    public static RvlImage decode(byte[] blob) {
        Require.nonNull(BLOB, blob);
        return decode(ByteBuffer.wrap(blob));
    }

    /**
     * Decodes the remaining bytes of {@code blob} (its position and byte order are not changed). Bytes after the
     * last word the pixels need are ignored, as Rerun does.
     *
     * @throws InvalidArgumentException naming the problem: a missing header or resolution, a size of 0 or over
     *                                  {@link #MAX_SIDE} / {@link #MAX_PIXELS}, a stream that ends early, a run
     *                                  longer than the pixels left, an empty run, a value outside 0..65535, or an
     *                                  overlong code
     */
    public static RvlImage decode(ByteBuffer blob) {
        Require.nonNull(BLOB, blob);
        ByteBuffer b = blob.slice().order(ByteOrder.LITTLE_ENDIAN);
        Header h = header(b);
        int n = h.width * h.height;
        short[] values = new short[n];
        NibbleReader r = new NibbleReader(b, HEADER_BYTES, n);
        int previous = 0;
        int i = 0;
        while (i < n) {
            long zeros = r.vle(i);
            if (zeros > n - i) {
                throw corrupt("a run of " + zeros + " zeros at pixel " + i + " of " + n, "at most the "
                        + (n - i) + " pixels left (too many zeros)");
            }
            i += (int) zeros; // the array is already zero
            long nonZeros = r.vle(i);
            if (nonZeros > n - i) {
                throw corrupt("a run of " + nonZeros + " non-zeros at pixel " + i + " of " + n, "at most the "
                        + (n - i) + " pixels left (too many non-zeros)");
            }
            if (zeros == 0 && nonZeros == 0) {
                throw corrupt("an empty run (0 zeros, 0 non-zeros) at pixel " + i + " of " + n,
                        "every run pair to cover at least one pixel");
            }
            for (int end = i + (int) nonZeros; i < end; i++) {
                long code = r.vle(i);
                long delta = (code & 1) == 0 ? code >>> 1 : -((code + 1) >>> 1);
                long value = previous + delta;
                if (value < 0 || value > 65535) {
                    throw corrupt("value " + value + " at pixel " + i + " (previous " + previous + ", delta "
                            + delta + ")", "0..65535 (value out of range)");
                }
                previous = (int) value;
                values[i] = (short) previous;
            }
        }
        return new RvlImage(h.width, h.height, h.quantA, h.quantB, values);
    }

    /** The header of a blob: checks lengths and sizes without decoding the stream. */
    public static RvlImage headerOnly(ByteBuffer blob) {
        Header h = header(blob.slice().order(ByteOrder.LITTLE_ENDIAN));
        return new RvlImage(h.width, h.height, h.quantA, h.quantB, new short[0]);
    }

    private record Header(int width, int height, float quantA, float quantB) {
    }

    private static Header header(ByteBuffer b) {
        int length = b.remaining();
        if (length <= 12) {
            throw corrupt(length + " bytes", "at least " + (HEADER_BYTES + 4)
                    + " bytes: a 20-byte header (format, a, b, width, height) and the stream (missing RVL header)");
        }
        if (length < HEADER_BYTES) {
            throw corrupt(length + " bytes", "at least " + (HEADER_BYTES + 4)
                    + " bytes: width and height end at byte 20 (missing resolution)");
        }
        long width = Integer.toUnsignedLong(b.getInt(12));
        long height = Integer.toUnsignedLong(b.getInt(16));
        if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw corrupt("resolution " + width + "x" + height, "width and height in 1.." + MAX_SIDE);
        }
        if (width * height > MAX_PIXELS) {
            throw corrupt("resolution " + width + "x" + height + " = " + width * height + " pixels",
                    "at most " + MAX_PIXELS + " pixels (2^26, Rerun 0.36's limit)");
        }
        float a = b.getFloat(4);
        float bq = b.getFloat(8);
        if (!Float.isFinite(a) || !Float.isFinite(bq)) {
            throw corrupt("quantisation a=" + a + ", b=" + bq, "finite numbers (0, 0 for raw u16 depth)");
        }
        return new Header((int) width, (int) height, a, bq);
    }

    /** Reads nibbles from little-endian 32-bit words, first nibble highest. */
    private static final class NibbleReader {
        private final ByteBuffer b;
        private final int pixels;
        private int pos;
        private int word;
        private int left; // nibbles left in word

        NibbleReader(ByteBuffer b, int pos, int pixels) {
            this.b = b;
            this.pos = pos;
            this.pixels = pixels;
        }

        long vle(int pixel) {
            long value = 0;
            for (int k = 0; k < MAX_VLE_NIBBLES; k++) {
                if (left == 0) {
                    if (b.limit() - pos < 4) {
                        throw corrupt("a stream that ends at byte " + b.limit() + " with " + pixel + " of " + pixels
                                + " pixels decoded", "whole 32-bit words up to the last pixel (unexpected end: "
                                + "the blob is truncated)");
                    }
                    word = b.getInt(pos);
                    pos += 4;
                    left = 8;
                }
                left--;
                int nibble = (word >>> (left << 2)) & 0xF;
                value |= (long) (nibble & 7) << (3 * k);
                if ((nibble & 8) == 0) {
                    return value;
                }
            }
            throw corrupt("a number longer than " + MAX_VLE_NIBBLES + " nibbles at pixel " + pixel,
                    "at most " + MAX_VLE_NIBBLES + " nibbles per number (overflow)");
        }
    }

    // ---- shared -------------------------------------------------------------------------------------------

    /** Validates an image size for RVL and returns the pixel count. */
    static int checkSize(String widthField, String heightField, int width, int height) {
        if (width <= 0 || width > MAX_SIDE) {
            throw new InvalidArgumentException(widthField, Integer.toString(width), "1.." + MAX_SIDE);
        }
        if (height <= 0 || height > MAX_SIDE) {
            throw new InvalidArgumentException(heightField, Integer.toString(height), "1.." + MAX_SIDE);
        }
        long n = (long) width * height;
        if (n > MAX_PIXELS) {
            throw new InvalidArgumentException(widthField + "*" + heightField.substring(heightField.indexOf('.') + 1),
                    width + "x" + height + " = " + n + " pixels", "at most " + MAX_PIXELS + " pixels (2^26, Rerun 0.36's limit)");
        }
        return (int) n;
    }

    private static InvalidArgumentException corrupt(String got, String expected) {
        return new InvalidArgumentException(BLOB, got, expected);
    }
}

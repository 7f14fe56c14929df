package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the raw element values of a depth image buffer (row-major, little-endian, §1.3) for every channel
 * datatype, as full-precision doubles (what the hover shows) or as the f32 the GPU texture holds.
 *
 * <pre>{@code
 * DepthImage img = DepthImage.fromU16(new short[] {(short) 65535, 20000}, 2, 1);
 * DepthValues.get(img, 0, 0);                 // 65535.0 (unsigned)
 * DepthValues.halfToFloat((short) 0x3C00);    // 1.0f
 * }</pre>
 */
public final class DepthValues {

    private DepthValues() {
    }

    /**
     * Number of whole elements in the buffer: {@code bytes / bytesPerElement}. The viewer computes the
     * automatic range over these, not over {@code W·H} (equal for any valid image).
     */
    public static int count(DepthImage image) {
        return image.buffer().size() / image.datatype().bytesPerElement();
    }

    /** The value of pixel {@code (x, y)} as a double (u64/i64 beyond 2^53 are rounded). */
    public static double get(DepthImage image, int x, int y) {
        checkPixel(image, x, y);
        return read(image.buffer().asByteBuffer(), image.datatype(), y * image.width() + x);
    }

    /**
     * Element {@code index} of a little-endian buffer (absolute, from byte 0; position and order of
     * {@code bytes} are ignored) as a double. Unsigned types are read unsigned, F16 is decoded exactly.
     */
    public static double read(ByteBuffer bytes, ChannelDatatype datatype, int index) {
        int at = index * datatype.bytesPerElement();
        switch (datatype) {
            case F16: return halfToFloat(le16(bytes, at));
            case F32: return Float.intBitsToFloat(le32(bytes, at));
            case F64: return Double.longBitsToDouble(le64(bytes, at));
            case U64: return unsignedToDouble(readInteger(bytes, datatype, index));
            default: return readInteger(bytes, datatype, index);
        }
    }

    /**
     * Element {@code index} of an integer-typed buffer as its exact 64-bit pattern: sign-extended for signed
     * types, zero-extended for unsigned ones (U64 above {@code Long.MAX_VALUE} comes back negative; print it
     * with {@code Long.toUnsignedString}). Float types are rejected.
     */
    public static long readInteger(ByteBuffer bytes, ChannelDatatype datatype, int index) {
        int at = index * datatype.bytesPerElement();
        switch (datatype) {
            case U8: return bytes.get(at) & 0xFF;
            case I8: return bytes.get(at);
            case U16: return le16(bytes, at) & 0xFFFF;
            case I16: return le16(bytes, at);
            case U32: return le32(bytes, at) & 0xFFFF_FFFFL;
            case I32: return le32(bytes, at);
            case U64:
            case I64: return le64(bytes, at);
            default: throw new IllegalArgumentException(datatype + " is not an integer type");
        }
    }

    /**
     * All elements as the f32 values the viewer's shader works with: integers converted to the nearest
     * f32 (exact up to 2^24), U64/I64/F64 narrowed like the upload does, F16 widened exactly.
     */
    public static float[] toGpuValues(DepthImage image) {
        ChannelDatatype datatype = image.datatype();
        ByteBuffer bytes = image.buffer().asByteBuffer();
        int n = count(image);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = gpuValue(bytes, datatype, i);
        }
        return out;
    }

    /**
     * Element {@code index} as the f32 the viewer's shader works with (see {@link #toGpuValues}), for callers
     * that read a few texels and must not copy the whole image (a small render of a huge frame).
     */
    public static float gpuValue(ByteBuffer bytes, ChannelDatatype datatype, int index) {
        if (datatype == ChannelDatatype.U64) {
            return unsignedToFloat(le64(bytes, index * 8));
        } else if (datatype == ChannelDatatype.I64) {
            return (float) le64(bytes, index * 8); // long -> float directly: one rounding, not two
        }
        return (float) read(bytes, datatype, index); // the double is exact, so one rounding
    }

    /**
     * IEEE 754 binary16 to float, exact (Java 17 has no {@code Float.float16ToFloat}). Subnormals, infinities
     * and NaN are preserved. A lookup in a 65536-entry table (256 KiB, built on the first call), so decoding
     * whole F16 images per pixel costs one array read.
     */
    public static float halfToFloat(short bits) {
        return HalfTable.VALUES[bits & 0xFFFF];
    }

    /** {@code VALUES[bits]} is the float value of the binary16 pattern {@code bits}; lazily initialised. */
    private static final class HalfTable {
        static final float[] VALUES = new float[1 << 16];

        static {
            for (int h = 0; h < VALUES.length; h++) {
                VALUES[h] = decodeHalf((short) h);
            }
        }
    }

    /** The decoding the table is built from. */
    private static float decodeHalf(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) { // Inf / NaN: keep the payload
            return Float.intBitsToFloat(sign | 0x7F80_0000 | mantissa << 13);
        }
        if (exponent == 0) { // zero or subnormal: mantissa * 2^-24, exact in float
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
    }

    static void checkPixel(DepthImage image, int x, int y) {
        if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside "
                    + image.width() + "x" + image.height());
        }
    }

    private static short le16(ByteBuffer b, int at) {
        short s = b.getShort(at);
        return b.order() == ByteOrder.LITTLE_ENDIAN ? s : Short.reverseBytes(s);
    }

    private static int le32(ByteBuffer b, int at) {
        int v = b.getInt(at);
        return b.order() == ByteOrder.LITTLE_ENDIAN ? v : Integer.reverseBytes(v);
    }

    private static long le64(ByteBuffer b, int at) {
        long v = b.getLong(at);
        return b.order() == ByteOrder.LITTLE_ENDIAN ? v : Long.reverseBytes(v);
    }

    /** Unsigned 64-bit to the nearest double (halving keeps the sticky bit so rounding stays correct). */
    static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** Unsigned 64-bit to the nearest float directly (no double rounding through f64). */
    public static float unsignedToFloat(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2f;
    }
}

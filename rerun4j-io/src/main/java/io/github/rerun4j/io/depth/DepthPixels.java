package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The readers' shared steps: sizing a pixel buffer (checked before allocating), turning its little-endian
 * bytes into a {@link DepthImage} without another copy, reading one value as a double, and the float
 * formats' invalid markers.
 */
final class DepthPixels {

    private DepthPixels() {
    }

    /** {@code width * height * bytes}, or a refusal naming the header when it does not fit one Java array. */
    static int byteCount(Path file, String where, long width, long height, ChannelDatatype datatype)
            throws FileFormatException {
        if (width <= 0 || height <= 0) {
            throw new FileFormatException(file, where, "expected a width and height > 0, found " + width + "x" + height);
        }
        long bytes = width * height * datatype.bytesPerElement();
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE || bytes > Integer.MAX_VALUE - 16) {
            throw new FileFormatException(file, where, "expected an image of at most 2 GiB, found " + width + "x"
                    + height + " " + datatype + " (" + bytes + " bytes)");
        }
        return (int) bytes;
    }

    /** A depth image on {@code littleEndian} (position 0, exactly the image's bytes), which is not copied. */
    static DepthImage image(ByteBuffer littleEndian, int width, int height, ChannelDatatype datatype) {
        return new DepthImage(ImageBuffer.referencing(littleEndian.asReadOnlyBuffer()),
                ImageFormat.depth(width, height, datatype));
    }

    /** A little-endian buffer of {@code bytes} bytes. */
    static ByteBuffer allocate(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Float depth's invalid markers made one: infinities (PFM's "unknown" +inf, -inf) become NaN, which
     * makes no point in 3D as they did, but keeps the viewer's automatic colormap range finite
     * (docs/semantics.md §3.1 counts infinities in the range, skips NaN). Integer images keep 0.
     */
    static void infinitiesToNaN(ByteBuffer littleEndian, ChannelDatatype datatype) {
        int n = littleEndian.capacity() / datatype.bytesPerElement();
        switch (datatype) {
            case F32 -> {
                for (int i = 0; i < n; i++) {
                    if (Float.isInfinite(littleEndian.getFloat(i * 4))) {
                        littleEndian.putFloat(i * 4, Float.NaN);
                    }
                }
            }
            case F64 -> {
                for (int i = 0; i < n; i++) {
                    if (Double.isInfinite(littleEndian.getDouble(i * 8))) {
                        littleEndian.putDouble(i * 8, Double.NaN);
                    }
                }
            }
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    if ((littleEndian.getShort(i * 2) & 0x7FFF) == 0x7C00) { // exponent all ones, mantissa 0
                        littleEndian.putShort(i * 2, (short) 0x7E00);
                    }
                }
            }
            default -> {
                // integers: 0 is the marker already
            }
        }
    }

    /**
     * Element {@code i} of a little-endian buffer as a double (unsigned types as unsigned). F16 is not read
     * here: the one binary16 decoder lives in rerun4j-render, which this module does not see.
     */
    static double value(ByteBuffer littleEndian, ChannelDatatype datatype, int i) {
        return switch (datatype) {
            case U8 -> Byte.toUnsignedInt(littleEndian.get(i));
            case I8 -> littleEndian.get(i);
            case U16 -> Short.toUnsignedInt(littleEndian.getShort(i * 2));
            case I16 -> littleEndian.getShort(i * 2);
            case F16 -> throw new IllegalArgumentException("F16 values are not read by rerun4j-io");
            case U32 -> Integer.toUnsignedLong(littleEndian.getInt(i * 4));
            case I32 -> littleEndian.getInt(i * 4);
            case F32 -> littleEndian.getFloat(i * 4);
            case U64 -> unsigned(littleEndian.getLong(i * 8));
            case I64 -> littleEndian.getLong(i * 8);
            case F64 -> littleEndian.getDouble(i * 8);
        };
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
}

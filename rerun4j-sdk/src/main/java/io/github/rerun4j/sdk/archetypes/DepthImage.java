package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ColorModel;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.Require;
import io.github.rerun4j.sdk.types.ValueRange;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A depth image: one value per pixel, shown colormapped in 2D and back-projected to a point cloud in 3D
 * under a {@link Pinhole}. Archetype {@code rerun.archetypes.DepthImage}.
 *
 * <p>Factories are named after the element type: {@code fromU16(short[], w, h)} for unsigned 16-bit
 * millimetres, {@code fromI16} for the same array read as signed, {@code fromF16(short[] halfBits, ...)},
 * {@code fromU8/fromI8(byte[])}, {@code fromU32/fromI32(int[])}, {@code fromU64/fromI64(long[])},
 * {@code fromF32(float[])}, {@code fromF64(double[])}, each also for the matching {@code java.nio}
 * buffer, plus {@link #fromBytes} for raw little-endian bytes and {@link #fromTensor} for NumPy-like shapes.
 * Data is row-major ({@code data[y * width + x]}) and copied once, so later changes to the source do not
 * change the image. Optional fields are null until set with a {@code withX} method; the viewer then uses
 * its defaults (meter 1000 for integer and 1 for float images, Turbo, range {@code [0, max]}, fill ratio 1,
 * draw order -20, Nearest).
 *
 * <pre>{@code
 * short[] mm = new short[640 * 480];            // millimetres, row-major
 * DepthImage depth = DepthImage.fromU16(mm, 640, 480)
 *         .withMeter(1000)
 *         .withColormap(Colormap.VIRIDIS);
 * }</pre>
 *
 * @param buffer              pixel bytes, exactly {@code format.numBytes()} long (required)
 * @param format              size and datatype; no pixel format, color model null or L (required)
 * @param meter               raw units per metre, finite {@code > 0}, or null
 * @param colormap            or null
 * @param depthRange          raw-value range mapped onto the colormap, or null
 * @param pointFillRatio      3D point size relative to the pixel footprint, finite {@code >= 0}, or null
 * @param drawOrder           2D layering, finite, or null
 * @param magnificationFilter or null
 * @param colorSource         the colour image that colours this depth image's cloud when rerun4j's RGB-coloured
 *                            clouds are on (written as the {@link DepthCloudColor} hint beside the depth image;
 *                            Rerun's viewer ignores it), or null
 */
public record DepthImage(ImageBuffer buffer, ImageFormat format, @Nullable Float meter, @Nullable Colormap colormap,
                         @Nullable ValueRange depthRange, @Nullable Float pointFillRatio, @Nullable Float drawOrder,
                         @Nullable MagnificationFilter magnificationFilter, @Nullable EntityPath colorSource)
        implements Archetype {

    /** Validates every field; see the record components. */
    public DepthImage {
        Require.nonNull("DepthImage.buffer", buffer);
        Require.nonNull("DepthImage.format", format);
        if (format.pixelFormat() != null) {
            throw new InvalidArgumentException("DepthImage.format", format.toString(),
                    "no pixel format (depth images are single-channel; use ImageFormat.depth(w, h, datatype))");
        }
        if (format.colorModel() != null && format.colorModel() != ColorModel.L) {
            throw new InvalidArgumentException("DepthImage.format", format.toString(),
                    "color model null or L (depth images are single-channel)");
        }
        if (buffer.size() != format.numBytes()) {
            throw new InvalidArgumentException("DepthImage.buffer", buffer.size() + " bytes",
                    format.numBytes() + " bytes for " + format + " (width*height*"
                            + format.effectiveChannelDatatype().bytesPerElement() + ")");
        }
        if (meter != null) {
            Require.finitePositive("DepthImage.meter", meter);
        }
        if (pointFillRatio != null) {
            Require.finiteNonNegative("DepthImage.pointFillRatio", pointFillRatio);
        }
        if (drawOrder != null) {
            Require.finite("DepthImage.drawOrder", drawOrder);
        }
    }

    /** Rerun's fields only: no colour source. */
    public DepthImage(ImageBuffer buffer, ImageFormat format, @Nullable Float meter, @Nullable Colormap colormap,
                      @Nullable ValueRange depthRange, @Nullable Float pointFillRatio, @Nullable Float drawOrder,
                      @Nullable MagnificationFilter magnificationFilter) {
        this(buffer, format, meter, colormap, depthRange, pointFillRatio, drawOrder, magnificationFilter, null);
    }

    /** The required fields only; all optional ones null. */
    public DepthImage(ImageBuffer buffer, ImageFormat format) {
        this(buffer, format, null, null, null, null, null, null, null);
    }

    /** Same as {@link #DepthImage(ImageBuffer, ImageFormat)}. */
    public static DepthImage of(ImageBuffer buffer, ImageFormat format) {
        return new DepthImage(buffer, format);
    }

    // ---- factories by element type ---------------------------------------------------------------------

    /** Unsigned 8-bit depth. */
    public static DepthImage fromU8(byte[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.U8);
    }

    /** Signed 8-bit depth. */
    public static DepthImage fromI8(byte[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.I8);
    }

    /** Unsigned 16-bit depth (Java's signed {@code short} read as 0..65535), usually millimetres. */
    public static DepthImage fromU16(short[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.U16);
    }

    /** Unsigned 16-bit depth from a buffer of any byte order. */
    public static DepthImage fromU16(ShortBuffer data, int width, int height) {
        return create(data, width, height, ChannelDatatype.U16);
    }

    /** Signed 16-bit depth. */
    public static DepthImage fromI16(short[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.I16);
    }

    /** Signed 16-bit depth from a buffer of any byte order. */
    public static DepthImage fromI16(ShortBuffer data, int width, int height) {
        return create(data, width, height, ChannelDatatype.I16);
    }

    /** Half-precision float depth, given as IEEE 754 binary16 bit patterns ({@code Float.floatToFloat16}). */
    public static DepthImage fromF16(short[] halfBits, int width, int height) {
        return create(halfBits, width, height, ChannelDatatype.F16);
    }

    /** Half-precision float depth (binary16 bit patterns) from a buffer of any byte order. */
    public static DepthImage fromF16(ShortBuffer halfBits, int width, int height) {
        return create(halfBits, width, height, ChannelDatatype.F16);
    }

    /** Unsigned 32-bit depth (Java's {@code int} read as unsigned). */
    public static DepthImage fromU32(int[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.U32);
    }

    /** Unsigned 32-bit depth from a buffer of any byte order. */
    public static DepthImage fromU32(IntBuffer data, int width, int height) {
        return create(data, width, height, ChannelDatatype.U32);
    }

    /** Signed 32-bit depth. */
    public static DepthImage fromI32(int[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.I32);
    }

    /** Signed 32-bit depth from a buffer of any byte order. */
    public static DepthImage fromI32(IntBuffer data, int width, int height) {
        return create(data, width, height, ChannelDatatype.I32);
    }

    /** Unsigned 64-bit depth (Java's {@code long} read as unsigned). */
    public static DepthImage fromU64(long[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.U64);
    }

    /** Unsigned 64-bit depth from a buffer of any byte order. */
    public static DepthImage fromU64(LongBuffer data, int width, int height) {
        return create(data, width, height, ChannelDatatype.U64);
    }

    /** Signed 64-bit depth. */
    public static DepthImage fromI64(long[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.I64);
    }

    /** Signed 64-bit depth from a buffer of any byte order. */
    public static DepthImage fromI64(LongBuffer data, int width, int height) {
        return create(data, width, height, ChannelDatatype.I64);
    }

    /** 32-bit float depth, usually metres (then the viewer's default meter is 1). */
    public static DepthImage fromF32(float[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.F32);
    }

    /** 32-bit float depth from a buffer of any byte order. */
    public static DepthImage fromF32(FloatBuffer data, int width, int height) {
        return create(data, width, height, ChannelDatatype.F32);
    }

    /** 64-bit float depth. */
    public static DepthImage fromF64(double[] data, int width, int height) {
        return create(data, width, height, ChannelDatatype.F64);
    }

    /** 64-bit float depth from a buffer of any byte order. */
    public static DepthImage fromF64(DoubleBuffer data, int width, int height) {
        return create(data, width, height, ChannelDatatype.F64);
    }

    /**
     * Raw bytes: the remaining bytes of {@code littleEndianBytes} must be exactly
     * {@code width * height * datatype.bytesPerElement()} and are copied verbatim (the buffer's own byte
     * order setting is irrelevant; the bytes must already be little-endian elements).
     */
    public static DepthImage fromBytes(ByteBuffer littleEndianBytes, int width, int height,
                                       ChannelDatatype datatype) {
        return create(littleEndianBytes, width, height, Require.nonNull("DepthImage.datatype", datatype));
    }

    /** Raw little-endian bytes; see {@link #fromBytes(ByteBuffer, int, int, ChannelDatatype)}. */
    public static DepthImage fromBytes(byte[] littleEndianBytes, int width, int height, ChannelDatatype datatype) {
        return create(littleEndianBytes, width, height, Require.nonNull("DepthImage.datatype", datatype));
    }

    /**
     * The legacy "tensor" form: row-major data with a NumPy-like shape. Unit dimensions are stripped from
     * the front, then from the back, while more than two remain; exactly two must remain, {@code [H, W]}.
     * So {@code [H, W]}, {@code [H, W, 1]}, {@code [1, H, W]} and {@code [1, H, W, 1]} are accepted and
     * {@code [H, W, 3]} is rejected. {@code data} is a primitive array or {@code java.nio} buffer whose
     * element type fits {@code datatype} ({@code short[]} for U16/I16/F16, {@code float[]} for F32, ...), or
     * raw little-endian bytes ({@code byte[]}/{@code ByteBuffer}) for any datatype.
     *
     * <pre>{@code
     * float[] metres = new float[480 * 640];
     * DepthImage depth = DepthImage.fromTensor(metres, new long[] {480, 640, 1}, ChannelDatatype.F32);
     * }</pre>
     */
    public static DepthImage fromTensor(Object data, long[] shape, ChannelDatatype datatype) {
        Require.nonNull("DepthImage.data", data);
        Require.nonNull("DepthImage.shape", shape);
        Require.nonNull("DepthImage.datatype", datatype);
        for (long dim : shape) {
            if (dim <= 0) {
                throw new InvalidArgumentException("DepthImage.shape", Arrays.toString(shape),
                        "dimensions > 0");
            }
        }
        int from = 0;
        int to = shape.length;
        while (to - from > 2 && shape[from] == 1) {
            from++;
        }
        while (to - from > 2 && shape[to - 1] == 1) {
            to--;
        }
        if (to - from != 2) {
            throw new InvalidArgumentException("DepthImage.shape", Arrays.toString(shape),
                    "DepthImage must be 2D: [H, W], optionally with leading/trailing dimensions of size 1");
        }
        long height = shape[from];
        long width = shape[from + 1];
        if (height > Integer.MAX_VALUE || width > Integer.MAX_VALUE) {
            throw new InvalidArgumentException("DepthImage.shape", Arrays.toString(shape),
                    "height and width <= " + Integer.MAX_VALUE);
        }
        return create(data, (int) width, (int) height, datatype);
    }

    private static DepthImage create(Object data, int width, int height, ChannelDatatype datatype) {
        Require.nonNull("DepthImage.data", data);
        ImageFormat format = ImageFormat.depth(width, height, datatype); // validates width, height, overflow
        long[] countAndSize = elementCountAndSize(data);
        long count = countAndSize[0];
        long elementSize = countAndSize[1];
        boolean rawBytes = elementSize == 1 && datatype.bytesPerElement() > 1;
        if (!rawBytes && !fits(data, datatype)) {
            throw new InvalidArgumentException("DepthImage.datatype", datatype + " with "
                    + data.getClass().getSimpleName(), "an element type matching the data "
                    + "(byte[]: U8/I8 or raw bytes, short[]: U16/I16/F16, int[]: U32/I32, long[]: U64/I64, "
                    + "float[]: F32, double[]: F64)");
        }
        long expected = rawBytes ? format.numBytes() : format.numPixels();
        if (count != expected) {
            String unit = rawBytes ? " bytes" : " elements";
            throw new InvalidArgumentException("DepthImage.buffer", count + unit,
                    expected + unit + " (width*height" + (rawBytes ? "*" + datatype.bytesPerElement() : "")
                            + " for " + format + ")");
        }
        return new DepthImage(ImageBuffer.ofAny(data), format);
    }

    private static long[] elementCountAndSize(Object data) {
        if (data instanceof byte[] a) return new long[] {a.length, 1};
        if (data instanceof short[] a) return new long[] {a.length, 2};
        if (data instanceof int[] a) return new long[] {a.length, 4};
        if (data instanceof long[] a) return new long[] {a.length, 8};
        if (data instanceof float[] a) return new long[] {a.length, 4};
        if (data instanceof double[] a) return new long[] {a.length, 8};
        if (data instanceof ByteBuffer b) return new long[] {b.remaining(), 1};
        if (data instanceof ShortBuffer b) return new long[] {b.remaining(), 2};
        if (data instanceof IntBuffer b) return new long[] {b.remaining(), 4};
        if (data instanceof LongBuffer b) return new long[] {b.remaining(), 8};
        if (data instanceof FloatBuffer b) return new long[] {b.remaining(), 4};
        if (data instanceof DoubleBuffer b) return new long[] {b.remaining(), 8};
        throw new InvalidArgumentException("DepthImage.data", data.getClass().getName(),
                "a byte[], short[], int[], long[], float[], double[] or the matching java.nio buffer");
    }

    private static boolean fits(Object data, ChannelDatatype dt) {
        return switch (dt) {
            case U8, I8 -> data instanceof byte[] || data instanceof ByteBuffer;
            case U16, I16, F16 -> data instanceof short[] || data instanceof ShortBuffer;
            case U32, I32 -> data instanceof int[] || data instanceof IntBuffer;
            case U64, I64 -> data instanceof long[] || data instanceof LongBuffer;
            case F32 -> data instanceof float[] || data instanceof FloatBuffer;
            case F64 -> data instanceof double[] || data instanceof DoubleBuffer;
        };
    }

    // ---- withers ----------------------------------------------------------------------------------------

    /** How many raw units make one metre ({@code z = raw / meter}): 1000 for millimetres, 1 for metres. */
    public DepthImage withMeter(double meter) {
        return withMeter((Float) toFloat("DepthImage.meter", meter, "a finite value > 0", meter > 0));
    }

    /**
     * The camera SDK's "depth scale", in metres per raw unit (RealSense D4xx 0.001, L515 0.00025, SR300
     * 0.000124986647): sets {@code meter = 1 / metresPerUnit}, the number Rerun wants, so that neither has to
     * be turned around by hand.
     *
     * <pre>{@code
     * DepthImage sr300 = DepthImage.fromU16(new short[640 * 480], 640, 480).withDepthScale(0.000124986647);
     * }</pre>
     */
    public DepthImage withDepthScale(double metresPerUnit) {
        float meter = (float) (1 / metresPerUnit);
        if (!(metresPerUnit > 0) || !Double.isFinite(metresPerUnit) || !Float.isFinite(meter) || meter == 0) {
            throw new InvalidArgumentException("DepthImage.depthScale", Double.toString(metresPerUnit),
                    "a finite value > 0 in metres per unit (0.001 for millimetres) whose inverse, the meter, "
                            + "is a finite float");
        }
        return withMeter(Float.valueOf(meter));
    }

    /** Sets or (with null) clears the meter. */
    public DepthImage withMeter(@Nullable Float meter) {
        return new DepthImage(buffer, format, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter, colorSource);
    }

    /** Sets or (with null) clears the colormap. */
    public DepthImage withColormap(@Nullable Colormap colormap) {
        return new DepthImage(buffer, format, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter, colorSource);
    }

    /** Sets the colormap by name, case-insensitive: {@code withColormap("viridis")}. */
    public DepthImage withColormap(String colormapName) {
        return withColormap(Colormap.fromName(colormapName));
    }

    /** The raw-value range mapped onto the colormap, e.g. {@code withDepthRange(0, 5000)} for 0-5 m in mm. */
    public DepthImage withDepthRange(double min, double max) {
        return withDepthRange(ValueRange.of(min, max));
    }

    /** Sets or (with null) clears the depth range. */
    public DepthImage withDepthRange(@Nullable ValueRange depthRange) {
        return new DepthImage(buffer, format, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter, colorSource);
    }

    /** Size of the 3D points relative to the pixel footprint: 1 = touching, 0.5 = half. */
    public DepthImage withPointFillRatio(double pointFillRatio) {
        return withPointFillRatio((Float) toFloat("DepthImage.pointFillRatio", pointFillRatio, "a finite value >= 0",
                pointFillRatio >= 0));
    }

    /** Sets or (with null) clears the point fill ratio. */
    public DepthImage withPointFillRatio(@Nullable Float pointFillRatio) {
        return new DepthImage(buffer, format, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter, colorSource);
    }

    /** 2D layering: higher values are drawn on top (depth images default to -20). */
    public DepthImage withDrawOrder(double drawOrder) {
        return withDrawOrder((Float) toFloat("DepthImage.drawOrder", drawOrder, "a finite value", true));
    }

    /** Sets or (with null) clears the draw order. */
    public DepthImage withDrawOrder(@Nullable Float drawOrder) {
        return new DepthImage(buffer, format, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter, colorSource);
    }

    /** Sets or (with null) clears the 2D magnification filter. */
    public DepthImage withMagnificationFilter(@Nullable MagnificationFilter magnificationFilter) {
        return new DepthImage(buffer, format, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter, colorSource);
    }

    /**
     * Names the colour image that colours this depth image's cloud when rerun4j's RGB-coloured clouds are on
     * ({@code --rgb-clouds}), instead of the one rerun4j would pick under the same Pinhole; logged beside the depth
     * image as {@code rerun4j.DepthCloudColor:source}.
     *
     * <pre>{@code
     * DepthImage depth = DepthImage.fromU16(new short[4], 2, 2).withColorSource("world/camera/rgb");
     * depth.colorSource().toString();   // "/world/camera/rgb"
     * }</pre>
     */
    public DepthImage withColorSource(String entityPath) {
        return withColorSource(EntityPath.parse(Require.nonNull("DepthImage.colorSource", entityPath)));
    }

    /** Sets or (with null) clears the colour source; see {@link #withColorSource(String)}. */
    public DepthImage withColorSource(@Nullable EntityPath colorSource) {
        return new DepthImage(buffer, format, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter, colorSource);
    }

    /** Narrows to a finite float; reports the double itself if it is out of range or fails {@code ok}. */
    private static float toFloat(String field, double value, String expected, boolean ok) {
        float f = (float) value;
        if (!ok || !Double.isFinite(value) || !Float.isFinite(f) || (f == 0 && value != 0)) {
            throw new InvalidArgumentException(field, Double.toString(value),
                    expected + (Double.isFinite(value) && ok ? " representable as a float" : ""));
        }
        return f;
    }

    // ---- accessors --------------------------------------------------------------------------------------

    /** Width in pixels. */
    public int width() {
        return format.width();
    }

    /** Height in pixels. */
    public int height() {
        return format.height();
    }

    /** The element type (U8 if the format leaves it null). */
    public ChannelDatatype datatype() {
        return format.effectiveChannelDatatype();
    }

    @Override
    public String archetypeName() {
        return "rerun.archetypes.DepthImage";
    }

    /** {@code DepthImage[format=L U16 300x200, meter=10000.0, colormap=Viridis, buffer=120000 bytes]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DepthImage[format=").append(format);
        if (meter != null) sb.append(", meter=").append(meter);
        if (colormap != null) sb.append(", colormap=").append(colormap);
        if (depthRange != null) sb.append(", depthRange=").append(depthRange);
        if (pointFillRatio != null) sb.append(", pointFillRatio=").append(pointFillRatio);
        if (drawOrder != null) sb.append(", drawOrder=").append(drawOrder);
        if (magnificationFilter != null) sb.append(", magnificationFilter=").append(magnificationFilter);
        if (colorSource != null) sb.append(", colorSource=").append(colorSource);
        return sb.append(", buffer=").append(buffer.size()).append(" bytes]").toString();
    }
}

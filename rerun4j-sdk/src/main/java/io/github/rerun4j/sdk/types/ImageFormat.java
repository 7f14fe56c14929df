package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;
import org.jspecify.annotations.Nullable;

/**
 * Size and pixel layout of an image buffer; component {@code rerun.components.ImageFormat}.
 *
 * <p>Width and height are {@code UInt32} on the wire; rerun4j accepts {@code 1..Integer.MAX_VALUE} and
 * additionally requires the whole image to fit one Java array ({@link #MAX_BYTES}). If
 * {@code pixelFormat} is set it wins over the other two; otherwise a null {@code colorModel} means
 * {@link ColorModel#L} and a null {@code channelDatatype} means {@link ChannelDatatype#U8}.
 *
 * <pre>{@code
 * ImageFormat f = ImageFormat.depth(300, 200, ChannelDatatype.U16);
 * f.numBytes();   // 120000
 * f.toString();   // "L U16 300x200"
 * }</pre>
 *
 * @param width           pixels per row, {@code > 0}
 * @param height          rows, {@code > 0}
 * @param pixelFormat     YUV layout, or null
 * @param colorModel      channel layout, or null (= L)
 * @param channelDatatype element type, or null (= U8)
 */
public record ImageFormat(int width, int height, @Nullable PixelFormat pixelFormat, @Nullable ColorModel colorModel,
                          @Nullable ChannelDatatype channelDatatype) {

    /** Largest image buffer rerun4j accepts: the largest Java array, {@code Integer.MAX_VALUE - 8} bytes. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8L;

    /** Validates sizes and that the image fits {@link #MAX_BYTES}. */
    public ImageFormat {
        Require.positive("ImageFormat.width", width);
        Require.positive("ImageFormat.height", height);
        long bytes = computeNumBytes(width, height, pixelFormat, colorModel, channelDatatype);
        if (bytes > MAX_BYTES) {
            throw new InvalidArgumentException("ImageFormat",
                    describe(width, height, pixelFormat, colorModel, channelDatatype) + " = "
                            + (bytes == Long.MAX_VALUE ? "more than 2^63" : Long.toString(bytes)) + " bytes",
                    "at most " + MAX_BYTES + " bytes (the largest Java array)");
        }
    }

    /**
     * A single-channel depth format, as the SDKs write it: pixel format and color model null.
     *
     * <pre>{@code ImageFormat f = ImageFormat.depth(640, 480, ChannelDatatype.F32);}</pre>
     */
    public static ImageFormat depth(int width, int height, ChannelDatatype datatype) {
        return new ImageFormat(width, height, null, null, Require.nonNull("ImageFormat.channelDatatype", datatype));
    }

    /** A color (or L) format with interleaved channels: {@code ImageFormat.of(640, 480, RGB, U8)}. */
    public static ImageFormat of(int width, int height, ColorModel colorModel, ChannelDatatype datatype) {
        return new ImageFormat(width, height, null, Require.nonNull("ImageFormat.colorModel", colorModel),
                Require.nonNull("ImageFormat.channelDatatype", datatype));
    }

    /** A YUV format: {@code ImageFormat.of(640, 480, PixelFormat.NV12)}. */
    public static ImageFormat of(int width, int height, PixelFormat pixelFormat) {
        return new ImageFormat(width, height, Require.nonNull("ImageFormat.pixelFormat", pixelFormat), null, null);
    }

    /** The color model the viewer assumes: {@code colorModel}, or L when null. */
    public ColorModel effectiveColorModel() {
        return colorModel == null ? ColorModel.L : colorModel;
    }

    /** The datatype the viewer assumes: {@code channelDatatype}, or U8 when null. */
    public ChannelDatatype effectiveChannelDatatype() {
        return channelDatatype == null ? ChannelDatatype.U8 : channelDatatype;
    }

    /** Number of pixels, {@code width * height}. */
    public long numPixels() {
        return (long) width * height;
    }

    /** Exact byte length the viewer expects for a buffer of this format (at most {@link #MAX_BYTES}). */
    public long numBytes() {
        return computeNumBytes(width, height, pixelFormat, colorModel, channelDatatype);
    }

    private static long computeNumBytes(int width, int height, @Nullable PixelFormat pixelFormat,
                                        @Nullable ColorModel colorModel, @Nullable ChannelDatatype datatype) {
        if (pixelFormat != null) {
            return pixelFormat.numBytes(width, height); // < 3 * 2^62: no overflow
        }
        long channels = colorModel == null ? 1 : colorModel.channels();
        long bytes = datatype == null ? 1 : datatype.bytesPerElement();
        try {
            return Math.multiplyExact((long) width * height, channels * bytes);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private static String describe(int width, int height, @Nullable PixelFormat pixelFormat,
                                   @Nullable ColorModel colorModel, @Nullable ChannelDatatype datatype) {
        String layout = pixelFormat != null ? pixelFormat.toString()
                : (colorModel == null ? ColorModel.L : colorModel) + " " + (datatype == null ? ChannelDatatype.U8 : datatype);
        return layout + " " + Integer.toUnsignedString(width) + "x" + Integer.toUnsignedString(height);
    }

    /** Like Rerun's dataframe cell: {@code "L U16 300x200"} or {@code "NV12 640x480"}. */
    @Override
    public String toString() {
        return describe(width, height, pixelFormat, colorModel, channelDatatype);
    }
}

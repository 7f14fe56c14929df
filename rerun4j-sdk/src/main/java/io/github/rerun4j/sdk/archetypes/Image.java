package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ColorModel;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.PixelFormat;
import io.github.rerun4j.sdk.types.Require;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A colour (or greyscale) image: shown as is in 2D and on the pinhole's image plane in 3D. Archetype
 * {@code rerun.archetypes.Image}.
 *
 * <p>Every 0.33 layout can be logged: interleaved L, RGB, RGBA, BGR, BGRA with any {@link ChannelDatatype}
 * ({@link #fromBytes}), and the YUV {@link PixelFormat}s ({@link #fromPixelFormat}). Factories for the common cases:
 * {@link #fromRgb8}, {@link #fromRgba8}, {@link #fromBgr8}, {@link #fromBgra8}, {@link #fromL8}, {@link #fromL16}
 * and {@link #fromArgb} (packed {@code 0xAARRGGBB} ints, as {@code BufferedImage.getRGB} and Android's
 * {@code Bitmap.getPixels} give them). Like the Python SDK, factories always write the colour model (null would
 * mean L). Pixels are copied once. Optional fields are null until set; the viewer then uses opacity 1 (0.5 over a
 * depth image drawn in the same 2D view), draw order -10 and Nearest.
 *
 * <pre>{@code
 * byte[] rgb = new byte[640 * 480 * 3];           // R, G, B per pixel, row-major
 * Image colour = Image.fromRgb8(rgb, 640, 480).withOpacity(0.8);
 * }</pre>
 *
 * @param buffer              pixel bytes, exactly {@code format.numBytes()} long (required)
 * @param format              size and layout (required)
 * @param opacity             0..1, or null
 * @param drawOrder           2D layering, finite, or null
 * @param magnificationFilter or null
 */
public record Image(ImageBuffer buffer, ImageFormat format, @Nullable Float opacity, @Nullable Float drawOrder,
                    @Nullable MagnificationFilter magnificationFilter) implements Archetype {

    /** Validates every field; see the record components. */
    public Image {
        Require.nonNull("Image.buffer", buffer);
        Require.nonNull("Image.format", format);
        if (buffer.size() != format.numBytes()) {
            throw new InvalidArgumentException("Image.buffer", buffer.size() + " bytes",
                    format.numBytes() + " bytes for " + format);
        }
        if (opacity != null && (!Float.isFinite(opacity) || opacity < 0 || opacity > 1)) {
            throw new InvalidArgumentException("Image.opacity", opacity.toString(), "a value in 0..1");
        }
        if (drawOrder != null) {
            Require.finite("Image.drawOrder", drawOrder);
        }
    }

    /** The required fields only. */
    public Image(ImageBuffer buffer, ImageFormat format) {
        this(buffer, format, null, null, null);
    }

    /** Same as {@link #Image(ImageBuffer, ImageFormat)}. */
    public static Image of(ImageBuffer buffer, ImageFormat format) {
        return new Image(buffer, format);
    }

    // ---- factories ------------------------------------------------------------------------------------------

    /** 8-bit RGB, three bytes per pixel. */
    public static Image fromRgb8(byte[] rgb, int width, int height) {
        return fromBytes(rgb, ImageFormat.of(width, height, ColorModel.RGB, ChannelDatatype.U8));
    }

    /** 8-bit RGBA (alpha not premultiplied), four bytes per pixel. */
    public static Image fromRgba8(byte[] rgba, int width, int height) {
        return fromBytes(rgba, ImageFormat.of(width, height, ColorModel.RGBA, ChannelDatatype.U8));
    }

    /** 8-bit BGR (OpenCV's order), three bytes per pixel. */
    public static Image fromBgr8(byte[] bgr, int width, int height) {
        return fromBytes(bgr, ImageFormat.of(width, height, ColorModel.BGR, ChannelDatatype.U8));
    }

    /** 8-bit BGRA, four bytes per pixel. */
    public static Image fromBgra8(byte[] bgra, int width, int height) {
        return fromBytes(bgra, ImageFormat.of(width, height, ColorModel.BGRA, ChannelDatatype.U8));
    }

    /** 8-bit greyscale. */
    public static Image fromL8(byte[] grey, int width, int height) {
        return fromBytes(grey, ImageFormat.of(width, height, ColorModel.L, ChannelDatatype.U8));
    }

    /** 16-bit greyscale (unsigned); the viewer stretches it over its value range. */
    public static Image fromL16(short[] grey, int width, int height) {
        Require.nonNull("Image.data", grey);
        ImageFormat format = ImageFormat.of(width, height, ColorModel.L, ChannelDatatype.U16);
        checkElements(grey.length, format.numPixels(), " (width*height for " + format + ")");
        return new Image(ImageBuffer.of(grey), format);
    }

    /**
     * Packed {@code 0xAARRGGBB} pixels ({@code argb[y * width + x]}), logged as RGBA8 with the alpha kept.
     *
     * <pre>{@code
     * int[] argb = {0xFFFF0000, 0xFF00FF00};         // red, green
     * Image two = Image.fromArgb(argb, 2, 1);
     * }</pre>
     */
    public static Image fromArgb(int[] argb, int width, int height) {
        Require.nonNull("Image.data", argb);
        ImageFormat format = ImageFormat.of(width, height, ColorModel.RGBA, ChannelDatatype.U8);
        checkElements(argb.length, format.numPixels(), " (width*height for " + format + ")");
        byte[] rgba = new byte[argb.length * 4];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            rgba[4 * i] = (byte) (p >>> 16);
            rgba[4 * i + 1] = (byte) (p >>> 8);
            rgba[4 * i + 2] = (byte) p;
            rgba[4 * i + 3] = (byte) (p >>> 24);
        }
        return new Image(ImageBuffer.of(rgba), format);
    }

    /**
     * Raw bytes in any layout: interleaved channels, multi-byte elements little-endian, or a YUV pixel format. The
     * length must be exactly {@code format.numBytes()}.
     */
    public static Image fromBytes(byte[] bytes, ImageFormat format) {
        Require.nonNull("Image.data", bytes);
        Require.nonNull("Image.format", format);
        checkPixelFormatSize(format);
        checkElements(bytes.length, format.numBytes(), " bytes for " + format);
        return new Image(ImageBuffer.of(bytes), format);
    }

    /** The remaining bytes of {@code bytes}, copied; see {@link #fromBytes(byte[], ImageFormat)}. */
    public static Image fromBytes(ByteBuffer bytes, ImageFormat format) {
        Require.nonNull("Image.data", bytes);
        Require.nonNull("Image.format", format);
        checkPixelFormatSize(format);
        checkElements(bytes.remaining(), format.numBytes(), " bytes for " + format);
        return new Image(ImageBuffer.of(bytes), format);
    }

    /**
     * A YUV image ({@code NV12}, {@code YUY2}, I420/I422/I444 in limited or full range, Y8), laid out as
     * {@link PixelFormat#numBytes} describes. Subsampled formats need an even width and height, and I420 a
     * height divisible by 4 (the viewer finds the V plane at row {@code H + H/4}, right only then).
     *
     * <pre>{@code
     * byte[] nv12 = new byte[640 * 480 * 3 / 2];
     * Image frame = Image.fromPixelFormat(nv12, 640, 480, PixelFormat.NV12);
     * }</pre>
     */
    public static Image fromPixelFormat(byte[] bytes, int width, int height, PixelFormat pixelFormat) {
        return fromBytes(bytes, ImageFormat.of(width, height, pixelFormat));
    }

    private static void checkPixelFormatSize(ImageFormat format) {
        PixelFormat pf = format.pixelFormat();
        if (pf == null) {
            return;
        }
        boolean subsampledX = switch (pf) {
            case NV12, YUY2, Y_U_V12_LIMITED_RANGE, Y_U_V12_FULL_RANGE, Y_U_V16_LIMITED_RANGE,
                 Y_U_V16_FULL_RANGE -> true;
            default -> false;
        };
        boolean subsampledY = switch (pf) {
            case NV12, Y_U_V12_LIMITED_RANGE, Y_U_V12_FULL_RANGE -> true;
            default -> false;
        };
        if (subsampledX && format.width() % 2 != 0) {
            throw new InvalidArgumentException("Image.format", format.toString(),
                    "an even width for " + pf + " (two pixels share one chroma sample)");
        }
        if (subsampledY && format.height() % 2 != 0) {
            throw new InvalidArgumentException("Image.format", format.toString(),
                    "an even height for " + pf + " (two rows share one chroma sample)");
        }
        if ((pf == PixelFormat.Y_U_V12_LIMITED_RANGE || pf == PixelFormat.Y_U_V12_FULL_RANGE)
                && format.height() % 4 != 0) {
            throw new InvalidArgumentException("Image.format", format.toString(),
                    "a height divisible by 4 for " + pf + " (the viewer places the V plane at row H + H/4)");
        }
    }

    private static void checkElements(long got, long expected, String what) {
        if (got != expected) {
            throw new InvalidArgumentException("Image.buffer", Long.toString(got), expected + what);
        }
    }

    // ---- withers --------------------------------------------------------------------------------------------

    /** Opacity in 0..1 (1 = opaque). */
    public Image withOpacity(double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new InvalidArgumentException("Image.opacity", Double.toString(opacity), "a value in 0..1");
        }
        return withOpacity((Float) (float) opacity);
    }

    /** Sets or (with null) clears the opacity. */
    public Image withOpacity(@Nullable Float opacity) {
        return new Image(buffer, format, opacity, drawOrder, magnificationFilter);
    }

    /** 2D layering: higher values are drawn on top (images default to -10, depth images to -20). */
    public Image withDrawOrder(double drawOrder) {
        return withDrawOrder((Float) Require.toFiniteFloat("Image.drawOrder", drawOrder));
    }

    /** Sets or (with null) clears the draw order. */
    public Image withDrawOrder(@Nullable Float drawOrder) {
        return new Image(buffer, format, opacity, drawOrder, magnificationFilter);
    }

    /** Sets or (with null) clears the 2D magnification filter. */
    public Image withMagnificationFilter(@Nullable MagnificationFilter magnificationFilter) {
        return new Image(buffer, format, opacity, drawOrder, magnificationFilter);
    }

    // ---- accessors ------------------------------------------------------------------------------------------

    /** Width in pixels. */
    public int width() {
        return format.width();
    }

    /** Height in pixels. */
    public int height() {
        return format.height();
    }

    @Override
    public String archetypeName() {
        return "rerun.archetypes.Image";
    }

    /** {@code Image[format=RGB U8 4x3, opacity=0.5, buffer=36 bytes]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Image[format=").append(format);
        if (opacity != null) sb.append(", opacity=").append(opacity);
        if (drawOrder != null) sb.append(", drawOrder=").append(drawOrder);
        if (magnificationFilter != null) sb.append(", magnificationFilter=").append(magnificationFilter);
        return sb.append(", buffer=").append(buffer.size()).append(" bytes]").toString();
    }
}

package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.encoding.GreyPng;
import io.github.rerun4j.sdk.encoding.Rvl;
import io.github.rerun4j.sdk.encoding.RvlImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.Require;
import io.github.rerun4j.sdk.types.ValueRange;

import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A depth image as compressed bytes, RVL ({@code application/rvl}) or 16-bit greyscale PNG ({@code image/png}),
 * decoded by the viewer and then shown exactly like a {@link DepthImage}. Archetype
 * {@code rerun.archetypes.EncodedDepthImage} (unstable in Rerun 0.33).
 *
 * <p>{@link #rvl(short[], int, int)} and {@link #png(short[], int, int)} compress millimetres in pure Java and
 * write the media type and {@code meter = 1000} (always log the meter: 0.33's default is 1000 whatever the data,
 * and the official snippets' 0.001 places a 1 m pixel 1000 km away). {@link #rvl(DepthImage)} /
 * {@link #png(DepthImage)} log a u16 {@code DepthImage} compressed in one call, with its fields and, when it has
 * none, its automatic range {@code [0, max]} as {@code depthRange}, so the viewer colours it as it colours the
 * {@code DepthImage} (0.33's own default for encoded depth is [0, 65535]). Log encoded depth on a timeline:
 * static encoded images can hang in 0.33. {@code magnificationFilter} is ignored by the viewer.
 *
 * <pre>{@code
 * short[] mm = new short[640 * 480];
 * EncodedDepthImage rvl = EncodedDepthImage.rvl(mm, 640, 480);   // ~3-5x smaller than raw on real depth
 * EncodedDepthImage same = EncodedDepthImage.rvl(depth);         // a u16 DepthImage, compressed
 * // rec.log("world/camera/depth", rvl), on a timeline
 * }</pre>
 *
 * @param blob                the encoded bytes, not empty (required)
 * @param mediaType           {@code application/rvl}, {@code image/png}, {@code image/jpeg} (which the viewer
 *                            accepts but is lossy 8-bit: the factories refuse it), or null
 * @param meter               raw units per metre, finite {@code > 0}, or null
 * @param colormap            or null
 * @param depthRange          raw-value range mapped onto the colormap, or null
 * @param pointFillRatio      3D point size relative to the pixel footprint, finite {@code >= 0}, or null
 * @param drawOrder           2D layering, finite, or null
 * @param magnificationFilter or null (ignored by the viewer)
 */
public record EncodedDepthImage(ImageBuffer blob, @Nullable String mediaType, @Nullable Float meter,
                                @Nullable Colormap colormap, @Nullable ValueRange depthRange,
                                @Nullable Float pointFillRatio, @Nullable Float drawOrder,
                                @Nullable MagnificationFilter magnificationFilter) implements Archetype {

    /** The media types the 0.33 viewer decodes for this archetype. */
    public static final List<String> MEDIA_TYPES = List.of(MediaTypes.RVL, MediaTypes.PNG, MediaTypes.JPEG);
    /** The meter the factories write for millimetres. */
    public static final float MILLIMETRES = 1000f;

    /** Validates every field; see the record components. */
    public EncodedDepthImage {
        Require.nonNull("EncodedDepthImage.blob", blob);
        if (blob.size() == 0) {
            throw new InvalidArgumentException("EncodedDepthImage.blob", "0 bytes", "the bytes of an RVL blob or PNG");
        }
        MediaTypes.check("EncodedDepthImage.mediaType", mediaType, MEDIA_TYPES);
        if (meter != null) {
            Require.finitePositive("EncodedDepthImage.meter", meter);
        }
        if (pointFillRatio != null) {
            Require.finiteNonNegative("EncodedDepthImage.pointFillRatio", pointFillRatio);
        }
        if (drawOrder != null) {
            Require.finite("EncodedDepthImage.drawOrder", drawOrder);
        }
    }

    /** Blob and media type only, all optional fields null. */
    public EncodedDepthImage(ImageBuffer blob, @Nullable String mediaType) {
        this(blob, mediaType, null, null, null, null, null, null);
    }

    // ---- factories ------------------------------------------------------------------------------------------

    /** Millimetres ({@code depth[y * width + x]}, unsigned, 0 = no depth) as RVL, with meter 1000. */
    public static EncodedDepthImage rvl(short[] depth, int width, int height) {
        return new EncodedDepthImage(ImageBuffer.of(Rvl.encode(depth, width, height)), MediaTypes.RVL)
                .withMeter((Float) MILLIMETRES);
    }

    /** Millimetres as a 16-bit greyscale PNG, with meter 1000. */
    public static EncodedDepthImage png(short[] depth, int width, int height) {
        return new EncodedDepthImage(ImageBuffer.of(GreyPng.encode16(depth, width, height)), MediaTypes.PNG)
                .withMeter((Float) MILLIMETRES);
    }

    /**
     * A u16 {@link DepthImage} compressed as RVL: its meter (1000 if unset), colormap, depth range (its automatic
     * range {@code [0, max]} if unset), fill ratio and draw order come along.
     *
     * @throws InvalidArgumentException if the depth image is not U16 (RVL codes unsigned 16-bit values)
     */
    public static EncodedDepthImage rvl(DepthImage depth) {
        short[] values = u16("EncodedDepthImage.rvl", depth);
        return withFieldsOf(rvl(values, depth.width(), depth.height()), depth, values);
    }

    /** A u16 {@link DepthImage} as a 16-bit PNG, its fields carried over as for {@link #rvl(DepthImage)}. */
    public static EncodedDepthImage png(DepthImage depth) {
        short[] values = u16("EncodedDepthImage.png", depth);
        return withFieldsOf(png(values, depth.width(), depth.height()), depth, values);
    }

    private static short[] u16(String field, DepthImage depth) {
        Require.nonNull(field, depth);
        if (depth.datatype() != ChannelDatatype.U16) {
            throw new InvalidArgumentException(field, "a " + depth.datatype() + " depth image",
                    "a U16 depth image (RVL and 16-bit PNG hold unsigned 16-bit values; scale floats to millimetres)");
        }
        short[] values = new short[depth.width() * depth.height()];
        depth.buffer().asByteBuffer().asShortBuffer().get(values);
        return values;
    }

    private static EncodedDepthImage withFieldsOf(EncodedDepthImage encoded, DepthImage depth, short[] values) {
        ValueRange range = depth.depthRange();
        if (range == null) {
            int max = 0;
            for (short v : values) {
                max = Math.max(max, Short.toUnsignedInt(v));
            }
            range = ValueRange.of(0, max);
        }
        Float meter = depth.meter();
        return new EncodedDepthImage(encoded.blob, encoded.mediaType, meter != null ? meter : MILLIMETRES,
                depth.colormap(), range, depth.pointFillRatio(), depth.drawOrder(), null);
    }

    /**
     * Already encoded bytes (an RVL blob, e.g. from a ROS {@code compressedDepth} message, or a 16-bit PNG file),
     * checked by decoding them once. Set the meter with {@link #withMeter(double)}.
     *
     * @throws InvalidArgumentException for another media type (JPEG is lossy 8-bit: no depth format), an RVL blob
     *                                  that does not decode, or a PNG that is not 16-bit greyscale
     */
    public static EncodedDepthImage of(byte[] blob, String mediaType) {
        Require.nonNull("EncodedDepthImage.blob", blob);
        Require.nonNull("EncodedDepthImage.mediaType", mediaType);
        MediaTypes.check("EncodedDepthImage.mediaType", mediaType, List.of(MediaTypes.RVL, MediaTypes.PNG));
        ImageBuffer copy = ImageBuffer.of(blob);
        if (mediaType.equals(MediaTypes.RVL)) {
            Rvl.decode(copy.asByteBuffer());
        } else {
            GreyPng.Image png = GreyPng.decode(copy.asByteBuffer());
            if (png.bitDepth() != 16) {
                throw new InvalidArgumentException("EncodedDepthImage.blob", "an " + png.bitDepth() + "-bit PNG",
                        "a 16-bit greyscale PNG (the viewer reads 8-bit PNG depth as 0..1 and mis-scales it)");
            }
        }
        return new EncodedDepthImage(copy, mediaType);
    }

    // ---- decoding -------------------------------------------------------------------------------------------

    /**
     * The pixels as a {@link DepthImage}, as the viewer decodes them: RVL to F32 (raw values, or metres for
     * quantised RVL with NaN for no depth), 16-bit PNG to U16, 8-bit PNG to U8. Meter, colormap, depth range, fill
     * ratio and draw order are carried over as logged (null stays null; the viewer's fallbacks for encoded depth
     * differ from a DepthImage's and are the reader's business).
     *
     * @throws InvalidArgumentException if the blob does not decode, or the media type is missing or JPEG
     */
    public DepthImage decode() {
        String type = mediaType != null ? mediaType : MediaTypes.sniff(blob.asByteBuffer());
        DepthImage image;
        if (MediaTypes.RVL.equals(type)) {
            RvlImage rvl = Rvl.decode(blob.asByteBuffer());
            float[] values = new float[rvl.values().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = rvl.isQuantised() ? rvl.metres(i) : rvl.value(i);
            }
            image = DepthImage.fromF32(values, rvl.width(), rvl.height());
        } else if (MediaTypes.PNG.equals(type)) {
            GreyPng.Image png = GreyPng.decode(blob.asByteBuffer());
            if (png.bitDepth() == 16) {
                image = DepthImage.fromU16(png.values(), png.width(), png.height());
            } else {
                byte[] bytes = new byte[png.values().length];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) png.values()[i];
                }
                image = DepthImage.fromU8(bytes, png.width(), png.height());
            }
        } else {
            throw new InvalidArgumentException("EncodedDepthImage.mediaType", String.valueOf(type),
                    "application/rvl or image/png to decode depth (an RVL blob is never sniffed: log its media type)");
        }
        return image.withMeter(meter).withColormap(colormap).withDepthRange(depthRange)
                .withPointFillRatio(pointFillRatio).withDrawOrder(drawOrder);
    }

    /** Width and height from the header, without decoding the pixels: {@code [width, height]}. */
    public int[] size() {
        ByteBuffer b = blob.asByteBuffer();
        String type = mediaType != null ? mediaType : MediaTypes.sniff(b);
        if (MediaTypes.RVL.equals(type)) {
            RvlImage h = Rvl.headerOnly(b);
            return new int[] {h.width(), h.height()};
        }
        if (MediaTypes.PNG.equals(type) && b.remaining() >= 24) {
            return new int[] {b.order(java.nio.ByteOrder.BIG_ENDIAN).getInt(16), b.getInt(20)};
        }
        throw new InvalidArgumentException("EncodedDepthImage.blob", MediaTypes.start(b),
                "an RVL blob or PNG file whose header gives the size");
    }

    // ---- withers --------------------------------------------------------------------------------------------

    /** Sets or (with null) clears the media type. */
    public EncodedDepthImage withMediaType(@Nullable String mediaType) {
        return new EncodedDepthImage(blob, mediaType, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter);
    }

    /** How many raw units make one metre: 1000 for millimetres, 1 for quantised RVL (which decodes to metres). */
    public EncodedDepthImage withMeter(double meter) {
        float f = (float) meter;
        if (!(meter > 0) || !Float.isFinite(f) || f == 0) {
            throw new InvalidArgumentException("EncodedDepthImage.meter", Double.toString(meter),
                    "a finite value > 0 representable as a float");
        }
        return withMeter((Float) f);
    }

    /** Sets or (with null) clears the meter. */
    public EncodedDepthImage withMeter(@Nullable Float meter) {
        return new EncodedDepthImage(blob, mediaType, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter);
    }

    /** Sets or (with null) clears the colormap. */
    public EncodedDepthImage withColormap(@Nullable Colormap colormap) {
        return new EncodedDepthImage(blob, mediaType, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter);
    }

    /** The raw-value range mapped onto the colormap, e.g. {@code withDepthRange(0, 5000)} for 0-5 m in mm. */
    public EncodedDepthImage withDepthRange(double min, double max) {
        return withDepthRange(ValueRange.of(min, max));
    }

    /** Sets or (with null) clears the depth range. */
    public EncodedDepthImage withDepthRange(@Nullable ValueRange depthRange) {
        return new EncodedDepthImage(blob, mediaType, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter);
    }

    /** Size of the 3D points relative to the pixel footprint: 1 = touching. */
    public EncodedDepthImage withPointFillRatio(double pointFillRatio) {
        float f = (float) pointFillRatio;
        if (!(pointFillRatio >= 0) || !Float.isFinite(f)) {
            throw new InvalidArgumentException("EncodedDepthImage.pointFillRatio", Double.toString(pointFillRatio),
                    "a finite value >= 0");
        }
        return withPointFillRatio((Float) f);
    }

    /** Sets or (with null) clears the point fill ratio. */
    public EncodedDepthImage withPointFillRatio(@Nullable Float pointFillRatio) {
        return new EncodedDepthImage(blob, mediaType, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter);
    }

    /** 2D layering: higher values are drawn on top (default -20). */
    public EncodedDepthImage withDrawOrder(double drawOrder) {
        return withDrawOrder((Float) Require.toFiniteFloat("EncodedDepthImage.drawOrder", drawOrder));
    }

    /** Sets or (with null) clears the draw order. */
    public EncodedDepthImage withDrawOrder(@Nullable Float drawOrder) {
        return new EncodedDepthImage(blob, mediaType, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter);
    }

    /** Sets or (with null) clears the magnification filter (ignored by the viewer for encoded images). */
    public EncodedDepthImage withMagnificationFilter(@Nullable MagnificationFilter magnificationFilter) {
        return new EncodedDepthImage(blob, mediaType, meter, colormap, depthRange, pointFillRatio, drawOrder,
                magnificationFilter);
    }

    @Override
    public String archetypeName() {
        return "rerun.archetypes.EncodedDepthImage";
    }

    /** {@code EncodedDepthImage[mediaType=application/rvl, meter=1000.0, blob=36 bytes]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EncodedDepthImage[mediaType=").append(mediaType);
        if (meter != null) sb.append(", meter=").append(meter);
        if (colormap != null) sb.append(", colormap=").append(colormap);
        if (depthRange != null) sb.append(", depthRange=").append(depthRange);
        if (pointFillRatio != null) sb.append(", pointFillRatio=").append(pointFillRatio);
        if (drawOrder != null) sb.append(", drawOrder=").append(drawOrder);
        if (magnificationFilter != null) sb.append(", magnificationFilter=").append(magnificationFilter);
        return sb.append(", blob=").append(blob.size()).append(" bytes]").toString();
    }
}

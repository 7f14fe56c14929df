package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ValueRange;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The raw-value range {@code [min, max]} mapped onto the colormap, as the f32 pair the shader receives.
 * Unlike the SDK's {@link ValueRange} it may be inverted, empty or infinite, because the viewer's automatic
 * range can be (§2.2): an all-zero image gives {@code [0, 0]}, an all-negative one {@code [0, -2]}, an F64
 * image without finite values {@code [0, +inf]}.
 *
 * <pre>{@code
 * DepthRange r = DepthRange.effectiveRange(depth);   // logged depth_range, else automatic
 * DepthRange a = DepthRange.automatic(depth);        // [0, 65535] for the snippet image
 * }</pre>
 *
 * @param min value mapped to t = 0
 * @param max value mapped to t = 1
 */
public record DepthRange(float min, float max) {

    /** The range the viewer uses: the logged {@code depth_range} (narrowed to f32), else {@link #automatic}. */
    public static DepthRange effectiveRange(DepthImage image) {
        ValueRange logged = image.depthRange();
        return logged != null ? of(logged) : automatic(image);
    }

    /** A logged range as the shader sees it: both bounds narrowed to f32. */
    public static DepthRange of(ValueRange range) {
        return new DepthRange((float) range.min(), (float) range.max());
    }

    /**
     * The automatic range of §2.2: {@code [0, largest finite value]} over all elements. NaN is skipped;
     * if nothing is left the datatype's maximum is used; if the min/max include ±∞ they are recomputed over
     * finite values only (datatype maximum if there are none). The lower bound is always 0, whatever the
     * data; the upper bound is computed in f64 and then narrowed to f32 (so F64's maximum becomes +∞).
     */
    public static DepthRange automatic(DepthImage image) {
        Objects.requireNonNull(image, "image");
        ChannelDatatype datatype = image.datatype();
        ByteBuffer bytes = image.buffer().asByteBuffer();
        int n = DepthValues.count(image);

        boolean found = false;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = DepthValues.read(bytes, datatype, i);
            if (Double.isNaN(v)) {
                continue; // float min/max skip NaN
            }
            found = true;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        double finiteMax;
        if (!found) {
            finiteMax = datatypeMax(datatype);
        } else if (Double.isFinite(min) && Double.isFinite(max)) {
            finiteMax = max;
        } else {
            finiteMax = finiteMaxOrDatatypeMax(bytes, datatype, n);
        }
        return new DepthRange(0f, (float) finiteMax);
    }

    /**
     * Largest value of the type as the viewer's f64 statistics hold it (U64 2^64 − 1 and I64 2^63 − 1 round
     * to the nearest double).
     */
    public static double datatypeMax(ChannelDatatype datatype) {
        switch (datatype) {
            case U8: return 255;
            case I8: return 127;
            case U16: return 65535;
            case I16: return 32767;
            case U32: return 4294967295.0;
            case I32: return Integer.MAX_VALUE;
            case U64: return DepthValues.unsignedToDouble(-1L);
            case I64: return Long.MAX_VALUE;
            case F16: return 65504;
            case F32: return Float.MAX_VALUE;
            case F64: return Double.MAX_VALUE;
            default: throw new IllegalArgumentException("unknown datatype " + datatype);
        }
    }

    /** Second pass for float images holding ±∞: only the (rare) infinite case pays for it. */
    private static double finiteMaxOrDatatypeMax(ByteBuffer bytes, ChannelDatatype datatype, int n) {
        boolean found = false;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = DepthValues.read(bytes, datatype, i);
            if (Double.isFinite(v)) {
                found = true;
                max = Math.max(max, v);
            }
        }
        return found ? max : datatypeMax(datatype);
    }
}

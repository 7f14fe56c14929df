package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;

import java.nio.ByteBuffer;

/**
 * The colormap range a depth image gets when none is logged: {@code [0, finite max]} of depth-semantics
 * §2.2, computed in the datatype's own precision (doubles here) and narrowed to f32 at the end. Kept
 * package-private: it exists only so {@link BackProjection#project(DepthImage, io.github.rerun4j.sdk.archetypes.Pinhole, Affine3)}
 * can colour without the caller passing a range; the 2D/colormap code owns the public version.
 */
final class AutoDepthRange {

    private AutoDepthRange() {
    }

    /** {@code {min, max}} as f32: the logged depth_range if present, else the §2.2 rule. */
    static float[] effective(DepthImage depth) {
        if (depth.depthRange() != null) {
            return new float[] {(float) depth.depthRange().min(), (float) depth.depthRange().max()};
        }
        return new float[] {0f, (float) finiteMax(depth)};
    }

    static double finiteMax(DepthImage depth) {
        ByteBuffer b = depth.buffer().asByteBuffer();
        ChannelDatatype type = depth.datatype();
        int n = b.capacity() / type.bytesPerElement();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        double finiteMax = Double.NEGATIVE_INFINITY;
        boolean any = false, anyFinite = false;
        for (int i = 0; i < n; i++) {
            double v = value(b, type, i);
            if (Double.isNaN(v)) {
                continue; // min/max over floats skip NaN
            }
            any = true;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (Double.isFinite(v)) {
                anyFinite = true;
                finiteMax = Math.max(finiteMax, v);
            }
        }
        if (!any) {
            return typeMax(type);
        }
        if (Double.isFinite(min) && Double.isFinite(max)) {
            return max;
        }
        return anyFinite ? finiteMax : typeMax(type);
    }

    private static double value(ByteBuffer b, ChannelDatatype type, int i) {
        return switch (type) {
            case U8 -> b.get(i) & 0xFF;
            case I8 -> b.get(i);
            case U16 -> b.getShort(i << 1) & 0xFFFF;
            case I16 -> b.getShort(i << 1);
            case F16 -> HalfFloat.TABLE[b.getShort(i << 1) & 0xFFFF];
            case U32 -> b.getInt(i << 2) & 0xFFFFFFFFL;
            case I32 -> b.getInt(i << 2);
            case F32 -> b.getFloat(i << 2);
            case U64 -> {
                long v = b.getLong(i << 3);
                yield v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            case I64 -> b.getLong(i << 3);
            case F64 -> b.getDouble(i << 3);
        };
    }

    private static double typeMax(ChannelDatatype type) {
        return switch (type) {
            case U8 -> 255;
            case I8 -> 127;
            case U16 -> 65535;
            case I16 -> 32767;
            case U32 -> 4294967295.0;
            case I32 -> Integer.MAX_VALUE;
            case U64 -> 18446744073709551615.0;
            case I64 -> Long.MAX_VALUE;
            case F16 -> 65504;
            case F32 -> Float.MAX_VALUE;
            case F64 -> Double.MAX_VALUE;
        };
    }
}

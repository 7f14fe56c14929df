package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;

/**
 * The {@code meter} the viewer uses (raw units per metre, §2, §2.1): the logged value, else 1 for float
 * images (values are metres) and 1000 for integer images (values are millimetres).
 *
 * <pre>{@code
 * Meter.effective(DepthImage.fromU16(mm, w, h));                   // 1000f
 * Meter.effective(DepthImage.fromF32(m, w, h));                    // 1f
 * Meter.effective(DepthImage.fromU16(d, w, h).withMeter(10000));   // 10000f
 * }</pre>
 */
public final class Meter {

    /** Fallback for U8…I64: millimetres. */
    public static final float DEFAULT_INTEGER = 1000f;
    /** Fallback for F16/F32/F64: metres. */
    public static final float DEFAULT_FLOAT = 1f;

    private Meter() {
    }

    /** Logged meter, or the datatype-dependent fallback. Returned as f32, the component's own type. */
    public static float effective(DepthImage image) {
        Float logged = image.meter();
        if (logged != null) {
            return logged;
        }
        return image.datatype().isFloat() ? DEFAULT_FLOAT : DEFAULT_INTEGER;
    }
}

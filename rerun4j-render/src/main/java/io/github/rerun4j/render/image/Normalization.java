package io.github.rerun4j.render.image;

/**
 * Maps a raw value onto the colormap parameter {@code t = (v − min) / (max − min)}, in f32 like the shader
 * (§3.2). The result is deliberately not clamped: filters work on unclamped t (§4.3) and the colormap
 * saturates at the end ({@code Colormaps.saturate}, NaN → 0).
 *
 * <p>The edge cases fall out of IEEE f32 arithmetic, exactly as on the GPU:
 * <ul>
 *   <li>zero-width range ({@code min == max}): values above give +∞ (t = 1 color), below −∞ (t = 0),
 *       equal 0/0 = NaN (t = 0 color);</li>
 *   <li>inverted range, e.g. {@code [0, -2]}: t = v / −2, so negative data gets t ≥ 1 … the t = 1 color;</li>
 *   <li>NaN input gives NaN (t = 0 color after saturation).</li>
 * </ul>
 *
 * <pre>{@code
 * Normalization.t(20000f, 0f, 65535f);   // 0.30518043f
 * Normalization.t(5f, 5f, 5f);           // NaN
 * }</pre>
 */
public final class Normalization {

    private Normalization() {
    }

    /** {@code (value − min) / (max − min)} in f32. */
    public static float t(float value, float min, float max) {
        return (value - min) / (max - min);
    }

    /** Same as {@link #t(float, float, float)} with the bounds of {@code range}. */
    public static float t(float value, DepthRange range) {
        return t(value, range.min(), range.max());
    }

    /** Normalises every value of {@code values} (e.g. {@code DepthValues.toGpuValues}) into a new array. */
    public static float[] all(float[] values, DepthRange range) {
        float[] out = new float[values.length];
        float min = range.min();
        float max = range.max();
        for (int i = 0; i < values.length; i++) {
            out[i] = t(values[i], min, max);
        }
        return out;
    }
}

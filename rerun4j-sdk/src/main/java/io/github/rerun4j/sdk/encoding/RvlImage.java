package io.github.rerun4j.sdk.encoding;

/**
 * A decoded RVL blob: the header's size and quantisation parameters and the pixels as unsigned 16-bit values
 * (row-major, {@code values[y * width + x]}, 0 = no depth).
 *
 * <p>With {@code quantA == 0} the values are the raw depth (ROS {@code 16UC1}, millimetres by convention). Otherwise
 * they are ROS's quantised inverse depth and {@link #metres(int)} gives {@code a / (q - b)} in f32 (NaN for 0),
 * as the viewer computes it.
 *
 * @param width  columns, 1..65535
 * @param height rows, 1..65535
 * @param quantA ROS {@code depth_quant_a}; 0 for raw u16 depth
 * @param quantB ROS {@code depth_quant_b}
 * @param values the pixels, {@code width * height} of them (shared, not copied: the decoder hands it over)
 */
public record RvlImage(int width, int height, float quantA, float quantB, short[] values) {

    /** Requires the values. */
    public RvlImage {
        java.util.Objects.requireNonNull(values, "RvlImage.values");
    }

    /** True when the values are quantised inverse depth ({@code a != 0}). */
    public boolean isQuantised() {
        return quantA != 0f;
    }

    /** The unsigned value of pixel {@code i}. */
    public int value(int i) {
        return Short.toUnsignedInt(values[i]);
    }

    /** Metric depth of a quantised pixel: {@code a / (q - b)} in f32, NaN when {@code q == 0}. */
    public float metres(int i) {
        int q = value(i);
        return q == 0 ? Float.NaN : quantA / ((float) q - quantB);
    }

    @Override
    public String toString() {
        return "RvlImage[" + width + "x" + height + (isQuantised() ? ", a=" + quantA + ", b=" + quantB : "") + "]";
    }
}

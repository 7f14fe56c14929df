package io.github.rerun4j.spark;

import io.github.rerun4j.render.image.DepthValues;
import io.github.rerun4j.render.image.Meter;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Statistics of one depth frame in metres, with the viewer's semantics (docs/semantics.md): a pixel's depth is
 * its f32 texel times f32(1 / meter) ({@link DepthValues#gpuValue}, {@link Meter#effective}: the logged meter,
 * else 1000 for integer and 1 for float images), and it is valid when {@link BackProjection#isValidDepth} says so
 * ({@code 0 < z < Float.MAX_VALUE}: zero, negative, NaN and infinite depths are invalid), exactly the pixels the
 * 3D view turns into points.
 *
 * <pre>{@code
 * DepthStats s = DepthStats.of(DepthImage.fromU16(new short[] {0, 1000, 3000, 2000}, 2, 2));
 * s.validFraction();   // 0.75
 * s.minM();            // 1.0 (1000 x f32(1 / 1000))
 * s.maxM();            // 3.000000238418579 (f32 metres, as the viewer computes them)
 * }</pre>
 *
 * @param pixels        pixels of the frame
 * @param validPixels   pixels with a valid depth
 * @param validFraction {@code validPixels / pixels} (0 for an empty frame)
 * @param minM          smallest valid depth in metres, or NaN when none is valid
 * @param maxM          largest valid depth in metres, or NaN when none is valid
 * @param meanM         mean of the valid depths (summed in f64), or NaN when none is valid
 * @param medianM       median of the valid depths (the mean of the two middle ones for an even count), or NaN
 */
public record DepthStats(long pixels, long validPixels, double validFraction, double minM, double maxM, double meanM,
                         double medianM) {

    public DepthStats {
        if (pixels < 0 || validPixels < 0 || validPixels > pixels) {
            throw new IllegalArgumentException("DepthStats: validPixels " + validPixels + " of pixels " + pixels
                    + ", expected 0 <= validPixels <= pixels");
        }
    }

    /** The statistics of {@code image}. */
    public static DepthStats of(DepthImage image) {
        Objects.requireNonNull(image, "image");
        ChannelDatatype datatype = image.datatype();
        ByteBuffer bytes = image.buffer().asByteBuffer();
        int n = DepthValues.count(image);
        float invMeter = 1f / Meter.effective(image);
        float[] valid = new float[n];
        int k = 0;
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float z = DepthValues.gpuValue(bytes, datatype, i) * invMeter;
            if (BackProjection.isValidDepth(z)) {
                valid[k++] = z;
                sum += z;
                min = Math.min(min, z);
                max = Math.max(max, z);
            }
        }
        if (k == 0) {
            return new DepthStats(n, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(valid, 0, k);
        double median = k % 2 == 1 ? valid[k / 2] : (valid[k / 2 - 1] + (double) valid[k / 2]) / 2;
        return new DepthStats(n, k, (double) k / n, min, max, sum / k, median);
    }

    /** True when at least one pixel is valid (the min/max/mean/median are numbers). */
    public boolean anyValid() {
        return validPixels > 0;
    }
}
